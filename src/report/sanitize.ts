/**
 * Text from the files read (carrier event texts and names, places, order ids, file names) is data, and data
 * must not act on what shows it: a terminal obeys escape sequences (clear the screen, move the cursor,
 * OSC 8 links), bidi overrides reorder what is read, and Markdown turns `[x](url)` into a link and
 * `![](url)` into a remote image. The reporters pass every value through one of these two functions where
 * it becomes text; the HTML report escapes on its own.
 */

/**
 * Characters that act on a terminal or on the order text is shown in, by range, and why. Each is shown as
 * a visible escape (`\x1b`, `\u202e`) rather than dropped: a reader sees that the file held one.
 */
const ACTING: ReadonlyArray<readonly [number, number, string]> = [
  [0x00, 0x1f, 'C0 controls: ESC starts CSI/OSC sequences (clear screen, OSC 8 links); CR, LF, BS redraw lines'],
  [0x7f, 0x9f, 'DEL and the C1 controls (0x9b is a one-byte CSI, 0x9d a one-byte OSC)'],
  [0x061c, 0x061c, 'Arabic letter mark (bidi)'],
  [0x200e, 0x200f, 'left-to-right and right-to-left marks (bidi)'],
  [0x2028, 0x2029, 'line and paragraph separators: some terminals and editors break the line'],
  [0x202a, 0x202e, 'bidi embeddings and overrides (U+202E shows text backwards)'],
  [0x2066, 0x2069, 'bidi isolates'],
];

const ACTING_RE = new RegExp(`[${ACTING.map(([lo, hi]) => (lo === hi ? u(lo) : `${u(lo)}-${u(hi)}`)).join('')}]`, 'gu');

function u(cp: number): string {
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

function visible(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * A value made safe for a terminal or a plain-text file: every control character (C0, C1, DEL) and bidi
 * control shown as a visible escape, so an escape sequence is inert text. Other text (Chinese, Japanese,
 * accents, emoji) is left as it is.
 */
export function forTerminal(s: string): string {
  ACTING_RE.lastIndex = 0;
  return ACTING_RE.test(s) ? s.replace(ACTING_RE, visible) : s;
}

/**
 * Every string inside `value` (plain objects and arrays, walked) made safe with `forTerminal`. Objects with
 * no string to change are returned as they are, so a clean audit result is not copied. For the reporters
 * whose whole input is data bound for a terminal (text report, check, inspect, explain).
 */
export function terminalSafe<T>(value: T): T {
  return clean(value, 0) as T;
}

function clean(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return forTerminal(v);
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = clean(v[i], depth + 1);
      if (c !== v[i]) (out ??= v.slice())[i] = c;
    }
    return out ?? v;
  }
  const proto = Object.getPrototypeOf(v);
  // Class instances (stamps read back from columns) are left alone: their texts are parsed times.
  if (proto !== Object.prototype && proto !== null) return v;
  let out: Record<string, unknown> | undefined;
  for (const [k, x] of Object.entries(v)) {
    const c = clean(x, depth + 1);
    if (c !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = c;
  }
  return out ?? v;
}

/**
 * A value made inert in Markdown: controls shown as in `forTerminal`, line breaks among them (a value
 * cannot start a heading, list or code block), and every ASCII punctuation character backslash-escaped,
 * which CommonMark renders as the character itself. So `[x](url)`, `![](url)`, `<url>`, bare `http://…`,
 * `www.…` and `a@b.c` (GitHub's autolinks need an unescaped `:`, `.` or `@`), emphasis, code, tables and
 * HTML all show as the text they are.
 */
export function forMarkdown(s: string): string {
  return forTerminal(s).replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
}
