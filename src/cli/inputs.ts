import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Collector, type TrackingPart } from '../audit/collect.js';
import type { InputSummary } from '../model/result.js';
import { sniff } from '../read/detect.js';
import { InputError, joinReports, readInput, readInputPart, type InputReport, type PartRead, type ReadOptions, type RecordSink } from '../read/index.js';
import { UsageError } from './errors.js';
import { endProgress, err, progressReporter } from './io.js';
import type { Settings } from './settings.js';

/** Files in a folder that are never inputs, whatever their content. */
const NOT_INPUT = /(^|[\\/])(\.[^\\/]*|node_modules|shipaudit\.config\.json|evidence[^\\/]*\.csv|.*\.(md|pdf|html?|zip|png|jpe?g|gif|docx?|log))$/i;

export interface Expanded {
  /** Named on the command line: an unreadable one is an error. */
  explicit: string[];
  /** Found in a folder: an unreadable one is skipped with a note. */
  found: string[];
}

export async function expandPaths(paths: readonly string[]): Promise<Expanded> {
  const out: Expanded = { explicit: [], found: [] };
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new UsageError(`${p}: no such file or folder`);
    if (st.isDirectory()) out.found.push(...(await walk(p)));
    else out.explicit.push(p);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.isFile()) files.push(p);
  }
  return files;
}

export interface ReadAll {
  inputs: InputSummary[];
  reports: InputReport[];
  unclassified: Record<string, number>;
}

/**
 * Reads every file into one sink. A file named on the command line that can't be read stops the run
 * (exit 2); one found in a folder is listed as skipped, since folders hold READMEs and last run's output.
 */
export async function readAll(
  paths: readonly string[],
  sink: RecordSink,
  settings: Settings,
  progress?: (msg: string) => void,
  meanwhile?: Meanwhile,
): Promise<ReadAll> {
  const { explicit, found } = await expandPaths(paths);
  const files = [...explicit.map((f) => ({ f, explicit: true })), ...found.map((f) => ({ f, explicit: false }))];
  const candidates = files.filter(({ f, explicit: named }) => named || !NOT_INPUT.test(f)).map(({ f }) => f);
  // Large tracking files go to a second thread while this one reads the rest (only into a collector,
  // which can take in what the other thread's collector learnt).
  const offloaded = sink instanceof Collector ? await trackingFilesWorthAThread(candidates, settings) : [];
  const thread = offloaded.length > 0 ? startThread(offloaded.map((file) => ({ file, options: settings.readOptionsFor(file) }))) : undefined;
  const beside = thread ? ` (and ${offloaded.join(', ')} in a second thread)` : '';
  const isCandidate = new Set(candidates);
  const inThread = new Set(offloaded);

  const outcomes = new Map<string, Outcome>();
  let ended = false;
  for (const [i, { f, explicit: named }] of files.entries()) {
    if (!isCandidate.has(f) || inThread.has(f)) continue;
    progress?.(`reading ${f} (${i + 1}/${files.length})${beside}`);
    const outcome: Outcome = await readInput(f, sink, settings.readOptionsFor(f)).then((report) => ({ report }), (error: unknown) => ({ error }));
    outcomes.set(f, outcome);
    // A file that ends the run ends the reading too (the thread's files are still waited for: one of
    // them may come first in the order errors are reported).
    if ('error' in outcome && passedOver(named, outcome.error) === undefined) {
      ended = true;
      break;
    }
  }
  if (!ended) meanwhile?.();
  if (thread) await finishThread(thread, offloaded, sink as Collector, settings, outcomes, { wantCut: !ended, progress });

  const inputs: InputSummary[] = [];
  const reports: InputReport[] = [];
  const unclassified: Record<string, number> = {};
  for (const { f, explicit: named } of files) {
    if (!isCandidate.has(f)) {
      inputs.push(skipped(f, 'not an input file (by its name)'));
      continue;
    }
    const outcome = outcomes.get(f);
    // Not read: an earlier file's error stopped the reading, and is thrown before this one is reached.
    if (!outcome) continue;
    if ('error' in outcome) {
      const why = passedOver(named, outcome.error);
      if (why === undefined) throw outcome.error;
      inputs.push(skipped(f, why));
      continue;
    }
    const { report } = outcome;
    reports.push(report);
    for (const [d, n] of Object.entries(report.unclassified)) unclassified[d] = (unclassified[d] ?? 0) + n;
    inputs.push({
      file: f,
      kind: report.kind,
      encoding: report.encoding,
      delimiter: report.delimiter,
      rowsRead: report.rowsRead,
      rowsRejected: report.rowsRejected,
      problems: report.problems,
      zoneNote: report.zoneNote,
    });
  }
  if (reports.length === 0) throw new UsageError(`no input files could be read from ${paths.join(', ')}`);
  return { inputs, reports, unclassified };
}

type Outcome = { report: InputReport } | { error: unknown };

/**
 * Work on the orders and confirmations, run once this thread has read its files and before tracking data
 * from a second thread is taken in: the time this thread would otherwise spend waiting. It must not read
 * tracking data. Without a second thread it runs after all files are read.
 */
export type Meanwhile = () => void;

/**
 * Why a file that failed is passed over, or undefined when its error ends the run. In a folder, a file
 * that is not an input at all is passed over; one that is an input but broken is not.
 */
function passedOver(named: boolean, e: unknown): string | undefined {
  if (named || !(e instanceof InputError)) return undefined;
  if (e.detail.startsWith('unrecognised file')) return 'not a recognised input (headers of no known kind)';
  if (e.line === undefined || e.detail.includes('no data rows')) return e.detail;
  return undefined;
}

/** Below this many bytes of tracking files, starting a thread costs more than it saves (bench/RESULTS.md). */
const THREAD_MIN_BYTES = Number(process.env.SHIPAUDIT_THREAD_MIN_MB ?? 40) * 1e6;

/**
 * The delimited tracking files, when together they are big enough to pay for a thread. All or none: what
 * the thread read is taken in after everything this thread read, which is the order of a single reader
 * only when this thread has read no tracking file itself (ties between scans go by reading order).
 */
async function trackingFilesWorthAThread(files: readonly string[], settings: Settings): Promise<string[]> {
  const sizes = await Promise.all(files.map((f) => stat(f).then((st) => st.size, () => 0)));
  // Most audits are far below the threshold: no need to look inside the files to know.
  if (sizes.reduce((a, b) => a + b, 0) < THREAD_MIN_BYTES) return [];
  const tracking: string[] = [];
  let bytes = 0;
  for (const [i, f] of files.entries()) {
    const s = await sniff(f, settings.readOptionsFor(f).columns).catch(() => undefined);
    if (!s || s.format === 'json') continue;
    if (s.format === 'xlsx') return [];
    if (s.spec.kind !== 'tracking-events' && s.spec.kind !== 'tracking-summary') continue;
    tracking.push(f);
    bytes += sizes[i];
  }
  return bytes >= THREAD_MIN_BYTES ? tracking : [];
}

export interface ThreadJob {
  files: Array<{ file: string; options: ReadOptions }>;
  /** Bytes per read of the last file (the cut is asked between reads). */
  chunkBytes?: number;
  /** A cut leaves the main thread at least this many bytes, or is declined. */
  minCutBytes: number;
  /** Wait for the main thread's word before reading past the last file's first chunk (tests). */
  waitForCut: boolean;
}
export type ThreadOutcome =
  | { report: InputReport; cut?: { at: number; lines: number; headerLine: number } }
  | { inputError: { file: string; line: number | undefined; detail: string } }
  | { failure: string };
type HeadOutcome = { report: InputReport; cut: { at: number; lines: number; headerLine: number } };
export interface ThreadResult {
  type: 'result';
  outcomes: ThreadOutcome[];
  part: TrackingPart;
}
/** To the thread: whether the main thread wants the rest of the last file. */
export interface ToThread {
  type: 'cut';
  wanted: boolean;
}
/** From the thread: where it will stop; `at` undefined when it declines. */
export interface CutReply {
  type: 'cut';
  file: string;
  at: number | undefined;
}

/**
 * `SHIPAUDIT_THREAD_TEST=cut` makes the second thread cut its last file whatever its size, in reads of
 * 4 KB, after waiting for the main thread: the tests read the small fixtures through the cut with it.
 */
const CUT_TEST = process.env.SHIPAUDIT_THREAD_TEST === 'cut';
/** Less than this left for the main thread is not worth a cut. */
const MIN_CUT_BYTES = 8e6;

interface ThreadHandle {
  result: Promise<ThreadResult>;
  /** Asks for a cut (or, with `wanted` false, only says that none is wanted); resolves to it when granted. */
  askCut(wanted: boolean): Promise<{ file: string; at: number } | undefined>;
}

function startThread(files: ThreadJob['files']): ThreadHandle {
  const job: ThreadJob = { files, minCutBytes: CUT_TEST ? 0 : MIN_CUT_BYTES, waitForCut: CUT_TEST, ...(CUT_TEST && { chunkBytes: 4096 }) };
  const worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: job });
  let answer: (reply: CutReply) => void = () => undefined;
  const answered = new Promise<CutReply>((resolve) => (answer = resolve));
  const result = new Promise<ThreadResult>((resolve, reject) => {
    worker.on('message', (m: ThreadResult | CutReply) => (m.type === 'cut' ? answer(m) : resolve(m)));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the reading thread stopped with exit code ${code}`)));
  });
  // Keeps a failed thread from being an unhandled rejection while this thread reads; it is awaited later.
  result.catch(() => undefined);
  return {
    result,
    async askCut(wanted) {
      worker.postMessage({ type: 'cut', wanted } satisfies ToThread);
      if (!wanted) return undefined;
      // The thread may finish before it reads the request: its result then comes instead of an answer.
      const reply = await Promise.race([answered, result.then(() => undefined, () => undefined)]);
      return reply?.at === undefined ? undefined : { file: reply.file, at: reply.at };
    },
  };
}

/**
 * Waits for the second thread and takes in what it read. Done before it, this thread first takes the rest of
 * its last file off it (see read-worker.ts); the thread stops at the cut only when no quoted field is open
 * there, and otherwise reads on, and this thread's part is dropped.
 */
async function finishThread(
  thread: ThreadHandle,
  offloaded: readonly string[],
  collector: Collector,
  settings: Settings,
  outcomes: Map<string, Outcome>,
  { wantCut, progress }: { wantCut: boolean; progress?: (msg: string) => void },
): Promise<void> {
  const cut = await thread.askCut(wantCut);
  if (cut) progress?.(`reading the rest of ${cut.file} from byte ${cut.at} (the second thread reads up to there)`);
  const tail = cut && (await readTail(cut, settings));
  progress?.(`reading ${offloaded.join(', ')} (second thread; the other files are read)`);
  const { outcomes: theirs, part } = await thread.result;
  theirs.forEach((o, i) => outcomes.set(offloaded[i], fromThread(o)));
  collector.absorb(part);
  const head = theirs.at(-1);
  const held = cut && tail && head && 'cut' in head && head.cut?.at === cut.at;
  if (held) outcomes.set(cut.file, joinTail(collector, head as HeadOutcome, tail, settings.readOptionsFor(cut.file).keepProblems));
  if (CUT_TEST) err(`shipaudit (SHIPAUDIT_THREAD_TEST): ${cut ? `cut ${cut.file} at byte ${cut.at}, ${held ? 'held' : 'not held'}` : 'no cut'}\n`);
}

type Tail = { read: PartRead; part: TrackingPart } | { error: unknown };

/** The rest of a file from a cut, into a collector of its own (its lines counted from the cut). */
async function readTail(cut: { file: string; at: number }, settings: Settings): Promise<Tail> {
  const collector = new Collector();
  try {
    const read = await readInputPart(cut.file, collector, settings.readOptionsFor(cut.file), { start: cut.at });
    return { read, part: collector.trackingPart() };
  } catch (error) {
    return { error };
  }
}

/** The cut file's outcome from both parts, the tail's tracking data taken in after the head's. */
function joinTail(collector: Collector, head: HeadOutcome, tail: Tail, keep?: number): Outcome {
  const { lines, headerLine } = head.cut;
  if ('error' in tail) {
    const e = tail.error;
    return { error: e instanceof InputError && e.line !== undefined ? new InputError(e.file, e.line + lines, e.detail) : e };
  }
  try {
    const report = joinReports(head.report, tail.read.report, lines, headerLine, keep);
    collector.absorb(tail.part, lines);
    return { report };
  } catch (error) {
    return { error };
  }
}

function fromThread(o: ThreadOutcome): Outcome {
  if ('report' in o) return { report: o.report };
  if ('inputError' in o) return { error: new InputError(o.inputError.file, o.inputError.line, o.inputError.detail) };
  return { error: new Error(o.failure) };
}

function skipped(file: string, why: string): InputSummary {
  return { file, kind: 'skipped', encoding: '', delimiter: '', rowsRead: 0, rowsRejected: 0, problems: [], zoneNote: '', skipped: why };
}

/** Reads everything into a fresh collector, with progress on a terminal's stderr. */
export async function collectAll(
  paths: readonly string[],
  settings: Settings,
  meanwhile?: (collector: Collector) => void,
): Promise<ReadAll & { collector: Collector }> {
  const collector = new Collector();
  const progress = progressReporter();
  try {
    return { collector, ...(await readAll(paths, collector, settings, progress, meanwhile && (() => meanwhile(collector)))) };
  } finally {
    endProgress(progress);
  }
}

/** Commands that audit shipments need at least one confirmation; without one there is nothing to judge. */
export function requireConfirmations(collector: Collector): void {
  if (collector.confirmationCount === 0) {
    throw new UsageError('no shipping confirmations found: give a shipping-confirmation file, an Orders API export or an ERP export (`shipaudit inspect` shows what each file was read as)');
  }
}
