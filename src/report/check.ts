import type { CheckResult, Level, MetricCheck, Trend } from '../model/check.js';
import { ADVICE, HOLD_REASONS } from './gate.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import { table, type Style } from './style.js';
import { worstFirst } from './text.js';
import { terminalSafe } from './sanitize.js';

export interface CheckTextOptions {
  style: Style;
  /** How many new findings the text lists; the JSON report has them all. */
  top?: number;
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A marketplace-zone ISO time as the report shows it: minutes, no offset (the zone is named once). */
const short = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function paint(level: Level | 'ok' | 'n/a', text: string, style: Style): string {
  return level === 'error' ? style.error(text) : level === 'warning' ? style.warning(text) : level === 'ok' ? style.ok(text) : style.dim(text);
}

function trendText(t: Trend | undefined): string {
  if (!t) return '';
  const span = t.days >= 1 ? plural(Math.round(t.days), 'day') : `${Math.round(t.days * 24)} h`;
  return `${pct(t.from)} → ${pct(t.to)} over ${span}`;
}

function metric(r: CheckResult, id: MetricCheck['id']): string {
  return pct(r.metrics.find((m) => m.id === id)?.value ?? null);
}

/** What the headline counts, most urgent kind first; empty when all is well. */
function counts(r: CheckResult): string[] {
  const due = r.atRisk.orders;
  const gate = r.atRisk.gate;
  const overdue = due.filter((o) => o.hoursLeft < 0).length + (gate?.overdue.length ?? 0);
  const today = due.filter((o) => o.hoursLeft >= 0).length + (gate?.held.length ?? 0);
  const over = r.metrics.filter((m) => m.level === 'error').length;
  const near = r.metrics.filter((m) => m.level === 'warning').length;
  const input = r.input.length;
  return [
    overdue && `${plural(overdue, 'order')} past the latest ship date`,
    today && `${plural(today, 'order')} to ship today`,
    r.atRisk.shipments.length && `${plural(r.atRisk.shipments.length, 'shipment')} at risk`,
    r.newFindings.length && `${plural(r.newFindings.length, 'new finding')}`,
    over && `${plural(over, 'metric')} past Amazon's target`,
    near && `${plural(near, 'metric')} past the warning level`,
    input && `${plural(input, 'input warning')}`,
  ].filter((x): x is string => typeof x === 'string');
}

/**
 * The nightly check as cron mails it: one line when all is well; otherwise a headline, then the problems,
 * the ones with a deadline first (orders to ship, scans whose grace runs out), then what already happened.
 */
export function formatCheckText(data: CheckResult, opts: CheckTextOptions): string {
  // Texts from the files (event texts, carriers, problems) may hold escape sequences. New findings (all of
  // them on a first run) are cleaned as the table shows them, not all.
  const r = { ...terminalSafe({ ...data, newFindings: [] }), newFindings: data.newFindings };
  const { style } = opts;
  const top = opts.top ?? 20;
  const when = `shipaudit check, as of ${short(r.asOf)} ${r.marketplaceZone}`;
  if (r.status === 'ok') {
    const first = r.state.status === 'created' ? ` First run: state kept in ${r.state.file}.` : '';
    return (
      // The newest confirmation, not the window's end: data that stopped must not look fresh.
      `${style.ok(`✔ ${when}: all well.`)} ${plural(r.checked.shipments, 'shipment')} confirmed ${r.window.from} to ` +
      `${r.checked.newestConfirmation ? `${short(r.checked.newestConfirmation)} (newest)` : r.window.to}` +
      ` from ${plural(r.checked.inputFiles, 'input file')}${skippedNote(r)},` +
      ` tracking up to ${r.checked.newestTrackingData ? short(r.checked.newestTrackingData) : 'n/a'};` +
      ` LSR ${metric(r, 'lsr10')} (10 days), ${metric(r, 'lsr30')} (30 days), VTR ${metric(r, 'vtr')}.${first}\n`
    );
  }
  const head = `${when}: ${counts(r).join(', ')}.`;
  // Folder entries not read for a harmless reason (a README) are still named, never skipped in silence.
  const warned = (file: string) => r.input.some((p) => p.message.startsWith(`${file} was skipped`));
  const quiet = (r.checked.skipped ?? []).filter((x) => !warned(x.file));
  const out = [r.status === 'error' ? style.error(`✖ ${head}`) : style.warning(`⚠ ${head}`)];
  const section = (title: string, body: string[]) => out.push('', style.heading(title), ...body);

  if (r.input.length || quiet.length) {
    section('Input', [
      ...r.input.map((p) => `  ${paint(p.level, p.level, style)}  ${p.message}`),
      ...quiet.map((x) => `  ${style.dim(`skipped  ${x.file}: ${x.reason}`)}`),
    ]);
  }

  const risky = [
    ...r.atRisk.orders.map((o) => ({
      hoursLeft: o.hoursLeft,
      row: [
        paint(o.level, o.level, style),
        o.orderId,
        '',
        '',
        o.hoursLeft < 0
          ? `not confirmed; latest ship date ${short(o.latestShipDate)} passed ${(-o.hoursLeft).toFixed(1)} h ago: ship and confirm now`
          : `not confirmed; latest ship date ${short(o.latestShipDate)}, ${o.hoursLeft.toFixed(1)} h left: ship it today`,
      ],
    })),
    ...r.atRisk.shipments.map((s) => ({
      hoursLeft: s.hoursLeft,
      row: [
        paint(s.level, s.level, style),
        s.orderId,
        s.trackingNumber,
        s.carrier ?? '',
        `no carrier scan ${s.hoursSinceConfirmation.toFixed(1)} h after confirmation, ${s.hoursLeft.toFixed(1)} h of the ${s.graceHours} h grace left; ` +
          (s.lastEvent ? `last event "${s.lastEvent.description}" ${short(s.lastEvent.at)}` : 'not in the tracking data yet'),
      ],
    })),
    // The confirmation gate's backlog: orders it holds for want of a carrier scan, with why.
    ...(r.atRisk.gate?.overdue ?? []).map((o) => ({
      hoursLeft: o.hoursLeft,
      row: [
        paint('error', 'error', style),
        o.orderId,
        o.trackingNumber ?? '',
        o.carrier ?? '',
        `held by the gate, latest ship date passed ${(-o.hoursLeft).toFixed(1)} h ago: ${HOLD_REASONS[o.reason]}; ` +
          o.advice.map((a) => ADVICE[a]).join('; or '),
      ],
    })),
    ...(r.atRisk.gate?.held ?? []).map((h) => ({
      hoursLeft: h.hoursLeft ?? Infinity,
      row: [
        paint('warning', 'warning', style),
        h.orderId,
        h.trackingNumber ?? '',
        h.carrier ?? '',
        `held by the gate, ${h.hoursLeft === undefined ? 'no latest ship date known' : `${h.hoursLeft.toFixed(1)} h left`}: ` +
          HOLD_REASONS[h.reason],
      ],
    })),
  ].sort((a, b) => a.hoursLeft - b.hoursLeft);
  if (risky.length) {
    section(
      'At risk, not yet a defect',
      table(['', 'Order ID', 'Tracking number', 'Carrier', 'What to do'], risky.map((x) => x.row), ['left', 'left', 'left', 'left', 'left'], style),
    );
  }
  const g = r.atRisk.gate;
  if (g && (g.heldLater || g.ready)) {
    const notes = [
      g.heldLater && `${plural(g.heldLater, 'more order')} held by the gate with more than a day left`,
      g.ready && `${plural(g.ready, 'order')} scanned and ready: the next \`shipaudit confirm\` releases them`,
    ].filter((x): x is string => typeof x === 'string');
    out.push(...notes.map((n) => style.dim(`  ${n}`)));
  }

  const old = r.alreadyReported;
  const oldText = old.count
    ? `${plural(old.count, 'finding')} reported before and still open, not repeated: ${Object.entries(old.byRule)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([rule, n]) => `${n} ${rule}`)
        .join(', ')}`
    : '';
  if (r.newFindings.length) {
    const sorted = [...r.newFindings].sort(worstFirst);
    const lines = table(
      ['', 'Rule', 'Order ID', 'Tracking number', 'Carrier', 'Details'],
      sorted
        .slice(0, top)
        .map(terminalSafe)
        .map((f) => [
          paint(f.severity, f.severity, style),
          f.rule,
          f.orderId,
          f.trackingNumber,
          f.carrier ?? '',
          f.message,
        ]),
      ['left', 'left', 'left', 'left', 'left', 'left'],
      style,
    );
    if (sorted.length > top) lines.push(style.dim(`  … and ${sorted.length - top} more (--out writes them all, with the evidence CSV)`));
    if (oldText) lines.push(style.dim(`  ${oldText}.`));
    section(`New findings since the last run (${r.newFindings.length})`, lines);
  } else if (oldText) section('New findings since the last run: none', [style.dim(`  ${oldText}.`)]);

  section(
    `Metrics, ${r.window.from} to ${r.window.to}`,
    table(
      ['', 'Metric', 'Value', 'Count', 'Amazon', 'Warn at', 'Trend'],
      r.metrics.map((m) => [paint(m.level, m.level, style), m.label, pct(m.value), `${m.count} of ${m.of}`, m.target, m.warnAt, trendText(m.trend)]),
      ['left', 'left', 'right', 'right', 'left', 'left', 'left'],
      style,
    ),
  );
  return `${out.join('\n')}\n`;
}

export function checkJson(r: CheckResult) {
  const newFindings = r.newFindings.map(findingJson);
  return { schemaVersion: SCHEMA_VERSION, command: 'check' as const, ...r, newFindings };
}

export function formatCheckJson(r: CheckResult): string {
  return `${JSON.stringify(checkJson(r), null, 2)}\n`;
}

/** ", 1 skipped (README.txt)" in the all-well line: what was not read is named even when all is well. */
function skippedNote(r: CheckResult): string {
  const s = r.checked.skipped ?? [];
  if (s.length === 0) return '';
  const names = s.slice(0, 3).map((x) => x.file.split(/[\\/]/).pop()).join(', ');
  return ` (${s.length} skipped: ${names}${s.length > 3 ? ', …' : ''})`;
}
