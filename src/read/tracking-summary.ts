import { createClassifier } from '../knowledge/events.js';
import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { PackageSummary } from '../model/records.js';
import { optionalStamp, type ReadOptions, type RecordSink } from './context.js';
import { countUnclassified } from './bounds.js';
import type { InputReport } from './types.js';
import type { Row } from './row.js';
import { carrierGuesser, eventZoneResolver, locationOf } from './tracking-events.js';

/**
 * One row per package. Only a pickup / first-scan column says when the carrier got the parcel; a status
 * alone ("InTransit") proves possession at some time, not when.
 */
export function trackingSummaryRowReader(sink: RecordSink, report: InputReport, opts: ReadOptions, dayFirst: (f: string) => boolean | undefined) {
  const classify = createClassifier(opts.events, { acceptancePendingIsPossession: opts.acceptancePendingIsPossession });
  const zoneOf = eventZoneResolver(opts);
  const carrierOf = carrierGuesser();
  return (row: Row, file: string, line: number) => {
    const trackingNumber = normalizeTrackingNumber(row.require('trackingNumber', 'tracking number'));
    const status = row.get('status');
    const latestEvent = row.get('latestEvent');
    const carrier = carrierOf(trackingNumber, row.get('carrier'));
    const hint = zoneOf(locationOf(row), latestEvent ?? status);
    const statusClass = status !== undefined ? classify({ description: status, code: status, carrier }) : undefined;
    // A status no table entry knows is listed for the user like an unknown event text, never guessed.
    if (status !== undefined && statusClass?.class === 'unknown') countUnclassified(report, status);
    const summary: PackageSummary = {
      trackingNumber,
      carrier,
      status,
      statusClass,
      firstScanAt: optionalStamp(row.get('firstScan'), 'first scan', hint, dayFirst('firstScan')),
      latestEvent,
      latestEventAt: optionalStamp(row.get('latestEventTime'), 'latest event time', hint, dayFirst('latestEventTime')),
      source: { file, line },
    };
    sink.package?.(summary);
  };
}
