import type { CheckResult, Level, MetricCheck, Trend } from '../model/check.js';
import { ADVICE, HOLD_REASONS } from './gate.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import { table, type Style } from './style.js';
import { worstFirst } from './text.js';
import { terminalSafe } from './sanitize.js';
import { t, t as tr, term } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { translateSentence } from '../i18n/sentences.js';

export interface CheckTextOptions {
  style: Style;
  /** How many new findings the text lists; the JSON report has them all. */
  top?: number;
  /** The reader's language (default English). */
  lang?: Lang;
}

/** How many unclassified event texts the text lists (as the audit's); the JSON report has them all. */
const UNCLASSIFIED_SHOWN = 10;

/** The language of the report being written: set for the length of one formatCheckText call. */
let lang: Lang = 'en';

const pct = (v: number | null) => (v === null ? t(lang, 'text.notAvailable') : `${(v * 100).toFixed(1)}%`);
/** A marketplace-zone ISO time as the report shows it: minutes, no offset (the zone is named once). */
const short = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function paint(level: Level | 'ok' | 'n/a', text: string, style: Style): string {
  text = t(lang, 'check.level', { level: text });
  return level === 'error'
    ? style.error(text)
    : level === 'warning'
      ? style.warning(text)
      : level === 'ok'
        ? style.ok(text)
        : style.dim(text);
}

function trendText(t: Trend | undefined): string {
  if (!t) return '';
  const span = t.days >= 1 ? tr(lang, 'check.days', { n: Math.round(t.days) }) : `${Math.round(t.days * 24)} h`;
  return tr(lang, 'check.trend', { from: pct(t.from), to: pct(t.to), span });
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
    overdue && t(lang, 'check.count.overdue', { n: overdue }),
    today && t(lang, 'check.count.today', { n: today }),
    r.atRisk.shipments.length && t(lang, 'check.count.atRisk', { n: r.atRisk.shipments.length }),
    r.newFindings.length && t(lang, 'check.count.new', { n: r.newFindings.length }),
    over && t(lang, 'check.count.overTarget', { n: over }),
    near && t(lang, 'check.count.overWarn', { n: near }),
    input && t(lang, 'check.count.input', { n: input }),
  ].filter((x): x is string => typeof x === 'string');
}

/**
 * The nightly check as cron mails it: one line when all is well; otherwise a headline, then the problems,
 * the ones with a deadline first (orders to ship, scans whose grace runs out), then what already happened.
 */
export function formatCheckText(data: CheckResult, opts: CheckTextOptions): string {
  lang = opts.lang ?? 'en';
  try {
    return checkText(data, opts);
  } finally {
    lang = 'en';
  }
}

function checkText(data: CheckResult, opts: CheckTextOptions): string {
  // Texts from the files (event texts, carriers, problems) may hold escape sequences. New findings (all of
  // them on a first run) are cleaned as the table shows them, not all.
  const r = { ...terminalSafe({ ...data, newFindings: [] }), newFindings: data.newFindings };
  const { style } = opts;
  const top = opts.top ?? 20;
  const when = t(lang, 'check.when', { asOf: short(r.asOf), zone: r.marketplaceZone });
  if (r.status === 'ok') {
    return (
      style.ok(t(lang, 'check.allWell', { when })) +
      t(lang, 'check.allWellDetail', {
        shipments: r.checked.shipments,
        from: r.window.from,
        // The newest confirmation, not the window's end: data that stopped must not look fresh.
        to: r.checked.newestConfirmation
          ? t(lang, 'check.newest', { at: short(r.checked.newestConfirmation) })
          : r.window.to,
        files: r.checked.inputFiles,
        skipped: skippedNote(r),
        tracking: r.checked.newestTrackingData ? short(r.checked.newestTrackingData) : t(lang, 'text.notAvailable'),
        lsr10: metric(r, 'lsr10'),
        lsr30: metric(r, 'lsr30'),
        vtr: metric(r, 'vtr'),
        firstRun: r.state.status === 'created' ? r.state.file : undefined,
        unclassified: r.unclassifiedEvents.length + (r.unclassifiedMore?.texts ?? 0),
      }) +
      '\n'
    );
  }
  const head = t(lang, 'check.head', { when, counts: counts(r) });
  // Folder entries not read for a harmless reason (a README) are still named, never skipped in silence.
  const warned = (file: string) => r.input.some((p) => p.message.startsWith(`${file} was skipped`));
  const quiet = (r.checked.skipped ?? []).filter((x) => !warned(x.file));
  const out = [r.status === 'error' ? style.error(`✖ ${head}`) : style.warning(`⚠ ${head}`)];
  const section = (title: string, body: string[]) => out.push('', style.heading(title), ...body);

  if (r.input.length || quiet.length) {
    section(t(lang, 'check.section.input'), [
      ...r.input.map((p) => `  ${paint(p.level, p.level, style)}  ${translateSentence(lang, p.message)}`),
      ...quiet.map(
        (x) => `  ${style.dim(t(lang, 'check.skipped', { file: x.file, reason: translateSentence(lang, x.reason) }))}`,
      ),
    ]);
  }

  // Event texts no table entry knows: shown, never guessed (the Input warning says what to do).
  if (r.unclassifiedEvents.length) {
    const list = r.unclassifiedEvents;
    const w = String(list[0].count).length;
    const lines = list.slice(0, UNCLASSIFIED_SHOWN).map((u) => `  ${String(u.count).padStart(w)}  ${u.description}`);
    if (list.length > UNCLASSIFIED_SHOWN)
      lines.push(style.dim(t(lang, 'text.more', { n: list.length - UNCLASSIFIED_SHOWN })));
    const beyond = r.unclassifiedMore;
    if (beyond)
      lines.push(style.dim(t(lang, 'text.unclassified.notKept', { texts: beyond.texts, events: beyond.events })));
    section(t(lang, 'text.section.unclassified'), lines);
  }

  const risky = [
    ...r.atRisk.orders.map((o) => ({
      hoursLeft: o.hoursLeft,
      row: [
        paint(o.level, o.level, style),
        o.orderId,
        '',
        '',
        (o.hoursLeft < 0
          ? t(lang, 'check.order.overdue', { lsd: short(o.latestShipDate), hours: (-o.hoursLeft).toFixed(1) })
          : t(lang, 'check.order.today', { lsd: short(o.latestShipDate), hours: o.hoursLeft.toFixed(1) })) +
          (o.snapshot ? t(lang, 'check.order.snapshot', { at: short(o.snapshot) }) : ''),
      ],
    })),
    ...r.atRisk.shipments.map((s) => ({
      hoursLeft: s.hoursLeft,
      row: [
        paint(s.level, s.level, style),
        s.orderId,
        s.trackingNumber,
        s.carrier ?? '',
        t(lang, 'check.shipment.noScan', {
          since: s.hoursSinceConfirmation.toFixed(1),
          left: s.hoursLeft.toFixed(1),
          grace: s.graceHours,
          last: s.lastEvent && { description: s.lastEvent.description, at: short(s.lastEvent.at) },
        }),
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
        t(lang, 'check.gate.overdue', {
          hours: (-o.hoursLeft).toFixed(1),
          reason: t(lang, 'gate.holdReason', { reason: o.reason, text: HOLD_REASONS[o.reason] }),
          advice: o.advice.map((a) => t(lang, 'gate.advice', { advice: a, text: ADVICE[a] })),
        }),
      ],
    })),
    ...(r.atRisk.gate?.held ?? []).map((h) => ({
      hoursLeft: h.hoursLeft ?? Infinity,
      row: [
        paint('warning', 'warning', style),
        h.orderId,
        h.trackingNumber ?? '',
        h.carrier ?? '',
        t(lang, 'check.gate.held', {
          hours: h.hoursLeft?.toFixed(1),
          reason: t(lang, 'gate.holdReason', { reason: h.reason, text: HOLD_REASONS[h.reason] }),
        }),
      ],
    })),
  ].sort((a, b) => a.hoursLeft - b.hoursLeft);
  if (risky.length) {
    section(
      t(lang, 'check.section.atRisk'),
      table(
        [...t(lang, 'check.head.atRisk')],
        risky.map((x) => x.row),
        ['left', 'left', 'left', 'left', 'left'],
        style,
      ),
    );
  }
  const g = r.atRisk.gate;
  if (g && (g.heldLater || g.ready)) {
    const notes = [
      g.heldLater && t(lang, 'check.gate.later', { n: g.heldLater }),
      g.ready && t(lang, 'check.gate.ready', { n: g.ready }),
    ].filter((x): x is string => typeof x === 'string');
    out.push(...notes.map((n) => style.dim(`  ${n}`)));
  }
  for (const x of g?.released ?? []) {
    out.push(
      style.dim(
        `  ${x.orderId}  ${x.trackingNumber ?? ''}  ` +
          t(lang, 'check.gate.released', { status: x.status, at: x.at && short(x.at), file: x.file }),
      ),
    );
  }

  const old = r.alreadyReported;
  const oldText = old.count
    ? t(lang, 'check.old', {
        n: old.count,
        byRule: Object.entries(old.byRule)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([rule, n]) => `${n} ${rule}`),
      })
    : '';
  if (r.newFindings.length) {
    const sorted = [...r.newFindings].sort(worstFirst);
    const lines = table(
      [...t(lang, 'check.head.new')],
      sorted
        .slice(0, top)
        .map(terminalSafe)
        .map((f) => [
          paint(f.severity, f.severity, style),
          f.rule,
          f.orderId,
          f.trackingNumber,
          f.carrier ?? '',
          translateSentence(lang, f.message),
        ]),
      ['left', 'left', 'left', 'left', 'left', 'left'],
      style,
    );
    if (sorted.length > top) lines.push(style.dim(t(lang, 'check.newMore', { n: sorted.length - top })));
    if (oldText) lines.push(style.dim(`  ${oldText}.`));
    section(t(lang, 'check.section.new', { n: r.newFindings.length }), lines);
  } else if (oldText) section(t(lang, 'check.section.newNone'), [style.dim(`  ${oldText}.`)]);

  section(
    t(lang, 'check.section.metrics', { from: r.window.from, to: r.window.to }),
    table(
      [...t(lang, 'check.head.metrics')],
      r.metrics.map((m) => [
        paint(m.level, m.level, style),
        term(lang, 'figure', { text: m.label }),
        pct(m.value),
        t(lang, 'text.countOf', { count: m.count, of: m.of }),
        term(lang, 'figure', { text: m.target }),
        term(lang, 'figure', { text: m.warnAt }),
        trendText(m.trend),
      ]),
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
  const names = s
    .slice(0, 3)
    .map((x) => x.file.split(/[\\/]/).pop())
    .join(', ');
  return t(lang, 'check.skippedNote', { n: s.length, names: `${names}${s.length > 3 ? ', …' : ''}` });
}
