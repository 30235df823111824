/**
 * A moment read from a file. The instant alone is not enough for an appeal: the evidence has to say what
 * the file actually said and on what assumption the instant was derived, so all of it travels together.
 */
export type Precision = 'datetime' | 'date';

/**
 * Where the zone of a timestamp came from, from most to least trustworthy.
 * - offset:   the text carried it (`Z`, `+08:00`)
 * - setting:  a per-file or config setting, or the marketplace zone given by the user
 * - inferred: from the row's location or language (a Chinese event → Asia/Shanghai, a US state → its zone)
 * - assumed:  nothing said anything; a default was used and the report says so
 */
export type ZoneSource = 'offset' | 'setting' | 'inferred' | 'assumed';

export interface Stamp {
  /** The text as it stood in the file (date and time columns joined by a space). */
  raw: string;
  /** Milliseconds since the epoch. For a date-only value: the start of that day in `zone`. */
  epochMs: number;
  precision: Precision;
  /** IANA zone name, or a fixed offset such as `+08:00` when the text carried one. */
  zone: string;
  zoneSource: ZoneSource;
  /** Why that zone, in words, e.g. `location "Shenzhen, CN"` or `--marketplace-tz`. */
  zoneNote?: string;
  /** The calendar day (YYYY-MM-DD) the text names, in `zone`. */
  localDate: string;
  /** Date precision only: the length of that day in `zone` (23, 24 or 25 hours around a DST change). */
  dayLengthMs?: number;
}

/** A zone decision a reader hands to the time parser for values that carry no offset. */
export interface ZoneHint {
  zone: string;
  source: Exclude<ZoneSource, 'offset'>;
  note?: string;
}

/** The latest instant that a stamp can stand for: for a date-only value, the last millisecond of its day. */
export function latestInstant(stamp: Stamp): number {
  return stamp.precision === 'date' ? stamp.epochMs + (stamp.dayLengthMs ?? 86_400_000) - 1 : stamp.epochMs;
}
