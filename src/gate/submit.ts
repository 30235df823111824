import type { Recovered, Release, SubmitOutcome } from '../model/gate.js';
import type { LedgerRecord } from './ledger.js';

/**
 * Sending released confirmations to Amazon through the Orders API v0 `confirmShipment`, one package at a
 * time, each recorded in the ledger before the request ("sending") and after the answer ("accepted",
 * "rejected"). The HTTP client is given (see `ShipmentConfirmer`); this module writes nothing itself.
 */

/** The request body of `POST /orders/v0/orders/{orderId}/shipmentConfirmation`. */
export interface ConfirmShipmentRequest {
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: Array<{ orderItemId: string; quantity: number }>;
  };
  marketplaceId: string;
}

export interface ConfirmAnswer {
  /** 204 accepted; 400 (and other 4xx) rejected, with Amazon's `errors[]`. */
  http: number;
  errors?: Array<{ code?: string; message?: string }>;
}

/** Thrown by a client that got no usable answer (network, 429 and 5xx past its retries). */
export class Unanswered extends Error {}

/** What the gate needs of an SP-API client: the connectors' client, or a test double, implements it. */
export interface ShipmentConfirmer {
  confirmShipment(orderId: string, body: ConfirmShipmentRequest): Promise<ConfirmAnswer>;
  /** The order's `OrderStatus` from `getOrder` (Unshipped, PartiallyShipped, Shipped, Canceled…). */
  orderStatus(orderId: string): Promise<string | undefined>;
}

/** The body for a release, or undefined when its items are unknown (the API needs `orderItems`). */
export function confirmShipmentRequest(
  r: Release,
  packageReferenceId: number,
  marketplaceId: string,
): ConfirmShipmentRequest | undefined {
  const items = r.lines.filter((l) => l.orderItemId !== undefined && l.quantity !== undefined && l.quantity > 0);
  if (items.length === 0 || items.length !== r.lines.length) return undefined;
  return {
    packageDetail: {
      packageReferenceId: String(packageReferenceId),
      carrierCode: r.carrierCode,
      carrierName: r.carrierName,
      shippingMethod: r.shipMethod,
      trackingNumber: r.trackingNumber,
      shipDate: r.shipDateIso,
      orderItems: items.map((l) => ({ orderItemId: l.orderItemId!, quantity: l.quantity! })),
    },
    marketplaceId,
  };
}

export interface SubmitDeps {
  confirmer: ShipmentConfirmer;
  /** Appends one record to the ledger and syncs it before returning. */
  record(r: LedgerRecord): Promise<void>;
  marketplaceId: string;
  now(): string;
}

/** The ledger record of a release, with the status given. */
export function ledgerRecord(
  r: Release,
  status: LedgerRecord['status'],
  at: string,
  extra: Partial<LedgerRecord> = {},
): LedgerRecord {
  return {
    v: 1,
    at,
    orderId: r.orderId,
    trackingNumber: r.trackingNumber,
    status,
    wholeOrder: r.wholeOrder ?? r.lines.every((l) => l.orderItemId === undefined),
    items: r.lines.flatMap((l) =>
      l.orderItemId !== undefined && l.quantity !== undefined
        ? [{ orderItemId: l.orderItemId, quantity: l.quantity }]
        : [],
    ),
    carrierCode: r.carrierCode,
    carrierName: r.carrierName,
    shipDate: r.shipDate,
    ...extra,
  };
}

/**
 * Sends each release in turn. A release without known items is not sent (outcome "rejected" with the reason,
 * nothing in the ledger: it can be sent once the items are known). A request that gets no answer leaves
 * the package "sending": the next run asks Amazon before sending it again.
 */
export async function submitReleases(releases: readonly Release[], deps: SubmitDeps): Promise<SubmitOutcome[]> {
  const outcomes: SubmitOutcome[] = [];
  const perOrder = new Map<string, number>();
  for (const r of releases) {
    const ref = (perOrder.get(r.orderId) ?? 0) + 1;
    perOrder.set(r.orderId, ref);
    const body = confirmShipmentRequest(r, ref, deps.marketplaceId);
    if (!body) {
      outcomes.push({
        orderId: r.orderId,
        trackingNumber: r.trackingNumber,
        status: 'rejected',
        errors: [{ code: 'ItemsUnknown', message: 'order items unknown: give the Unshipped Orders report (not sent)' }],
      });
      continue;
    }
    await deps.record(ledgerRecord(r, 'sending', deps.now()));
    let answer: ConfirmAnswer;
    try {
      answer = await deps.confirmer.confirmShipment(r.orderId, body);
    } catch (e) {
      if (!(e instanceof Unanswered)) throw e;
      outcomes.push({ orderId: r.orderId, trackingNumber: r.trackingNumber, status: 'unanswered', note: e.message });
      continue;
    }
    const accepted = answer.http >= 200 && answer.http < 300;
    const status = accepted ? 'accepted' : 'rejected';
    await deps.record(
      ledgerRecord(r, status, deps.now(), { http: answer.http, errors: accepted ? undefined : answer.errors }),
    );
    outcomes.push({
      orderId: r.orderId,
      trackingNumber: r.trackingNumber,
      status,
      http: answer.http,
      errors: accepted ? undefined : answer.errors,
    });
  }
  return outcomes;
}

/** Amazon's order statuses that mean the confirmation went through. */
const CONFIRMED = new Set(['shipped', 'partiallyshipped']);
/** Statuses that mean it did not: the package may be sent again. */
const NOT_CONFIRMED = new Set(['unshipped']);

/**
 * Packages an earlier run recorded as "sending" and never answered: it may have died before the request
 * left, or after Amazon took it. Amazon's order status decides, not a blind resend: Shipped →
 * accepted; Unshipped → failed (sent again this run); anything else, or no answer → left as it is.
 */
export async function recoverSending(
  unresolved: readonly LedgerRecord[],
  deps: Omit<SubmitDeps, 'marketplaceId'>,
): Promise<Recovered[]> {
  const out: Recovered[] = [];
  for (const r of unresolved) {
    let status: string | undefined;
    try {
      status = await deps.confirmer.orderStatus(r.orderId);
    } catch (e) {
      if (!(e instanceof Unanswered)) throw e;
    }
    const key = status?.toLowerCase().replace(/[\s_-]/g, '');
    const found = key && CONFIRMED.has(key) ? 'accepted' : key && NOT_CONFIRMED.has(key) ? 'failed' : 'unknown';
    if (found !== 'unknown') {
      const note = `checked after an interrupted run: Amazon has the order as ${status}`;
      await deps.record({ ...r, at: deps.now(), status: found, note, http: undefined, errors: undefined });
    }
    out.push({ orderId: r.orderId, trackingNumber: r.trackingNumber, found, orderStatus: status });
  }
  return out;
}
