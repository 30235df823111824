import { Chalk } from 'chalk';
import { forTerminal } from '../report/sanitize.js';
import { chalkStyle, plain, type Style } from '../report/style.js';
import { colorChoice, colorWanted, fitToWidth, terminalWidth } from './terminal.js';

/** The CLI's only doors to the terminal. Tests run the built CLI and read these streams. */
export const out = (s: string | Uint8Array) => void process.stdout.write(s);
export const err = (s: string) => void process.stderr.write(s);

/** Report text for a person: fitted to the terminal's width (80 columns when stdout is no terminal). */
export const outText = (s: string) => out(fitToWidth(s, terminalWidth(process.stdout)));

/**
 * With `SHIPAUDIT_TIMINGS=1`, when each phase of a run ended, in seconds since the process started, on
 * stderr: what bench/RESULTS.md's per-phase tables are made of.
 */
export const timing: (phase: string) => void = process.env.SHIPAUDIT_TIMINGS
  ? (phase) => err(`shipaudit timing: ${(performance.now() / 1000).toFixed(2)} s ${phase}\n`)
  : () => undefined;

/** Colour as --color, FORCE_COLOR, NO_COLOR (https://no-color.org) and the terminal say; never in JSON. */
export function styleFor(stream: NodeJS.WriteStream, format: string): Style {
  if (format !== 'text' || !colorWanted(colorChoice(), process.env, stream.isTTY === true)) return plain;
  return chalkStyle(new Chalk({ level: 1 }));
}

/** Progress for long runs goes to stderr, and only to a terminal: cron mail stays quiet, stdout parseable. */
export function progressReporter(): ((msg: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  // The message names files, whose names are data too.
  return (msg) => err(`\r\x1b[2K${forTerminal(msg)}`);
}

export function endProgress(p: ((msg: string) => void) | undefined): void {
  if (p) err('\r\x1b[2K');
}
