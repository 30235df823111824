import { Chalk } from 'chalk';
import { forTerminal } from '../report/sanitize.js';
import { chalkStyle, plain, type Style } from '../report/style.js';
import { encodeText, stdoutTextEncoding } from './console.js';
import { colorChoice, colorWanted, fitToWidth, mayTrim, terminalWidth, trimLine } from './terminal.js';
import { sentence } from './lang.js';

/** The CLI's only doors to the terminal. Tests run the built CLI and read these streams. */
export const out = (s: string | Uint8Array) => {
  endRunProgress();
  process.stdout.write(s);
};
/**
 * Output too large to hold (the audit JSON of a million orders: hundreds of MB) written piece by piece,
 * waiting whenever stdout can take no more: a pipe's reader (`| gzip`, a script) that is slower than the
 * audit would otherwise leave every piece queued in memory. Stops when the reader has gone (see main.ts).
 */
export async function outPieces(
  pieces: Iterable<Uint8Array>,
  stdout: NodeJS.WritableStream & { destroyed: boolean } = process.stdout,
): Promise<void> {
  endRunProgress();
  for (const piece of pieces) {
    if (stdout.destroyed) return;
    if (!stdout.write(piece)) await drained(stdout);
  }
}

/** Resolves when the stream can take more, or can never again (closed or failed). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of ['drain', 'close', 'error'] as const) stream.off(e, done);
      resolve();
    };
    for (const e of ['drain', 'close', 'error'] as const) stream.on(e, done);
  });
}

export const err = (s: string) => {
  endRunProgress();
  process.stderr.write(s);
};

/**
 * Report text for a person: fitted to the terminal's width (80 columns when stdout is no terminal), in
 * the encoding the reader of stdout expects (a Windows console's code page when redirected: console.ts).
 * Rows are cut to fit only on a terminal or at a COLUMNS width: in a pipe, a file or cron mail every cell
 * stays whole (`mayTrim`).
 */
export const outText = (s: string) =>
  out(encodeText(fitToWidth(s, terminalWidth(process.stdout), mayTrim(process.stdout)), stdoutTextEncoding()));

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

import type { Progress } from '../engine/index.js';

export type { Progress };

const bars = new WeakMap<Progress, { stop(): void }>();

/** cli-progress, once loadProgressLibrary has loaded it: only where a line can be shown. */
let cliProgress: typeof import('cli-progress') | undefined;

/**
 * Loads the progress line's library when stderr is a terminal (main.ts, before the command runs). Cron runs,
 * pipes and the tests never show the line, and so never load it: it is a share of a month's start-up.
 */
export async function loadProgressLibrary(): Promise<void> {
  if (process.stderr.isTTY && !cliProgress) cliProgress = (await import('cli-progress')).default;
}

/**
 * Progress for long runs goes to stderr, and only to a terminal: cron mail stays quiet, stdout parseable.
 * cli-progress redraws one line in place (throttled, so a fast run costs nothing); the line is built here
 * and cut to the terminal's width, so that it never wraps and leaves fragments behind.
 */
export function progressReporter(): Progress | undefined {
  if (!process.stderr.isTTY || !cliProgress) return undefined;
  let current = { phase: '', done: undefined as number | undefined, total: undefined as number | undefined, unit: '' };
  const line = () => {
    // Seconds since the run began: the line may be cleared for a message and drawn again.
    const secs = Math.round(performance.now() / 1000);
    const { phase, done, total, unit } = current;
    const count =
      done !== undefined && total
        ? ` ${'█'.repeat(Math.round((done / total) * 10)).padEnd(10, '░')} ` +
          `${done}/${total}${unit ? ` ${sentence(unit)}` : ''} (${Math.floor((done / total) * 100)}%)`
        : '';
    // The phase names files, whose names are data too.
    return trimLine(`${forTerminal(sentence(phase))}${count} · ${secs} s`, terminalWidth(process.stderr) - 1);
  };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: () => line(),
    clearOnComplete: true,
    linewrap: false,
    hideCursor: false,
    fps: 5,
  });
  let started = false;
  const report: Progress = (phase, done, total, unit = '') => {
    current = { phase, done, total, unit };
    // Drawn first with its first step, never as an empty line.
    if (started) bar.update(0);
    else {
      started = true;
      bar.start(1, 0);
    }
  };
  bars.set(report, bar);
  return report;
}

export function endProgress(p: Progress | undefined): void {
  if (p) bars.get(p)?.stop();
}

let shown: Progress | undefined;

/**
 * The run's one progress line (on a terminal's stderr only): reading, joining, the rules and the report
 * are steps of it. Anything written to stdout or stderr clears it first (a later step draws it again), so
 * that no text is mixed into it.
 */
export function runProgress(): Progress | undefined {
  return (shown ??= progressReporter());
}

export function endRunProgress(): void {
  const p = shown;
  shown = undefined;
  endProgress(p);
}
