import type { ChalkInstance } from 'chalk';

/**
 * How report text looks in a terminal: colour, and column widths that survive colour and CJK text.
 * Reporters never decide whether colour is on; the CLI (TTY, NO_COLOR, --color) passes a Style in.
 */
export interface Style {
  error(s: string): string;
  warning(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  heading(s: string): string;
}

const same = (s: string) => s;

export const plain: Style = { error: same, warning: same, ok: same, dim: same, bold: same, heading: same };

export function chalkStyle(chalk: ChalkInstance): Style {
  return {
    error: (s) => chalk.red(s),
    warning: (s) => chalk.yellow(s),
    ok: (s) => chalk.green(s),
    dim: (s) => chalk.dim(s),
    bold: (s) => chalk.bold(s),
    heading: (s) => chalk.bold.underline(s),
  };
}

/**
 * Code point ranges a terminal draws two cells wide (Unicode East Asian Width W and F, the blocks that
 * occur in carrier events and ERP headers). Emoji are left out on purpose: terminals disagree on them.
 */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs (收寄, 揽收, 已到达)
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth ASCII and punctuation (，：（）)
  [0xffe0, 0xffe6], // fullwidth signs (￥)
  [0x20000, 0x3fffd], // CJK extensions B and beyond
];

/** Combining marks take no cell of their own. */
const ZERO: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];

const ANSI = /\u001b\[[0-9;]*m/g;

const within = (ranges: ReadonlyArray<readonly [number, number]>, cp: number) =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Terminal cells a string occupies: colour codes count 0, East Asian wide characters 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    w += within(ZERO, cp) ? 0 : within(WIDE, cp) ? 2 : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Cuts plain (uncoloured) text to at most `width` cells, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export type Align = 'left' | 'right';

/**
 * Lines of an aligned table: a dimmed header row, then the rows, indented. Cells may already be coloured.
 * Trailing spaces are trimmed so that copied text stays clean.
 */
export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly Align[],
  style: Style,
  indent = '  ',
): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    (
      indent + cells.map((c, i) => (align[i] === 'right' ? padStart(c, widths[i]) : padEnd(c, widths[i]))).join('  ')
    ).trimEnd();
  return [style.dim(line(header)), ...rows.map(line)];
}
