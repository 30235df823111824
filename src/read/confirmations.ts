import { canonicalCarrier } from '../knowledge/carriers.js';
import { mangledBySpreadsheet, normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { ConfirmationRecord } from '../model/records.js';
import type { ZoneHint } from '../model/timestamp.js';
import { optionalStamp, orderIdOf, RowError, spreadsheetDamage, type OrderZone, type RecordSink } from './context.js';
import type { Row } from './row.js';

export const SPREADSHEET_DAMAGE = (raw: string) => spreadsheetDamage('tracking number', raw);

/** Amazon's carrier-code for "look at carrier-name instead". */
const OTHER_CARRIER = /^other$/i;

/** Shipping-confirmation uploads and ERP exports: one row per confirmed item or package. */
export function confirmationRowReader(
  sink: RecordSink,
  fileHint: ZoneHint,
  dayFirst: (f: string) => boolean | undefined,
  perOrder?: OrderZone,
) {
  return (row: Row, file: string, line: number) => {
    const orderId = orderIdOf(row);
    const hint = perOrder?.(orderId) ?? fileHint;
    const shipDate = row.get('shipDate');
    if (shipDate === undefined) throw new RowError('ship date is empty: a confirmation needs the moment it was made');
    const code = row.get('carrierCode');
    const name = row.get('carrierName');
    const carrierRaw = code && !OTHER_CARRIER.test(code) ? code : (name ?? code);
    const trackingRaw = row.get('trackingNumber');
    if (trackingRaw !== undefined && mangledBySpreadsheet(trackingRaw))
      throw new RowError(SPREADSHEET_DAMAGE(trackingRaw));
    const qty = row.get('quantity');
    const rec: ConfirmationRecord = {
      orderId,
      orderItemId: row.get('orderItemId'),
      quantity: qty !== undefined && /^\d+$/.test(qty) ? Number(qty) : undefined,
      confirmedAt: optionalStamp(shipDate, 'ship date', hint, dayFirst('shipDate')),
      carrier: canonicalCarrier(carrierRaw) ?? carrierRaw,
      carrierRaw,
      trackingNumber: trackingRaw ? normalizeTrackingNumber(trackingRaw) : '',
      trackingRaw,
      shipMethod: row.get('shipMethod'),
      source: { file, line },
    };
    sink.confirmation?.(rec);
  };
}
