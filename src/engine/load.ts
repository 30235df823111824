import { createReadStream, createWriteStream, rmSync, type Dirent } from 'node:fs';
import { mkdtemp, readdir, realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { basename, join } from 'node:path';
import type { Progress } from './types.js';
import { InputError, UsageError, type NotData } from '../model/errors.js';
import type { InputSummary } from '../model/result.js';
import { mixedEncodingOf } from '../model/result.js';
import { readInputPart, type InputReport, type PartRead, type RecordSink } from '../read/index.js';
import { mergeUnclassified, type UnclassifiedHolder, type UnclassifiedMore } from '../read/bounds.js';
import { Collector } from './collect.js';
import {
  filesForThread,
  finishThread,
  HEAD_CHUNK_BYTES,
  joinRecordParts,
  startThread,
  type Outcome,
} from './read-thread.js';
import type { LoadHooks, LoadSettings, Meanwhile } from './types.js';

/** Files in a folder that are never inputs, whatever their content. */
const NOT_INPUT =
  /(^|[\\/])(\.[^\\/]*|node_modules|shipaudit\.config\.json|evidence[^\\/]*\.csv|.*\.(md|pdf|html?|zip|png|jpe?g|gif|docx?|log))$/i;

/** A file found in a folder that is never read, whatever its content (notes, reports, evidence, archives). */
export function notInputByName(file: string): boolean {
  return NOT_INPUT.test(file);
}

export interface Expanded {
  /** Named on the command line: an unreadable one is an error. */
  explicit: string[];
  /** Found in a folder: an unreadable one is skipped with a note. */
  found: string[];
  /** Found through a symbolic link in a folder: path → the real path it reaches. */
  symlinks: Map<string, string>;
  /** Folder entries that can't be walked or read (a loop, a broken link, an unreadable folder). */
  unreachable: Array<{ file: string; why: string }>;
}

export async function expandPaths(paths: readonly string[]): Promise<Expanded> {
  const out: Expanded = { explicit: [], found: [], symlinks: new Map(), unreachable: [] };
  const seen = new Map<string, string>();
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new UsageError(`${p}: no such file or folder`);
    if (st.isDirectory()) await walkInto(p, out, seen, new Set([await realpath(p)]));
    else {
      if (!st.isFile()) await spool(p);
      out.explicit.push(p);
    }
  }
  return out;
}

/**
 * The files under a folder, in name order, following symbolic links to files and folders (a link back to
 * a folder on the way down is a loop: listed, not followed). A file reached twice (a link beside its
 * target) is read once; the second path is listed as the same file. Nothing is left out unlisted.
 */
async function walkInto(
  dir: string,
  out: Expanded,
  seen: Map<string, string>,
  ancestors: Set<string>,
  linked = false,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.unreachable.push({ file: dir, why: `unreadable folder (${errorCode(e)})` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    let real = p;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        real = await realpath(p);
        const st = await stat(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ELOOP' ? 'symbolic link loop' : `broken symbolic link (${errorCode(err)})`;
        out.unreachable.push({ file: p, why });
        continue;
      }
      out.symlinks.set(p, real);
    } else if (isFile) {
      real = await realpath(p).catch(() => p);
      // Under a linked folder every file is reached through the link: listed with where it really is.
      if (linked) out.symlinks.set(p, real);
    }
    if (isDir) {
      if (ancestors.has(real)) {
        out.unreachable.push({ file: p, why: `symbolic link loop (back to ${real})` });
        continue;
      }
      await walkInto(p, out, seen, new Set([...ancestors, real]), linked || e.isSymbolicLink());
    } else if (isFile) {
      const first = seen.get(real);
      if (first !== undefined) {
        out.unreachable.push({ file: p, why: `the same file as ${first} (read once)` });
        continue;
      }
      seen.set(real, p);
      out.found.push(p);
    } else {
      out.unreachable.push({ file: p, why: 'not a regular file (a pipe, socket or device)' });
    }
  }
}

/** Pipes and devices named on the command line (`<(cat file)`, /dev/stdin) → the copy read in their place. */
const spooled = new Map<string, string>();
let spoolDir: string | undefined;

/** The path to open for a named input: its copy when it is a pipe, else undefined (the file itself). */
export function spooledPath(file: string): string | undefined {
  return spooled.get(file);
}

/**
 * A pipe can be read once and has no size: its content is copied to a temporary file first, which every
 * reader (and a second pass, as explain makes) opens in its place, under the pipe's name.
 */
async function spool(p: string): Promise<void> {
  if (spooled.has(p)) return;
  if (!spoolDir) {
    const dir = await mkdtemp(join(tmpdir(), 'shipaudit-pipe-'));
    spoolDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const copy = join(spoolDir, `input-${spooled.size + 1}`);
  try {
    await pipeline(createReadStream(p), createWriteStream(copy));
  } catch (e) {
    throw new InputError(p, undefined, `can't read (${errorCode(e)})`, 'unreadable');
  }
  spooled.set(p, copy);
}

/** Files under a folder (the nightly check's globs walk it the same way). */
export async function walk(dir: string): Promise<string[]> {
  const out: Expanded = { explicit: [], found: [], symlinks: new Map(), unreachable: [] };
  await walkInto(dir, out, new Map(), new Set([await realpath(dir)]));
  return out.found;
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
  settings: LoadSettings,
  hooks: LoadHooks = {},
  meanwhile?: Meanwhile,
): Promise<ReadAll> {
  const shown = hooks.progress?.();
  try {
    return await readFiles(paths, sink, settings, hooks, shown?.report, meanwhile);
  } finally {
    shown?.end();
  }
}

async function readFiles(
  paths: readonly string[],
  sink: RecordSink,
  settings: LoadSettings,
  hooks: LoadHooks,
  progress: Progress | undefined,
  meanwhile: Meanwhile | undefined,
): Promise<ReadAll> {
  const { explicit, found, symlinks, unreachable } = await expandPaths(paths);
  const files = [...explicit.map((f) => ({ f, explicit: true })), ...found.map((f) => ({ f, explicit: false }))];
  const candidates = files.filter(({ f, explicit: named }) => named || !notInputByName(f)).map(({ f }) => f);
  // Large tracking files, and order or confirmation files when that evens out the work, go to a second
  // thread while this one reads the rest (only into a collector, which can take in what the other thread
  // read; not when `explain` keeps one order's records as read).
  const collector = sink instanceof Collector ? sink : undefined;
  const split = collector ? await filesForThread(candidates, settings, { records: collector.kept === undefined }) : [];
  const offloaded = split.map(({ file }) => file);
  const thread =
    split.length > 0
      ? startThread(
          // The files given place no times per order: the per-order zone (a function) stays on this side.
          split.map(({ file, records, start }) => ({
            file,
            records,
            start,
            options: { ...settings.readOptionsFor(file), orderZone: undefined },
          })),
          settings.asOfMs,
          hooks,
        )
      : undefined;
  const beside = thread ? ` (and ${offloaded.length} in a second thread)` : '';
  const isCandidate = new Set(candidates);
  // A records file cut between the threads: this thread reads it up to `start`, the other from there.
  const cut = split.find((f) => f.start !== undefined);
  const inThread = new Set(split.filter((f) => f.start === undefined).map((f) => f.file));
  let head: PartRead | undefined;

  // Progress counts the bytes this thread reads, in MB, across its files.
  const mine = files.filter(({ f }) => isCandidate.has(f) && !inThread.has(f)).map(({ f }) => f);
  const sizes = progress
    ? new Map(await Promise.all(mine.map(async (f) => [f, (await stat(f).catch(() => undefined))?.size ?? 0] as const)))
    : new Map<string, number>();
  const totalBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  let doneBytes = 0;

  const outcomes = new Map<string, Outcome>();
  let ended = false;
  for (const { f, explicit: named } of files) {
    if (!isCandidate.has(f) || inThread.has(f)) continue;
    const size = sizes.get(f) ?? 0;
    const phase = `reading ${basename(f)}${beside}`;
    const shown =
      progress && ((read: number) => progress(phase, mb(doneBytes + Math.min(read, size)), mb(totalBytes), 'MB'));
    shown?.(0);
    const range =
      f === cut?.file ? { onRead: shown, stopAt: () => cut.start, chunkBytes: HEAD_CHUNK_BYTES } : { onRead: shown };
    const outcome: Outcome = await readInputPart(f, sink, settings.readOptionsFor(f), range).then(
      (read) => {
        if (f === cut?.file) head = read;
        return { report: read.report };
      },
      (error: unknown) => ({ error }),
    );
    doneBytes += size;
    outcomes.set(f, outcome);
    // A file that ends the run ends the reading too (the thread's files are still waited for: one of
    // them may come first in the order errors are reported).
    if ('error' in outcome && passedOver(named, outcome.error) === undefined) {
      ended = true;
      break;
    }
  }
  hooks.phase?.('own files read');
  const work = ended ? undefined : meanwhile;
  // The thread's orders and confirmations come after this thread's in reading order (see filesForThread).
  const records = split.filter((f) => f.records);
  for (const { start } of thread && !ended ? records : []) {
    const part = await thread!.nextRecords();
    if (part === undefined) break;
    // The end of a file cut between the threads, unless this thread read on past the cut.
    if (start === undefined) collector!.absorbRecords(part);
    else if (head?.stoppedAt === start) collector!.absorbRecords(part, head.lines);
  }
  if (thread && !ended && records.length > 0) hooks.phase?.("second thread's orders and confirmations taken in");
  const headOutcome = cut && outcomes.get(cut.file);
  if (thread)
    await finishThread(thread, offloaded, sink as Collector, settings, outcomes, {
      wantCut: !ended,
      progress,
      meanwhile: work,
      hooks,
    });
  else work?.run();
  if (cut) {
    const tail = outcomes.get(cut.file);
    if (headOutcome === undefined || tail === undefined) outcomes.delete(cut.file);
    else
      outcomes.set(
        cut.file,
        joinRecordParts(headOutcome, head, cut.start!, tail, {
          keep: settings.readOptionsFor(cut.file).keepProblems,
          hooks,
        }),
      );
  }

  const inputs: InputSummary[] = [];
  const reports: InputReport[] = [];
  const all: UnclassifiedHolder = { unclassified: {} };
  for (const { f, explicit: named } of files) {
    if (!isCandidate.has(f)) {
      inputs.push(skipped(f, 'not an input file (by its name)', undefined, symlinks.get(f)));
      continue;
    }
    const outcome = outcomes.get(f);
    // Not read: an earlier file's error stopped the reading, and is thrown before this one is reached.
    if (!outcome) continue;
    if ('error' in outcome) {
      const why = passedOver(named, outcome.error);
      if (why === undefined) throw outcome.error;
      inputs.push(skipped(f, why, expectedData(outcome.error), symlinks.get(f)));
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
      ...(symlinks.has(f) ? { symlink: symlinks.get(f) } : {}),
      ...(mixedEncodingOf(report) ? { encodingNote: mixedEncodingOf(report) } : {}),
    });
  }
  // A second link to a file already read is no loss; every other unreachable entry is.
  for (const u of unreachable) {
    inputs.push(skipped(u.file, u.why, u.why.startsWith('the same file') ? undefined : u.why));
  }
  if (reports.length === 0) throw new UsageError(`no input files could be read from ${paths.join(', ')}`);
  return { inputs, reports, unclassified: all.unclassified, unclassifiedMore: all.unclassifiedMore };
}

/**
 * Why a file that failed is passed over, or undefined when its error ends the run. In a folder, a file
 * that is not an input at all is passed over; one that is an input but broken is not.
 */
export function passedOver(named: boolean, e: unknown): string | undefined {
  if (named || !(e instanceof InputError)) return undefined;
  // An error of the whole file (not of a line in it) with no reason given: a JSON or workbook that can't be read.
  if (e.notData === undefined) return e.line === undefined ? e.detail : undefined;
  return SKIP_REASONS[e.notData] ?? (e.notData === 'unknown-shape' ? `not a recognised input (${e.detail})` : e.detail);
}

/** How a folder file that is not data is listed (the error's own detail where it says more). */
const SKIP_REASONS: Partial<Record<NotData, string>> = {
  'unknown-kind': 'not a recognised input (headers of no known kind)',
  'no-header': 'no header row: the first row looks like data (a report saved without its header row?)',
};

/** Why a skipped folder file is a warning: data was expected there (a failed or cut download), or undefined. */
export function expectedData(e: unknown): string | undefined {
  if (!(e instanceof InputError) || e.notData === 'unknown-kind' || e.notData === 'unknown-shape') return undefined;
  return e.detail;
}

function skipped(file: string, why: string, warning?: string, symlink?: string): InputSummary {
  return {
    file,
    kind: 'skipped',
    encoding: '',
    delimiter: '',
    rowsRead: 0,
    rowsRejected: 0,
    problems: [],
    zoneNote: '',
    skipped: why,
    ...(warning ? { warning } : {}),
    ...(symlink ? { symlink } : {}),
  };
}

/**
 * Reads everything into a fresh collector. When `rezone` says the orders' sales channels call for another
 * marketplace zone than the one the files were read in (Amazon.co.uk → Europe/London), the files are read
 * again: times without an offset are placed as they are read. `keepOrder`: the records of that one order
 * are kept as read, for `explain`.
 */
export async function collectAll(
  paths: readonly string[],
  settings: LoadSettings,
  options: {
    meanwhile?: Meanwhile<Collector>;
    rezone?: (
      marketplaces: ReadonlyMap<string, number>,
      marketplaceOfOrder: (orderId: string) => { channel: string; zone: string } | undefined,
    ) => boolean;
    keepOrder?: string;
    hooks?: LoadHooks;
  } = {},
): Promise<ReadAll & { collector: Collector }> {
  const { meanwhile, rezone, keepOrder, hooks } = options;
  const once = async () => {
    const collector = new Collector({ asOfMs: settings.asOfMs, keepOrder });
    const work = meanwhile && {
      run: () => meanwhile.run(collector),
      expectedMs: () => meanwhile.expectedMs(collector),
    };
    return { collector, ...(await readAll(paths, collector, settings, hooks, work)) };
  };
  const first = await once();
  const { collector } = first;
  if (!rezone?.(collector.marketplaces, (id) => collector.marketplaceOfOrder(id))) return first;
  return once();
}

/** Commands that audit shipments need at least one confirmation; without one there is nothing to judge. */
export function requireConfirmations(collector: { confirmationCount: number }): void {
  if (collector.confirmationCount === 0) {
    throw new UsageError(
      'no shipping confirmations found: give a shipping-confirmation file, an Orders API export or an ERP export (`shipaudit inspect` shows what each file was read as)',
    );
  }
}

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
