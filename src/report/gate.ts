import type {
  GateDecision,
  Hold,
  HoldReason,
  Overdue,
  OverdueAdvice,
  Recovered,
  SharedNumber,
  SubmitOutcome,
} from '../model/gate.js';
import { SCHEMA_VERSION } from './json.js';
import { plain, type Style } from './style.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';

/** How the run delivered its releases. */
export interface GateDelivery {
  /** The confirmation file written, if any. */
  file?: string;
  /** Lines of that file from earlier runs, not uploaded yet, kept in it. */
  keptLines?: number;
  /** Sent to Amazon, one outcome per package. */
  submitted?: readonly SubmitOutcome[];
  /** Packages an earlier run died while sending, checked with Amazon before anything was sent. */
  recovered?: readonly Recovered[];
  /** A confirmation file's batch an earlier run recorded and died before placing, settled by this run. */
  staged?: { placed: number; notPlaced: number; files: string[] };
  /** Packages the ledger has as being sent that this run could not check (no --submit). */
  unresolved?: number;
  ledger: string;
  /** Input rows that could not be read, and the first of them. */
  rowsRejected?: { count: number; first?: string };
}

export const HOLD_REASONS: Record<HoldReason, string> = {
  'no-tracking-number': 'no tracking number assigned to the order',
  'several-numbers-without-items': 'several tracking numbers and no order-item-id: say which items each carries',
  'no-tracking-data': 'no tracking data for the number (not in any tracking file yet)',
  'information-only': 'only label / pre-advice events: the carrier has the data, not the parcel',
  'unknown-events': 'only events no table knows: classify them in the config ("events")',
  'no-physical-scan': 'events, but no physical carrier scan',
  'scan-without-time': 'the package status says the carrier has it, but no scan time is known',
  'scan-before-order': 'the first scan is older than the order: the number is reused or mistyped',
  'carrier-unknown': 'scanned, but the carrier is unknown: add a carrier column to the assignments',
  'already-confirmed': 'already confirmed under another tracking number',
};

export const ADVICE: Record<OverdueAdvice, string> = {
  'contact-carrier': 'contact the carrier to collect or scan the parcel',
  'other-carrier': 'ship it with another carrier and assign that number',
  'assign-tracking': 'assign the tracking number of the parcel',
  'classify-events': 'classify the unknown events (config "events") if one is a scan',
};

/** The language of the text being written: set for the length of one formatGateText call (JSON: English). */
let lang: Lang = 'en';

function why(h: Hold): string {
  if (h.reason === 'already-confirmed' && h.confirmed) {
    return t(lang, 'gate.alreadyConfirmed', {
      trackingNumber: h.confirmed.trackingNumber,
      on: h.confirmed.on,
      orderId: h.orderId,
    });
  }
  const base = t(lang, 'gate.holdReason', { reason: h.reason, text: HOLD_REASONS[h.reason] });
  const last = h.lastEvent ? t(lang, 'gate.last', { description: h.lastEvent.description, at: h.lastEvent.at }) : '';
  const unknown = h.unknown?.length ? ` (${h.unknown.map((u) => `"${u}"`).join(', ')})` : '';
  return `${base}${unknown}${last}`;
}

function hours(n: number): string {
  return `${Math.abs(n).toFixed(1)} h`;
}

function pkg(h: Hold): string {
  return [h.trackingNumber, h.carrier].filter(Boolean).join(' ') || '-';
}

/** The run in words: released, overdue, held (with why and how long until late), and what was skipped. */
export function formatGateText(
  d: GateDecision,
  delivery: GateDelivery,
  style: Style = plain,
  language: Lang = 'en',
): string {
  lang = language;
  try {
    return gateText(d, delivery, style);
  } finally {
    lang = 'en';
  }
}

function gateText(d: GateDecision, delivery: GateDelivery, style: Style): string {
  const out: string[] = [];
  out.push(style.heading(t(lang, 'gate.title', { asOf: d.asOf, zone: d.zone })));
  const rejected = delivery.rowsRejected;
  if (rejected) out.push(style.warning(t(lang, 'gate.rowsRejected', { n: rejected.count, first: rejected.first })));
  if (delivery.staged) out.push(t(lang, 'gate.staged', delivery.staged));
  for (const r of delivery.recovered ?? []) {
    out.push(t(lang, 'gate.recovered', { orderId: r.orderId, trackingNumber: r.trackingNumber, found: r.found }));
  }

  const sent = new Map((delivery.submitted ?? []).map((s) => [`${s.orderId}|${s.trackingNumber}`, s]));
  const where =
    d.release.length === 0
      ? t(lang, 'gate.where.nothing')
      : delivery.submitted
        ? t(lang, 'gate.where.sent')
        : delivery.file
          ? t(lang, 'gate.where.file', { file: delivery.file, kept: delivery.keptLines })
          : t(lang, 'gate.where.dry');
  for (const w of d.sharedNumbers) out.push(style.warning(t(lang, 'gate.warning', { text: sharedText(w, lang) })));

  out.push('', style.bold(t(lang, 'gate.released', { n: d.release.length, where })));
  for (const r of d.release) {
    const s = sent.get(`${r.orderId}|${r.trackingNumber}`);
    const answer = s
      ? s.status === 'accepted'
        ? style.ok(t(lang, 'gate.accepted'))
        : s.status === 'rejected'
          ? style.error(
              t(lang, 'gate.rejected', {
                http: String(s.http),
                errors: (s.errors ?? []).map((e) => e.message ?? e.code).join('; '),
              }),
            )
          : style.warning(t(lang, 'gate.noAnswer', { note: s.note ?? 'unknown' }))
      : '';
    const late = r.late ? style.warning(t(lang, 'gate.lateScan')) : '';
    const again = r.reemitted ? t(lang, 'gate.reemitted') : '';
    const carrier = r.carrierCode === 'Other' ? `Other/${r.carrierName}` : r.carrierCode;
    out.push(
      t(lang, 'gate.releaseLine', {
        orderId: r.orderId,
        trackingNumber: r.trackingNumber,
        carrier,
        shipDate: r.shipDate,
        scan: r.scan.description,
        location: r.scan.location,
      }) + `${late}${again}${answer}`,
    );
  }

  out.push('', style.bold(t(lang, 'gate.overdue', { n: d.overdue.length })));
  for (const o of d.overdue) out.push(...overdueLines(o, style));

  out.push('', style.bold(t(lang, 'gate.held', { n: d.hold.length })));
  for (const h of d.hold) {
    const left =
      h.reason === 'already-confirmed'
        ? t(lang, 'gate.notSentAgain')
        : h.hoursLeft === undefined
          ? t(lang, 'gate.noLsd')
          : t(lang, 'gate.left', { hours: hours(h.hoursLeft), lsd: String(h.latestShipDate) });
    out.push(`  ${h.orderId}  ${pkg(h)}  ${left}`, t(lang, 'gate.why', { why: why(h) }));
  }

  const inLedger = d.skipped.filter((s) => s.why === 'in-ledger');
  const byStatus = new Map<string, number>();
  for (const s of inLedger) byStatus.set(s.status ?? '?', (byStatus.get(s.status ?? '?') ?? 0) + 1);
  const notAwaiting = d.skipped.filter((s) => s.why === 'not-awaiting').length;
  out.push('');
  if (inLedger.length > 0) {
    const parts = [...byStatus].map(([k, n]) => `${n} ${k}`).join(', ');
    out.push(t(lang, 'gate.inLedger', { ledger: delivery.ledger, n: inLedger.length, parts }));
  }
  for (const s of inLedger.filter((x) => x.status === 'rejected'))
    out.push(t(lang, 'gate.rejectedEarlier', { orderId: s.orderId, trackingNumber: s.trackingNumber ?? '' }));
  if (delivery.unresolved) out.push(t(lang, 'gate.unresolved', { n: delivery.unresolved }));
  if (notAwaiting > 0) out.push(t(lang, 'gate.notAwaiting', { n: notAwaiting }));
  return `${out.join('\n')}\n`;
}

/** "tracking number X is assigned to orders A and B" (A, B and C for three). */
function sharedText(w: SharedNumber, language: Lang = 'en'): string {
  return t(language, 'gate.shared', { trackingNumber: w.trackingNumber, orderIds: [...w.orderIds] });
}

function overdueLines(o: Overdue, style: Style): string[] {
  return [
    `  ${style.error(o.orderId)}  ${pkg(o)}  ${t(lang, 'gate.past', { hours: hours(o.hoursLeft), lsd: String(o.latestShipDate) })}`,
    t(lang, 'gate.why', { why: why(o) }),
    t(lang, 'gate.whatToDo', { advice: o.advice.map((a) => t(lang, 'gate.advice', { advice: a, text: ADVICE[a] })) }),
  ];
}

/** The same as JSON, with each reason also in words. */
export function formatGateJson(d: GateDecision, delivery: GateDelivery): string {
  const words = (h: Hold) => ({ ...h, why: why(h) });
  return `${JSON.stringify(
    {
      schemaVersion: SCHEMA_VERSION,
      tool: 'shipaudit',
      asOf: d.asOf,
      marketplaceZone: d.zone,
      released: d.release,
      overdue: d.overdue.map((o) => ({ ...words(o), whatYouCanDo: o.advice.map((a) => ADVICE[a]) })),
      held: d.hold.map(words),
      skipped: d.skipped,
      warnings: d.sharedNumbers.map((w) => ({ kind: 'shared-tracking-number', ...w, message: sharedText(w) })),
      delivery,
    },
    null,
    2,
  )}\n`;
}
