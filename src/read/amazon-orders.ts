import { channel, orderStatus } from '../knowledge/amazon.js';
import type { OrderRecord } from '../model/records.js';
import type { ZoneHint } from '../model/timestamp.js';
import { optionalStamp, type RecordSink } from './context.js';
import type { Row } from './row.js';
import type { InputKind } from './types.js';

/**
 * All Orders, Order report and Unshipped Orders: one row per order item. Rows are passed on as they are;
 * the audit merges the items of an order.
 */
export function orderRowReader(kind: InputKind, sink: RecordSink, hint: ZoneHint, dayFirst: (f: string) => boolean | undefined) {
  // Order report and Unshipped Orders list only seller-fulfilled orders.
  const implicitChannel = kind === 'all-orders' ? undefined : 'MFN';
  return (row: Row, file: string, line: number) => {
    const orderId = row.require('orderId', 'order id');
    const statusRaw = row.get('orderStatus') ?? row.get('itemStatus');
    const ch = row.get('fulfillmentChannel');
    const qty = row.get('quantity');
    const toShip = row.get('quantityToShip');
    const rec: OrderRecord = {
      orderId,
      purchasedAt: optionalStamp(row.get('purchaseDate'), 'purchase date', hint, dayFirst('purchaseDate')),
      earliestShipDate: optionalStamp(row.get('earliestShipDate'), 'earliest ship date', hint, dayFirst('earliestShipDate')),
      // In the Unshipped report the promise date is the date by which the order must ship.
      latestShipDate: optionalStamp(row.get('latestShipDate') ?? row.get('promiseDate'), 'latest ship date', hint, dayFirst('latestShipDate')),
      status: statusRaw ? orderStatus(statusRaw) : kind === 'unshipped-orders' ? 'unshipped' : undefined,
      statusRaw,
      channel: (ch ? channel(ch) : undefined) ?? implicitChannel,
      salesChannel: row.get('salesChannel'),
      shipServiceLevel: row.get('shipServiceLevel'),
      items: qty !== undefined && /^\d+$/.test(qty) ? Number(qty) : 1,
      awaitingShipment: kind === 'unshipped-orders' || undefined,
      orderItemId: row.get('orderItemId'),
      quantityToShip: toShip !== undefined && /^\d+$/.test(toShip) ? Number(toShip) : undefined,
      source: { file, line },
    };
    sink.order?.(rec);
  };
}
