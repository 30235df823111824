/**
 * A second reading thread: reads the tracking files it is given into a collector of its own and hands
 * back what it learnt (see read-thread.ts). Tracking exports are half the bytes of a large
 * audit, and reading them beside the order files uses the machine's second core. Whole order and
 * confirmation files given to it are read first, into a log of their records handed over as soon as they
 * are read (the main thread takes them in after its own files).
 *
 * When the main thread has read its own files first, it asks for a cut: this thread picks a line start
 * halfway through what is left of its last file, stops there, and the main thread reads the rest.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Collector, transferablesOf } from './collect.js';
import { RecordLog, recordTransferables } from './record-log.js';
import { InputError, readInputPart } from '../read/index.js';
import {
  cutTarget,
  type CutReply,
  type ThreadJob,
  type ThreadOutcome,
  type ThreadRecords,
  type ThreadResult,
  type ToThread,
} from './read-thread.js';

const job = workerData as ThreadJob;
const port = parentPort!;
let cutAsked: () => void = () => undefined;
const asked = new Promise<void>((resolve) => (cutAsked = resolve));
let wantsCut = false;
let busyMs = 0;
const onMessage = (m: ToThread) => {
  wantsCut = m.wanted;
  busyMs = m.busyMs;
  cutAsked();
};
port.on('message', onMessage);

const collector = new Collector({ part: true, asOfMs: job.asOfMs });
let log = new RecordLog();
const outcomes: ThreadOutcome[] = [];
for (const [i, { file, options, records, start }] of job.files.entries()) {
  // Only a tracking file is cut: the rest of it is read into a collector part of the main thread's.
  const last = i === job.files.length - 1 && !records;
  try {
    const read = await readInputPart(
      file,
      // Orders and confirmations into the log, tracking into the collector (a file gives one or the other).
      records ? log : collector,
      options,
      last ? { stopAt: cutter(file), chunkBytes: job.chunkBytes } : start !== undefined ? { start } : {},
    );
    outcomes.push({
      report: read.report,
      ...(read.stoppedAt !== undefined && {
        cut: { at: read.stoppedAt, lines: read.lines, headerLine: read.headerLine ?? 0 },
      }),
    });
  } catch (e) {
    outcomes.push(
      e instanceof InputError
        ? { inputError: { file: e.file, line: e.line, detail: e.detail, notData: e.notData } }
        : { failure: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    );
  }
  if (records) {
    const part = log.part();
    port.postMessage({ type: 'records', part } satisfies ThreadRecords, recordTransferables(part));
    // Its columns are copies, handed over: what this thread still reads needs the memory.
    log = new RecordLog();
  }
}
const part = collector.trackingPart();
const result: ThreadResult = { type: 'result', outcomes, part };
port.postMessage(result, transferablesOf(part));
// Without a listener the port no longer keeps this thread alive.
port.off('message', onMessage);

/** The stop rule for the last file: asked between chunks, it answers a cut request once. */
function cutter(file: string) {
  let answered = false;
  const started = performance.now();
  return async (read: number): Promise<number | undefined> => {
    if (job.waitForCut) await asked;
    if (!wantsCut || answered) return undefined;
    answered = true;
    // What this thread reads while the main thread is busy, at the pace it has read this file so far.
    const elapsed = performance.now() - started;
    const ahead = elapsed > 0 ? Math.round((read / elapsed) * busyMs) : 0;
    // A file that can't be looked into again is simply not cut.
    const at = await lineStartAfter(file, read, ahead, job.minCutBytes).catch(() => undefined);
    const reply: CutReply = { type: 'cut', file, at };
    port.postMessage(reply);
    return at;
  };
}

/**
 * The line start at or after `cutTarget`, or undefined when it names none or no line ends near there.
 * Whether the cut falls inside a quoted field is only known when the reading reaches it (the reader then
 * reads on, and the main thread's part is dropped).
 */
async function lineStartAfter(
  file: string,
  read: number,
  ahead: number,
  minBytes: number,
): Promise<number | undefined> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const target = cutTarget(read, size, ahead, minBytes);
    if (target === undefined) return undefined;
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, target);
    const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
    if (nl < 0 || target + nl + 1 >= size) return undefined;
    return target + nl + 1;
  } finally {
    await fh.close();
  }
}
