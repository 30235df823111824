import { displayWidth } from '../report/style.js';

/**
 * The terminal layer: how wide the output may be and whether it is coloured. Reporters build their text
 * without knowing the terminal; the commands pass what they print through `fitToWidth`.
 */

/** Width used when the stream is not a terminal (a pipe, a file, cron mail) or reports no width. */
const DEFAULT_WIDTH = 80;

/**
 * The width to fit text to: COLUMNS when set to a positive whole number (as `ls` and commander read it;
 * scripts and tests set it), else the terminal's width, else 80.
 */
export function terminalWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv = process.env,
): number {
  const columns = columnsAsked(env);
  if (columns !== undefined) return columns;
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : DEFAULT_WIDTH;
}

/**
 * Whether text may be cut to the width: on a terminal, or when COLUMNS asks for a width. In a pipe, a file or
 * cron mail nobody can widen the window to see what was cut, so every cell stays whole there.
 */
export function mayTrim(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true || columnsAsked(env) !== undefined;
}

/** The width COLUMNS asks for: a positive whole number, else none. */
function columnsAsked(env: NodeJS.ProcessEnv): number | undefined {
  return /^[1-9]\d*$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined;
}

export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

/**
 * Whether to colour: `--color always|never` wins; then FORCE_COLOR (as chalk reads it: "0" or "false"
 * turns colour off, any other value on); then NO_COLOR (https://no-color.org, any non-empty value); then a
 * terminal that is not "dumb".
 */
export function colorWanted(choice: ColorChoice, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

let chosen: ColorChoice = 'auto';

/** Set once from the global `--color` option before a command runs. */
export function setColorChoice(choice: ColorChoice): void {
  chosen = choice;
}

export function colorChoice(): ColorChoice {
  return chosen;
}

const ANSI = /\u001b\[[0-9;]*m/y;

/** Cuts a line that may hold colour codes to `width` cells, marking the cut with an ellipsis. */
export function trimLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  let out = '';
  let cells = 0;
  let coloured = false;
  for (let i = 0; i < line.length;) {
    ANSI.lastIndex = i;
    const code = ANSI.exec(line);
    if (code) {
      out += code[0];
      coloured = true;
      i += code[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    const w = displayWidth(ch);
    if (cells + w > width - 1) break;
    out += ch;
    cells += w;
    i += ch.length;
  }
  return `${out}…${coloured ? '\u001b[0m' : ''}`;
}

/**
 * Breaks a prose line at spaces so that no piece is wider than `width`; the pieces after the first are
 * indented like the line (plus two spaces after a list marker). A word longer than the width is trimmed.
 */
export function wrapLine(line: string, width: number, trim = true): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  const marker = /^\s*(?:[-•*✔✘!]|\d+\.)\s/.exec(line);
  const hang = marker ? ' '.repeat(displayWidth(marker[0])) : indent;
  if (CJK.test(line)) return wrapCjk(line, width, indent, hang, trim);
  const words = line.slice(indent.length).split(/ +/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const prefix = lines.length === 0 ? indent : hang;
    if (current === '') current = word;
    else if (displayWidth(`${prefix}${current} ${word}`) <= width) current += ` ${word}`;
    else {
      lines.push(prefix + current);
      current = word;
    }
  }
  lines.push((lines.length === 0 ? indent : hang) + current);
  return trim ? lines.map((l) => trimLine(l, width)) : lines;
}

/** Chinese, Japanese and Korean characters and their punctuation: a line may break before or after each. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
/** Pieces of a line: runs of spaces, one CJK character with the punctuation that must not start a line, other words. */
const PIECES =
  /( +)|([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef][，。、；：！？）」』》〉】”’,.;:!?)]*)|([^ \u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+[，。、；：！？）」』》〉】]*)/g;

/** wrapLine for text with CJK characters, which has no spaces between its words: it breaks between characters. */
function wrapCjk(line: string, width: number, indent: string, hang: string, trim: boolean): string[] {
  const lines: string[] = [];
  let current = '';
  let space = false;
  for (const m of line.slice(indent.length).matchAll(PIECES)) {
    if (m[1]) {
      space = current !== '';
      continue;
    }
    const piece = m[0];
    const prefix = lines.length === 0 ? indent : hang;
    const joined = `${current}${space ? ' ' : ''}${piece}`;
    if (current === '' || displayWidth(prefix + joined) <= width) current = joined;
    else {
      lines.push(prefix + current);
      current = piece;
    }
    space = false;
  }
  lines.push((lines.length === 0 ? indent : hang) + current);
  return trim ? lines.map((l) => trimLine(l, width)) : lines;
}

/**
 * A table row or aligned listing: cells separated by two or more spaces after the indent. Its last cell,
 * when it starts in the left part of the line, is wrapped under itself (a description column); otherwise
 * the row is trimmed, so that its columns stay aligned with the lines around it, or, when nothing may be cut
 * (`trim` false), left whole.
 */
const ALIGNED = /^(\s*\S.*\S {2,})(\S.*)$/;
/** A last cell narrower than this is not worth wrapping: the row is trimmed instead. */
const MIN_WRAPPED_CELL = 30;

function fitAligned(line: string, width: number, trim: boolean): string[] | undefined {
  const m = ALIGNED.exec(line);
  if (!m) return undefined;
  const start = displayWidth(m[1]);
  if (width - start < MIN_WRAPPED_CELL) return [trim ? trimLine(line, width) : line];
  const pad = ' '.repeat(start);
  const cell = wrapLine(pad + m[2], width, trim);
  return [m[1] + cell[0].slice(start), ...cell.slice(1)];
}

/**
 * Fits report text to the terminal: prose wrapped at spaces, table rows wrapped in their last cell or trimmed.
 * `trim` false (the text goes to a pipe, a file or cron mail, where nobody can widen the window to see the rest):
 * nothing is cut; what cannot be wrapped stays whole, wider than `width`.
 */
export function fitToWidth(text: string, width: number, trim = true): string {
  return text
    .split('\n')
    .flatMap((line) =>
      displayWidth(line) <= width ? [line] : (fitAligned(line, width, trim) ?? wrapLine(line, width, trim)),
    )
    .join('\n');
}
