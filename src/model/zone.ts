import { tzOffset } from '@date-fns/tz';

/**
 * Zone arithmetic shared by the time parser, the audit and the reporters: instants ↔ wall clocks in an IANA
 * zone or a fixed offset. Pure computation, no I/O.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Zones. Offsets come from Intl (through @date-fns/tz) once per zone and UTC hour; a file of millions of rows
// spans a few thousand hours, so Intl is asked a few thousand times, not millions.

/** `+08:00`, `-0500`, `+8`, `GMT-05:00`, `Z`, `UTC`. */
export const OFFSET = String.raw`(?:(Z|UTC|GMT)|(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)`;
const OFFSET_RE = new RegExp(`^${OFFSET}$`, 'i');
export const MAX_OFFSET_HOURS = 18;

/** Minutes east of UTC for a fixed-offset text, or undefined when it isn't one (or is out of range). */
export function fixedOffset(
  word: string | undefined,
  sign: string | undefined,
  hh: string | undefined,
  mm: string | undefined,
) {
  if (word) return 0;
  const h = Number(hh);
  const m = mm ? Number(mm) : 0;
  if (h > MAX_OFFSET_HOURS || m > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (h * 60 + m) || 0;
}

export function parseOffset(text: string): number | undefined {
  const m = OFFSET_RE.exec(text.trim());
  return m ? fixedOffset(m[1], m[2], m[3], m[4]) : undefined;
}

const offsetNames = new Map<number, string>();
/** `+08:00` style; the zone of a stamp whose text carried a numeric offset. */
export function offsetName(minutes: number): string {
  let name = offsetNames.get(minutes);
  if (name === undefined) {
    const a = Math.abs(minutes);
    name = `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
    offsetNames.set(minutes, name);
  }
  return name;
}

interface ZoneData {
  /** Minutes east of UTC for fixed-offset zones (`+08:00`, `UTC`). */
  fixed: number | undefined;
  /** UTC hour number → offset in minutes; NaN marks an hour with a change inside it. */
  hours: Map<number, number>;
  /** UTC day number → offset in minutes; NaN marks a day with a change inside it (its hours are probed). */
  utcDays: Map<number, number>;
  /**
   * Wall-clock day number → the offset every reading of that day is placed with, or NaN when a change is
   * near enough to matter. A file's readings fall on a few hundred days; this spares each one the probes.
   */
  days: Map<number, number>;
}
const zones = new Map<string, ZoneData>();
const HOURS_KEPT_PER_ZONE = 100_000;
let lastZone = '';
let lastData: ZoneData | undefined;

function zoneData(zone: string): ZoneData {
  if (zone === lastZone && lastData) return lastData;
  let data = zones.get(zone);
  if (!data) {
    const fixed = parseOffset(zone);
    if (fixed === undefined && !intlKnows(zone)) throw new RangeError(`unknown time zone "${zone}"`);
    data = { fixed, hours: new Map(), utcDays: new Map(), days: new Map() };
    zones.set(zone, data);
  }
  lastZone = zone;
  lastData = data;
  return data;
}

function intlKnows(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name known to this runtime, or a fixed offset such as `+08:00` or `UTC`. */
export function isValidZone(zone: string): boolean {
  return zone.trim() !== '' && (parseOffset(zone) !== undefined || intlKnows(zone));
}

/** Minutes east of UTC in `zone` at the instant `utcMs`. */
export function offsetAt(zone: string, utcMs: number): number {
  const data = zoneData(zone);
  if (data.fixed !== undefined) return data.fixed;
  const hour = Math.floor(utcMs / HOUR);
  let offset = data.hours.get(hour);
  if (offset === undefined) {
    // A day without a change has its offset in every hour: Intl is asked twice per day, not per hour
    // (a month's audit spans a few thousand hours in several zones; each question costs microseconds).
    offset = steadyUtcDay(data, zone, Math.floor(hour / 24));
    if (Number.isNaN(offset)) {
      const first = tzOffset(zone, new Date(hour * HOUR));
      offset = first === tzOffset(zone, new Date(hour * HOUR + HOUR - 1)) ? first : NaN;
    }
    if (data.hours.size >= HOURS_KEPT_PER_ZONE) data.hours.clear();
    data.hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? tzOffset(zone, new Date(utcMs)) : offset;
}

/**
 * The offset of every moment of a UTC day, or NaN when it differs at the day's two ends. The same at both
 * ends is the same throughout, as no zone changes its offset twice within a day (wallToInstant assumes no
 * more than that).
 */
function steadyUtcDay(data: ZoneData, zone: string, day: number): number {
  let offset = data.utcDays.get(day);
  if (offset === undefined) {
    const first = tzOffset(zone, new Date(day * DAY));
    offset = first === tzOffset(zone, new Date(day * DAY + DAY - 1)) ? first : NaN;
    if (data.utcDays.size >= DAYS_KEPT_PER_ZONE) data.utcDays.clear();
    data.utcDays.set(day, offset);
  }
  return offset;
}

/**
 * The instant a wall-clock reading names in `zone`; `wallMs` is that reading computed as if it were UTC.
 * - Gap (spring forward: 2024-03-10 02:30 does not exist in Los Angeles): read with the offset before the
 *   change, which moves it forward by the gap (→ 03:30 PDT), as Temporal's "compatible" and most libraries
 *   do. Feeds that ignore DST write such times; rejecting the scan would lose evidence.
 * - Overlap (fall back: 2024-11-03 01:30 happens twice): the earlier instant (01:30 PDT), again "compatible".
 * Assumes no zone changes its offset twice within a day either side of the reading.
 */
export function wallToInstant(wallMs: number, zone: string): number {
  const data = zoneData(zone);
  if (data.fixed !== undefined) return wallMs - data.fixed * MINUTE;
  const steady = steadyOffset(data, zone, Math.floor(wallMs / DAY));
  return Number.isNaN(steady) ? probedInstant(wallMs, zone) : wallMs - steady;
}

/** wallToInstant's rule for an IANA zone, worked out for this one reading (no per-day answer). */
export function probedInstant(wallMs: number, zone: string): number {
  const before = offsetAt(zone, wallMs - DAY) * MINUTE;
  const after = offsetAt(zone, wallMs + DAY) * MINUTE;
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyHolds = offsetAt(zone, early) * MINUTE === before;
  const lateHolds = offsetAt(zone, late) * MINUTE === after;
  if (earlyHolds && lateHolds) return Math.min(early, late);
  if (lateHolds) return late;
  return early; // the reading holds under neither offset: a gap
}

/**
 * The offset (ms) that wallToInstant finds for every reading of wall-clock day `day`, or NaN. Its probes for
 * a reading lie a day either side, so they all fall within [day − 1, day + 2). When the offset is the same
 * at both ends of that window it is the same throughout, under the assumption wallToInstant already makes
 * (no zone changes its offset twice within a few days).
 */
function steadyOffset(data: ZoneData, zone: string, day: number): number {
  let steady = data.days.get(day);
  if (steady === undefined) {
    const from = offsetAt(zone, (day - 1) * DAY);
    steady = from === offsetAt(zone, (day + 2) * DAY - 1) ? from * MINUTE : NaN;
    if (data.days.size >= DAYS_KEPT_PER_ZONE) data.days.clear();
    data.days.set(day, steady);
  }
  return steady;
}
const DAYS_KEPT_PER_ZONE = 100_000;

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * ISO 8601 with the zone's offset at that instant, to the second: `2024-10-03T07:12:45-07:00`. Joined from
 * an array rather than concatenated: concatenation leaves a tree of pieces, and a large audit's findings
 * keep hundreds of thousands of these texts; joined, each is one flat string (bench/RESULTS.md, "Comment
 * figures moved here").
 */
export function formatInZone(epochMs: number, zone: string): string {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const offset = Math.round(offsetAt(zone, seconds));
  // The wall clock as whole seconds: its day's text from a table (the audit writes several times per
  // finding, and they fall on a few hundred days), the time of day by arithmetic, no Date per call.
  const wall = seconds + offset * MINUTE;
  const day = Math.floor(wall / DAY);
  const s = (wall - day * DAY) / 1000;
  return [
    dayText(day),
    'T',
    pad2(Math.floor(s / 3600)),
    ':',
    pad2(Math.floor(s / 60) % 60),
    ':',
    pad2(s % 60),
    offsetName(offset),
  ].join('');
}

const dayTexts = new Map<number, string>();
/** YYYY-MM-DD of a day number since 1970-01-01 (UTC). */
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = ymd(new Date(day * DAY));
    if (dayTexts.size >= DAYS_KEPT_PER_ZONE) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

/** The calendar day (YYYY-MM-DD) of an instant in `zone`. */
export function localDateInZone(epochMs: number, zone: string): string {
  return ymd(new Date(epochMs + offsetAt(zone, epochMs) * MINUTE));
}

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant of a calendar day in `zone` (01:00 where midnight falls in a DST gap). */
export function startOfLocalDay(localDate: string, zone: string): number {
  const m = LOCAL_DATE_RE.exec(localDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date "${localDate}"`);
  return wallToInstant(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), zone);
}
