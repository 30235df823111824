import type { Comparison, EvidenceRow } from '../model/compare.js';
import { glossEvent } from './event-glossary.js';
import { issueName } from './issue-names.js';
import { SEVERITY_RANK, type TimeFact } from '../model/finding.js';
import type { AuditResult, GroupFigures } from '../model/result.js';
import { EVIDENCE_COLUMNS, type EvidenceColumn } from './evidence-csv.js';
import { beforeAfterTable, hours, pct, verdictSentence } from './poa.js';

/**
 * One self-contained page for the appeal: no script, no font, no image from anywhere (a CSP forbids it),
 * inline SVG charts. On screen it shows every affected shipment; printed (report.pdf) it is laid out for a
 * reviewer who reads two A4 pages: the summary, the before/after table and the charts on the first, the
 * worst shipments on the second (times short and local, issues in words), with a header and page numbers on
 * every page. Both tables show a Chinese scan text's English beside it (event-glossary.ts). The full table is
 * in evidence.xlsx and evidence.csv.
 */

export interface HtmlInput {
  result: AuditResult;
  comparison: Comparison;
  rows: readonly EvidenceRow[];
  periodColumn: EvidenceColumn;
  sellerName?: string;
}

const DAY = 86_400_000;

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The evidence columns the page shows; the full set is in evidence.csv. Same values, same functions. */
const PAGE_COLUMNS = [
  'Order ID',
  'Tracking Number',
  'Carrier',
  'Ship Confirmation Time',
  'First Carrier Scan Time',
  'First Scan Event',
  'Hours Confirmation Before Scan',
  'Issues',
];

const BASE_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d5d9e0; --bad: #b42318; --good: #067647; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.verdict { padding: 10px 14px; border-left: 4px solid var(--good); background: #ecfdf3; }
.verdict.not { border-color: var(--bad); background: #fef3f2; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f2f4f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: var(--good); } .no { color: var(--bad); }
.gloss { font-style: italic; color: var(--muted); }
table.evidence { font-size: 12px; }
table.evidence td:nth-child(-n+3) { white-space: nowrap; }
tr.after td:first-child { color: var(--good); font-weight: 600; }
figure { margin: 12px 0; } figcaption { color: var(--muted); font-size: 12px; }
svg { width: 100%; height: auto; max-width: 760px; display: block; }
svg text { font-size: 11px; fill: var(--muted); }
svg .axis { stroke: #98a2b3; } svg .grid { stroke: #eaecf0; }
svg .line { fill: none; stroke: var(--accent); stroke-width: 2; }
svg .line.p90 { stroke: #98a2b3; stroke-dasharray: 4 3; stroke-width: 1.5; }
svg .pt { fill: var(--accent); }
svg .fix { stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 6 4; } svg text.fix-label { fill: var(--bad); }
svg .ref { stroke: var(--good); stroke-dasharray: 2 3; }
.print-only { display: none; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.3; }
  .screen-only { display: none; }
  .print-only { display: block; }
  h1 { font-size: 14pt; } h2 { font-size: 10pt; margin: 8px 0 3px; padding-bottom: 2px; }
  .meta { margin: 0 0 4px; } .verdict { padding: 5px 10px; margin: 4px 0; }
  th, td { padding: 1px 4px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, .verdict, table.small { break-inside: avoid; page-break-inside: avoid; }
  figure { margin: 2px 0 4px; } figcaption { font-size: 7pt; line-height: 1.2; }
  .page1 { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; align-items: start; }
  .page1 > .weeks { grid-column: 2; grid-row: 1 / span 3; }
  .page1 > section > h2:first-child { margin-top: 4px; }
  svg { max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  section.print-evidence { break-before: page; page-break-before: always; }
  section.print-evidence h2 { margin-top: 0; }
  table.worst { table-layout: fixed; font-size: 7pt; line-height: 1.2; margin: 2px 0; }
  table.worst td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  /* Identifiers are never cut: a number too long for its column (FedEx 34 digits) wraps instead. */
  table.worst td:nth-child(2), table.worst td:nth-child(3) { white-space: normal; overflow-wrap: anywhere; }
  .verdict, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** How many shipments the printed report lists, worst first: two pages for a reviewer, not a thousand. */
export const PRINT_ROWS = 40;

/** Column widths of the printed table (fixed layout, A4 landscape), in %. */
const WORST_COLUMNS: ReadonlyArray<[header: string, width: number, numeric?: boolean]> = [
  ['Fix', 4],
  ['Order ID', 11.5],
  ['Tracking number', 14],
  ['Carrier', 6],
  ['Confirmed', 9.5],
  ['First carrier scan', 9.5],
  ['Hours before scan', 5, true],
  ['First scan event', 12.5],
  ['Location', 8],
  ['Issue', 20],
];

export function formatHtmlReport({ result, comparison: c, rows, periodColumn, sellerName }: HtmlInput): string {
  const weeks = result.byWeek.map((w) => ({ w, mid: isoWeekMonday(w.key) + 3.5 * DAY }));
  const fixX = Date.parse(`${c.fixedOn}T00:00:00Z`);
  const s = result.summary;
  const t = beforeAfterTable(c);
  const columns = [periodColumn, ...PAGE_COLUMNS.map((h) => EVIDENCE_COLUMNS.find((col) => col.header === h)!)];
  const title = `Shipment confirmations before and after ${c.fixedOn}`;
  const worst = worstRows(rows, PRINT_ROWS);
  const capped = worst.length < rows.length;
  const printTitle = capped
    ? `The ${worst.length} worst of ${rows.length} shipments with an issue`
    : `All ${rows.length} shipments with an issue, worst first`;
  const whereAll = capped ? `All ${rows.length} shipments are` : 'The full table, with sources and time-zone notes, is';
  const printNote =
    `Errors first, then the longest time from confirmation to first carrier scan; "Fix": confirmed before or after ` +
    `${c.fixedOn}. ${whereAll} in evidence.xlsx and evidence.csv.`;
  const tool = `${result.tool.name} ${result.tool.version} · judged as of ${result.asOf.slice(0, 10)}`;
  const css = BASE_CSS + pageCss(sellerName ? `${sellerName} · ${title}` : title, tool);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${sellerName ? `${esc(sellerName)} · ` : ''}${s.shipments} merchant-fulfilled shipments · judged as of ${esc(result.asOf)} · times in ${esc(result.marketplaceZone)} · ${esc(result.tool.name)} ${esc(result.tool.version)}</p>
<p class="verdict${c.verdict.improved ? '' : ' not'}">${esc(verdictSentence(c))}</p>
</header>

<div class="page1">
<section class="ba">
<h2>Before and after the fix</h2>
${table(t.head, t.rows, { small: true, numericFrom: 1 })}
<p class="meta">A shipment counts as confirmed early when its confirmation came more than ${c.graceHours} hours before the carrier's first physical scan. Hours from confirmation to first scan: positive when the confirmation came first.</p>
</section>

<section class="weeks">
<h2>Week by week</h2>
${chart({
  id: 'chart-rate',
  caption: 'Early-confirmation rate per week of confirmation (target: 0%). Dashed red line: the fix.',
  weeks,
  series: [
    {
      cls: 'line',
      points: true,
      value: (g) => g.earlyConfirmationRate,
      tip: (g) => `${pct(g.earlyConfirmationRate)} (${g.earlyConfirmations} of ${g.withScanTime})`,
    },
  ],
  format: (v) => `${Math.round(v * 100)}%`,
  fixX,
  fixLabel: `fix ${c.fixedOn}`,
  floor: { min: 0, max: 1 },
})}
${chart({
  id: 'chart-lag',
  caption: `Hours from confirmation to first carrier scan per week: median (solid, with points) and 90th percentile (dashed). Green dotted line: the ${c.graceHours}-hour grace; above it a confirmation counts as early.`,
  weeks,
  series: [
    { cls: 'line p90', points: false, value: (g) => g.lagHours.p90, tip: () => '' },
    {
      cls: 'line',
      points: true,
      value: (g) => g.lagHours.median,
      tip: (g) =>
        `median ${hours(g.lagHours.median)} h, 90th percentile ${hours(g.lagHours.p90)} h (${g.lagHours.count} shipments)`,
    },
  ],
  format: (v) => `${Math.round(v)} h`,
  fixX,
  fixLabel: `fix ${c.fixedOn}`,
  floor: { min: 0, max: c.graceHours },
  ref: { value: c.graceHours, label: `${c.graceHours} h grace` },
})}
</section>

<section class="targets">
<h2>Figures against Amazon's targets</h2>
${table(
  ['Figure', 'Value', 'Count', 'Target', 'Meets target'],
  [s.earlyConfirmationRate, s.lateShipmentRate10, s.lateShipmentRate30, s.validTrackingRate].map((f) => [
    f.label,
    pct(f.value),
    `${f.count} of ${f.of}`,
    f.target,
    f.meetsTarget === null ? 'n/a' : f.meetsTarget ? '✔ yes' : '✖ no',
  ]),
  { small: true, numericFrom: 1, numericTo: 2 },
)}
${result.notes.length ? `<ul>${result.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
</section>

<section class="carriers">
<h2>By carrier</h2>
${table(
  ['Carrier', 'Shipments', 'Early confirmations', 'Rate', 'Median h', '90th percentile h', 'Physical scan'],
  result.byCarrier.map((g) => [
    g.key,
    String(g.shipments),
    String(g.earlyConfirmations),
    pct(g.earlyConfirmationRate),
    hours(g.lagHours.median),
    hours(g.lagHours.p90),
    `${g.withPhysicalScan} of ${g.shipments}`,
  ]),
  { small: true, numericFrom: 1 },
)}
</section>

</div>

<section class="evidence screen-only">
<h2>Evidence: ${rows.length} shipments with an issue</h2>
<table class="evidence">
<thead><tr>${columns.map((col) => `<th>${esc(col.header)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr class="${r.period}">${columns.map((col) => `<td>${pageCell(col, r)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</section>

${
  rows.length === 0
    ? ''
    : `<section class="print-evidence print-only">
<h2>${esc(printTitle)}</h2>
<p class="meta">${esc(printNote)}</p>
${worstTable(worst, result.marketplaceZone)}
</section>`
}
</body>
</html>
`;
}

/** A cell of the screen's evidence table: the CSV's value, and beside a scan text its English, as printed. */
function pageCell(col: EvidenceColumn, r: EvidenceRow): string {
  const text = col.value(r.findings[0], r.findings);
  return col.header === 'First Scan Event' ? glossed(text) : esc(text);
}

/** A carrier's scan text as it is, followed by the English of its known phrases ("已收寄 accepted (posted)"). */
function glossed(event: string): string {
  const gloss = glossEvent(event);
  return `${esc(event)}${gloss ? ` <span class="gloss">${esc(gloss)}</span>` : ''}`;
}

/** Errors before warnings, then the longest confirmation → first scan gap first; ties in order of confirmation. */
export function worstRows(rows: readonly EvidenceRow[], limit: number): EvidenceRow[] {
  const lag = (r: EvidenceRow) => r.findings[0].lagHours ?? -Infinity;
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.r.findings[0].severity] - SEVERITY_RANK[b.r.findings[0].severity] ||
        lag(b.r) - lag(a.r) ||
        a.i - b.i,
    )
    .slice(0, limit)
    .map((x) => x.r);
}

function worstTable(rows: readonly EvidenceRow[], zone: string): string {
  const head = WORST_COLUMNS.map(([h, , num]) => `<th${num ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const cols = WORST_COLUMNS.map(([, w]) => `<col style="width:${w}%">`).join('');
  const body = rows.map((r) => {
    const f = r.findings[0];
    const event = f.firstScanEvent ?? '';
    const gloss = glossEvent(event);
    const cells = [
      esc(r.period),
      esc(f.orderId),
      esc(f.trackingNumber),
      esc(f.carrier ?? ''),
      esc(shortTime(f.confirmedAt, zone)),
      esc(shortTime(f.firstCarrierScanAt, zone)),
      esc(f.lagHours === undefined ? '' : f.lagHours.toFixed(1)),
      glossed(event),
      esc(f.firstScanLocation ?? ''),
      esc([...new Set(r.findings.map((x) => issueName(x.rule)))].join('; ')),
    ];
    const title = [gloss ? `${event}: ${gloss}` : event, f.firstScanLocation ?? ''].filter(Boolean).join(' · ');
    return `<tr class="${r.period}"${title ? ` title="${esc(title)}"` : ''}>${cells
      .map((c, i) => `<td${WORST_COLUMNS[i][2] ? ' class="num"' : ''}>${c}</td>`)
      .join('')}</tr>`;
  });
  return `<table class="worst">
<colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const zoneNames = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's short name at that moment ("PDT", "GMT+8"); the ISO offset when the zone has no name. */
function zoneAbbreviation(zone: string, epochMs: number, isoOffset: string): string {
  let fmt = zoneNames.get(zone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    } catch {
      fmt = null;
    }
    zoneNames.set(zone, fmt);
  }
  const name = fmt?.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value;
  return name ?? `UTC${isoOffset}`;
}

/**
 * A time as a reviewer reads it in a narrow column: `Oct 3 14:21 PDT`, the wall time of the marketplace
 * zone (TimeFact.iso is already there) with the zone's short name; a date-only value as `Oct 3`.
 */
export function shortTime(t: TimeFact | undefined, zone: string): string {
  if (!t) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(t.iso);
  if (!m) return t.iso;
  const day = `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}`;
  if (t.precision === 'date' || m[4] === undefined) return day;
  const offset = m[6] === 'Z' ? '+00:00' : m[6];
  return `${day} ${m[4]}:${m[5]} ${zoneAbbreviation(zone, t.epochMs, offset)}`;
}

/** A CSS string literal that can hold any text: every character but letters, digits and `.,:()/-` is escaped. */
export function cssString(text: string): string {
  const hex = (ch: string) => `\\${ch.codePointAt(0)!.toString(16)} `;
  const escaped = [...text].map((ch) => (/[A-Za-z0-9 .,:()/-]/.test(ch) ? ch : hex(ch)));
  return `"${escaped.join('')}"`;
}

const MARGIN_FONT = 'font: 8pt system-ui, sans-serif; color: #5b6475;';

/** Page size, margins, and on every printed page the report's name, who made it, and "Page 1 of 2". */
function pageCss(left: string, right: string): string {
  return `@page {
  size: A4 landscape;
  margin: 15mm 12mm 13mm;
  @top-left { content: ${cssString(left)}; ${MARGIN_FONT} }
  @top-right { content: ${cssString(right)}; ${MARGIN_FONT} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${MARGIN_FONT} }
}
`;
}

function table(
  head: string[],
  rows: string[][],
  opts: { small?: boolean; numericFrom?: number; numericTo?: number },
): string {
  const num = (i: number) =>
    opts.numericFrom !== undefined && i >= opts.numericFrom && i <= (opts.numericTo ?? Infinity);
  const cell = (tag: string, text: string, i: number) => `<${tag}${num(i) ? ' class="num"' : ''}>${esc(text)}</${tag}>`;
  return `<table${opts.small ? ' class="small"' : ''}>
<thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** The Monday (UTC midnight) of an ISO week key such as "2026-W45 (Nov 02)". */
export function isoWeekMonday(key: string): number {
  const m = /^(\d{4})-W(\d{2})/.exec(key);
  if (!m) throw new RangeError(`not an ISO week key: "${key}"`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const weekday = new Date(jan4).getUTCDay() || 7;
  return jan4 - (weekday - 1) * DAY + (Number(m[2]) - 1) * 7 * DAY;
}

interface Series {
  cls: string;
  points: boolean;
  value: (g: GroupFigures) => number | null;
  tip: (g: GroupFigures) => string;
}

interface ChartSpec {
  id: string;
  caption: string;
  weeks: Array<{ w: GroupFigures; mid: number }>;
  series: Series[];
  format: (v: number) => string;
  fixX: number;
  fixLabel: string;
  /** The y range always shown, widened to fit the data. */
  floor: { min: number; max: number };
  ref?: { value: number; label: string };
}

/** A tick step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`: axis labels people read at a glance. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw - 1e-9)!;
}

const W = 760;
const H = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };

function chart(spec: ChartSpec): string {
  const { weeks } = spec;
  const x0 = Math.min(weeks[0].mid - 3.5 * DAY, spec.fixX);
  const x1 = Math.max(weeks.at(-1)!.mid + 3.5 * DAY, spec.fixX + DAY);
  const values = weeks.flatMap(({ w }) => spec.series.map((s) => s.value(w))).filter((v): v is number => v !== null);
  const step = niceStep((Math.max(spec.floor.max, ...values) - Math.min(spec.floor.min, ...values)) / 4);
  const y0 = Math.floor(Math.min(spec.floor.min, ...values) / step) * step;
  const y1 = Math.ceil(Math.max(spec.floor.max, ...values) / step) * step;
  const px = (t: number) => PAD.left + ((t - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const py = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const f1 = (n: number) => n.toFixed(1);

  const ticks = Array.from({ length: Math.round((y1 - y0) / step) + 1 }, (_, i) => y0 + i * step);
  const grid = ticks
    .map(
      (v) =>
        `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f1(py(v))}" y2="${f1(py(v))}"/><text x="${PAD.left - 6}" y="${f1(py(v) + 4)}" text-anchor="end">${esc(spec.format(v))}</text>`,
    )
    .join('');
  const labels = weeks
    .map(
      ({ w, mid }) =>
        `<text x="${f1(px(mid))}" y="${H - PAD.bottom + 16}" text-anchor="middle">${esc(w.key.slice(5, 8))}</text>`,
    )
    .join('');
  const lines = spec.series
    .map((s) => {
      const pts = weeks
        .map(({ w, mid }) => ({ w, mid, v: s.value(w) }))
        .filter((p): p is { w: GroupFigures; mid: number; v: number } => p.v !== null);
      const line = `<polyline class="${s.cls}" points="${pts.map((p) => `${f1(px(p.mid))},${f1(py(p.v))}`).join(' ')}"/>`;
      const dots = s.points
        ? pts
            .map(
              (p) =>
                `<circle class="pt" cx="${f1(px(p.mid))}" cy="${f1(py(p.v))}" r="3.5"><title>${esc(`${p.w.key}: ${s.tip(p.w)}`)}</title></circle>`,
            )
            .join('')
        : '';
      return line + dots;
    })
    .join('');
  const ref = spec.ref
    ? `<line class="ref" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f1(py(spec.ref.value))}" y2="${f1(py(spec.ref.value))}"/><text x="${W - PAD.right}" y="${f1(py(spec.ref.value) - 4)}" text-anchor="end">${esc(spec.ref.label)}</text>`
    : '';
  const fx = f1(px(spec.fixX));
  const fix = `<line class="fix" x1="${fx}" x2="${fx}" y1="${PAD.top}" y2="${H - PAD.bottom}"/><text class="fix-label" x="${fx}" y="${PAD.top - 4}" text-anchor="middle">${esc(spec.fixLabel)}</text>`;
  const axes = `<line class="axis" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${H - PAD.bottom}"/><line class="axis" x1="${PAD.left}" x2="${W - PAD.right}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom}"/>`;
  return `<figure>
<svg id="${spec.id}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(spec.caption)}">${grid}${axes}${ref}${fix}${lines}${labels}</svg>
<figcaption>${esc(spec.caption)} Labels: ISO week number.</figcaption>
</figure>`;
}
