/**
 * The second reading thread, seen from the main one: which files go there, starting it, and taking in what
 * it read, including the cut of its last file (the thread's own side is read-worker.ts).
 */
import { stat } from 'node:fs/promises';
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
import type { NotData } from '../read/types.js';
import { basename } from 'node:path';
import type { LoadHooks, LoadSettings, Meanwhile, Progress } from './types.js';

/** How reading one file ended. */
export type Outcome = { report: InputReport } | { error: unknown };

/** Below this many bytes of tracking files, starting a thread costs more than it saves (bench/RESULTS.md). */
const THREAD_MIN_BYTES = Number(process.env.SHIPAUDIT_THREAD_MIN_MB ?? 40) * 1e6;

/**
 * The delimited tracking files, when together they are big enough to pay for a thread. All or none: what
 * the thread read is taken in after everything this thread read, which is the order of a single reader
 * only when this thread has read no tracking file itself (ties between scans go by reading order).
 */
export async function trackingFilesWorthAThread(files: readonly string[], settings: LoadSettings): Promise<string[]> {
  const sizeOf = (f: string) =>
    stat(settings.readOptionsFor(f).openAs ?? f).then(
      (st) => st.size,
      () => 0,
    );
  const sizes = await Promise.all(files.map(sizeOf));
  // Most audits are far below the threshold: no need to look inside the files to know.
  if (sizes.reduce((a, b) => a + b, 0) < THREAD_MIN_BYTES) return [];
  const tracking: string[] = [];
  let bytes = 0;
  for (const [i, f] of files.entries()) {
    const opts = settings.readOptionsFor(f);
    const s = await sniff(f, opts.columns, opts.openAs).catch(() => undefined);
    if (!s || s.format === 'json' || s.format === 'xml' || s.format === 'amazon-feed-xml') continue;
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
  const result = new Promise<ThreadResult>((resolve, reject) => {
    worker.on('message', (m: ThreadResult | CutReply) => {
      if (m.type === 'cut') return answer(m);
      // Said when it arrives, which may be while this thread still reads its own files or the cut file's rest.
      hooks.phase?.('second thread done');
      resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the reading thread stopped with exit code ${code}`)));
  });
  // Keeps a failed thread from being an unhandled rejection while this thread reads; it is awaited later.
  result.catch(() => undefined);
  return {
    result,
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
