import { mixedEncodingOf } from '../model/result.js';
import type { InputKind, InputReport } from '../model/input.js';
import { SCHEMA_VERSION } from './json.js';
import { padEnd, table, type Style } from './style.js';
import { terminalSafe } from './sanitize.js';

export interface InspectedInput {
  report: InputReport;
  /** A few records as the reader understood them, flattened by the caller to field → text. */
  samples: Array<Record<string, string>>;
  /** What the kind is called (knowledge/headers.ts kindTitle), when the report gives no title of its own. */
  kindTitle: string;
}

const TRACKING_KINDS: ReadonlySet<InputKind> = new Set(['tracking-events', 'tracking-summary', 'tracking-api']);

/** How many row problems and unclassified events the text shows per file (the JSON has them all). */
const PROBLEMS_SHOWN = 5;
const UNCLASSIFIED_SHOWN = 20;

/** What `inspect` shows of a file: the reader's report, with the mapping as a list and sample rows. */
export interface InspectedFile extends Omit<InputReport, 'mapping' | 'unclassified'> {
  title: string;
  mapping: Array<{ field: string; header: string }>;
  samples: Array<Record<string, string>>;
  /** Tracking files only: event descriptions no table entry matched, most frequent first. */
  unclassified?: Array<{ description: string; count: number }>;
  /** Unclassified texts past the limit kept (the least frequent): counted, not listed. */
  unclassifiedMore?: { texts: number; events: number };
}

/** What `inspect --format json` prints: the same facts as the text, as data. */
export function inspectJson(inputs: readonly InspectedInput[]): { schemaVersion: number; files: InspectedFile[] } {
  return {
    schemaVersion: SCHEMA_VERSION,
    files: inputs.map(({ report: r, samples, kindTitle }) => ({
      file: r.file,
      kind: r.kind,
      title: r.title ?? kindTitle,
      encoding: mixedEncodingOf(r) ? `${r.encoding} (${mixedEncodingOf(r)})` : r.encoding,
      delimiter: r.delimiter,
      quoting: r.quoting,
      rowsRead: r.rowsRead,
      rowsRejected: r.rowsRejected,
      problems: r.problems,
      mapping: Object.entries(r.mapping).map(([field, header]) => ({ field, header })),
      zoneNote: r.zoneNote,
      ...(r.rowsSkipped && { rowsSkipped: r.rowsSkipped }),
      ...(r.notes && { notes: r.notes }),
      samples,
      ...(TRACKING_KINDS.has(r.kind) && {
        unclassified: Object.entries(r.unclassified)
          .map(([description, count]) => ({ description, count }))
          .sort((a, b) => b.count - a.count || a.description.localeCompare(b.description)),
        ...(r.unclassifiedMore && { unclassifiedMore: r.unclassifiedMore }),
      }),
    })),
  };
}

function problems(f: InspectedFile, style: Style): string[] {
  const shown = f.problems.slice(0, PROBLEMS_SHOWN).map((p) => style.warning(`    ${p.file}:${p.line}: ${p.message}`));
  const more = f.rowsRejected - shown.length;
  return more > 0 ? [...shown, style.dim(`    … and ${more} more`)] : shown;
}

/** Sample records side by side, one line per field, so that a wrong mapping shows across records. */
function samples(f: InspectedFile, style: Style): string[] {
  const fields = [...new Set(f.samples.flatMap((s) => Object.keys(s)))];
  return table(
    ['Field', ...f.samples.map((_, i) => `#${i + 1}`)],
    fields.map((field) => [field, ...f.samples.map((s) => s[field] ?? '')]),
    fields.map(() => 'left'),
    style,
    '    ',
  );
}

function unclassified(
  list: NonNullable<InspectedFile['unclassified']>,
  style: Style,
  beyond: InspectedFile['unclassifiedMore'],
): string[] {
  if (list.length === 0) return [`  ${style.ok('✔')} Every event description was classified.`];
  const w = String(list[0].count).length;
  const more = list.length - UNCLASSIFIED_SHOWN;
  return [
    '  Event descriptions not classified (add them under "events" in the config if one is a scan):',
    ...list.slice(0, UNCLASSIFIED_SHOWN).map((u) => `    ${String(u.count).padStart(w)}  ${u.description}`),
    ...(more > 0 ? [style.dim(`    … and ${more} more`)] : []),
    ...(beyond
      ? [style.dim(`    … and about ${beyond.texts} more distinct texts not kept (${beyond.events} events)`)]
      : []),
  ];
}

function rejectedText(f: InspectedFile, style: Style): string {
  return f.rowsRejected > 0 ? style.warning(`${f.rowsRejected} rejected`) : '0 rejected';
}

/** Rows left out on purpose, e.g. `; skipped: 2 promotion continuation lines`. */
function skippedText(f: InspectedFile): string {
  const parts = Object.entries(f.rowsSkipped ?? {}).map(([why, n]) => `${n} ${why}`);
  return parts.length ? `; skipped: ${parts.join(', ')}` : '';
}

function formatFile(f: InspectedFile, style: Style): string[] {
  const label = (s: string) => padEnd(`${s}:`, 11);
  const out = [
    style.heading(f.file),
    `  ${label('Kind')}${f.title} (${f.kind})`,
    `  ${label('Encoding')}${f.encoding}; delimiter: ${f.delimiter}; quoting: ${f.quoting ? 'on' : 'off'}`,
    `  ${label('Rows')}${f.rowsRead} read, ${rejectedText(f, style)}${skippedText(f)}`,
    ...problems(f, style),
    ...(f.notes ?? []).map((n) => `  ${label('Note')}${n}`),
    `  ${label('Time zone')}${f.zoneNote}`,
  ];
  if (f.mapping.length > 0) {
    const w = Math.max(...f.mapping.map((m) => m.field.length));
    out.push('  Columns:', ...f.mapping.map((m) => `    ${m.field.padEnd(w)} ← ${m.header}`));
  }
  if (f.samples.length > 0) out.push('  Records as read:', ...samples(f, style));
  if (f.unclassified) out.push(...unclassified(f.unclassified, style, f.unclassifiedMore));
  return out;
}

/** How each input file was understood, for a seller checking that shipaudit read the right columns. */
export function formatInspectText(inputs: readonly InspectedInput[], opts: { style: Style }): string {
  // Texts from the files (headers, sample records, event texts, problems) may hold escape sequences.
  return `${terminalSafe(inspectJson(inputs))
    .files.map((f) => formatFile(f, opts.style).join('\n'))
    .join('\n\n')}\n`;
}
