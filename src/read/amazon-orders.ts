import { channel, orderStatus, REPORT_CHANNEL } from '../knowledge/amazon.js';
import type { OrderRecord } from '../model/records.js';
import type { ZoneHint } from '../model/timestamp.js';
import { optionalStamp, orderIdOf, type OrderZone, type RecordSink } from './context.js';
import type { Row } from './row.js';
import type { InputKind } from './types.js';

/**
 * All Orders, Order report, Unshipped Orders and Amazon Fulfilled Shipments: one row per order item (or
 * shipment item). Rows are passed on as they are; the audit merges the items of an order.
 */
export function orderRowReader(
  kind: InputKind,
  sink: RecordSink,
  marketHint: ZoneHint,
  dayFirst: (f: string) => boolean | undefined,
  perOrder?: OrderZone,
) {
  // A report of one channel says so for every row (knowledge/amazon.ts).
  const reportChannel = REPORT_CHANNEL[kind];
  return (row: Row, file: string, line: number) => {
    const orderId = orderIdOf(row);
    const hint = perOrder?.(orderId) ?? marketHint;
    const statusRaw = row.get('orderStatus') ?? row.get('itemStatus');
    const ch = row.get('fulfillmentChannel');
    const qty = row.get('quantity');
    const toShip = row.get('quantityToShip');
    // The earliest ship date (Order report) is not parsed: nothing downstream reads it, and a row has
    // millions of siblings in a year's report. Of three times per row, the two that are kept are read.
    const rec: OrderRecord = {
      orderId,
      purchasedAt: optionalStamp(row.get('purchaseDate'), 'purchase date', hint, dayFirst('purchaseDate')),
      // In the Unshipped report the promise date is the date by which the order must ship.
      latestShipDate: optionalStamp(
        row.get('latestShipDate') ?? row.get('promiseDate'),
        'latest ship date',
        hint,
        dayFirst('latestShipDate'),
      ),
      status: statusRaw ? orderStatus(statusRaw) : kind === 'unshipped-orders' ? 'unshipped' : undefined,
      statusRaw,
      channel: reportChannel ?? (ch ? channel(ch) : undefined),
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

/**
 * Amazon's order reports split an order over several lines when it does not fit on one ("such as when
 * several promotions were applied"), marking the extra lines by leaving most columns blank, the order id
 * among them. Such a line after a record continues it: it is no order and no problem.
 */
export const PROMOTION_CONTINUATION = 'promotion continuation lines';

/** Is this row (its cells, the order id's column) a continuation line? A row shorter than that column is. */
export function isContinuationLine(cells: readonly string[], orderIdColumn: number | undefined): boolean {
  if (orderIdColumn === undefined) return false;
  return orderIdColumn >= cells.length || cells[orderIdColumn].trim() === '';
}
