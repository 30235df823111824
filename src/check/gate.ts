import type { GateDecision, LedgerStatus } from '../model/gate.js';
import type { GateBacklog, GateReleased, OrderDue } from '../model/check.js';
import { formatInZone } from '../model/zone.js';

/** What the ledger has as told or being told to Amazon: such an order awaits Amazon, not the seller. */
const AWAITING_AMAZON: ReadonlySet<LedgerStatus> = new Set(['releasing', 'released', 'sending', 'accepted']);

/**
 * The gate's decision as the nightly check shows it: overdue orders and those held close to their latest
 * ship date, with why; the rest counted; and the orders it released that the order data still has waiting.
 * Orders the gate explains are taken out of the plain "orders due" list, which says less about them.
 */
export function gateBacklog(d: GateDecision, shipWithinHours: number): GateBacklog {
  const soon = d.hold.filter((h) => h.hoursLeft === undefined || h.hoursLeft <= shipWithinHours);
  const released = releasedByGate(d);
  return {
    overdue: d.overdue,
    held: soon,
    heldLater: d.hold.length - soon.length,
    ready: d.release.length,
    ...(released.length > 0 && { released }),
  };
}

function releasedByGate(d: GateDecision): GateReleased[] {
  return d.skipped
    .filter((s) => s.why === 'in-ledger' && s.status !== undefined && AWAITING_AMAZON.has(s.status))
    .map((s) => ({
      orderId: s.orderId,
      trackingNumber: s.trackingNumber,
      status: s.status as LedgerStatus,
      at: s.at && formatInZone(Date.parse(s.at), d.zone),
      file: s.file,
    }));
}

export function withoutGateOrders(orders: readonly OrderDue[], d: GateDecision): OrderDue[] {
  // A scanned order not yet confirmed stays in the due list: the gate releases it, the deadline still stands.
  // One the gate released awaits Amazon: "ship and confirm now" would invite a second confirmation.
  const explained = new Set([...d.hold, ...d.overdue, ...releasedByGate(d)].map((x) => x.orderId));
  return orders.filter((o) => !explained.has(o.orderId));
}
