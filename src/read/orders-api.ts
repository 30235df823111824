import { limit, sizeText } from './bounds.js';
import { canonicalCarrier } from '../knowledge/carriers.js';
import { CANCELLED_PACKAGE_STATUSES, channel, orderStatus } from '../knowledge/amazon.js';
import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { ConfirmationRecord, OrderRecord } from '../model/records.js';
import type { Stamp, ZoneHint } from '../model/timestamp.js';
import type { JsonDocuments } from './api/index.js';
import { optionalStamp, RowError, type OrderZone, type RecordSink } from './context.js';
import { InputError } from './types.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/**
 * The orders inside any of the shapes sellers save: a 2026-01-01 `{orders: [...]}` page, a getOrder
 * `{order: {...}}`, a v0 `{payload: {Orders: [...]}}` page or `{payload: {...order}}`, a bare list, or a
 * single order object.
 */
export function ordersIn(doc: unknown): Json[] {
  if (Array.isArray(doc)) return doc.flatMap(ordersIn);
  if (!isObj(doc)) return [];
  if (str(doc.orderId) || str(doc.AmazonOrderId)) return [doc];
  for (const key of ['orders', 'Orders', 'order', 'payload']) if (key in doc) return ordersIn(doc[key]);
  return [];
}

/** Why a package was left out: a voided label is no confirmation (counted in the report, not a problem). */
const CANCELLED_PACKAGES = 'cancelled package labels (no confirmation)';

/** The length of the longest string inside `v` (the depth was checked before parsing). */
function longestText(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  for (const x of Object.values(v)) n = Math.max(n, longestText(x));
  return n;
}

/** Which API version an order object comes from decides its field names. */
function readOrder(
  o: Json,
  file: string,
  line: number,
  sink: RecordSink,
  marketHint: ZoneHint,
  skip: (why: string) => void,
  perOrder?: OrderZone,
) {
  // As a delimited file's field: an order with a value past the limit is rejected, never kept or printed.
  const max = limit('fieldBytes');
  const longest = longestText(o);
  if (longest > max) {
    const limitText = `the limit of ${sizeText(max)} (SHIPAUDIT_MAX_FIELD_BYTES)`;
    throw new RowError(`a value of ${longest} characters, over ${limitText}: order not read`);
  }
  // Amazon's order ids are text ("113-…"); a number there was made by some tool on the way, past 15 digits
  // with its last digits lost, and two orders could become one.
  for (const key of ['AmazonOrderId', 'orderId'] as const) {
    if (typeof o[key] === 'number')
      throw new RowError(`${key} is a number, not text: its digits may be lost; order not read`);
  }
  const id = str(o.AmazonOrderId) ?? str(o.orderId);
  const hint = (id !== undefined && perOrder?.(id)) || marketHint;
  const at = (v: unknown, what: string) => optionalStamp(str(v), what, hint, false);
  const source = { file, line };
  if (str(o.AmazonOrderId)) {
    const statusRaw = str(o.OrderStatus);
    const ch = str(o.FulfillmentChannel);
    sink.order?.({
      orderId: str(o.AmazonOrderId)!,
      purchasedAt: at(o.PurchaseDate, 'PurchaseDate'),
      earliestShipDate: at(o.EarliestShipDate, 'EarliestShipDate'),
      latestShipDate: at(o.LatestShipDate, 'LatestShipDate'),
      status: statusRaw ? orderStatus(statusRaw) : undefined,
      statusRaw,
      channel: ch ? channel(ch) : undefined,
      salesChannel: str(o.SalesChannel) ?? str(o.MarketplaceId),
      shipServiceLevel: str(o.ShipServiceLevel),
      source,
    });
    return;
  }
  const orderId = str(o.orderId);
  if (!orderId) throw new RowError('order has no orderId');
  const f = isObj(o.fulfillment) ? o.fulfillment : {};
  const window = isObj(f.shipByWindow) ? f.shipByWindow : {};
  const statusRaw = str(o.orderStatus) ?? str(o.status) ?? str(f.fulfillmentStatus);
  const ch = str(f.fulfilledBy) ?? str(f.fulfillmentChannel) ?? str(o.fulfillmentChannel);
  // channelName is "AMAZON" or "NON_AMAZON": the marketplace is in marketplaceName or marketplaceId.
  const sc = isObj(o.salesChannel) ? o.salesChannel : undefined;
  const sales = sc ? (str(sc.marketplaceName) ?? str(sc.marketplaceId) ?? str(sc.channelName)) : str(o.salesChannel);
  const order: OrderRecord = {
    orderId,
    purchasedAt: at(o.createdTime ?? o.purchaseDate, 'createdTime'),
    earliestShipDate: at(window.earliestDateTime, 'shipByWindow.earliestDateTime'),
    latestShipDate: at(window.latestDateTime, 'shipByWindow.latestDateTime'),
    status: statusRaw ? orderStatus(statusRaw) : undefined,
    statusRaw,
    channel: ch ? channel(ch === 'MERCHANT' ? 'Merchant' : ch) : undefined,
    salesChannel: sales,
    itemsToShip: itemsToShip(o),
    source,
  };
  // Every package is read before anything is handed over: an order with a package that can't be read is
  // rejected whole (counted with its line), never half kept.
  const confirmations: ConfirmationRecord[] = [];
  const packages = Array.isArray(o.packages) ? o.packages : [];
  packages.forEach((p, i) => {
    if (!isObj(p)) return;
    const status = isObj(p.packageStatus) ? str(p.packageStatus.status) : (str(p.packageStatus) ?? str(p.status));
    const detailed = isObj(p.packageStatus) ? str(p.packageStatus.detailedStatus) : undefined;
    // A cancelled label is not a confirmation Amazon holds against the seller: status CANCELLED with
    // detailedStatus LABEL_CANCELLED in the 2026-01-01 model.
    if ((status && CANCELLED_PACKAGE_STATUSES.has(status)) || (detailed && CANCELLED_PACKAGE_STATUSES.has(detailed))) {
      skip(CANCELLED_PACKAGES);
      return;
    }
    const carrierRaw = str(p.carrier) ?? str(p.carrierName);
    const trackingRaw = str(p.trackingNumber);
    const items = Array.isArray(p.packageItems) ? p.packageItems.filter(isObj) : [];
    const quantity = items.reduce((n, i) => n + (typeof i.quantity === 'number' ? i.quantity : NaN), 0);
    confirmations.push({
      orderId,
      // A package of one item names it; a package of several stays a package.
      orderItemId: items.length === 1 ? str(items[0].orderItemId) : undefined,
      quantity: items.length && !Number.isNaN(quantity) ? quantity : undefined,
      confirmedAt: packageTime(p, i, at),
      carrier: canonicalCarrier(carrierRaw) ?? carrierRaw,
      carrierRaw,
      trackingNumber: trackingRaw ? normalizeTrackingNumber(trackingRaw) : '',
      trackingRaw,
      shipMethod: str(p.shipMethod) ?? str(p.shippingService),
      packageStatus: status,
      source,
    });
  });
  sink.order?.(order);
  for (const c of confirmations) sink.confirmation?.(c);
}

/** Absent, null or blank: the field says nothing. */
const given = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/**
 * A package's confirmation time. shipTime is the shipment time the confirmation gave Amazon, what Amazon
 * holds the seller to; createdTime is when the package record was made (Amazon's getOrder example has
 * shipTime 21 h after it). Only a package without shipTime (absent, null or blank) falls back to
 * createdTime; one with neither has no confirmation time, and its order is rejected.
 */
function packageTime(p: Json, i: number, at: (v: unknown, what: string) => Stamp | undefined): Stamp {
  const field = given(p.shipTime) ? 'shipTime' : given(p.createdTime) ? 'createdTime' : undefined;
  if (!field) {
    throw new RowError(`packages[${i}] has neither shipTime nor createdTime: no confirmation time, order not read`);
  }
  const v = p[field];
  if (typeof v !== 'string' && typeof v !== 'number') {
    const kind = Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
    throw new RowError(`packages[${i}].${field} is ${kind}, not a time`);
  }
  return at(v, `packages[].${field}`)!;
}

/** 2026-01-01 `orderItems[]`: each item's id and what is left to ship (`quantityUnfulfilled`, else ordered). */
function itemsToShip(o: Json): Array<{ orderItemId: string; quantity: number }> | undefined {
  if (!Array.isArray(o.orderItems)) return undefined;
  const items = o.orderItems.filter(isObj).flatMap((i) => {
    const id = str(i.orderItemId);
    const left = isObj(i.fulfillment) ? i.fulfillment.quantityUnfulfilled : undefined;
    const ordered = typeof i.quantityOrdered === 'number' ? i.quantityOrdered : undefined;
    const quantity = typeof left === 'number' ? left : ordered;
    return id && quantity !== undefined ? [{ orderItemId: id, quantity }] : [];
  });
  return items.length > 0 ? items : undefined;
}

/**
 * The orders in JSON documents the caller parsed (`parseJsonDocuments` in api/index.ts: one document, or JSON
 * lines; a cut-off or broken file was refused there). Orders API responses come a page (100 orders) or a few
 * thousand orders at a time.
 */
export function readOrdersJson(
  file: string,
  parsed: JsonDocuments,
  sink: RecordSink,
  hint: ZoneHint,
  onProblem: (line: number, err: unknown) => void,
  onSkip: (why: string) => void = () => {},
  perOrder?: OrderZone,
): { rows: number; format: 'json' | 'jsonl' } {
  for (const { line, message } of parsed.bad) onProblem(line, new RowError(message));
  let rows = 0;
  for (const { doc, line } of parsed.docs) {
    const orders = ordersIn(doc);
    orders.forEach((o, i) => {
      rows++;
      const at = parsed.format === 'jsonl' ? line : i + 1;
      try {
        readOrder(o, file, at, sink, hint, onSkip, perOrder);
      } catch (e) {
        onProblem(at, e);
      }
    });
  }
  if (rows === 0 && parsed.docs.length > 0) {
    throw new InputError(
      file,
      undefined,
      'JSON without orders: expected an Orders API response (orders[], payload.Orders[]) or a list of orders',
      'unknown-kind',
    );
  }
  return { rows, format: parsed.format };
}
