import type { GateDecision } from '../model/gate.js';
import type { GateBacklog, OrderDue } from '../model/check.js';

/**
 * The gate's decision as the nightly check shows it: overdue orders and those held close to their latest
 * ship date, with why; the rest counted. Orders the gate explains are taken out of the plain "orders due"
 * list, which says less about them.
 */
export function gateBacklog(d: GateDecision, shipWithinHours: number): GateBacklog {
  const soon = d.hold.filter((h) => h.hoursLeft === undefined || h.hoursLeft <= shipWithinHours);
  return { overdue: d.overdue, held: soon, heldLater: d.hold.length - soon.length, ready: d.release.length };
}

export function withoutGateOrders(orders: readonly OrderDue[], d: GateDecision): OrderDue[] {
  // A scanned order not yet confirmed stays in the due list: the gate releases it, the deadline still stands.
  const explained = new Set([...d.hold, ...d.overdue].map((x) => x.orderId));
  return orders.filter((o) => !explained.has(o.orderId));
}
