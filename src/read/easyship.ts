import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { PackageSummary } from '../model/records.js';
import type { ZoneHint } from '../model/timestamp.js';
import { optionalStamp, type RecordSink } from './context.js';
import type { Row } from './row.js';
import { carrierGuesser } from './tracking-events.js';

/**
 * Easy Ship "picked up" report (GET_EASYSHIP_PICKEDUP): one row per order item that Amazon's Easy Ship
 * carrier collected from the seller. Its picked-up-date is a hand-over the carrier recorded, so each row
 * becomes a package summary whose first physical scan is that moment (the summary's source names the file
 * and line). The same tracking-id on several item rows is one package; the audit keeps its earliest time.
 */
export function easyShipRowReader(sink: RecordSink, hint: ZoneHint, dayFirst: (f: string) => boolean | undefined) {
  const carrierOf = carrierGuesser();
  return (row: Row, file: string, line: number) => {
    const trackingNumber = normalizeTrackingNumber(row.require('trackingNumber', 'tracking-id'));
    const summary: PackageSummary = {
      trackingNumber,
      carrier: carrierOf(trackingNumber, row.get('carrier')),
      firstScanAt: optionalStamp(
        row.require('firstScan', 'picked-up-date'),
        'picked-up-date',
        hint,
        dayFirst('firstScan'),
      ),
      source: { file, line },
    };
    sink.package?.(summary);
  };
}
