import { canonicalCarrier } from '../knowledge/carriers.js';
import { createClassifier } from '../knowledge/events.js';
import type { Field } from '../knowledge/headers.js';
import { ByteKeys, type ByteRow } from './byte-rows.js';
import type { FieldIndex } from './detect.js';
import {
  mangledBySpreadsheet,
  recognizeTrackingNumber,
  normalizeTrackingNumber,
} from '../knowledge/tracking-numbers.js';
import { SPREADSHEET_DAMAGE } from './confirmations.js';
import { abbreviationRegion, createZoneInferrer, type AbbreviationRegion } from '../knowledge/zones.js';
import { midnightAsDay } from './time.js';
import type { Classification, TrackingEvent } from '../model/records.js';
import type { Stamp, ZoneHint } from '../model/timestamp.js';
import { dateTimeStamp, optionalStamp, RowError, type ReadOptions, type RecordSink } from './context.js';
import { Row } from './row.js';
import type { InputReport } from './types.js';
import { countUnclassified } from './bounds.js';

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

function eventTime(
  row: Row,
  hint: ZoneHint,
  dayFirst: (f: string) => boolean | undefined,
  region?: AbbreviationRegion,
): Stamp {
  const date = row.get('eventDate');
  const time = row.get('eventTime');
  if (date !== undefined) {
    const clock = row.get('eventClock') ?? time;
    const at = dateTimeStamp(date, clock, 'event time', hint, dayFirst('eventDate'), row.get('utcOffset'), region);
    // A date cell written out with midnight and no time beside it is the day of the scan.
    return clock?.trim() ? at : midnightAsDay(at);
  }
  const at = optionalStamp(time, 'event time', hint, dayFirst('eventTime'), row.get('utcOffset'), region);
  if (!at) throw new RowError('event time is empty');
  return midnightAsDay(at);
}

export function locationOf(row: Row): string | undefined {
  const loc = row.get('location');
  if (loc !== undefined) return loc;
  const parts = [
    row.get('city'),
    [row.get('state'), row.get('postalCode')].filter(Boolean).join(' '),
    row.get('country'),
  ].filter((p) => p !== undefined && p !== '');
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

/** What a row's event text, status code, place and carrier column say: worked out once per distinct set. */
interface Described {
  statusCode: string | undefined;
  description: string | undefined;
  location: string | undefined;
  /** The carrier column's text. */
  column: string | undefined;
  hint: ZoneHint;
  /** The verdict, for the carrier it was last asked for. */
  verdictFor?: string;
  verdict?: Classification;
  /** Whose zone abbreviations the row's time is read by, for the carrier it was last asked for. */
  regionFor?: string;
  region?: AbbreviationRegion;
}

const NO_CARRIER = '\u0000none';

/** The fields a byte reader decodes once per distinct value (see Described) and those it decodes per row. */
const DESCRIPTIVE: readonly Field[] = [
  'statusCode',
  'description',
  'location',
  'city',
  'state',
  'postalCode',
  'country',
  'carrier',
];
const TIME: readonly Field[] = ['eventTime', 'eventDate', 'eventClock', 'utcOffset'];

/**
 * Event-level exports: one row per scan. `rows` reads a row of text cells; `bytes` reads a row in its
 * bytes, decoding the number when it changes, the event, place and carrier once per distinct set of them
 * (remembered by their bytes), and the time per row, then hands the texts to the same steps as `rows`.
 */
export function trackingEventReaders(
  sink: RecordSink,
  report: InputReport,
  opts: ReadOptions,
  dayFirst: (f: string) => boolean | undefined,
  index: FieldIndex,
) {
  const classify = createClassifier(opts.events, { acceptancePendingIsPossession: opts.acceptancePendingIsPossession });
  const zoneOf = eventZoneResolver(opts);
  const carrierOf = carrierGuesser();
  // An export lists a package's events together: the number is checked and normalised once per package.
  let lastRaw = '';
  let lastNumber = '';
  const numberOf = (row: Row): string => {
    const raw = row.require('trackingNumber', 'tracking number');
    if (raw !== lastRaw) {
      if (mangledBySpreadsheet(raw)) throw new RowError(SPREADSHEET_DAMAGE(raw));
      lastNumber = normalizeTrackingNumber(raw);
      lastRaw = raw;
    }
    return lastNumber;
  };
  const describe = (row: Row): Described => {
    const statusCode = row.get('statusCode');
    const description = row.get('description') ?? statusCode;
    const location = locationOf(row);
    return { statusCode, description, location, column: row.get('carrier'), hint: zoneOf(location, description) };
  };
  const verdictOf = (d: Described, carrier: string | undefined): Classification => {
    const key = carrier ?? NO_CARRIER;
    if (d.verdictFor !== key) {
      d.verdict = classify({ description: d.description!, code: d.statusCode, carrier });
      d.verdictFor = key;
    }
    return d.verdict!;
  };
  const event = (trackingNumber: string, d: Described, row: Row, file: string, line: number) => {
    const { description, statusCode, location } = d;
    if (description === undefined) throw new RowError('event has neither a description nor a status code');
    const carrier = carrierOf(trackingNumber, d.column);
    const key = carrier ?? NO_CARRIER;
    if (d.regionFor !== key) {
      d.region = abbreviationRegion(carrier, d.hint);
      d.regionFor = key;
    }
    const at = eventTime(row, d.hint, dayFirst, d.region);
    const cls = verdictOf(d, carrier);
    if (cls.class === 'unknown') countUnclassified(report, description);
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

  const rows = (row: Row, file: string, line: number) => event(numberOf(row), describe(row), row, file, line);

  const numberAt = index.trackingNumber!;
  const descriptive = DESCRIPTIVE.map((f) => index[f]).filter((i) => i !== undefined);
  const times = TIME.map((f) => index[f]).filter((i) => i !== undefined);
  const last = Math.max(numberAt, ...descriptive, ...times);
  const described = new ByteKeys<Described>(descriptive);
  // Texts of this row's cells, filled as they are decoded; the steps above read them through a Row.
  const text = new Row(index);
  let number = '';
  let numberBytes: Uint8Array = new Uint8Array(64);
  let numberLength = -1;
  const bytes = (row: ByteRow, file: string, line: number) => {
    if (text.cells.length !== row.count) text.cells = new Array<string>(row.count).fill('');
    const cells = text.cells;
    if (row.count <= last) {
      // A short row: the text way names the missing column.
      for (let i = 0; i < row.count; i++) cells[i] = row.text(i);
      return rows(text, file, line);
    }
    if (!row.same(numberAt, numberBytes, numberLength)) {
      cells[numberAt] = row.text(numberAt);
      number = numberOf(text);
      numberBytes = row.copy(numberAt, numberBytes);
      numberLength = row.ends[numberAt] - row.starts[numberAt];
    }
    let d = described.get(row);
    if (d === undefined) {
      for (const i of descriptive) cells[i] = row.text(i);
      d = describe(text);
      described.set(row, d);
    }
    for (const i of times) cells[i] = row.text(i);
    event(number, d, text, file, line);
  };
  return { rows, bytes };
}
