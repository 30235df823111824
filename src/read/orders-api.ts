import { readFile } from 'node:fs/promises';
import { canonicalCarrier } from '../knowledge/carriers.js';
import { channel, orderStatus } from '../knowledge/amazon.js';
import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { ZoneHint } from '../model/timestamp.js';
import { createDecoder, type Encoding } from './decode.js';
import { optionalStamp, RowError, type RecordSink } from './context.js';
import { InputError } from './types.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);

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

/** Which API version an order object comes from decides its field names. */
function readOrder(o: Json, file: string, line: number, sink: RecordSink, hint: ZoneHint) {
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
      salesChannel: str(o.SalesChannel),
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
  const sales = isObj(o.salesChannel) ? str(o.salesChannel.channelName) ?? str(o.salesChannel.marketplaceName) : str(o.salesChannel);
  sink.order?.({
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
  });
  const packages = Array.isArray(o.packages) ? o.packages.filter(isObj) : [];
  for (const p of packages) {
    const status = isObj(p.packageStatus) ? str(p.packageStatus.status) : str(p.packageStatus) ?? str(p.status);
    // A cancelled label is not a confirmation Amazon holds against the seller.
    if (status === 'LABEL_CANCELLED') continue;
    const carrierRaw = str(p.carrier) ?? str(p.carrierName);
    const trackingRaw = str(p.trackingNumber);
    const items = Array.isArray(p.packageItems) ? p.packageItems.filter(isObj) : [];
    const quantity = items.reduce((n, i) => n + (typeof i.quantity === 'number' ? i.quantity : NaN), 0);
    sink.confirmation?.({
      orderId,
      // A package of one item names it; a package of several stays a package.
      orderItemId: items.length === 1 ? str(items[0].orderItemId) : undefined,
      quantity: items.length && !Number.isNaN(quantity) ? quantity : undefined,
      // createdTime is when the package was confirmed to Amazon; shipTime is the hand-over the seller declared.
      confirmedAt: at(p.createdTime ?? p.shipTime, 'packages[].createdTime'),
      carrier: canonicalCarrier(carrierRaw) ?? carrierRaw,
      carrierRaw,
      trackingNumber: trackingRaw ? normalizeTrackingNumber(trackingRaw) : '',
      trackingRaw,
      shipMethod: str(p.shipMethod) ?? str(p.shippingService),
      packageStatus: status,
      source,
    });
  }
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
 * Orders API responses are read whole: they come a page (100 orders) or a few thousand orders at a time,
 * and JSON lines files are parsed line by line.
 */
export async function readOrdersJson(
  file: string,
  encoding: Encoding,
  sink: RecordSink,
  hint: ZoneHint,
  onProblem: (line: number, err: unknown) => void,
): Promise<{ rows: number; format: 'json' | 'jsonl' }> {
  const dec = createDecoder(encoding);
  const text = (dec.write(await readFile(file)) + dec.end()).replace(/^\uFEFF/, '');
  let docs: Array<{ doc: unknown; line: number }>;
  let format: 'json' | 'jsonl' = 'json';
  try {
    docs = [{ doc: JSON.parse(text), line: 1 }];
  } catch (whole) {
    const lines = text.split('\n');
    if (lines.filter((l) => l.trim() !== '').length < 2) {
      throw new InputError(file, undefined, `not valid JSON: ${(whole as Error).message}`);
    }
    format = 'jsonl';
    docs = [];
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      try {
        docs.push({ doc: JSON.parse(l), line: i + 1 });
      } catch (e) {
        onProblem(i + 1, new RowError(`not valid JSON: ${(e as Error).message}`));
      }
    });
  }
  let rows = 0;
  for (const { doc, line } of docs) {
    const orders = ordersIn(doc);
    orders.forEach((o, i) => {
      rows++;
      const at = format === 'jsonl' ? line : i + 1;
      try {
        readOrder(o, file, at, sink, hint);
      } catch (e) {
        onProblem(at, e);
      }
    });
  }
  if (rows === 0 && docs.length > 0) {
    throw new InputError(file, undefined, 'JSON without orders: expected an Orders API response (orders[], payload.Orders[]) or a list of orders');
  }
  return { rows, format };
}
