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
import { plain, type Style } from './style.js';

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

function why(h: Hold): string {
  if (h.reason === 'already-confirmed' && h.confirmed) {
    return (
      `already confirmed with tracking number ${h.confirmed.trackingNumber} on ${h.confirmed.on}; ` +
      'a new label for the same order is not confirmed again — ' +
      `use --reemit ${h.orderId} if Amazon must get the new number`
    );
  }
  const base = HOLD_REASONS[h.reason];
  const last = h.lastEvent ? `; last: "${h.lastEvent.description}" ${h.lastEvent.at}` : '';
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
export function formatGateText(d: GateDecision, delivery: GateDelivery, style: Style = plain): string {
  const out: string[] = [];
  out.push(style.heading(`shipaudit confirm — as of ${d.asOf} (${d.zone})`));
  const rejected = delivery.rowsRejected;
  if (rejected) {
    const first = rejected.first ? ` (first: ${rejected.first})` : '';
    out.push(
      style.warning(
        `  ${rejected.count} input row${rejected.count === 1 ? '' : 's'} could not be read${first}; ` +
          '`shipaudit inspect` shows them all',
      ),
    );
  }
  for (const r of delivery.recovered ?? []) {
    const found = {
      accepted: 'Amazon has it as shipped: recorded as accepted',
      failed: 'Amazon does not have it: it may be sent again',
      unknown: 'could not be checked: left as being sent',
    }[r.found];
    out.push(`  ${r.orderId} ${r.trackingNumber}: an earlier run died while sending it; ${found}`);
  }

  const sent = new Map((delivery.submitted ?? []).map((s) => [`${s.orderId}|${s.trackingNumber}`, s]));
  const kept = delivery.keptLines
    ? `, with ${delivery.keptLines} earlier lines not uploaded yet: upload it, then remove it`
    : '';
  const where =
    d.release.length === 0
      ? 'nothing to release'
      : delivery.submitted
        ? 'sent to Amazon'
        : delivery.file
          ? `written to ${delivery.file}${kept}`
          : 'dry run: nothing written or sent (--out FILE writes the file, --submit sends)';
  for (const w of d.sharedNumbers) out.push(style.warning(`  warning: ${sharedText(w)}`));

  out.push('', style.bold(`Released: ${d.release.length} — a physical carrier scan exists (${where})`));
  for (const r of d.release) {
    const s = sent.get(`${r.orderId}|${r.trackingNumber}`);
    const answer = s
      ? s.status === 'accepted'
        ? style.ok(' accepted')
        : s.status === 'rejected'
          ? style.error(` REJECTED (${s.http}): ${(s.errors ?? []).map((e) => e.message ?? e.code).join('; ')}`)
          : style.warning(` no answer (${s.note ?? 'unknown'}): recorded as being sent, checked next run`)
      : '';
    const late = r.late ? style.warning(' [scanned after the latest ship date]') : '';
    const again = r.reemitted ? ' [re-emitted]' : '';
    out.push(
      `  ${r.orderId}  ${r.trackingNumber} ${r.carrierCode === 'Other' ? `Other/${r.carrierName}` : r.carrierCode}` +
        `  ship-date ${r.shipDate}  scan "${r.scan.description}"${r.scan.location ? ` ${r.scan.location}` : ''}` +
        `${late}${again}${answer}`,
    );
  }

  out.push(
    '',
    style.bold(`Overdue: ${d.overdue.length} — latest ship date passed without a carrier scan; not released`),
  );
  for (const o of d.overdue) out.push(...overdueLines(o, style));

  out.push('', style.bold(`Held: ${d.hold.length} — no carrier scan yet, most urgent first`));
  for (const h of d.hold) {
    const left =
      h.reason === 'already-confirmed'
        ? 'not sent again'
        : h.hoursLeft === undefined
        ? 'no latest ship date known'
        : `${hours(h.hoursLeft)} left (latest ship date ${h.latestShipDate})`;
    out.push(`  ${h.orderId}  ${pkg(h)}  ${left}`, `      why: ${why(h)}`);
  }

  const inLedger = d.skipped.filter((s) => s.why === 'in-ledger');
  const byStatus = new Map<string, number>();
  for (const s of inLedger) byStatus.set(s.status ?? '?', (byStatus.get(s.status ?? '?') ?? 0) + 1);
  const notAwaiting = d.skipped.filter((s) => s.why === 'not-awaiting').length;
  out.push('');
  if (inLedger.length > 0) {
    const parts = [...byStatus].map(([k, n]) => `${n} ${k}`).join(', ');
    out.push(
      `Already in the ledger (${delivery.ledger}): ${inLedger.length} (${parts}); --reemit ORDER-ID emits one again`,
    );
  }
  for (const s of inLedger.filter((x) => x.status === 'rejected'))
    out.push(`  ${s.orderId} ${s.trackingNumber ?? ''}: rejected by Amazon earlier`);
  if (delivery.unresolved)
    out.push(
      `Being sent when an earlier run stopped: ${delivery.unresolved} (run with --submit to check them with Amazon)`,
    );
  if (notAwaiting > 0)
    out.push(
      `No longer awaiting shipment (shipped, cancelled or not merchant-fulfilled in the inputs): ${notAwaiting}`,
    );
  return `${out.join('\n')}\n`;
}

/** "tracking number X is assigned to orders A and B" (A, B and C for three). */
export function sharedText(w: SharedNumber): string {
  const ids = w.orderIds;
  const list = ids.length <= 2 ? ids.join(' and ') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `tracking number ${w.trackingNumber} is assigned to orders ${list}`;
}

function overdueLines(o: Overdue, style: Style): string[] {
  return [
    `  ${style.error(o.orderId)}  ${pkg(o)}  ${hours(o.hoursLeft)} past the latest ship date ${o.latestShipDate}`,
    `      why: ${why(o)}`,
    `      what you can do: ${o.advice.map((a) => ADVICE[a]).join('; or ')}`,
  ];
}

/** The same as JSON, with each reason also in words. */
export function formatGateJson(d: GateDecision, delivery: GateDelivery): string {
  const words = (h: Hold) => ({ ...h, why: why(h) });
  return `${JSON.stringify(
    {
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
