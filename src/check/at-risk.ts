import { hasPhysicalScan } from '../audit/run.js';
import type { OrderFacts, Shipment } from '../model/shipment.js';
import { latestInstant } from '../model/timestamp.js';
import { formatInZone } from '../model/zone.js';
import type { OrderDue, ShipmentAtRisk } from '../model/check.js';

const HOUR = 3_600_000;
const h1 = (ms: number) => Math.round(ms / (HOUR / 10)) / 10 + 0;

export interface AtRiskOptions {
  asOfMs: number;
  zone: string;
  /** The no-carrier-scan rule's grace. */
  graceHours: number;
  graceLeftHours: number;
  shipWithinHours: number;
  /** Without any tracking file every shipment would look unscanned: the input warning says so instead. */
  hasTrackingData: boolean;
}

/**
 * Confirmed packages without a physical scan whose grace is running out. Past the grace they are the
 * no-carrier-scan (or tracking-not-found) finding already, and are reported once, as that finding.
 */
export function shipmentsAtRisk(shipments: readonly Shipment[], o: AtRiskOptions): ShipmentAtRisk[] {
  if (!o.hasTrackingData) return [];
  const out: ShipmentAtRisk[] = [];
  for (const s of shipments) {
    if (s.trackingNumber === '' || hasPhysicalScan(s)) continue;
    const sinceMs = o.asOfMs - latestInstant(s.confirmedAt);
    const leftMs = o.graceHours * HOUR - sinceMs;
    if (sinceMs < 0 || leftMs < 0 || leftMs >= o.graceLeftHours * HOUR) continue;
    const last = s.tracking?.lastEvent;
    out.push({
      level: 'warning',
      orderId: s.orderId,
      trackingNumber: s.trackingNumber,
      carrier: s.carrier,
      confirmedAt: formatInZone(latestInstant(s.confirmedAt), o.zone),
      hoursSinceConfirmation: h1(sinceMs),
      graceHours: o.graceHours,
      hoursLeft: h1(leftMs),
      lastEvent: last && { description: last.description, at: formatInZone(last.at.epochMs, o.zone) },
    });
  }
  return out.sort((a, b) => a.hoursLeft - b.hoursLeft || a.orderId.localeCompare(b.orderId));
}

/**
 * Orders Amazon still waits on whose latest ship date is near: ship them today. One already past it is
 * an error: it becomes a late shipment the moment it is confirmed.
 */
export function ordersDue(
  awaiting: readonly OrderFacts[],
  o: Pick<AtRiskOptions, 'asOfMs' | 'zone' | 'shipWithinHours'>,
): OrderDue[] {
  const out: OrderDue[] = [];
  for (const order of awaiting) {
    if (!order.latestShipDate) continue;
    const leftMs = latestInstant(order.latestShipDate) - o.asOfMs;
    if (leftMs > o.shipWithinHours * HOUR) continue;
    out.push({
      level: leftMs < 0 ? 'error' : 'warning',
      orderId: order.orderId,
      latestShipDate: formatInZone(latestInstant(order.latestShipDate), o.zone),
      latestShipDateComputed: order.latestShipDateComputed,
      hoursLeft: h1(leftMs),
    });
  }
  return out.sort((a, b) => a.hoursLeft - b.hoursLeft || a.orderId.localeCompare(b.orderId));
}
