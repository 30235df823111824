import { t } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { translateSentence, translateZoneNotes } from '../i18n/sentences.js';
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

/** A file found in a folder and not read, as the audit passes it over (its notes, evidence, no input kind). */
export interface SkippedInput {
  file: string;
  why: string;
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

/** The language of the text being written: set for the length of one formatInspectText call. */
let lang: Lang = 'en';

function problems(f: InspectedFile, style: Style): string[] {
  const shown = f.problems
    .slice(0, PROBLEMS_SHOWN)
    .map((p) => style.warning(`    ${p.file}:${p.line}: ${translateSentence(lang, p.message)}`));
  const more = f.rowsRejected - shown.length;
  return more > 0 ? [...shown, style.dim(t(lang, 'inspect.more', { n: more }))] : shown;
}

/** Sample records side by side, one line per field, so that a wrong mapping shows across records. */
function samples(f: InspectedFile, style: Style): string[] {
  const fields = [...new Set(f.samples.flatMap((s) => Object.keys(s)))];
  return table(
    [t(lang, 'inspect.field'), ...f.samples.map((_, i) => `#${i + 1}`)],
    fields.map((field) => [field, ...f.samples.map((s) => translateZoneNotes(lang, s[field] ?? ''))]),
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
  if (list.length === 0) return [`  ${style.ok('✔')} ${t(lang, 'inspect.allClassified')}`];
  const w = String(list[0].count).length;
  const more = list.length - UNCLASSIFIED_SHOWN;
  return [
    t(lang, 'inspect.unclassified'),
    ...list.slice(0, UNCLASSIFIED_SHOWN).map((u) => `    ${String(u.count).padStart(w)}  ${u.description}`),
    ...(more > 0 ? [style.dim(t(lang, 'inspect.more', { n: more }))] : []),
    ...(beyond ? [style.dim(t(lang, 'inspect.notKept', { texts: beyond.texts, events: beyond.events }))] : []),
  ];
}

function rejectedText(f: InspectedFile, style: Style): string {
  return f.rowsRejected > 0
    ? style.warning(t(lang, 'inspect.rejected', { n: f.rowsRejected }))
    : t(lang, 'inspect.rejected', { n: 0 });
}

/** Rows left out on purpose, e.g. `; skipped: 2 promotion continuation lines`. */
function skippedText(f: InspectedFile): string {
  const parts = Object.entries(f.rowsSkipped ?? {}).map(([why, n]) => t(lang, 'inspect.skippedPart', { n, why }));
  return parts.length ? t(lang, 'inspect.skipped', { parts }) : '';
}

function formatFile(f: InspectedFile, style: Style): string[] {
  const label = (s: 'Kind' | 'Encoding' | 'Rows' | 'Note' | 'Time zone') =>
    padEnd(t(lang, 'inspect.label', { label: s }), 11);
  const out = [
    style.heading(f.file),
    `  ${label('Kind')}${t(lang, 'inspect.kind', { title: f.title, kind: f.kind })}`,
    `  ${label('Encoding')}${t(lang, 'inspect.encoding', { encoding: f.encoding, delimiter: f.delimiter, quoting: f.quoting })}`,
    `  ${label('Rows')}${t(lang, 'inspect.rows', { read: f.rowsRead, rejected: rejectedText(f, style), skipped: skippedText(f) })}`,
    ...problems(f, style),
    ...(f.notes ?? []).map((n) => `  ${label('Note')}${translateSentence(lang, n)}`),
    `  ${label('Time zone')}${translateSentence(lang, f.zoneNote)}`,
  ];
  if (f.mapping.length > 0) {
    const w = Math.max(...f.mapping.map((m) => m.field.length));
    out.push(t(lang, 'inspect.columns'), ...f.mapping.map((m) => `    ${m.field.padEnd(w)} ← ${m.header}`));
  }
  if (f.samples.length > 0) out.push(t(lang, 'inspect.records'), ...samples(f, style));
  if (f.unclassified) out.push(...unclassified(f.unclassified, style, f.unclassifiedMore));
  return out;
}

/** How each input file was understood, for a seller checking that shipaudit read the right columns. */
export function formatInspectText(
  inputs: readonly InspectedInput[],
  opts: { style: Style; lang?: Lang; skipped?: readonly SkippedInput[] },
): string {
  lang = opts.lang ?? 'en';
  try {
    // Texts from the files (headers, sample records, event texts, problems) may hold escape sequences.
    const files = terminalSafe(inspectJson(inputs)).files.map((f) => formatFile(f, opts.style).join('\n'));
    const skipped = terminalSafe(opts.skipped ?? []).map((s) =>
      opts.style.dim(`  ${s.file}: ${translateSentence(lang, s.why)}`),
    );
    if (skipped.length > 0) files.push([opts.style.dim(t(lang, 'inspect.skippedFiles')), ...skipped].join('\n'));
    return `${files.join('\n\n')}\n`;
  } finally {
    lang = 'en';
  }
}
