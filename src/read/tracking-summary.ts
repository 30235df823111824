import { createClassifier } from '../knowledge/events.js';
import { abbreviationRegion } from '../knowledge/zones.js';
import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import type { PackageSummary } from '../model/records.js';
import { optionalStamp, type ReadOptions, type RecordSink } from './context.js';
import { countUnclassified } from './bounds.js';
import type { InputReport } from './types.js';
import type { Row } from './row.js';
import { midnightAsDay } from './time.js';
import type { Stamp } from '../model/timestamp.js';
import { carrierGuesser, eventZoneResolver, locationOf } from './tracking-events.js';

/**
 * One row per package. Only a pickup / first-scan column says when the carrier got the parcel; a status
 * alone ("InTransit") proves possession at some time, not when.
 */
export function trackingSummaryRowReader(
  sink: RecordSink,
  report: InputReport,
  opts: ReadOptions,
  dayFirst: (f: string) => boolean | undefined,
) {
  const classify = createClassifier(opts.events, { acceptancePendingIsPossession: opts.acceptancePendingIsPossession });
  const zoneOf = eventZoneResolver(opts);
  const carrierOf = carrierGuesser();
  return (row: Row, file: string, line: number) => {
    const trackingNumber = normalizeTrackingNumber(row.require('trackingNumber', 'tracking number'));
    const status = row.get('status');
    const latestEvent = row.get('latestEvent');
    const carrier = carrierOf(trackingNumber, row.get('carrier'));
    const hint = zoneOf(locationOf(row), latestEvent ?? status);
    const region = abbreviationRegion(carrier, hint);
    const stamp = (field: 'firstScan' | 'latestEventTime', what: string) =>
      optionalStamp(row.get(field), what, hint, dayFirst(field), undefined, region);
    const statusClass = status !== undefined ? classify({ description: status, code: status, carrier }) : undefined;
    // A status no table entry knows is listed for the user like an unknown event text, never guessed.
    if (status !== undefined && statusClass?.class === 'unknown') countUnclassified(report, status);
    const summary: PackageSummary = {
      trackingNumber,
      carrier,
      status,
      statusClass,
      firstScanAt: dayOf(stamp('firstScan', 'first scan')),
      latestEvent,
      latestEventAt: stamp('latestEventTime', 'latest event time'),
      source: { file, line },
    };
    sink.package?.(summary);
  };
}

/** A pickup column's midnight with no offset is the pickup day (see midnightAsDay). */
function dayOf(stamp: Stamp | undefined): Stamp | undefined {
  return stamp && midnightAsDay(stamp);
}
