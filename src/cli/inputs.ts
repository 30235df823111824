import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Collector } from '../audit/collect.js';
import type { InputSummary } from '../model/result.js';
import { InputError, readInput, type InputReport, type RecordSink } from '../read/index.js';
import { UsageError } from './errors.js';
import { endProgress, progressReporter } from './io.js';
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
): Promise<ReadAll> {
  const { explicit, found } = await expandPaths(paths);
  const inputs: InputSummary[] = [];
  const reports: InputReport[] = [];
  const unclassified: Record<string, number> = {};
  const files = [...explicit.map((f) => ({ f, explicit: true })), ...found.map((f) => ({ f, explicit: false }))];
  for (const [i, { f, explicit: named }] of files.entries()) {
    if (!named && NOT_INPUT.test(f)) {
      inputs.push(skipped(f, 'not an input file (by its name)'));
      continue;
    }
    progress?.(`reading ${f} (${i + 1}/${files.length})`);
    let report: InputReport;
    try {
      report = await readInput(f, sink, settings.readOptionsFor(f));
    } catch (e) {
      // In a folder, a file that is not an input at all is passed over; one that is an input but broken is not.
      if (!named && e instanceof InputError && (e.line === undefined || e.detail.startsWith('unrecognised file') || e.detail.includes('no data rows'))) {
        inputs.push(skipped(f, e.detail.startsWith('unrecognised file') ? 'not a recognised input (headers of no known kind)' : e.detail));
        continue;
      }
      throw e;
    }
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

function skipped(file: string, why: string): InputSummary {
  return { file, kind: 'skipped', encoding: '', delimiter: '', rowsRead: 0, rowsRejected: 0, problems: [], zoneNote: '', skipped: why };
}

/** Reads everything into a fresh collector, with progress on a terminal's stderr. */
export async function collectAll(paths: readonly string[], settings: Settings): Promise<ReadAll & { collector: Collector }> {
  const collector = new Collector();
  const progress = progressReporter();
  try {
    return { collector, ...(await readAll(paths, collector, settings, progress)) };
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
