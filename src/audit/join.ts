import { recognizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { ConfirmationRecord, OrderRecord } from '../model/records.js';
import type { OrderFacts, Shipment } from '../model/shipment.js';
import type { Collector } from './collect.js';
import { computeLatestShipDate, type Handling } from './ship-by.js';

export interface Window {
  /** Inclusive, epoch ms. */
  fromMs?: number;
  /** Exclusive, epoch ms. */
  toMs?: number;
}

/** Why shipments were left out of the audit; keys are shown to the user as they are. */
export const EXCLUSION = {
  afn: 'orders fulfilled by Amazon (AFN)',
  cancelled: 'cancelled orders',
  window: 'shipments confirmed outside the window',
} as const;

export interface Joined {
  shipments: Shipment[];
  excluded: Record<string, number>;
  /** Seller-fulfilled orders with no confirmation yet (from order reports), for the nightly check. */
  awaiting: OrderFacts[];
  /** Confirmations whose order no order file mentions (checked without purchase or ship-by dates). */
  withoutOrder: number;
}

/**
 * Orders join confirmations by order id; confirmations join tracking by normalised tracking number.
 * Each distinct (order, tracking number) is one shipment, confirmed at its earliest confirmation row.
 */
export function join(c: Collector, handling: Handling, window: Window = {}): Joined {
  const excluded: Record<string, number> = {};
  const skip = (reason: string) => (excluded[reason] = (excluded[reason] ?? 0) + 1);

  const orderFacts = new Map<string, OrderFacts>();
  const factsOf = (id: string): OrderFacts | undefined => {
    let f = orderFacts.get(id);
    if (f) return f;
    const o = c.orders.get(id);
    if (!o) return undefined;
    f = toFacts(o, handling);
    orderFacts.set(id, f);
    return f;
  };

  const packages = new Map<string, ConfirmationRecord[]>();
  for (const conf of c.confirmations) {
    const key = `${conf.orderId}\u0000${conf.trackingNumber}`;
    const list = packages.get(key);
    if (list) list.push(conf);
    else packages.set(key, [conf]);
  }

  const ordersByNumber = new Map<string, Set<string>>();
  const shipments: Shipment[] = [];
  const confirmedOrders = new Set<string>();
  let withoutOrder = 0;
  for (const rows of packages.values()) {
    const first = rows.reduce((a, b) => (b.confirmedAt!.epochMs < a.confirmedAt!.epochMs ? b : a));
    confirmedOrders.add(first.orderId);
    const order = factsOf(first.orderId);
    // Counted once per order below, not per package.
    if (order?.channel === 'AFN' || order?.status === 'cancelled') continue;
    const at = first.confirmedAt!.epochMs;
    if ((window.fromMs !== undefined && at < window.fromMs) || (window.toMs !== undefined && at >= window.toMs)) {
      skip(EXCLUSION.window);
      continue;
    }
    if (!order) withoutOrder++;
    const tn = first.trackingNumber;
    if (tn !== '') {
      let set = ordersByNumber.get(tn);
      if (!set) ordersByNumber.set(tn, (set = new Set()));
      set.add(first.orderId);
    }
    shipments.push({
      orderId: first.orderId,
      trackingNumber: tn,
      trackingRaw: first.trackingRaw,
      carrier: rows.find((r) => r.carrier)?.carrier,
      confirmedAt: first.confirmedAt!,
      confirmations: rows.map((r) => r.source),
      order,
      tracking: tn === '' ? undefined : c.tracking.get(tn),
      recognition: tn === '' ? NO_NUMBER : recognizeTrackingNumber(tn),
      sharedWith: [],
    });
  }
  for (const s of shipments) {
    const set = s.trackingNumber === '' ? undefined : ordersByNumber.get(s.trackingNumber);
    if (set && set.size > 1) s.sharedWith = [...set].filter((id) => id !== s.orderId);
  }
  shipments.sort((a, b) => a.confirmedAt.epochMs - b.confirmedAt.epochMs || a.orderId.localeCompare(b.orderId));

  for (const o of c.orders.values()) {
    if (o.channel === 'AFN') skip(EXCLUSION.afn);
    else if (o.status === 'cancelled') skip(EXCLUSION.cancelled);
  }
  const awaiting = [...c.orders.values()]
    .filter((o) => !confirmedOrders.has(o.orderId) && o.channel !== 'AFN' && (o.awaitingShipment || o.status === 'unshipped' || o.status === 'pending' || o.status === 'partially-shipped'))
    .map((o) => factsOf(o.orderId)!);

  return { shipments, excluded, awaiting, withoutOrder };
}

const NO_NUMBER = Object.freeze({ checkDigit: 'none' as const });

function toFacts(o: OrderRecord & { itemRows?: number }, handling: Handling): OrderFacts {
  const computed = !o.latestShipDate && o.purchasedAt !== undefined;
  return {
    orderId: o.orderId,
    purchasedAt: o.purchasedAt,
    latestShipDate: o.latestShipDate ?? (o.purchasedAt ? computeLatestShipDate(o.purchasedAt, handling) : undefined),
    latestShipDateComputed: computed,
    status: o.status,
    channel: o.channel,
    items: o.items ?? o.itemRows ?? 1,
    awaitingShipment: o.awaitingShipment ?? false,
    source: o.source,
  };
}
