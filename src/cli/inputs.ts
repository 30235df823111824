import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Collector } from '../audit/collect.js';
import type { InputSummary } from '../model/result.js';
import { InputError, readInput, type InputReport, type RecordSink } from '../read/index.js';
import { UsageError } from './errors.js';
import { endProgress, progressReporter, timing } from './io.js';
import { finishThread, startThread, trackingFilesWorthAThread, type Outcome } from './read-thread.js';
import { useMarketplaces, type Settings } from './settings.js';
import { mergeUnclassified, type UnclassifiedHolder, type UnclassifiedMore } from '../read/bounds.js';

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
  unclassifiedMore?: UnclassifiedMore;
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
  const thread = offloaded.length > 0 ? startThread(
    // Tracking readers place no Amazon times: the per-order zone (a function) stays on this side.
    offloaded.map((file) => ({ file, options: { ...settings.readOptionsFor(file), orderZone: undefined } })),
    settings.asOfMs,
  ) : undefined;
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
  timing('own files read');
  const work = ended ? undefined : meanwhile;
  if (thread) await finishThread(thread, offloaded, sink as Collector, settings, outcomes, { wantCut: !ended, progress, meanwhile: work });
  else work?.run();

  const inputs: InputSummary[] = [];
  const reports: InputReport[] = [];
  const all: UnclassifiedHolder = { unclassified: {} };
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
    mergeUnclassified(all, report);
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
  return { inputs, reports, unclassified: all.unclassified, unclassifiedMore: all.unclassifiedMore };
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

/**
 * Why a file that failed is passed over, or undefined when its error ends the run. In a folder, a file
 * that is not an input at all is passed over; one that is an input but broken is not.
 */
function passedOver(named: boolean, e: unknown): string | undefined {
  if (named || !(e instanceof InputError)) return undefined;
  if (e.detail.startsWith('unrecognised file')) return 'not a recognised input (headers of no known kind)';
  if (e.detail.startsWith('unrecognised XML')) return `not a recognised input (${e.detail})`;
  if (e.line === undefined || e.detail.includes('no data rows')) return e.detail;
  return undefined;
}

function skipped(file: string, why: string): InputSummary {
  return { file, kind: 'skipped', encoding: '', delimiter: '', rowsRead: 0, rowsRejected: 0, problems: [], zoneNote: '', skipped: why };
}

/**
 * Reads everything into a fresh collector, with progress on a terminal's stderr. When no marketplace zone
 * was configured and the orders' sales channels name another one (Amazon.co.uk → Europe/London), or several,
 * the files are read again with that zone (see useMarketplaces): times without an offset are placed as they
 * are read. `rezoned` is called in between, for what the caller worked out in the old zone.
 */
export async function collectAll(
  paths: readonly string[],
  settings: Settings,
  meanwhile?: Meanwhile<Collector>,
  rezoned?: () => void,
): Promise<ReadAll & { collector: Collector }> {
  const once = async () => {
    const collector = new Collector({ asOfMs: settings.asOfMs });
    const progress = progressReporter();
    const work = meanwhile && {
      run: () => meanwhile.run(collector),
      expectedMs: () => meanwhile.expectedMs(collector),
    };
    try {
      return { collector, ...(await readAll(paths, collector, settings, progress, work)) };
    } finally {
      endProgress(progress);
    }
  };
  const first = await once();
  const { collector } = first;
  if (!useMarketplaces(settings, collector.marketplaces, (id) => collector.marketplaceOfOrder(id))) return first;
  rezoned?.();
  return once();
}

/** Commands that audit shipments need at least one confirmation; without one there is nothing to judge. */
export function requireConfirmations(collector: Collector): void {
  if (collector.confirmationCount === 0) {
    throw new UsageError('no shipping confirmations found: give a shipping-confirmation file, an Orders API export or an ERP export (`shipaudit inspect` shows what each file was read as)');
  }
}
