/**
 * A second reading thread: reads the tracking files it is given into a collector of its own and hands
 * back what it learnt (see `readInThread` in inputs.ts). Tracking exports are half the bytes of a large
 * audit, and reading them beside the order files uses the machine's second core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Collector, transferablesOf } from '../audit/collect.js';
import { InputError, readInput } from '../read/index.js';
import type { ThreadJob, ThreadOutcome, ThreadResult } from './inputs.js';

const job = workerData as ThreadJob;
const collector = new Collector();
const outcomes: ThreadOutcome[] = [];
for (const { file, options } of job.files) {
  try {
    outcomes.push({ report: await readInput(file, collector, options) });
  } catch (e) {
    outcomes.push(
      e instanceof InputError
        ? { inputError: { file: e.file, line: e.line, detail: e.detail } }
        : { failure: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    );
  }
}
const part = collector.trackingPart();
const result: ThreadResult = { outcomes, part };
parentPort!.postMessage(result, transferablesOf(part));
