import { canonicalCarrier } from '../knowledge/carriers.js';
import { mangledBySpreadsheet, normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { ConfirmationRecord } from '../model/records.js';
import type { ZoneHint } from '../model/timestamp.js';
import { SPREADSHEET_DAMAGE } from './confirmations.js';
import { optionalStamp, RowError, type RecordSink } from './context.js';

/**
 * The order-fulfilment feed a seller (or its ERP) uploads as XML (feed type POST_ORDER_FULFILLMENT_DATA,
 * Amazon's OrderFulfillment.xsd inside an AmazonEnvelope): each `Message/OrderFulfillment` confirms the
 * shipment of an order, so it is read as confirmations, like the flat-file upload.
 *
 *   AmazonEnvelope / Message* / OrderFulfillment
 *     AmazonOrderID (or MerchantOrderID), FulfillmentDate,
 *     FulfillmentData { CarrierCode | CarrierName, ShippingMethod, ShipperTrackingNumber* },
 *     Item* { AmazonOrderItemCode, Quantity }
 *
 * The functions here work on the object fast-xml-parser makes of the file
 * (`new XMLParser({ ignoreAttributes: false, parseTagValue: false })`): elements are properties, a repeated
 * element an array, every value a string. They read nothing from disk.
 */

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An element's text: a string, or the `#text` of an element that also has attributes. */
const text = (v: unknown): string | undefined => {
  const t = isNode(v) ? v['#text'] : v;
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : typeof t === 'number' ? String(t) : undefined;
};
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Amazon's carrier code for "the name is in CarrierName". */
const OTHER_CARRIER = /^other$/i;

/** Why a message was left out on purpose (counted in the report, not a problem). */
const DELETED_MESSAGES = 'messages with OperationType Delete (no confirmation)';

/** Is this parsed XML document an AmazonEnvelope holding order-fulfilment messages? */
export function isFulfillmentFeed(doc: unknown): boolean {
  if (!isNode(doc) || !isNode(doc.AmazonEnvelope)) return false;
  const env = doc.AmazonEnvelope;
  return (
    text(env.MessageType) === 'OrderFulfillment' ||
    list(env.Message).some((m) => isNode(m) && m.OrderFulfillment !== undefined)
  );
}

/**
 * Reads the OrderFulfillment messages of a parsed feed into confirmations, one per tracking number (a
 * message with several ShipperTrackingNumber elements shipped several parcels). A message that can't be
 * used goes to `onProblem` with its line; the others are read on. `lines[i]`, when given, is the line the
 * (i+1)-th Message starts at in the file; without it a confirmation's line is the message's position.
 */
export function readFulfillmentFeed(
  doc: unknown,
  file: string,
  sink: RecordSink,
  hint: ZoneHint,
  onProblem: (line: number, err: unknown) => void,
  lines: readonly number[] = [],
  onSkip: (why: string) => void = () => {},
): { messages: number } {
  if (!isFulfillmentFeed(doc))
    throw new Error('readFulfillmentFeed: not an AmazonEnvelope of OrderFulfillment messages');
  const messages = list((doc as { AmazonEnvelope: Node }).AmazonEnvelope.Message);
  messages.forEach((m, i) => {
    const line = lines[i] ?? i + 1;
    try {
      if (isNode(m) && text(m.OperationType)?.toLowerCase() === 'delete') return onSkip(DELETED_MESSAGES);
      readMessage(m, file, line, sink, hint);
    } catch (e) {
      onProblem(line, e);
    }
  });
  return { messages: messages.length };
}

function readMessage(m: unknown, file: string, line: number, sink: RecordSink, hint: ZoneHint): void {
  const f = isNode(m) ? m.OrderFulfillment : undefined;
  if (!isNode(f)) throw new RowError('message without OrderFulfillment');
  const orderId = text(f.AmazonOrderID);
  if (!orderId) {
    const merchant = text(f.MerchantOrderID);
    throw new RowError(
      merchant
        ? `no AmazonOrderID (only MerchantOrderID ${merchant}, which joins no Amazon order)`
        : 'AmazonOrderID is empty',
    );
  }
  const date = text(f.FulfillmentDate);
  if (!date) throw new RowError('FulfillmentDate is empty: a confirmation needs the moment it was made');
  // Amazon: a FulfillmentDate without an offset is local time, i.e. the marketplace's (or the file setting's).
  const confirmedAt = optionalStamp(date, 'FulfillmentDate', hint, false);
  const data = isNode(f.FulfillmentData) ? f.FulfillmentData : {};
  const code = text(data.CarrierCode);
  const name = text(data.CarrierName);
  const carrierRaw = code && !OTHER_CARRIER.test(code) ? code : (name ?? code);
  const items = list(f.Item).filter(isNode);
  const quantities = items.map((it) => text(it.Quantity));
  const quantity = quantities.every((q) => q !== undefined && /^\d+$/.test(q))
    ? quantities.reduce((n, q) => n + Number(q), 0)
    : undefined;
  const numbers = list(data.ShipperTrackingNumber).map(text);
  if (numbers.length === 0) numbers.push(undefined);
  for (const trackingRaw of numbers) {
    if (trackingRaw !== undefined && mangledBySpreadsheet(trackingRaw))
      throw new RowError(SPREADSHEET_DAMAGE(trackingRaw));
    const one = numbers.length === 1;
    const rec: ConfirmationRecord = {
      orderId,
      // The items of a one-parcel message are that parcel's; a message of several parcels does not say which.
      orderItemId: one && items.length === 1 ? text(items[0].AmazonOrderItemCode) : undefined,
      quantity: one && items.length > 0 ? quantity : undefined,
      confirmedAt,
      carrier: carrierRaw === undefined ? undefined : (canonicalCarrier(carrierRaw) ?? carrierRaw),
      carrierRaw,
      trackingNumber: trackingRaw ? normalizeTrackingNumber(trackingRaw) : '',
      trackingRaw,
      shipMethod: text(data.ShippingMethod),
      source: { file, line },
    };
    sink.confirmation?.(rec);
  }
}

/** The 1-based line each `<Message>` element of a feed's text starts at, in document order. */
export function messageLines(xml: string): number[] {
  const out: number[] = [];
  let line = 1;
  let from = 0;
  for (const m of xml.matchAll(/<Message[\s>]/g)) {
    for (let i = from; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    from = m.index;
    out.push(line);
  }
  return out;
}
