/**
 * The second reading thread, seen from the main one: which files go there, starting it, and taking in what
 * it read, including the cut of its last file (the thread's own side is read-worker.ts).
 */
import { open, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { Collector, type TrackingPart } from './collect.js';
import { sniff } from '../read/detect.js';
import {
  InputError,
  joinReports,
  readInputPart,
  type InputReport,
  type PartRead,
  type ReadOptions,
} from '../read/index.js';
import type { InputKind, NotData } from '../read/types.js';
import type { RecordsPart } from './record-log.js';
import { basename } from 'node:path';
import type { LoadHooks, LoadSettings, Meanwhile, Progress } from './types.js';

/** How reading one file ended. */
export type Outcome = { report: InputReport } | { error: unknown };

/** Below this many bytes of files for it, starting a thread costs more than it saves (bench/RESULTS.md). */
const THREAD_MIN_BYTES = Number(process.env.SHIPAUDIT_THREAD_MIN_MB ?? 40) * 1e6;

/**
 * MB of a kind of file read per CPU second, into a collector (`node bench/read-cost.mjs`, bench/RESULTS.md,
 * issue 18 part three): what the two threads' shares are weighed by. Other kinds count as tracking.
 */
const MB_PER_CPU_S: Partial<Record<InputKind, number>> = {
  'all-orders': 100,
  'order-report': 110,
  'unshipped-orders': 100,
  'amazon-fulfilled-shipments': 100,
  'confirmation-upload': 30,
  'erp-confirmations': 32,
  'tracking-events': 55,
  'tracking-summary': 55,
};
const DEFAULT_MB_PER_CPU_S = 55;
/** Kinds whose whole files the second thread may read for this one (their records taken in here). */
const RECORD_KINDS: ReadonlySet<InputKind> = new Set([
  'all-orders',
  'order-report',
  'unshipped-orders',
  'amazon-fulfilled-shipments',
  'confirmation-upload',
  'erp-confirmations',
]);
/** What taking in a file's orders or confirmations costs this thread, as a share of reading it (measured). */
const TAKE_IN_SHARE = 0.15;

/** A file for the second thread: `records` when it holds orders or confirmations (else tracking). */
export interface ThreadFile {
  file: string;
  records: boolean;
  /**
   * The line start the thread reads a records file from, when this thread reads the file up to there: the
   * last file of this thread's is cut when moving it whole would make the thread the longer leg.
   */
  start?: number;
}

/**
 * The files for a second thread, in the order it reads them, when they are big enough to pay for it: the
 * delimited tracking files, all or none (what the thread read is taken in after everything this thread read,
 * which is the order of a single reader only when this thread has read no tracking file itself; ties
 * between scans go by reading order), and, when that makes the longer of the two legs shorter, whole order
 * and confirmation files from the end of this thread's reading order (`records`; their records are taken
 * in after this thread's own, which is then their reading order). The legs are weighed by size and cost per
 * MB of each kind; the cut of the thread's last tracking file evens out what the estimate misses.
 */
export async function filesForThread(
  files: readonly string[],
  settings: LoadSettings,
  { records }: { records: boolean },
): Promise<ThreadFile[]> {
  const sizeOf = (f: string) =>
    stat(settings.readOptionsFor(f).openAs ?? f).then(
      (st) => st.size,
      () => 0,
    );
  const sizes = await Promise.all(files.map(sizeOf));
  // Most audits are far below the threshold: no need to look inside the files to know.
  if (sizes.reduce((a, b) => a + b, 0) < THREAD_MIN_BYTES) return [];
  const tracking: string[] = [];
  let trackingBytes = 0;
  let threadCost = 0;
  /** This thread's files in reading order: whether the thread could read it instead, its size and cost. */
  const own: Array<Weighed & { file: string }> = [];
  for (const [i, f] of files.entries()) {
    const opts = settings.readOptionsFor(f);
    const s = await sniff(f, opts.columns, opts.openAs).catch(() => undefined);
    if (s?.format === 'xlsx') return [];
    const text = s !== undefined && s.format === 'text';
    const kind = text ? s.spec.kind : undefined;
    const cost = sizes[i] / 1e6 / ((kind && MB_PER_CPU_S[kind]) ?? DEFAULT_MB_PER_CPU_S);
    if (kind === 'tracking-events' || kind === 'tracking-summary') {
      tracking.push(f);
      trackingBytes += sizes[i];
      threadCost += cost;
      continue;
    }
    // (Amazon times placed per order by a function, which stays on this side: not movable.)
    const movable = records && kind !== undefined && RECORD_KINDS.has(kind) && opts.orderZone === undefined;
    // (In UTF-16 a line feed is two bytes: such a file is read whole.)
    const cuttable = movable && s !== undefined && s.encoding !== 'utf-16le' && s.encoding !== 'utf-16be';
    own.push({ file: f, movable, cuttable, size: sizes[i], cost });
  }
  const minTail = CUT_TEST ? 0 : MIN_CUT_BYTES;
  const { from, tailBytes } = shareOut(own, threadCost, minTail, HEAD_CHUNK_BYTES * 2);
  const moved: ThreadFile[] = own.slice(from).map(({ file }) => ({ file, records: true }));
  let movedBytes = own.slice(from).reduce((n, f) => n + f.size, 0);
  if (tailBytes !== undefined) {
    const { file, size } = own[from];
    const start = await lineStartAfter(settings.readOptionsFor(file).openAs ?? file, size - tailBytes).catch(
      () => undefined,
    );
    if (start === undefined) moved.shift();
    else moved[0].start = start;
    movedBytes -= start ?? size;
  }
  if (trackingBytes + movedBytes < THREAD_MIN_BYTES) return [];
  return [...moved, ...tracking.map((file) => ({ file, records: false }))];
}

/** One of the main thread's files, weighed: whether the second thread may read it, its size and cost (CPU s). */
export interface Weighed {
  movable: boolean;
  /** Whether it may be read in two parts (one per thread). */
  cuttable: boolean;
  size: number;
  cost: number;
}

/**
 * Which of the main thread's files (in its reading order) the second thread reads instead, the second
 * thread's own files costing `threadCost`: whole files from the end while that shortens the longer leg,
 * then the end of the next one when moving it whole would not (`tailBytes`, the share that evens the two
 * legs, the main thread still taking its records in), unless that is under `minTail` bytes or leaves the
 * main thread under `minHead`. `from`: the first file moved (all of them from there), `own.length` for none.
 */
export function shareOut(
  own: readonly Weighed[],
  threadCost: number,
  minTail: number,
  minHead: number,
): { from: number; tailBytes?: number } {
  let mainCost = own.reduce((c, f) => c + f.cost, 0);
  let k = own.length - 1;
  for (; k >= 0 && own[k].movable; k--) {
    const { size, cost, cuttable } = own[k];
    const main = mainCost - cost + cost * TAKE_IN_SHARE;
    if (Math.max(main, threadCost + cost) < Math.max(mainCost, threadCost)) {
      mainCost = main;
      threadCost += cost;
      continue;
    }
    const share = (mainCost - threadCost) / (cost * (2 - TAKE_IN_SHARE));
    const tailBytes = Math.floor(size * share);
    if (cuttable && share > 0 && tailBytes >= minTail && size - tailBytes >= minHead) return { from: k, tailBytes };
    break;
  }
  return { from: k + 1 };
}

/**
 * Bytes per read of the file this thread reads the start of (the cut is set after the first read, which
 * must not pass it; the tests' files are small).
 */
export const HEAD_CHUNK_BYTES = process.env.SHIPAUDIT_THREAD_TEST === 'cut' ? 4096 : 1 << 20;

/**
 * The line start at or after byte `target` of a file, or undefined when no line ends near there (or the
 * file ends first). Whether it falls inside a quoted field is only known when the reading reaches it
 * (the reader then reads on, and the other thread's part is dropped).
 */
async function lineStartAfter(file: string, target: number): Promise<number | undefined> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, target);
    const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
    if (nl < 0 || target + nl + 1 >= size) return undefined;
    return target + nl + 1;
  } finally {
    await fh.close();
  }
}

export interface ThreadJob {
  /**
   * Files with orders or confirmations (`records`) first: the records of each are handed over as soon as it
   * is read. `start`: the first of them is read from there (this thread reads it up to there).
   */
  files: Array<{ file: string; options: ReadOptions; records: boolean; start?: number }>;
  /** Bytes per read of the last file (the cut is asked between reads). */
  chunkBytes?: number;
  /** A cut leaves the main thread at least this many bytes, or is declined. */
  minCutBytes: number;
  /** Wait for the main thread's word before reading past the last file's first chunk (tests). */
  waitForCut: boolean;
  /** `--as-of`: events after it are left out (see Collector). */
  asOfMs?: number;
}
/** Where the thread stopped in its last file, with the lines before it and the file's header line. */
interface CutMade {
  at: number;
  lines: number;
  headerLine: number;
}
export type ThreadOutcome =
  | { report: InputReport; cut?: CutMade }
  | { inputError: { file: string; line: number | undefined; detail: string; notData?: NotData } }
  | { failure: string };
type HeadOutcome = { report: InputReport; cut: CutMade };
export interface ThreadResult {
  type: 'result';
  outcomes: ThreadOutcome[];
  part: TrackingPart;
}
/** From the thread, once it has read each of its order and confirmation files (before its tracking files). */
export interface ThreadRecords {
  type: 'records';
  part: RecordsPart;
}
/** To the thread: whether the main thread wants the rest of the last file. */
export interface ToThread {
  type: 'cut';
  wanted: boolean;
  /** How long the main thread works on other things before it starts on the rest (ms). */
  busyMs: number;
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

/**
 * Where to cut a file of `size` bytes that this thread has read `read` of: halfway through the rest, moved
 * on by half of `ahead`, the bytes the thread reads before the main thread starts on its part (so that
 * both end together); undefined when that leaves the main thread less than `minBytes`.
 */
export function cutTarget(read: number, size: number, ahead: number, minBytes: number): number | undefined {
  const target = read + Math.floor((size - read + ahead) / 2);
  return size - target < minBytes || target >= size ? undefined : target;
}

export interface ThreadHandle {
  result: Promise<ThreadResult>;
  /**
   * The orders and confirmations of the thread's next record file, in the order it was given them
   * (undefined: no more, or the thread failed).
   */
  nextRecords(): Promise<RecordsPart | undefined>;
  /**
   * Asks for a cut (or, with `wanted` false, only says that none is wanted); resolves to it when granted.
   * The request is sent before the promise is returned; `busyMs` is how long this thread works on other
   * things before it reads the rest, so that the thread keeps that much more for itself.
   */
  askCut(wanted: boolean, busyMs: number): Promise<{ file: string; at: number } | undefined>;
}

export function startThread(files: ThreadJob['files'], asOfMs?: number, hooks: LoadHooks = {}): ThreadHandle {
  const job: ThreadJob = {
    files,
    asOfMs,
    minCutBytes: CUT_TEST ? 0 : MIN_CUT_BYTES,
    waitForCut: CUT_TEST,
    ...(CUT_TEST && { chunkBytes: 4096 }),
  };
  const worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: job });
  let answer: (reply: CutReply) => void = () => undefined;
  const answered = new Promise<CutReply>((resolve) => (answer = resolve));
  // Record parts as they come, and the main thread's wait for the next one.
  const parts: RecordsPart[] = [];
  let waiting: ((part: RecordsPart | undefined) => void) | undefined;
  let over = false;
  const handOver = (part: RecordsPart | undefined) => {
    if (part === undefined) over = true;
    else parts.push(part);
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(parts.shift());
    }
  };
  const result = new Promise<ThreadResult>((resolve, reject) => {
    worker.on('message', (m: ThreadResult | CutReply | ThreadRecords) => {
      if (m.type === 'cut') return answer(m);
      if (m.type === 'records') {
        hooks.phase?.("second thread's orders and confirmations read");
        return handOver(m.part);
      }
      // Said when it arrives, which may be while this thread still reads its own files or the cut file's rest.
      hooks.phase?.('second thread done');
      resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the reading thread stopped with exit code ${code}`)));
  });
  // Keeps a failed thread from being an unhandled rejection while this thread reads; it is awaited later.
  result.then(
    () => handOver(undefined),
    () => handOver(undefined),
  );
  return {
    result,
    nextRecords() {
      if (parts.length > 0 || over) return Promise.resolve(parts.shift());
      return new Promise((resolve) => (waiting = resolve));
    },
    async askCut(wanted, busyMs) {
      // (The tests' cut is where they work it out, whatever the main thread does first.)
      worker.postMessage({ type: 'cut', wanted, busyMs: CUT_TEST ? 0 : busyMs } satisfies ToThread);
      if (!wanted) return undefined;
      // The thread may finish before it reads the request: its result then comes instead of an answer.
      const reply = await Promise.race([
        answered,
        result.then(
          () => undefined,
          () => undefined,
        ),
      ]);
      return reply?.at === undefined ? undefined : { file: reply.file, at: reply.at };
    },
  };
}

/**
 * Waits for the second thread and takes in what it read. Done before it, this thread first takes the rest of
 * its last file off it (see read-worker.ts); the thread stops at the cut only when no quoted field is open
 * there, and otherwise reads on, and this thread's part is dropped. `meanwhile` runs after the cut is asked
 * for and before the rest is read: the thread reads on meanwhile, and the cut leaves it that much more.
 */
export async function finishThread(
  thread: ThreadHandle,
  offloaded: readonly string[],
  collector: Collector,
  settings: LoadSettings,
  outcomes: Map<string, Outcome>,
  {
    wantCut,
    progress,
    meanwhile,
    hooks = {},
  }: { wantCut: boolean; progress?: Progress; meanwhile?: Meanwhile; hooks?: LoadHooks },
): Promise<void> {
  const asked = thread.askCut(wantCut, meanwhile?.expectedMs() ?? 0);
  meanwhile?.run();
  const cut = await asked;
  if (cut) progress?.(`reading the rest of ${basename(cut.file)} (the second thread reads its start)`);
  const tail = cut && (await readTail(cut, settings));
  if (tail) hooks.phase?.('rest of the cut file read');
  progress?.(`waiting for the second thread (${offloaded.map((f) => basename(f)).join(', ')})`);
  const { outcomes: theirs, part } = await thread.result;
  theirs.forEach((o, i) => outcomes.set(offloaded[i], fromThread(o)));
  collector.absorb(part);
  const head = theirs.at(-1);
  const held = cut && tail && head && 'cut' in head && head.cut?.at === cut.at;
  if (held)
    outcomes.set(
      cut.file,
      joinTail(collector, head as HeadOutcome, tail, settings.readOptionsFor(cut.file).keepProblems),
    );
  hooks.phase?.('second thread taken in');
  if (CUT_TEST)
    hooks.note?.(
      `shipaudit (SHIPAUDIT_THREAD_TEST): ${cut ? `cut ${cut.file} at byte ${cut.at}, ${held ? 'held' : 'not held'}` : 'no cut'}\n`,
    );
}

type Tail = { read: PartRead; part: TrackingPart } | { error: unknown };

/**
 * The outcome of a records file this thread read up to `start` (`head`) and the second thread from there
 * (`tail`, its lines counted from there): as if read whole. A head that read on past `start` (a quoted
 * field open there) read the whole file: the tail is no part of it.
 */
export function joinRecordParts(
  head: Outcome,
  read: PartRead | undefined,
  start: number,
  tail: Outcome,
  { keep, hooks = {} }: { keep?: number; hooks?: LoadHooks } = {},
): Outcome {
  const held = !('error' in head) && read !== undefined && read.stoppedAt === start;
  if (CUT_TEST)
    hooks.note?.(`shipaudit (SHIPAUDIT_THREAD_TEST): records cut at byte ${start}, ${held ? 'held' : 'not held'}\n`);
  if ('error' in head || read === undefined || !held) return head;
  if ('error' in tail) {
    const e = tail.error;
    const moved = e instanceof InputError && e.line !== undefined;
    return { error: moved ? new InputError(e.file, e.line + read.lines, e.detail, e.notData) : e };
  }
  try {
    return { report: joinReports(read.report, tail.report, read.lines, read.headerLine ?? 0, keep) };
  } catch (error) {
    return { error };
  }
}

/** The rest of a file from a cut, into a collector of its own (its lines counted from the cut). */
async function readTail(cut: { file: string; at: number }, settings: LoadSettings): Promise<Tail> {
  const collector = new Collector({ part: true, asOfMs: settings.asOfMs });
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
    const moved = e instanceof InputError && e.line !== undefined;
    return { error: moved ? new InputError(e.file, e.line + lines, e.detail, e.notData) : e };
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
  if ('inputError' in o) {
    const { file, line, detail, notData } = o.inputError;
    return { error: new InputError(file, line, detail, notData) };
  }
  return { error: new Error(o.failure) };
}
