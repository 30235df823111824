import { SEVERITY_RANK, type Finding, type Severity, type TimeFact } from '../model/finding.js';
import { exclusionLabel, type AuditResult, type GroupFigures, type TargetFigure } from '../model/result.js';
import { displayWidth, table, truncate, type Style } from './style.js';
import { terminalSafe } from './sanitize.js';

export interface TextOptions {
  style: Style;
  /** Where the CLI wrote the evidence CSV, to point the reader at it. */
  evidencePath?: string;
  /** How many findings the worst-offenders table shows. */
  top?: number;
  /** Terminal width: free text (event descriptions, notes) is cut or wrapped to it. */
  width?: number;
}

/**
 * How the verdict line words each rule's count: "<n> of <total> shipments <phrase>" for the first,
 * "<n> <phrase>" for the rest; {were} and {have} agree with n. A rule missing here still shows, by its id.
 */
const VERDICT_PHRASES: Readonly<Record<string, string>> = {
  'confirmed-before-handover': '{were} confirmed before the carrier had them',
  'late-confirmation': '{were} confirmed late',
  'late-handover': '{were} handed to the carrier after the latest ship date',
  'missing-tracking': '{were} confirmed without a tracking number',
  'invalid-tracking-number': '{have} a tracking number with a wrong check digit',
  'carrier-mismatch': '{have} a tracking number of another carrier than the one confirmed',
  'duplicate-tracking-number': '{have} a tracking number also used on another order',
  'no-carrier-scan': '{have} no physical carrier scan yet',
  'tracking-not-found': '{have} a tracking number no tracking file mentions',
};

function phrase(rule: string, n: number): string {
  return (VERDICT_PHRASES[rule] ?? `{were} flagged by ${rule}`)
    .replace('{were}', n === 1 ? 'was' : 'were')
    .replace('{have}', n === 1 ? 'has' : 'have');
}

const AS_OF_SOURCES: Record<AuditResult['asOfSource'], string> = {
  option: 'as given with --as-of',
  'newest tracking event': 'the newest tracking event',
  clock: 'the clock when the audit ran (no tracking event was read)',
};


const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A marketplace-zone time without its offset (the report says the zone once); a bare date stays a date. */
function shortTime(t: TimeFact | undefined): string {
  if (!t) return '';
  return t.precision === 'date' ? `${t.iso} (day)` : t.iso.slice(0, 16).replace('T', ' ');
}

/** Each rule with findings and its severity, errors first, then by count. */
function ruleCounts(result: AuditResult): Array<{ rule: string; count: number; severity: Severity }> {
  const severity = new Map<string, Severity>();
  for (const f of result.findings) if (!severity.has(f.rule) || f.severity === 'error') severity.set(f.rule, f.severity);
  return Object.entries(result.summary.findingsByRule)
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => ({ rule, count, severity: severity.get(rule) ?? 'warning' }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
}

/**
 * Folder files where data was expected that could not be read (an HTML page saved as the tracking file):
 * what they should hold is missing, so the verdict names them, the first one with its reason.
 */
export function unreadableFilesNote(result: AuditResult): string | undefined {
  const files = result.inputs.filter((i) => i.warning);
  if (files.length === 0) return undefined;
  const more = files.length > 1 ? ` and ${files.length - 1} more (below)` : '';
  return `${plural(files.length, 'input file')} could not be read, ${files[0].file}: ${files[0].warning}${more}`;
}

function verdict(result: AuditResult, style: Style): string {
  const total = result.summary.shipments;
  if (total === 0) return style.warning('⚠ No shipments were audited.');
  const counts = ruleCounts(result);
  const unread = unreadableFilesNote(result);
  if (counts.length === 0) {
    const given = unread ? 'no tracking data could be read' : 'no tracking data was given';
    const caveat = result.summary.hasTrackingData ? '' : ` Tracking was not checked: ${given}.`;
    const rejected = result.summary.rowsRejected;
    // Rows or files that could not be read may hold the problems: no tick then.
    if (rejected > 0 || unread) {
      const rows = rejected > 0 ? [`${plural(rejected, 'row')} could not be read (below)`] : [];
      const why = [...rows, ...(unread ? [unread] : [])];
      const text = `⚠ No problems found in the ${plural(total, 'shipment')} read, but ${why.join('; ')}` +
        (unread ? '; the verdict may be incomplete.' : ': the verdict may be incomplete.');
      return style.warning(text) + caveat;
    }
    return style.ok(`✔ No problems found in ${plural(total, 'shipment')}.`) + caveat;
  }
  const [first, ...rest] = counts;
  const text = [
    `${first.count} of ${plural(total, 'shipment')} ${phrase(first.rule, first.count)} (${first.severity}).`,
    ...rest.map((c) => `${c.count} ${phrase(c.rule, c.count)} (${c.severity}).`),
    ...(unread ? [`${unread}; the verdict may be incomplete.`] : []),
  ].join(' ');
  return first.severity === 'error' ? style.error(`✖ ${text}`) : style.warning(`⚠ ${text}`);
}

function audited(result: AuditResult, style: Style): string[] {
  const s = result.summary;
  const { from, to } = result.window;
  const weeks = result.byWeek;
  const period =
    from || to
      ? `confirmed ${from ?? 'any time'} to ${to ?? result.asOf}`
      : weeks.length > 0
        ? `confirmed in week ${weeks[0].key}${weeks.length > 1 ? ` to week ${weeks.at(-1)!.key}` : ''}`
        : 'no confirmation in range';
  const excluded = Object.entries(s.excluded).filter(([, n]) => n > 0);
  const lines = [
    `${plural(s.shipments, 'shipment')} audited, ${period}.`,
    `Judged as of ${result.asOf}, ${AS_OF_SOURCES[result.asOfSource]}; times below are in ${result.marketplaceZone}.`,
  ];
  if (excluded.length > 0) {
    lines.push(`Excluded: ${excluded.map(([why, n]) => `${exclusionLabel(why)}: ${n}`).join('; ')}.`);
  }
  if (s.hasTrackingData) lines.push(`Matched with tracking: ${s.matchedWithTracking} of ${s.shipments}; with a physical carrier scan: ${s.withPhysicalScan}.`);
  if (s.rowsRejected > 0) {
    lines.push(style.warning(`${plural(s.rowsRejected, 'row')} could not be read and ${s.rowsRejected === 1 ? 'was' : 'were'} left out of the audit:`));
    for (const input of result.inputs) {
      for (const p of input.problems) lines.push(style.warning(`  ${p.file}:${p.line}: ${p.message}`));
      const more = input.rowsRejected - input.problems.length;
      if (more > 0) lines.push(style.warning(`  … and ${more} more in ${input.file} (\`shipaudit inspect ${input.file}\`)`));
    }
  }
  return lines;
}

/** A file as listed, with the path a symbolic link led to. */
const fileName = (i: AuditResult['inputs'][number]) => (i.symlink ? `${i.file} → ${i.symlink}` : i.file);

/** Which file was read as what, and which folder entries were skipped, so nothing is silently ignored. */
function inputs(result: AuditResult, style: Style): string[] {
  return table(
    ['File', 'Read as', 'Rows'],
    result.inputs.map((i) =>
      i.skipped
        ? [fileName(i), i.warning ? style.warning(`skipped: ${i.skipped}`) : style.dim(`skipped: ${i.skipped}`), '']
        : [fileName(i), i.kind, i.rowsRejected > 0 ? `${i.rowsRead} (${i.rowsRejected} rejected)` : String(i.rowsRead)],
    ),
    ['left', 'left', 'right'],
    style,
  );
}

function targets(result: AuditResult, style: Style): string[] {
  const s = result.summary;
  const figures: TargetFigure[] = [s.lateShipmentRate10, s.lateShipmentRate30, s.validTrackingRate, s.earlyConfirmationRate];
  const mark = (f: TargetFigure) => (f.meetsTarget === null ? '' : f.meetsTarget ? style.ok('✔') : style.error('✖'));
  return table(
    ['Figure', 'Value', 'Count', 'Target', ''],
    figures.map((f) => [f.label, f.value === null ? style.dim('n/a') : pct(f.value), f.value === null ? '' : `${f.count} of ${f.of}`, f.target, mark(f)]),
    ['left', 'right', 'right', 'left', 'left'],
    style,
  );
}

function lag(result: AuditResult): string {
  const l = result.summary.lagHours;
  if (l.count === 0) return '  No shipment has both a confirmation and a first scan time.';
  return `  median ${hours(l.median)} h, p90 ${hours(l.p90)} h, max ${hours(l.max)} h (${plural(l.count, 'shipment')}; positive = confirmed before the first scan)`;
}

function findingsPerRule(result: AuditResult, style: Style): string[] {
  return table(
    ['Rule', 'Shipments', 'Severity'],
    ruleCounts(result).map((c) => [c.rule, String(c.count), c.severity === 'error' ? style.error('✖ error') : style.warning('⚠ warning')]),
    ['left', 'right', 'left'],
    style,
  );
}

/** Rate beside a mark, so that the week a carrier changed stands out: ✔ no early confirmation, ✖ some. */
function rateCell(g: GroupFigures, style: Style): string {
  if (g.earlyConfirmationRate === null) return style.dim('n/a');
  return g.earlyConfirmationRate === 0 ? `${pct(0)} ${style.ok('✔')}` : `${pct(g.earlyConfirmationRate)} ${style.error('✖')}`;
}

function weekly(result: AuditResult, style: Style): string[] {
  return table(
    ['Week', 'Shipments', 'Early', 'Rate', 'Median lag h', 'Carriers'],
    result.byWeek.map((g) => [g.key, String(g.shipments), String(g.earlyConfirmations), rateCell(g, style), hours(g.lagHours.median), g.carriers.join(', ')]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
    style,
  );
}

function perCarrier(result: AuditResult, style: Style): string[] {
  return table(
    ['Carrier', 'Shipments', 'Early', 'Rate', 'Median lag h', 'p90 lag h', 'Physical scan'],
    result.byCarrier.map((g) => [
      g.key,
      String(g.shipments),
      String(g.earlyConfirmations),
      rateCell(g, style),
      hours(g.lagHours.median),
      hours(g.lagHours.p90),
      `${g.withPhysicalScan} of ${g.shipments}`,
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  );
}

/** Errors first, then the longest gap between confirmation and first scan; unmeasured gaps last. */
export function worstFirst(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (b.lagHours ?? -Infinity) - (a.lagHours ?? -Infinity) ||
    a.orderId.localeCompare(b.orderId) ||
    a.rule.localeCompare(b.rule)
  );
}

function offenders(result: AuditResult, style: Style, top: number): string[] {
  const sorted = [...result.findings].sort(worstFirst);
  const lines = table(
    ['Order ID', 'Tracking number', 'Carrier', 'Confirmed', 'First scan', 'Gap h', 'Rule'],
    sorted
      .slice(0, top)
      .map(terminalSafe)
      .map((f) => [
        f.orderId,
        f.trackingNumber,
        f.carrier ?? '',
        shortTime(f.confirmedAt),
        shortTime(f.firstCarrierScanAt),
        f.lagHours === undefined ? '' : f.lagHours.toFixed(1),
        f.severity === 'error' ? style.error(f.rule) : style.warning(f.rule),
      ]),
    ['left', 'left', 'left', 'left', 'left', 'right', 'left'],
    style,
  );
  const more = sorted.length - top;
  if (more > 0) lines.push(style.dim(`  … and ${more} more (see the evidence CSV or --format json)`));
  return lines;
}

function unclassified(result: AuditResult, style: Style, width: number | undefined): string[] {
  const list = result.unclassifiedEvents;
  const countWidth = String(list[0]?.count ?? 0).length;
  const lines = [
    style.dim('  These event texts matched no table entry: one may hide a first scan. Classify them under "events" in the config.'),
    ...list.slice(0, 10).map(({ description, count }) => {
      const text = width ? truncate(description, Math.max(20, width - countWidth - 4)) : description;
      return `  ${String(count).padStart(countWidth)}  ${text}`;
    }),
  ];
  if (list.length > 10) lines.push(style.dim(`  … and ${list.length - 10} more`));
  const beyond = result.unclassifiedMore;
  if (beyond) {
    const events = plural(beyond.events, 'event');
    lines.push(style.dim(`  … and about ${plural(beyond.texts, 'more distinct text')} not kept (${events})`));
  }
  return lines;
}

/** A bullet wrapped to the width with a hanging indent; a word longer than the line is left whole. */
function bullet(text: string, width: number | undefined): string[] {
  if (!width) return [`  - ${text}`];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && 4 + displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`));
}

/** The audit as a seller reads it in ten seconds: the verdict first, then the figures that back it. */
export function formatAuditText(data: AuditResult, opts: TextOptions): string {
  // Texts from the files (event texts, carriers, places, problems) may hold escape sequences. The findings
  // (tens of thousands) are cleaned as the worst-offenders table shows them, not all.
  const result = { ...terminalSafe({ ...data, findings: [] }), findings: data.findings };
  const { style, width } = opts;
  const top = opts.top ?? 15;
  const s = result.summary;
  const section = (title: string, body: string[]) => ['', style.heading(title), ...body];
  const out = [verdict(result, style), '', ...audited(result, style)];

  if (s.shipments > 0) {
    out.push(...section("Figures against Amazon's targets", targets(result, style)));
    if (s.hasTrackingData) out.push(...section('Hand-over lag (confirmation → first carrier scan)', [lag(result)]));
  }
  if (result.findings.length > 0) {
    out.push(...section('Findings per rule', findingsPerRule(result, style)));
  }
  if (result.byWeek.length > 0) out.push(...section('By week of confirmation', weekly(result, style)));
  if (result.byCarrier.length > 0) out.push(...section('By carrier', perCarrier(result, style)));
  if (result.findings.length > 0) {
    out.push(...section(`Worst offenders (top ${Math.min(top, result.findings.length)})`, offenders(result, style, top)));
  }
  if (result.unclassifiedEvents.length > 0) out.push(...section('Unclassified carrier events', unclassified(result, style, width)));
  if (result.notes.length > 0) out.push(...section('Notes', result.notes.flatMap((n) => bullet(n, width))));
  if (result.inputs.length > 0) out.push(...section('Files read', inputs(result, style)));
  if (opts.evidencePath) out.push('', `Evidence, one row per affected shipment: ${opts.evidencePath}`);
  return `${out.join('\n')}\n`;
}
