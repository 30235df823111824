import { amazonCarrier } from '../knowledge/carriers.js';
import { recognizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type {
  GateDecision,
  Hold,
  LedgerStatus,
  Overdue,
  OverdueAdvice,
  PriorRelease,
  Release,
  ReleaseLine,
  Skipped,
} from '../model/gate.js';
import type { SourceRef } from '../model/records.js';
import type { EventRef } from '../model/shipment.js';
import { latestInstant, type Stamp } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import type { GateItem, GateOrder, GateTracking } from './collect.js';

const HOUR = 3_600_000;
const h1 = (ms: number) => Math.round(ms / (HOUR / 10)) / 10 + 0;

/** A tracking number put on an order (from an assignment file, or an ERP export's confirmation rows). */
export interface GatePackageInput {
  orderId: string;
  orderItemId?: string;
  quantity?: number;
  trackingNumber: string;
  carrier?: string;
  shipMethod?: string;
  source: SourceRef;
}

export interface GateInput {
  orders: ReadonlyMap<string, GateOrder>;
  /** Orders some input says are no longer waiting (shipped, cancelled, Amazon-fulfilled). */
  notAwaiting: ReadonlySet<string>;
  packages: readonly GatePackageInput[];
  tracking: ReadonlyMap<string, GateTracking>;
  /** The ledger's last word on an order's package, if any (see `ledgerCovers`). */
  ledger: (orderId: string, trackingNumber: string) => LedgerStatus | undefined;
  /** The order's packages the ledger has as released under other numbers (see `Ledger.releases`). */
  released?: (orderId: string, exceptNumber: string) => readonly PriorRelease[];
  /** Orders the user asked to emit again although the ledger has them. */
  reemit: ReadonlySet<string>;
  asOfMs: number;
  zone: string;
}

/**
 * Decides per order awaiting shipment: release it (a physical carrier scan exists), hold it (no scan yet),
 * or call it overdue (its latest ship date passed without a scan). Only a possession event releases; an
 * overdue order is never released without one. Orders the ledger already released are skipped.
 */
export function decide(input: GateInput): GateDecision {
  const { asOfMs, zone } = input;
  const release: Release[] = [];
  const hold: Hold[] = [];
  const overdue: Overdue[] = [];
  const skipped: Skipped[] = [];

  const byOrder = new Map<string, GatePackageInput[]>();
  for (const p of input.packages) {
    if (!input.orders.has(p.orderId)) {
      if (input.notAwaiting.has(p.orderId))
        skipped.push({ orderId: p.orderId, trackingNumber: p.trackingNumber, why: 'not-awaiting' });
      continue;
    }
    const list = byOrder.get(p.orderId) ?? [];
    // One number named twice (an ERP export beside an assignment file) is one package.
    if (!list.some((q) => q.trackingNumber === p.trackingNumber && q.orderItemId === p.orderItemId)) list.push(p);
    byOrder.set(p.orderId, list);
  }

  // One number on two orders may be one parcel carrying both (legitimate), or a number typed twice: said.
  const ordersByNumber = new Map<string, Set<string>>();
  for (const [orderId, list] of byOrder) {
    if (input.notAwaiting.has(orderId)) continue;
    for (const p of list) {
      const ids = ordersByNumber.get(p.trackingNumber) ?? new Set<string>();
      ordersByNumber.set(p.trackingNumber, ids.add(orderId));
    }
  }
  const sharedNumbers = [...ordersByNumber]
    .filter(([, ids]) => ids.size > 1)
    .map(([trackingNumber, ids]) => ({ trackingNumber, orderIds: [...ids].sort() }))
    .sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));

  const orders = [...input.orders.values()].sort((a, b) => a.orderId.localeCompare(b.orderId));
  for (const order of orders) {
    if (input.notAwaiting.has(order.orderId)) {
      skipped.push({ orderId: order.orderId, why: 'not-awaiting' });
      continue;
    }
    const lsdMs = order.latestShipDate ? latestInstant(order.latestShipDate) : undefined;
    const lsd = lsdMs === undefined ? undefined : formatInZone(lsdMs, zone);
    const hoursLeft = lsdMs === undefined ? undefined : h1(lsdMs - asOfMs);
    const pending = (h: Hold) => {
      if (h.hoursLeft !== undefined && h.hoursLeft < 0)
        overdue.push({ ...h, hoursLeft: h.hoursLeft, advice: adviceFor(h) });
      else hold.push(h);
    };
    const packages = groupPackages(byOrder.get(order.orderId) ?? []);
    if (packages.length === 0) {
      pending({ orderId: order.orderId, reason: 'no-tracking-number', latestShipDate: lsd, hoursLeft });
      continue;
    }
    // The ledger wins over "several numbers": a package it has is done (skipped), and a new number beside it
    // is weighed against that release below (held as already confirmed, or sent under --reemit).
    let candidates = packages;
    if (packages.length > 1 && packages.some((p) => p.items.length === 0)) {
      const known = packages.filter((p) => input.ledger(order.orderId, p.trackingNumber) !== undefined);
      const fresh = packages.filter((p) => !known.includes(p));
      const ambiguous = fresh.length > 1 && fresh.some((p) => p.items.length === 0);
      if (known.length === 0 || (ambiguous && input.reemit.has(order.orderId))) {
        pending({ orderId: order.orderId, reason: 'several-numbers-without-items', latestShipDate: lsd, hoursLeft });
        continue;
      }
      for (const p of known) {
        const status = input.ledger(order.orderId, p.trackingNumber);
        skipped.push({ orderId: order.orderId, trackingNumber: p.trackingNumber, why: 'in-ledger', status });
      }
      candidates = fresh;
    }
    for (const p of candidates) {
      const status = input.ledger(order.orderId, p.trackingNumber);
      const reemitted = status !== undefined && input.reemit.has(order.orderId);
      if (status !== undefined && !reemitted) {
        skipped.push({ orderId: order.orderId, trackingNumber: p.trackingNumber, why: 'in-ledger', status });
        continue;
      }
      // What the ledger released under other numbers is not confirmed again: a package naming no items is a
      // relabel (held); one naming items carries only what is left of them.
      // --reemit sends the package as it is, as for its own number.
      const earlier = input.released?.(order.orderId, p.trackingNumber) ?? [];
      const prior = input.reemit.has(order.orderId) ? [] : earlier;
      const left = prior.length === 0 ? undefined : itemsLeft(p, order.items, prior);
      if (left !== undefined && left.length === 0) {
        const first = [...prior].sort((a, b) => a.at.localeCompare(b.at))[0];
        hold.push({
          orderId: order.orderId,
          trackingNumber: p.trackingNumber,
          carrier: p.carrier,
          reason: 'already-confirmed',
          latestShipDate: lsd,
          hoursLeft,
          confirmed: {
            trackingNumber: first.trackingNumber,
            on: formatInZone(Date.parse(first.at), zone).slice(0, 10),
          },
        });
        continue;
      }
      const items = left ?? p.items;
      const t = input.tracking.get(p.trackingNumber);
      // A carrier column saying only "Other" names nothing: the tracking data or the number may.
      const named = (c: string | undefined) => (amazonCarrier(c) ? c : undefined);
      const carrierText = named(p.carrier) ?? named(t?.carrier) ?? recognised(p.trackingNumber);
      const base: Hold = {
        orderId: order.orderId,
        trackingNumber: p.trackingNumber,
        carrier: carrierText,
        reason: 'no-tracking-data',
        latestShipDate: lsd,
        hoursLeft,
      };
      const scan = t?.firstPossession;
      if (!scan) {
        pending({ ...base, ...whyNoScan(t, zone) });
        continue;
      }
      // A scan before the order was placed belongs to another parcel (a reused or mistyped number).
      if (order.purchasedAt && latestInstant(scan.at) < order.purchasedAt.epochMs) {
        pending({ ...base, reason: 'scan-before-order', lastEvent: shown(scan, zone) });
        continue;
      }
      const carrier = amazonCarrier(carrierText);
      if (!carrier) {
        pending({ ...base, reason: 'carrier-unknown', lastEvent: shown(scan, zone) });
        continue;
      }
      release.push({
        orderId: order.orderId,
        trackingNumber: p.trackingNumber,
        carrierCode: carrier.code,
        carrierName: carrier.name,
        shipMethod: p.shipMethod,
        lines: linesFor(items, order.items, candidates.length),
        shipDate: shipDateOf(scan.at, zone),
        shipDateIso: apiShipDate(scan.at, asOfMs),
        scan: {
          at: scanText(scan.at, zone),
          description: scan.description,
          location: scan.location,
          source: scan.source,
        },
        latestShipDate: lsd,
        late: lsdMs !== undefined && scan.at.epochMs > lsdMs,
        reemitted: reemitted || (earlier.length > 0 && input.reemit.has(order.orderId)),
        wholeOrder: p.items.length === 0,
      });
    }
  }

  // Most urgent first; orders without a latest ship date after those with one.
  const urgency = (a: Hold, b: Hold) =>
    (a.hoursLeft ?? Infinity) - (b.hoursLeft ?? Infinity) || a.orderId.localeCompare(b.orderId);
  hold.sort(urgency);
  overdue.sort(urgency);
  release.sort((a, b) => a.orderId.localeCompare(b.orderId) || a.trackingNumber.localeCompare(b.trackingNumber));
  return { asOf: formatInZone(asOfMs, zone), zone, release, hold, overdue, skipped, sharedNumbers };
}

/**
 * The package's items not yet fully released by the order's earlier packages, with the quantity left (empty:
 * nothing left). A package naming no items, or an earlier whole-order package, leaves nothing. An item's
 * total is the order's quantity to ship when known; else an item released once is taken as done.
 */
function itemsLeft(p: Package, orderItems: readonly GateItem[], prior: readonly PriorRelease[]): GateItem[] {
  if (p.items.length === 0 || prior.some((r) => r.wholeOrder)) return [];
  const done = new Map<string, number>();
  for (const r of prior)
    for (const i of r.items ?? []) done.set(i.orderItemId, (done.get(i.orderItemId) ?? 0) + i.quantity);
  const out: GateItem[] = [];
  for (const i of p.items) {
    const released = done.get(i.orderItemId) ?? 0;
    if (released === 0) {
      out.push(i);
      continue;
    }
    const total = orderItems.find((o) => o.orderItemId === i.orderItemId)?.quantity;
    if (total === undefined || released >= total) continue;
    const wanted = i.quantity > 0 ? i.quantity : total;
    out.push({ orderItemId: i.orderItemId, quantity: Math.min(wanted, total - released) });
  }
  return out;
}

interface Package {
  trackingNumber: string;
  carrier?: string;
  shipMethod?: string;
  items: GateItem[];
  /** Assignment rows naming an item without a quantity: the order's quantity of it. */
  itemIds: string[];
}

/** An order's assignment rows → packages: one per tracking number, with the items its rows name. */
function groupPackages(rows: readonly GatePackageInput[]): Package[] {
  const byNumber = new Map<string, Package>();
  for (const r of rows) {
    let p = byNumber.get(r.trackingNumber);
    if (!p) {
      p = { trackingNumber: r.trackingNumber, carrier: r.carrier, shipMethod: r.shipMethod, items: [], itemIds: [] };
      byNumber.set(r.trackingNumber, p);
    }
    p.carrier ??= r.carrier;
    p.shipMethod ??= r.shipMethod;
    if (r.orderItemId !== undefined) {
      if (r.quantity !== undefined && r.quantity > 0)
        p.items.push({ orderItemId: r.orderItemId, quantity: r.quantity });
      else p.itemIds.push(r.orderItemId);
    }
  }
  for (const p of byNumber.values()) {
    // An item named without a quantity still counts as named: its quantity comes from the order.
    for (const id of p.itemIds)
      if (!p.items.some((i) => i.orderItemId === id)) p.items.push({ orderItemId: id, quantity: 0 });
  }
  return [...byNumber.values()];
}

/** The file's lines: the package's items, else the order's, else one line for the whole order. */
function linesFor(packageItems: readonly GateItem[], orderItems: readonly GateItem[], packages: number): ReleaseLine[] {
  if (packageItems.length > 0) {
    return packageItems.map((i) => ({
      orderItemId: i.orderItemId,
      quantity: i.quantity > 0 ? i.quantity : orderItems.find((o) => o.orderItemId === i.orderItemId)?.quantity,
    }));
  }
  if (packages === 1 && orderItems.length > 0)
    return orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity }));
  return [{}];
}

function whyNoScan(t: GateTracking | undefined, zone: string): Pick<Hold, 'reason' | 'lastEvent' | 'unknown'> {
  if (!t || t.events === 0) return { reason: 'no-tracking-data' };
  if (t.possessionWithoutTime) return { reason: 'scan-without-time' };
  const last = t.lastEvent && shown(t.lastEvent, zone);
  if (t.unknown.length > 0) return { reason: 'unknown-events', unknown: t.unknown, lastEvent: last };
  if (t.lastInformation && t.lastEvent?.class === 'information')
    return { reason: 'information-only', lastEvent: shown(t.lastInformation, zone) };
  return { reason: 'no-physical-scan', lastEvent: last };
}

function adviceFor(h: Hold): OverdueAdvice[] {
  switch (h.reason) {
    case 'no-tracking-number':
    case 'several-numbers-without-items':
    case 'scan-before-order':
      return ['assign-tracking', 'other-carrier'];
    case 'unknown-events':
      return ['classify-events', 'contact-carrier'];
    default:
      return ['contact-carrier', 'other-carrier'];
  }
}

/** The carrier a number's format belongs to, when its check digit holds. */
function recognised(trackingNumber: string): string | undefined {
  const r = recognizeTrackingNumber(trackingNumber);
  return r.checkDigit === 'valid' ? r.carrier : undefined;
}

function shown(e: EventRef, zone: string): { description: string; at: string } {
  return { description: e.description, at: scanText(e.at, zone) };
}

function scanText(at: Stamp, zone: string): string {
  return at.precision === 'date' ? at.localDate : formatInZone(at.epochMs, zone);
}

/**
 * The ship date as the confirmation file gives it: the scan's moment in the marketplace zone (ISO 8601, which
 * the template accepts), so that no reading of a bare date can put the confirmation before the scan; a scan
 * known only by its day gives that day (yyyy-mm-dd).
 */
function shipDateOf(at: Stamp, zone: string): string {
  return at.precision === 'date' ? at.localDate : formatInZone(at.epochMs, zone);
}

/** The Orders API wants an instant: a scan known by its day only is placed at that day's end, or now if sooner. */
function apiShipDate(at: Stamp, asOfMs: number): string {
  const ms = at.precision === 'date' ? Math.min(latestInstant(at), asOfMs) : at.epochMs;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
