import type { ZoneHint } from '../model/timestamp.js';
import type { Handling } from '../knowledge/ship-by.js';
import type { ReadOptions } from '../read/index.js';

/**
 * What the engine needs of the run's settings: how to read each file, the as-of time, the handling time for
 * computed ship-by dates and the marketplace zone. The CLI's settings are one; tests make their own.
 */
export interface LoadSettings {
  readOptionsFor(file: string): ReadOptions;
  /** `--as-of` given: what the files say happened after it is left out (the files as they stood then). */
  asOfMs?: number;
  handling: Handling;
  zone: ZoneHint;
}

/** Progress: a phase, and when known how many of how many things are done. */
export type Progress = (phase: string, done?: number, total?: number, unit?: string) => void;

/** How the engine tells the CLI what it is doing; it prints nothing itself. */
export interface LoadHooks {
  /** A progress line for one reading of the files, ended when that reading ends (undefined: none shown). */
  progress?: () => { report: Progress; end(): void } | undefined;
  /** A step of the load began that reads no file (the join): for the progress line. */
  step?: (name: string) => void;
  /** A phase of the run ended (`SHIPAUDIT_TIMINGS=1`). */
  phase?: (name: string) => void;
  /** A line for stderr (the thread test's account of its cut). */
  note?: (line: string) => void;
}

/**
 * Work on the orders and confirmations, run once this thread has read its files and before tracking data
 * from a second thread is taken in: the time this thread would otherwise spend waiting. It must not read
 * tracking data. Without a second thread it runs after all files are read. `expectedMs` is its rough
 * length, which the second thread is given to read on for before a cut.
 */
export interface Meanwhile<C = void> {
  run(on: C): void;
  expectedMs(on: C): number;
}
