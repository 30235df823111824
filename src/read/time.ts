import { readAbbreviation, type AbbreviationRegion } from '../knowledge/zones.js';
import type { Stamp, ZoneHint } from '../model/timestamp.js';
import { fixedOffset, MAX_OFFSET_HOURS, OFFSET, offsetName, pad2, parseOffset, wallToInstant } from '../model/zone.js';

import { isValidZone, localDateInZone as localDateOf, startOfLocalDay as startOfDayInZone } from '../model/zone.js';
import { ZONE_NAME_SUGGESTIONS } from '../knowledge/zones.js';

export { formatInZone, isValidZone, localDateInZone } from '../model/zone.js';

/**
 * Why a zone name typed in a setting can't be used, or undefined when it can: an IANA name such as
 * America/New_York, UTC, or a fixed offset such as +08:00. Abbreviations (EST, PST) are refused with the
 * zone they usually mean: a runtime takes "EST" as -05:00 all year, an hour off all summer.
 */
export function zoneNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  const meant = ZONE_NAME_SUGGESTIONS[trimmed.toUpperCase()];
  if (meant) return `"${name}" is an abbreviation, not a time zone: use an IANA name such as ${meant}`;
  return isValidZone(trimmed) ? undefined : `unknown time zone "${name}" (use an IANA name such as America/New_York)`;
}

/** The first instant of a calendar day (YYYY-MM-DD) in `zone`; bad text is a TimeParseError like any other. */
export function startOfLocalDay(localDate: string, zone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new TimeParseError(`not a YYYY-MM-DD date "${localDate}"`);
  if (!isCalendarDate(localDate)) {
    throw new TimeParseError(`"${localDate}" is not a real date (no such day in the calendar)`);
  }
  return startOfDayInZone(localDate, zone);
}

/** Whether a YYYY-MM-DD text names a day that exists (no 2026-02-30, no month 13). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Text that can't be read as a moment. The message names the text; the reader adds file and line. */
export class TimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeParseError';
  }
}

export interface ParseOptions {
  /** Zone for text that carries no offset. */
  hint: ZoneHint;
  /** The file's order of `a/b/yyyy` dates; undefined: decide per value, and refuse when both parts ≤ 12. */
  dayFirst?: boolean;
  /** A separate offset column value, e.g. UPS `-0500`; the text's own offset wins over it. */
  offset?: string;
  /** Who wrote the text, for zone abbreviations that mean different zones in different places (CST). */
  region?: AbbreviationRegion;
}

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Reading. Parsers fill these fields (one parse at a time, so one scratch record and no allocation per row),
// then build() checks the ranges and places the reading in a zone.

const f = {
  y: 0,
  mo: 0,
  d: 0,
  h: 0,
  mi: 0,
  s: 0,
  ms: 0,
  hasTime: false,
  /** Minutes east of UTC that the text carried; NaN when none. */
  offset: NaN,
  /** Zone name for that offset: `UTC` for Z/UTC/GMT, else `+08:00` style. */
  offsetZone: '',
};

function setDate(y: number, mo: number, d: number): void {
  f.y = y;
  f.mo = mo;
  f.d = d;
  setTime(0, 0, 0, 0);
  f.hasTime = false;
  f.offset = NaN;
}

function setTime(h: number, mi: number, s: number, ms: number): void {
  f.h = h;
  f.mi = mi;
  f.s = s;
  f.ms = ms;
  f.hasTime = true;
}

function unrecognised(raw: string): TimeParseError {
  return new TimeParseError(`unrecognised time ${timeShown(raw)}`);
}

/**
 * Words a written time may hold besides digits: months and weekdays (English), AM/PM, the ISO T and Z, UTC/GMT,
 * a zone abbreviation in capitals (PDT, AEST), "at" / "of"; in Chinese, the date and time characters.
 */
const TIME_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]m?|[tz]|st|nd|rd|th|utc|gmt|at|of|on)$/i;
const ZONE_LETTERS = /^[A-Z]{2,5}$/;
const CJK_TIME = /^[年月日时時分秒点點上下午星期周一二三四五六七日天]+$/u;

/**
 * A time that could not be read, as an error shows it: quoted when it looks like an attempt at a time; else
 * described, not shown. A shifted row puts a name or an address in the time's column, and errors never
 * quote personal data.
 */
function timeShown(raw: string): string {
  const words = raw.match(/[\p{L}]+/gu) ?? [];
  const timeLike = words.every((w) =>
    /^[a-z]+$/i.test(w) ? TIME_WORD.test(w) || ZONE_LETTERS.test(w) : CJK_TIME.test(w),
  );
  return timeLike && /\d/.test(raw)
    ? `"${raw}"`
    : `(${[...raw].length} characters of text, not shown: no date in them, and they may be personal data — a shifted row?)`;
}

function setOffset(
  raw: string,
  word: string | undefined,
  sign: string | undefined,
  hh: string | undefined,
  mm: string | undefined,
) {
  if (!word && !sign) return;
  const minutes = fixedOffset(word, sign, hh, mm);
  if (minutes === undefined) throw new TimeParseError(`impossible offset in "${raw}"`);
  f.offset = minutes;
  f.offsetZone = word ? 'UTC' : offsetName(minutes);
}

/** Two digits at i, or -1. */
function d2(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The hot path, by hand: `YYYY-MM-DD` (or `/`), optionally `[T ]HH:mm[:ss[.fff]]` and `Z`/`±HH[:]MM`.
 * Returns false for anything else; the general path reads the same forms, so false is never a verdict.
 */
function fastIso(t: string): boolean {
  const n = t.length;
  const sep = t.charCodeAt(4);
  if (n < 10 || (sep !== 45 && sep !== 47) || t.charCodeAt(7) !== sep) return false;
  const century = d2(t, 0);
  const year = d2(t, 2);
  const mo = d2(t, 5);
  const d = d2(t, 8);
  if (century < 0 || year < 0 || mo < 0 || d < 0) return false;
  setDate(century * 100 + year, mo, d);
  if (n === 10) return true;
  const t10 = t.charCodeAt(10);
  if ((t10 !== 84 && t10 !== 32) || n < 16 || t.charCodeAt(13) !== 58) return false;
  const h = d2(t, 11);
  const mi = d2(t, 14);
  if (h < 0 || mi < 0) return false;
  let i = 16;
  let s = 0;
  let ms = 0;
  if (t.charCodeAt(i) === 58) {
    s = d2(t, i + 1);
    if (s < 0) return false;
    i += 3;
    const c = t.charCodeAt(i);
    if (c === 46 || c === 44) {
      const from = ++i;
      for (let digit = t.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = t.charCodeAt(++i) - 48) {
        if (i - from < 3) ms = ms * 10 + digit;
      }
      if (i === from) return false;
      for (let k = i - from; k < 3; k++) ms *= 10;
    }
  }
  setTime(h, mi, s, ms);
  if (i === n) return true;
  const c = t.charCodeAt(i);
  if (c === 90 && i + 1 === n) {
    f.offset = 0;
    f.offsetZone = 'UTC';
    return true;
  }
  if (c !== 43 && c !== 45) return false;
  const oh = d2(t, i + 1);
  let j = i + 3;
  if (t.charCodeAt(j) === 58) j++;
  const om = j === n ? 0 : d2(t, j);
  if (oh < 0 || om < 0 || (j !== n && j + 2 !== n) || oh > MAX_OFFSET_HOURS || om > 59) return false;
  f.offset = (c === 45 ? -1 : 1) * (oh * 60 + om) || 0;
  f.offsetZone = offsetName(f.offset);
  return true;
}

/** Month names as carriers write them (USPS "January 25, 2012", "Sept. 5"). */
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function monthNamed(name: string, raw: string): number {
  const month = MONTHS[name.toLowerCase()];
  if (!month) throw unrecognised(raw);
  return month;
}

/** What may follow a date before its time: end, `T`, spaces or a comma. */
const THEN = String.raw`(?:$|T(?=\d)|[\s,]+)`;

interface DateForm {
  re: RegExp;
  /** Sets y/mo/d from the match, or throws. */
  read(m: RegExpExecArray, opts: ParseOptions, raw: string): void;
  /** Its times may come digits only (`HHMMSS`), as UPS writes them. */
  compactTime?: boolean;
}

const DATE_FORMS: DateForm[] = [
  // 2024-10-03, 2024/10/3, 2024.10.03: year first is never ambiguous
  {
    re: new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${THEN}`),
    read: (m) => setDate(+m[1], +m[3], +m[4]),
  },
  // 2024年10月3日 (Chinese and Japanese)
  {
    re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*/,
    read: (m) => setDate(+m[1], +m[2], +m[3]),
  },
  // 20120125 (UPS), whose times come as 185800
  {
    re: new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${THEN}`),
    read: (m) => setDate(+m[1], +m[2], +m[3]),
    compactTime: true,
  },
  // 10/03/2024 (US), 03.10.2024 (Europe): the order comes from the file, or from a part over 12
  {
    re: new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${THEN}`),
    read: (m, opts) => {
      const a = +m[1];
      const b = +m[3];
      const dayFirst = opts.dayFirst ?? (a > 12 ? true : b > 12 || a === b ? false : undefined);
      if (dayFirst === undefined) {
        const date = `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`;
        throw new TimeParseError(
          `ambiguous date "${date}": day and month can't be told apart (set "dateOrder" for this file)`,
        );
      }
      setDate(+m[4], dayFirst ? b : a, dayFirst ? a : b);
    },
  },
  // January 25, 2012 / Jan 25 2012 / Sept. 5th, 2012 (USPS)
  {
    re: new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${THEN}`, 'i'),
    read: (m, _, raw) => setDate(+m[3], monthNamed(m[1], raw), +m[2]),
  },
  // 25 January 2012, 25-Jan-2012
  {
    re: new RegExp(String.raw`^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-],?(\d{4})${THEN}`, 'i'),
    read: (m, _, raw) => setDate(+m[3], monthNamed(m[2], raw), +m[1]),
  },
];

/** `14:21`, `14:21:05.123`, `6:58 pm`, `下午 2:21`, each optionally followed by an offset. */
const TIME_RE = new RegExp(
  String.raw`^(?:(上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([ap])\.?m\.?)?\s*${OFFSET}?$`,
  'i',
);
/** UPS: `185800`, `1858`, `65800` (a leading zero lost to a spreadsheet). */
const COMPACT_TIME_RE = new RegExp(String.raw`^(\d{1,2})(\d{2})(\d{2})?\s*${OFFSET}?$`, 'i');

function readTime(text: string, compact: boolean, raw: string): void {
  let m = TIME_RE.exec(text);
  if (m) {
    let h = +m[2];
    const period = m[6]?.toLowerCase() ?? (m[1] === '上午' ? 'a' : m[1] === '下午' ? 'p' : undefined);
    if (period) {
      // "00:15 AM" occurs in exports and means what it says; 13 PM does not.
      if (h > 12) throw new TimeParseError(`impossible time "${raw}"`);
      h = (h % 12) + (period === 'p' ? 12 : 0);
    }
    const frac = m[5] ? +m[5].slice(0, 3).padEnd(3, '0') : 0;
    setTime(h, +m[3], m[4] ? +m[4] : 0, frac);
    setOffset(raw, m[7], m[8], m[9], m[10]);
    return;
  }
  m = compact ? COMPACT_TIME_RE.exec(text) : null;
  if (!m) throw unrecognised(raw);
  setTime(+m[1], +m[2], m[3] ? +m[3] : 0, 0);
  setOffset(raw, m[4], m[5], m[6], m[7]);
}

/** Reads the date at the start of `text`; returns what follows it, with the separator removed. */
function readDate(text: string, opts: ParseOptions, raw: string): { rest: string; compactTime: boolean } {
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    form.read(m, opts, raw);
    return { rest: text.slice(m[0].length), compactTime: form.compactTime ?? false };
  }
  throw unrecognised(raw);
}

function daysInMonth(y: number, mo: number): number {
  return mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((mo + (mo >> 3)) & 1);
}

interface CalendarDay {
  /** Its midnight as if the wall clock were UTC. */
  wallMs: number;
  localDate: string;
}
const calendarDays = new Map<number, CalendarDay>();

/** A file's millions of readings fall on a few hundred days: each day's text and midnight are made once. */
function calendarDay(y: number, mo: number, d: number): CalendarDay {
  const key = (y * 16 + mo) * 32 + d;
  let day = calendarDays.get(key);
  if (day === undefined) {
    day = { wallMs: Date.UTC(y, mo - 1, d), localDate: `${y}-${pad2(mo)}-${pad2(d)}` };
    if (calendarDays.size >= 100_000) calendarDays.clear();
    calendarDays.set(key, day);
  }
  return day;
}

/** A zone abbreviation after the time ("13:58 EST", "6:58 pm (CST)"): capitals only, so "pm" is never one. */
const ABBREVIATION_TAIL = /\s+\(?([A-Z]{2,5})\)?$/;

/** The abbreviation the text being parsed ended with (reset per parse): its reading, and the abbreviation. */
let abbreviation: { text: string; reading: NonNullable<ReturnType<typeof readAbbreviation>> } | undefined;

/** The text without a known zone abbreviation at its end, which is remembered for build(). */
function withoutAbbreviation(text: string, opts: ParseOptions): string {
  abbreviation = undefined;
  const last = text.charCodeAt(text.length - 1);
  if ((last < 65 || last > 90) && last !== 41) return text;
  const m = ABBREVIATION_TAIL.exec(text);
  const reading = m ? readAbbreviation(m[1], opts.region) : undefined;
  if (!m || !reading) return text;
  abbreviation = { text: m[1], reading };
  return text.slice(0, m.index);
}

/** An offset and an abbreviation in one text must agree ("-05:00 EST"); otherwise the text contradicts itself. */
function checkAbbreviation(raw: string): void {
  if (!abbreviation || Number.isNaN(f.offset)) return;
  const said = 'zone' in abbreviation.reading ? parseOffset(abbreviation.reading.zone) : undefined;
  if (said !== f.offset) {
    throw new TimeParseError(`the offset and the zone abbreviation "${abbreviation.text}" disagree in "${raw}"`);
  }
  abbreviation = undefined;
}

function build(raw: string, opts: ParseOptions): Stamp {
  const { y, mo, d, h, mi, s, ms } = f;
  // Date.UTC reads years below 100 as 19xx; such years are placeholders (0001-01-01) anyway.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new TimeParseError(`impossible date "${raw}"`);
  if (h > 23 || mi > 59 || s > 59) throw new TimeParseError(`impossible time "${raw}"`);
  const day = calendarDay(y, mo, d);
  const wall = day.wallMs + ((h * 60 + mi) * 60 + s) * 1000 + ms;
  const localDate = day.localDate;
  let zone: string;
  let zoneSource: Stamp['zoneSource'];
  let zoneNote: string | undefined;
  if (!Number.isNaN(f.offset)) {
    zone = f.offsetZone;
    zoneSource = 'offset';
  } else if (opts.offset?.trim()) {
    const minutes = parseOffset(opts.offset);
    if (minutes === undefined) throw new TimeParseError(`unrecognised offset "${opts.offset}"`);
    zone = offsetName(minutes);
    zoneSource = 'offset';
    zoneNote = `offset column "${opts.offset.trim()}"`;
  } else if (abbreviation && 'zone' in abbreviation.reading) {
    zone = abbreviation.reading.zone;
    zoneSource = 'offset';
    zoneNote = `zone abbreviation "${abbreviation.text}"`;
  } else {
    ({ zone, source: zoneSource, note: zoneNote } = opts.hint);
    if (abbreviation) {
      // Not decided by who wrote it: placed as if no zone were written, and the note says so.
      const { ambiguous } = abbreviation.reading as { ambiguous: string };
      const hint = `${zone}${zoneNote ? ` (${zoneNote})` : ''}`;
      zoneNote = `${abbreviation.text} is ambiguous (${ambiguous}); assumed ${hint}`;
    }
  }
  const epochMs = wallToInstant(wall, zone);
  if (f.hasTime)
    return { raw, epochMs, precision: 'datetime', zone, zoneSource, zoneNote, localDate, dayLengthMs: undefined };
  const dayLengthMs = wallToInstant(wall + DAY, zone) - epochMs;
  return { raw, epochMs, precision: 'date', zone, zoneSource, zoneNote, localDate, dayLengthMs };
}

/** One text holding a date and maybe a time (and maybe an offset). Blank text throws `empty time`. */
export function parseStamp(raw: string, opts: ParseOptions): Stamp {
  const text = raw.trim();
  if (!text) throw new TimeParseError('empty time');
  const bare = withoutAbbreviation(text, opts);
  if (!fastIso(bare)) {
    const { rest, compactTime } = readDate(bare, opts, text);
    if (rest) readTime(rest, compactTime, text);
  }
  checkAbbreviation(text);
  return build(text, opts);
}

/** Excel writes a date cell as "2024-10-03 00:00:00" even when the time sits in the next column. */
const MIDNIGHT_RE = /^(?:0{1,2}:00(?::00)?|12:00(?::00)?\s*AM)$/i;

/** A date column and a time column (USPS "January 25 2012" + "6:58 pm", UPS "20120125" + "185800"). */
export function parseDateAndTime(date: string, time: string | undefined, opts: ParseOptions): Stamp {
  const raw = `${date} ${time ?? ''}`.trim();
  const trimmed = time?.trim() ?? '';
  // The zone abbreviation ends the time column, or the date column when it holds the time too.
  const timeText = trimmed ? withoutAbbreviation(trimmed, opts) : '';
  const dateText = trimmed ? date.trim() : withoutAbbreviation(date.trim(), opts);
  if (!dateText) throw new TimeParseError(timeText ? `time ${timeShown(timeText)} without a date` : 'empty time');
  const { rest, compactTime } = readDate(dateText, opts, raw);
  if (timeText) {
    if (rest && !MIDNIGHT_RE.test(rest))
      throw new TimeParseError(
        `date ${timeShown(dateText)} already has a time, and a time column says ${timeShown(timeText)}`,
      );
    readTime(timeText, true, raw);
  } else if (rest) {
    readTime(rest, compactTime, raw);
  }
  checkAbbreviation(raw);
  return build(raw, opts);
}

/** A reading of exactly midnight, as a date-only value comes out of an API or a spreadsheet's date cell. */
const BARE_MIDNIGHT_RE = /[T ]0?0:00(?::00(?:\.0+)?)?$/;

/**
 * A carrier event or first-scan value written as midnight with no offset (a FedEx pickup
 * `2014-01-03T00:00:00` among events that carry offsets; a `Pickup Date` column of date cells) names a day,
 * not the first moment of it: the scan happened some time that day. Such a stamp becomes date-only, so the
 * audit compares it at day precision. A scan genuinely made at 00:00:00 loses its time of day, never its day.
 */
export function midnightAsDay(stamp: Stamp): Stamp {
  const { raw } = stamp;
  if (raw.charCodeAt(raw.length - 1) !== 48) return stamp;
  if (stamp.precision !== 'datetime' || stamp.zoneSource === 'offset') return stamp;
  if (!BARE_MIDNIGHT_RE.test(raw)) return stamp;
  const hint: ZoneHint = { zone: stamp.zone, source: stamp.zoneSource, note: stamp.zoneNote };
  return { ...parseStamp(stamp.localDate, { hint }), raw: stamp.raw };
}

const ORDER_RE = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}/;

/**
 * The day/month order a column's `a/b/yyyy` values reveal: a first part over 12 makes it day-first, a second
 * part over 12 month-first. Undefined when no value tells, or when values contradict each other (the column
 * is then not one consistent format, and guessing would move dates by months).
 */
export function detectDateOrder(samples: string[]): 'month-first' | 'day-first' | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const sample of samples) {
    const m = ORDER_RE.exec(sample);
    if (!m) continue;
    if (+m[1] > 12) dayFirst = true;
    if (+m[2] > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? undefined : dayFirst ? 'day-first' : 'month-first';
}

// ---------------------------------------------------------------------------------------------------------
// Times as tracking services give them: a zone text beside a local time, epoch numbers, and two readings of
// one moment (an epoch and a local text, or a UTC field beside a local one) that ought to agree.

/**
 * Minutes east of UTC that a zone text names, as services write it beside a local time: `GMT+8`, `GMT+0800`,
 * `GMT+08:00`, `GMT+0`, `UTC-5`, `+08:00`, `Z`. Blank (or absent) → undefined: the zone is not known.
 * Anything else is a TimeParseError, since a guess would move the time by hours.
 */
export function zoneTextOffset(text: string | null | undefined): number | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const minutes = parseOffset(t);
  if (minutes === undefined) throw new TimeParseError(`unrecognised time zone "${t}"`);
  return minutes;
}

/**
 * Below this an epoch number is seconds, at or above it milliseconds: 1e11 seconds is the year 5138, and
 * 1e11 milliseconds is March 1973, before any tracking service ran.
 */
const EPOCH_SECONDS_BELOW = 1e11;

/** Epoch seconds or milliseconds (a number or digits), told apart by magnitude → milliseconds. */
export function epochMillis(value: number | string): number {
  const n = typeof value === 'number' ? value : /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  // 0 is what services put where they have no time; a negative or fractional-year value is not a scan time.
  if (!Number.isFinite(n) || n <= 0) throw new TimeParseError(`not an epoch time "${String(value)}"`);
  return Math.round(n < EPOCH_SECONDS_BELOW ? n * 1000 : n);
}

/**
 * An epoch as a stamp. The instant is exact whatever the zone; the zone is only for display: the offset
 * the source gave beside it, else UTC. `raw` is the source's own text (the number, with its zone text).
 */
export function stampFromEpoch(value: number | string, raw: string, offsetMinutes?: number): Stamp {
  const epochMs = epochMillis(value);
  const zone = offsetMinutes === undefined ? 'UTC' : offsetName(offsetMinutes);
  const zoneNote = offsetMinutes === undefined ? 'epoch time; the source gave no zone, shown in UTC' : undefined;
  const localDate = localDateOf(epochMs, zone);
  return { raw, epochMs, precision: 'datetime', zone, zoneSource: 'offset', zoneNote, localDate };
}

/** Readings of one moment closer than this agree (local texts are often written to the minute). */
const SAME_MOMENT_MS = 60_000;

/**
 * Checks a stamp against a second reading of the same moment (`what` names it, e.g. `time_utc`). They agree:
 * the stamp as it is. They don't: the stamp is kept — it carries the explicit offset — and its note says what
 * the other reading said, so the evidence shows the conflict instead of hiding it.
 */
export function checkedAgainst(stamp: Stamp, otherMs: number, what: string): Stamp {
  const apart = stamp.epochMs - otherMs;
  if (Math.abs(apart) < SAME_MOMENT_MS) return stamp;
  const hours = Math.round((Math.abs(apart) / 3_600_000) * 100) / 100;
  const other = new Date(otherMs).toISOString().replace('.000Z', 'Z');
  const note = `${what} says ${other}, ${hours} h ${apart > 0 ? 'earlier' : 'later'}; the explicit offset is kept`;
  return { ...stamp, zoneNote: stamp.zoneNote ? `${stamp.zoneNote}; ${note}` : note };
}

/**
 * A local time and the zone text the source wrote beside it (`2023-03-01 10:12:33` + `GMT+8`, or 17TRACK's
 * `time_raw` date, time and `-05:00`). `raw` keeps both as written. A blank zone text places the time by `hint`.
 */
export function stampWithZoneText(local: string, zoneText: string | null | undefined, hint: ZoneHint): Stamp {
  const offset = zoneTextOffset(zoneText);
  if (offset === undefined) return parseStamp(local, { hint });
  const stamp = parseStamp(local, { hint, offset: offsetName(offset) });
  return { ...stamp, raw: `${local.trim()} ${zoneText!.trim()}`, zoneNote: undefined };
}

const UTC_WALL: ZoneHint = { zone: 'UTC', source: 'setting' };

/**
 * An epoch with the local text a source wrote beside it, and maybe a zone text (Cainiao's `time`, `timeStr`,
 * `timeZone`). The epoch is the instant; the zone text, when given, is the offset it is shown in. The local
 * text is checked against both: when it reads as the same moment in the zone text it is the raw text; when
 * not, the raw text is the epoch and the note says in which offset the local text would agree (Cainiao writes
 * `timeStr` in Beijing time whatever `timeZone` says). With no zone text, the offset the two imply is used.
 */
export function stampFromEpochAndLocal(
  epoch: number | string,
  local: string | undefined,
  zoneText: string | undefined,
  hint: ZoneHint,
): Stamp {
  const offset = zoneTextOffset(zoneText);
  const epochRaw = offset === undefined ? String(epoch) : `${epoch} ${zoneText!.trim()}`;
  const exact = stampFromEpoch(epoch, epochRaw, offset);
  if (local === undefined || !local.trim()) return exact;
  if (offset !== undefined) {
    const read = stampWithZoneText(local, zoneText, hint);
    if (Math.abs(read.epochMs - exact.epochMs) < SAME_MOMENT_MS) return read;
  }
  const implied = Math.round((parseStamp(local, { hint: UTC_WALL }).epochMs - exact.epochMs) / 60_000);
  const plausible = implied % 15 === 0 && Math.abs(implied) <= MAX_OFFSET_HOURS * 60;
  if (offset === undefined && plausible) {
    const zone = offsetName(implied);
    const zoneNote = `no zone given; ${zone} is the offset between the epoch ${epoch} and the local time`;
    return { ...exact, raw: local.trim(), zone, zoneNote, localDate: localDateOf(exact.epochMs, zone) };
  }
  const agrees = plausible ? `; it matches the epoch in ${offsetName(implied)}` : '';
  const where = zoneText ?? 'any offset';
  const zoneNote = `the local time "${local.trim()}" is not this moment in ${where}${agrees}; the epoch is kept`;
  return { ...exact, zoneNote };
}
