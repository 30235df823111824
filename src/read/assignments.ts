import { canonicalCarrier } from '../knowledge/carriers.js';
import { mangledBySpreadsheet, normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { AssignmentRecord } from '../model/records.js';
import { SPREADSHEET_DAMAGE } from './confirmations.js';
import { orderIdOf, RowError, type RecordSink } from './context.js';
import type { Row } from './row.js';

/** Amazon's carrier-code for "look at carrier-name instead". */
const OTHER_CARRIER = /^other$/i;

/**
 * Tracking numbers assigned to orders and not yet confirmed (order id, tracking number, carrier): the
 * confirmation gate's list of parcels to watch. A row without a number says nothing and is rejected.
 */
export function assignmentRowReader(sink: RecordSink) {
  return (row: Row, file: string, line: number) => {
    const orderId = orderIdOf(row);
    const trackingRaw = row.get('trackingNumber');
    if (trackingRaw === undefined) throw new RowError('tracking number is empty: nothing to watch for this order');
    if (mangledBySpreadsheet(trackingRaw)) throw new RowError(SPREADSHEET_DAMAGE(trackingRaw));
    const code = row.get('carrierCode');
    const name = row.get('carrierName');
    const carrierRaw = code && !OTHER_CARRIER.test(code) ? code : (name ?? code);
    const qty = row.get('quantity');
    const rec: AssignmentRecord = {
      orderId,
      orderItemId: row.get('orderItemId'),
      quantity: qty !== undefined && /^\d+$/.test(qty) ? Number(qty) : undefined,
      trackingNumber: normalizeTrackingNumber(trackingRaw),
      trackingRaw,
      carrier: carrierRaw === undefined ? undefined : (canonicalCarrier(carrierRaw) ?? carrierRaw),
      carrierRaw,
      shipMethod: row.get('shipMethod'),
      source: { file, line },
    };
    sink.assignment?.(rec);
  };
}
