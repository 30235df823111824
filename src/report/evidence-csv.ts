import { bySeverity, findingsByShipment, type Finding, type FindingList, type TimeFact } from '../model/finding.js';
import type { SourceRef } from '../model/records.js';
import { csvRow } from './csv.js';
import { glossEvent } from './event-glossary.js';

/**
 * A column of the evidence CSV. `f` is the shipment's most severe finding (shipment-level facts are the
 * same on all of them); `all` holds every finding of that shipment.
 */
export interface EvidenceColumn {
  header: string;
  value: (f: Finding, all: readonly Finding[]) => string;
}

/** File name and line only: absolute paths would reveal the seller's folders to whoever reads the evidence. */
function source(ref: SourceRef | undefined): string {
  return ref ? `${ref.file.split(/[\\/]/).pop()}:${ref.line}` : '';
}

function zoneNote(label: string, t: TimeFact | undefined): string | undefined {
  return t && `${label} "${t.raw}": ${t.zone}`;
}

/**
 * The evidence a reviewer at Amazon checks, one row per affected shipment, in words they use.
 * Deliberately only order, tracking and carrier facts: buyer data (names, addresses, phones, e-mails) is
 * never in a Finding and must not be added here (Amazon's data protection policy binds the seller too).
 * Times are TimeFact.iso: the marketplace zone with its offset, or a bare date when the file gave only one.
 * The carrier's texts are kept as they are; a scan text in Chinese or Japanese gets its English beside it,
 * never a machine guess. Locations stay as the carrier wrote them (no transliteration of place names).
 */
export const EVIDENCE_COLUMNS: readonly EvidenceColumn[] = [
  { header: 'Order ID', value: (f) => f.orderId },
  { header: 'Tracking Number', value: (f) => f.trackingNumber },
  { header: 'Carrier', value: (f) => f.carrier ?? '' },
  { header: 'Purchase Date', value: (f) => f.purchasedAt?.iso ?? '' },
  { header: 'Latest Ship Date', value: (f) => f.latestShipDate?.iso ?? '' },
  {
    header: 'Latest Ship Date Source',
    value: (f) =>
      f.latestShipDate ? (f.latestShipDateComputed ? 'computed from handling time' : 'Amazon report') : '',
  },
  { header: 'Ship Confirmation Time', value: (f) => f.confirmedAt.iso },
  {
    header: 'Confirmation Precision',
    value: (f) => (f.confirmedAt.precision === 'date' ? 'date only' : 'date and time'),
  },
  { header: 'First Carrier Scan Time', value: (f) => f.firstCarrierScanAt?.iso ?? '' },
  { header: 'First Scan Event', value: (f) => f.firstScanEvent ?? '' },
  // The reviewer reads English: a Chinese or Japanese scan text's known phrases in English, from the
  // glossary the printed report uses. Empty when the text is English already or no phrase of it is known.
  { header: 'First Scan Event (English)', value: (f) => glossEvent(f.firstScanEvent ?? '') ?? '' },
  { header: 'First Scan Location', value: (f) => f.firstScanLocation ?? '' },
  { header: 'Hours Confirmation Before Scan', value: (f) => (f.lagHours === undefined ? '' : f.lagHours.toFixed(1)) },
  { header: 'Issues', value: (_, all) => all.map((x) => x.rule).join('; ') },
  { header: 'Severity', value: (f) => f.severity },
  { header: 'Details', value: (_, all) => all.map((x) => x.message).join(' | ') },
  {
    header: 'Time Zone Notes',
    value: (f) =>
      [
        zoneNote('Confirmation', f.confirmedAt),
        zoneNote('First scan', f.firstCarrierScanAt),
        zoneNote('Purchase', f.purchasedAt),
        f.latestShipDateComputed ? undefined : zoneNote('Latest ship date', f.latestShipDate),
      ]
        .filter((n) => n !== undefined)
        .join('; '),
  },
  { header: 'Source: Confirmation', value: (f) => source(f.sources.confirmation) },
  { header: 'Source: First Scan', value: (f) => source(f.sources.firstScan) },
  { header: 'Source: Order', value: (f) => source(f.sources.order) },
];

/**
 * The evidence CSV: UTF-8 with BOM and CRLF so that Excel opens it right on a double click, rows in order
 * of confirmation so that the moment of a fix shows as a break in the sequence.
 */
export function formatEvidenceCsv(
  findings: Iterable<Finding>,
  opts: { extraColumns?: readonly EvidenceColumn[] } = {},
): string {
  const columns = [...EVIDENCE_COLUMNS, ...(opts.extraColumns ?? [])];
  const rows = findingsByShipment(findings);
  return `${headLine(columns)}${rows.map((g) => rowLine(columns, g)).join('')}`;
}

/** Rows made into one piece of text at a time by `evidenceCsvChunks`. */
const ROWS_PER_CHUNK = 256;

/**
 * The same text as `formatEvidenceCsv` of an audit's findings, in pieces, each row made as its findings are
 * read: an audit lists its findings in audit order, where a shipment's findings are together and shipments
 * come by confirmation time, then order id, which is the order of the CSV's rows.
 */
export function* evidenceCsvChunks(findings: FindingList): Generator<string> {
  const columns = EVIDENCE_COLUMNS;
  let text = headLine(columns);
  let rows = 0;
  let group: Finding[] = [];
  for (const f of findings) {
    const last = group[0];
    if (last && (last.orderId !== f.orderId || last.trackingNumber !== f.trackingNumber)) {
      text += rowLine(columns, bySeverity(group));
      group = [];
      if (++rows % ROWS_PER_CHUNK === 0) {
        yield text;
        text = '';
      }
    }
    group.push(f);
  }
  if (group.length) text += rowLine(columns, bySeverity(group));
  yield text;
}

function headLine(columns: readonly EvidenceColumn[]): string {
  return `\uFEFF${csvRow(columns.map((c) => c.header))}`;
}

/** One shipment's row: `g` its findings, most severe first. */
function rowLine(columns: readonly EvidenceColumn[], g: readonly Finding[]): string {
  return csvRow(columns.map((c) => c.value(g[0], g)));
}
