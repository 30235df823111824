import { canonicalCarrier } from '../knowledge/carriers.js';
import { createClassifier } from '../knowledge/events.js';
import { mangledBySpreadsheet, recognizeTrackingNumber, normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import { SPREADSHEET_DAMAGE } from './confirmations.js';
import { createZoneInferrer } from '../knowledge/zones.js';
import type { TrackingEvent } from '../model/records.js';
import type { Stamp, ZoneHint } from '../model/timestamp.js';
import { dateTimeStamp, optionalStamp, RowError, type ReadOptions, type RecordSink } from './context.js';
import type { Row } from './row.js';
import type { InputReport } from './types.js';

/**
 * Where a scan's local time is placed when the row has no offset: the file's configured zone; else the
 * zone its location or language tells (Chinese events → Asia/Shanghai, "CITY, CA 90001" → Los Angeles);
 * else the marketplace zone, marked as assumed so the evidence says so.
 */
export function eventZoneResolver(opts: ReadOptions) {
  if (opts.fileZone) {
    const fixed: ZoneHint = { zone: opts.fileZone, source: 'setting', note: 'file setting in config' };
    return () => fixed;
  }
  const infer = createZoneInferrer();
  const assumed: ZoneHint = {
    zone: opts.marketplaceZone.zone,
    source: 'assumed',
    note: 'no offset, location or language in the row; marketplace zone used',
  };
  return (location: string | undefined, description: string | undefined) => infer({ location, description }) ?? assumed;
}

export function eventTime(row: Row, hint: ZoneHint, dayFirst: (f: string) => boolean | undefined): Stamp {
  const date = row.get('eventDate');
  const time = row.get('eventTime');
  if (date !== undefined) {
    return dateTimeStamp(date, row.get('eventClock') ?? time, 'event time', hint, dayFirst('eventDate'), row.get('utcOffset'));
  }
  const at = optionalStamp(time, 'event time', hint, dayFirst('eventTime'));
  if (!at) throw new RowError('event time is empty');
  return at;
}

export function locationOf(row: Row): string | undefined {
  const loc = row.get('location');
  if (loc !== undefined) return loc;
  const parts = [row.get('city'), [row.get('state'), row.get('postalCode')].filter(Boolean).join(' '), row.get('country')].filter(
    (p) => p !== undefined && p !== '',
  );
  return parts.length ? parts.join(', ') : undefined;
}

/** Remembers the carrier guessed for the last number: an export lists a package's events together. */
export function carrierGuesser() {
  let lastNumber = '';
  let lastCarrier: string | undefined;
  let lastColumn: string | undefined;
  let lastCanonical: string | undefined;
  return (trackingNumber: string, column: string | undefined): string | undefined => {
    if (column !== undefined) {
      // A carrier column repeats one or two names: look a name up once per change, not per row.
      if (column !== lastColumn) {
        lastColumn = column;
        lastCanonical = canonicalCarrier(column) ?? column;
      }
      return lastCanonical;
    }
    if (trackingNumber !== lastNumber) {
      lastNumber = trackingNumber;
      lastCarrier = recognizeTrackingNumber(trackingNumber).carrier;
    }
    return lastCarrier;
  };
}

/** Event-level exports: one row per scan. */
export function trackingEventRowReader(sink: RecordSink, report: InputReport, opts: ReadOptions, dayFirst: (f: string) => boolean | undefined) {
  const classify = createClassifier(opts.events, { acceptancePendingIsPossession: opts.acceptancePendingIsPossession });
  const zoneOf = eventZoneResolver(opts);
  const carrierOf = carrierGuesser();
  // An export lists a package's events together: the number is checked and normalised once per package.
  let lastRaw = '';
  let lastNumber = '';
  return (row: Row, file: string, line: number) => {
    const raw = row.require('trackingNumber', 'tracking number');
    if (raw !== lastRaw) {
      if (mangledBySpreadsheet(raw)) throw new RowError(SPREADSHEET_DAMAGE(raw));
      lastNumber = normalizeTrackingNumber(raw);
      lastRaw = raw;
    }
    const trackingNumber = lastNumber;
    const statusCode = row.get('statusCode');
    const description = row.get('description') ?? statusCode;
    if (description === undefined) throw new RowError('event has neither a description nor a status code');
    const location = locationOf(row);
    const carrier = carrierOf(trackingNumber, row.get('carrier'));
    const at = eventTime(row, zoneOf(location, description), dayFirst);
    const cls = classify({ description, code: statusCode, carrier });
    if (cls.class === 'unknown') report.unclassified[description] = (report.unclassified[description] ?? 0) + 1;
    const ev: TrackingEvent = {
      trackingNumber,
      at,
      description,
      code: statusCode,
      location,
      carrier,
      class: cls.class,
      possession: cls.possession,
      rule: cls.rule,
      source: { file, line },
    };
    sink.event?.(ev);
  };
}
