import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stamp, ZoneHint } from '../../src/model/timestamp.js';
import {
  detectDateOrder,
  formatInZone,
  isValidZone,
  localDateInZone,
  midnightAsDay,
  parseDateAndTime,
  parseStamp,
  startOfLocalDay,
  TimeParseError,
  type ParseOptions,
} from '../../src/read/time.js';

const H = 3_600_000;
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'setting', note: 'file setting' };
const SH: ZoneHint = { zone: 'Asia/Shanghai', source: 'inferred', note: 'location "SHENZHEN, CN"' };
const US: ParseOptions = { hint: LA, dayFirst: false };

/** What a stamp read in a hint zone should say, besides raw/epochMs/localDate. */
const inHint = (hint: ZoneHint) => ({ zone: hint.zone, zoneSource: hint.source, zoneNote: hint.note });
const withOffset = (zone: string) => ({ zone, zoneSource: 'offset' as const });

// [raw, options, epochMs (by hand, offsets: PDT −7, PST −8, China +8), precision, zone part, localDate]
type Case = [string, ParseOptions, number, Stamp['precision'], Partial<Stamp>, string];
const FORMATS: Case[] = [
  // ISO 8601 with an offset: the hint is ignored
  [
    '2024-10-03T07:12:45+00:00',
    { hint: LA },
    Date.UTC(2024, 9, 3, 7, 12, 45),
    'datetime',
    withOffset('+00:00'),
    '2024-10-03',
  ],
  [
    '2024-10-03T07:12:45-07:00',
    { hint: SH },
    Date.UTC(2024, 9, 3, 14, 12, 45),
    'datetime',
    withOffset('-07:00'),
    '2024-10-03',
  ],
  ['2024-10-03T07:12:45Z', { hint: LA }, Date.UTC(2024, 9, 3, 7, 12, 45), 'datetime', withOffset('UTC'), '2024-10-03'],
  [
    '2024-10-03T07:12:45.123Z',
    { hint: LA },
    Date.UTC(2024, 9, 3, 7, 12, 45, 123),
    'datetime',
    withOffset('UTC'),
    '2024-10-03',
  ],
  [
    '2024-10-03T07:12:45.5+08:00',
    { hint: LA },
    Date.UTC(2024, 9, 2, 23, 12, 45, 500),
    'datetime',
    withOffset('+08:00'),
    '2024-10-03',
  ],
  [
    '2024-10-03T07:12:45.1234567+08:00',
    { hint: LA },
    Date.UTC(2024, 9, 2, 23, 12, 45, 123),
    'datetime',
    withOffset('+08:00'),
    '2024-10-03',
  ],
  [
    '2024-10-03T07:12:45+0800',
    { hint: LA },
    Date.UTC(2024, 9, 2, 23, 12, 45),
    'datetime',
    withOffset('+08:00'),
    '2024-10-03',
  ],
  ['2024-10-03T07:12+08', { hint: LA }, Date.UTC(2024, 9, 2, 23, 12), 'datetime', withOffset('+08:00'), '2024-10-03'],
  [
    '2024-10-03 14:21:00 +0800',
    { hint: LA },
    Date.UTC(2024, 9, 3, 6, 21),
    'datetime',
    withOffset('+08:00'),
    '2024-10-03',
  ],
  [
    '2024-10-03 14:21:00 GMT-05:00',
    { hint: SH },
    Date.UTC(2024, 9, 3, 19, 21),
    'datetime',
    withOffset('-05:00'),
    '2024-10-03',
  ],
  ['20241003T071245Z', { hint: LA }, Date.UTC(2024, 9, 3, 7, 12, 45), 'datetime', withOffset('UTC'), '2024-10-03'],
  // ISO and year-first local times: the hint's zone
  ['2024-10-03T07:12:45', { hint: LA }, Date.UTC(2024, 9, 3, 14, 12, 45), 'datetime', inHint(LA), '2024-10-03'],
  ['2024-10-03 14:21:00', { hint: LA }, Date.UTC(2024, 9, 3, 21, 21), 'datetime', inHint(LA), '2024-10-03'],
  ['2024-10-03 14:21', { hint: SH }, Date.UTC(2024, 9, 3, 6, 21), 'datetime', inHint(SH), '2024-10-03'],
  ['2024-10-03 00:30', { hint: SH }, Date.UTC(2024, 9, 2, 16, 30), 'datetime', inHint(SH), '2024-10-03'],
  ['2024/10/03 14:21:05', { hint: SH }, Date.UTC(2024, 9, 3, 6, 21, 5), 'datetime', inHint(SH), '2024-10-03'],
  ['2024/10/3 下午 2:21:00', { hint: SH }, Date.UTC(2024, 9, 3, 6, 21), 'datetime', inHint(SH), '2024-10-03'],
  ['2024-10-3 9:05', { hint: SH }, Date.UTC(2024, 9, 3, 1, 5), 'datetime', inHint(SH), '2024-10-03'],
  // US month-first
  ['10/03/2024 02:15 PM', US, Date.UTC(2024, 9, 3, 21, 15), 'datetime', inHint(LA), '2024-10-03'],
  ['10/03/2024 12:30 AM', US, Date.UTC(2024, 9, 3, 7, 30), 'datetime', inHint(LA), '2024-10-03'],
  ['10/03/2024 12:30 PM', US, Date.UTC(2024, 9, 3, 19, 30), 'datetime', inHint(LA), '2024-10-03'],
  ['10/3/2024 14:21', US, Date.UTC(2024, 9, 3, 21, 21), 'datetime', inHint(LA), '2024-10-03'],
  ['1/25/2012 6:58:30 p.m.', US, Date.UTC(2012, 0, 26, 2, 58, 30), 'datetime', inHint(LA), '2012-01-25'],
  // day and month told apart by a part over 12, by the file's setting, or by being equal
  ['13/10/2024 08:00', { hint: LA }, Date.UTC(2024, 9, 13, 15), 'datetime', inHint(LA), '2024-10-13'],
  ['10/13/2024 08:00', { hint: LA }, Date.UTC(2024, 9, 13, 15), 'datetime', inHint(LA), '2024-10-13'],
  ['03/10/2024', { hint: LA, dayFirst: true }, Date.UTC(2024, 9, 3, 7), 'date', inHint(LA), '2024-10-03'],
  ['03.10.2024 08:00', { hint: LA, dayFirst: true }, Date.UTC(2024, 9, 3, 15), 'datetime', inHint(LA), '2024-10-03'],
  ['03/03/2024', { hint: SH }, Date.UTC(2024, 2, 2, 16), 'date', inHint(SH), '2024-03-03'],
  // USPS month names
  ['January 25 2012 6:58 pm', { hint: LA }, Date.UTC(2012, 0, 26, 2, 58), 'datetime', inHint(LA), '2012-01-25'],
  ['January 25, 2012, 6:58 pm', { hint: LA }, Date.UTC(2012, 0, 26, 2, 58), 'datetime', inHint(LA), '2012-01-25'],
  ['Jan 25 2012 06:58 PM', { hint: LA }, Date.UTC(2012, 0, 26, 2, 58), 'datetime', inHint(LA), '2012-01-25'],
  ['Sept. 5th, 2012 9:00 am', { hint: LA }, Date.UTC(2012, 8, 5, 16), 'datetime', inHint(LA), '2012-09-05'],
  ['25-Jan-2012 18:58', { hint: LA }, Date.UTC(2012, 0, 26, 2, 58), 'datetime', inHint(LA), '2012-01-25'],
  // Chinese
  ['2024年10月3日 14:21', { hint: SH }, Date.UTC(2024, 9, 3, 6, 21), 'datetime', inHint(SH), '2024-10-03'],
  ['2024年10月3日14:21:30', { hint: SH }, Date.UTC(2024, 9, 3, 6, 21, 30), 'datetime', inHint(SH), '2024-10-03'],
  // UPS compact
  ['20120125 185800', { hint: LA }, Date.UTC(2012, 0, 26, 2, 58), 'datetime', inHint(LA), '2012-01-25'],
  // date only: the start of the day in the hint's zone
  ['2024-10-03', { hint: LA }, Date.UTC(2024, 9, 3, 7), 'date', inHint(LA), '2024-10-03'],
  ['2024/10/03', { hint: SH }, Date.UTC(2024, 9, 2, 16), 'date', inHint(SH), '2024-10-03'],
  ['10/03/2024', US, Date.UTC(2024, 9, 3, 7), 'date', inHint(LA), '2024-10-03'],
  ['January 25, 2012', { hint: LA }, Date.UTC(2012, 0, 25, 8), 'date', inHint(LA), '2012-01-25'],
  ['Jan 25 2012', { hint: LA }, Date.UTC(2012, 0, 25, 8), 'date', inHint(LA), '2012-01-25'],
  ['2024年10月3日', { hint: SH }, Date.UTC(2024, 9, 2, 16), 'date', inHint(SH), '2024-10-03'],
  ['20120125', { hint: LA }, Date.UTC(2012, 0, 25, 8), 'date', inHint(LA), '2012-01-25'],
  ['2024-02-29', { hint: SH }, Date.UTC(2024, 1, 28, 16), 'date', inHint(SH), '2024-02-29'],
];

describe('parseStamp: formats', () => {
  it.each(FORMATS)('%s', (raw, opts, epochMs, precision, zone, localDate) => {
    const stamp = parseStamp(raw, opts);
    expect(stamp).toMatchObject({ raw, epochMs, precision, localDate, ...zone });
    if (zone.zoneSource === 'offset') expect(stamp.zoneNote).toBeUndefined();
    expect(stamp.dayLengthMs).toBe(precision === 'date' ? 24 * H : undefined);
  });

  it('keeps the text trimmed as raw', () => {
    expect(parseStamp('  2024-10-03 14:21 ', { hint: SH }).raw).toBe('2024-10-03 14:21');
  });
});

describe('parseStamp: DST in America/Los_Angeles', () => {
  // [raw, epochMs, what it is]
  it.each([
    ['2024-03-10 01:59:59', Date.UTC(2024, 2, 10, 9, 59, 59), 'last second of PST'],
    ['2024-03-10 02:00', Date.UTC(2024, 2, 10, 10), 'gap start: shifted forward to 03:00 PDT'],
    ['2024-03-10 02:30', Date.UTC(2024, 2, 10, 10, 30), 'inside the gap: shifted forward to 03:30 PDT'],
    ['2024-03-10 03:00', Date.UTC(2024, 2, 10, 10), 'first PDT hour'],
    ['2024-03-10 12:00', Date.UTC(2024, 2, 10, 19), 'afternoon, PDT'],
    ['2024-11-03 00:59', Date.UTC(2024, 10, 3, 7, 59), 'before the overlap, PDT'],
    ['2024-11-03 01:00', Date.UTC(2024, 10, 3, 8), 'overlap start: the earlier (PDT) instant'],
    ['2024-11-03 01:30', Date.UTC(2024, 10, 3, 8, 30), 'inside the overlap: the earlier (PDT) instant'],
    ['2024-11-03 01:30-08:00', Date.UTC(2024, 10, 3, 9, 30), 'the second 01:30, told by its offset'],
    ['2024-11-03 02:00', Date.UTC(2024, 10, 3, 10), 'after the overlap, PST'],
  ])('%s → %s (%s)', (raw, epochMs) => {
    expect(parseStamp(raw, { hint: LA }).epochMs).toBe(epochMs);
  });

  it('formats a gap time where it landed', () => {
    expect(formatInZone(parseStamp('2024-03-10 02:30', { hint: LA }).epochMs, LA.zone)).toBe(
      '2024-03-10T03:30:00-07:00',
    );
  });

  // [date, zone, start (epochMs), day length]
  it.each([
    ['2024-03-10', 'America/Los_Angeles', Date.UTC(2024, 2, 10, 8), 23 * H],
    ['2024-03-11', 'America/Los_Angeles', Date.UTC(2024, 2, 11, 7), 24 * H],
    ['2024-11-03', 'America/Los_Angeles', Date.UTC(2024, 10, 3, 7), 25 * H],
    ['2024-03-10', 'Asia/Shanghai', Date.UTC(2024, 2, 9, 16), 24 * H],
    ['2024-11-03', 'Asia/Shanghai', Date.UTC(2024, 10, 2, 16), 24 * H],
  ])('date %s in %s starts at %s and lasts %s ms', (raw, zone, epochMs, dayLengthMs) => {
    const stamp = parseStamp(raw, { hint: { zone, source: 'assumed' } });
    expect(stamp).toMatchObject({
      epochMs,
      dayLengthMs,
      precision: 'date',
      zone,
      zoneSource: 'assumed',
      localDate: raw,
    });
  });
});

describe('parseDateAndTime', () => {
  // [date, time, options, raw, epochMs, precision, zone part]
  it.each<[string, string | undefined, ParseOptions, string, number, Stamp['precision'], Partial<Stamp>]>([
    [
      'January 25 2012',
      '6:58 pm',
      { hint: LA },
      'January 25 2012 6:58 pm',
      Date.UTC(2012, 0, 26, 2, 58),
      'datetime',
      inHint(LA),
    ],
    [
      'January 25, 2012',
      '6:58 PM',
      { hint: LA },
      'January 25, 2012 6:58 PM',
      Date.UTC(2012, 0, 26, 2, 58),
      'datetime',
      inHint(LA),
    ],
    [
      '20120125',
      '185800',
      { hint: LA, offset: '-05:00' },
      '20120125 185800',
      Date.UTC(2012, 0, 25, 23, 58),
      'datetime',
      { zone: '-05:00', zoneSource: 'offset', zoneNote: 'offset column "-05:00"' },
    ],
    [
      '20120125',
      '185800',
      { hint: LA, offset: '-0500' },
      '20120125 185800',
      Date.UTC(2012, 0, 25, 23, 58),
      'datetime',
      { zone: '-05:00', zoneSource: 'offset', zoneNote: 'offset column "-0500"' },
    ],
    ['20120125', '065800', { hint: LA }, '20120125 065800', Date.UTC(2012, 0, 25, 14, 58), 'datetime', inHint(LA)],
    ['20120125', '65800', { hint: LA }, '20120125 65800', Date.UTC(2012, 0, 25, 14, 58), 'datetime', inHint(LA)],
    [
      '20120125',
      '1858',
      { hint: LA, offset: ' ' },
      '20120125 1858',
      Date.UTC(2012, 0, 26, 2, 58),
      'datetime',
      inHint(LA),
    ],
    ['20120125', undefined, { hint: LA }, '20120125', Date.UTC(2012, 0, 25, 8), 'date', inHint(LA)],
    ['20120125', '', { hint: LA }, '20120125', Date.UTC(2012, 0, 25, 8), 'date', inHint(LA)],
    [
      '2024-10-03 00:00:00',
      '14:21',
      { hint: SH },
      '2024-10-03 00:00:00 14:21',
      Date.UTC(2024, 9, 3, 6, 21),
      'datetime',
      inHint(SH),
    ],
    [
      '10/3/2024 12:00:00 AM',
      '14:21',
      { hint: LA, dayFirst: false },
      '10/3/2024 12:00:00 AM 14:21',
      Date.UTC(2024, 9, 3, 21, 21),
      'datetime',
      inHint(LA),
    ],
    [
      '2024-10-03',
      '14:21:00+08:00',
      { hint: LA, offset: '-05:00' },
      '2024-10-03 14:21:00+08:00',
      Date.UTC(2024, 9, 3, 6, 21),
      'datetime',
      withOffset('+08:00'),
    ],
    [
      '2024-10-03 14:21',
      undefined,
      { hint: SH },
      '2024-10-03 14:21',
      Date.UTC(2024, 9, 3, 6, 21),
      'datetime',
      inHint(SH),
    ],
  ])('%s + %s', (date, time, opts, raw, epochMs, precision, zone) => {
    expect(parseDateAndTime(date, time, opts)).toMatchObject({ raw, epochMs, precision, ...zone });
  });
});

describe('errors', () => {
  const AMBIGUOUS = `ambiguous date "03/10/2024": day and month can't be told apart (set "dateOrder" for this file)`;
  // [what to run, message]
  it.each<[string, () => unknown, string | RegExp]>([
    ['empty', () => parseStamp('', { hint: LA }), 'empty time'],
    ['blank', () => parseStamp('   ', { hint: LA }), 'empty time'],
    ['ambiguous date', () => parseStamp('03/10/2024', { hint: LA }), AMBIGUOUS],
    ['ambiguous date-time', () => parseStamp('03/10/2024 14:21', { hint: LA }), AMBIGUOUS],
    ['ambiguous in a date column', () => parseDateAndTime('03/10/2024', '14:21', { hint: LA }), AMBIGUOUS],
    // Text with no date in it is described, not quoted: a shifted row puts names and addresses there.
    [
      'garbage',
      () => parseStamp('foo', { hint: LA }),
      'unrecognised time (3 characters of text, not shown: no date in them, and they may be personal data — a shifted row?)',
    ],
    [
      'an address in the time column',
      () => parseStamp('4820 Shoal Creek Blvd', { hint: LA }),
      'unrecognised time (21 characters of text, not shown: no date in them, and they may be personal data — a shifted row?)',
    ],
    [
      'a name in the time column',
      () => parseStamp('Jennifer Alvarez', { hint: LA }),
      /^unrecognised time \(16 characters/,
    ],
    [
      'unknown abbreviation',
      () => parseStamp('2024-10-03 14:21 XYZ', { hint: LA }),
      'unrecognised time "2024-10-03 14:21 XYZ"',
    ],
    [
      'offset and abbreviation disagree',
      () => parseStamp('2024-10-03T14:21:00-05:00 PST', { hint: LA }),
      'the offset and the zone abbreviation "PST" disagree in "2024-10-03T14:21:00-05:00 PST"',
    ],
    [
      'unknown month',
      () => parseStamp('Foo 25 2012', { hint: LA }),
      'unrecognised time (11 characters of text, not shown: no date in them, and they may be personal data — a shifted row?)',
    ],
    ['a known month, a bad shape', () => parseStamp('Sept 25th 2012 99', { hint: LA }), /"Sept 25th 2012 99"/],
    ['a time-like text is quoted', () => parseStamp('Oct 99 2012 25:00 PDT', { hint: LA }), /"Oct 99 2012 25:00 PDT"/],
    ['digits after a date', () => parseStamp('2024100312', { hint: LA }), 'unrecognised time "2024100312"'],
    [
      'HHMMSS after an ISO date',
      () => parseStamp('2024-10-03 142100', { hint: LA }),
      'unrecognised time "2024-10-03 142100"',
    ],
    ['30 February', () => parseStamp('2024-02-30', { hint: LA }), 'impossible date "2024-02-30"'],
    [
      '29 February, no leap year',
      () => parseStamp('2023-02-29 10:00', { hint: LA }),
      'impossible date "2023-02-29 10:00"',
    ],
    [
      'month 13 by setting',
      () => parseStamp('03/13/2024', { hint: LA, dayFirst: true }),
      'impossible date "03/13/2024"',
    ],
    ['placeholder year', () => parseStamp('0001-01-01', { hint: LA }), 'impossible date "0001-01-01"'],
    ['hour 25', () => parseStamp('2024-10-03 25:00', { hint: LA }), 'impossible time "2024-10-03 25:00"'],
    ['13 PM', () => parseStamp('10/03/2024 13:00 PM', US), 'impossible time "10/03/2024 13:00 PM"'],
    [
      'offset +25:00',
      () => parseStamp('2024-10-03T14:21:00+25:00', { hint: LA }),
      'impossible offset in "2024-10-03T14:21:00+25:00"',
    ],
    [
      'bad offset column',
      () => parseDateAndTime('20120125', '185800', { hint: LA, offset: 'EST' }),
      'unrecognised offset "EST"',
    ],
    ['time without date', () => parseDateAndTime(' ', '14:21', { hint: LA }), 'time "14:21" without a date'],
    [
      'two times',
      () => parseDateAndTime('2024-10-03 09:00', '14:21', { hint: LA }),
      'date "2024-10-03 09:00" already has a time, and a time column says "14:21"',
    ],
    ['bad local date', () => startOfLocalDay('2024/10/03', 'UTC'), 'not a YYYY-MM-DD date "2024/10/03"'],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(TimeParseError);
    expect(run).toThrow(message);
  });

  it('refuses an unknown hint zone as a configuration error, not a row error', () => {
    const run = () => parseStamp('2024-10-03 14:21', { hint: { zone: 'Mars/Olympus', source: 'setting' } });
    expect(run).toThrow(RangeError);
    expect(run).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('detectDateOrder', () => {
  it.each<[string[], ReturnType<typeof detectDateOrder>]>([
    [['10/03/2024', '10/13/2024'], 'month-first'],
    [['1/25/2012 6:58 PM'], 'month-first'],
    [['13/10/2024', '03/10/2024'], 'day-first'],
    [['25.12.2024'], 'day-first'],
    [['03/10/2024', '04/11/2024'], undefined],
    [['13/10/2024', '10/13/2024'], undefined],
    [['2024-10-13', '', 'foo'], undefined],
    [[], undefined],
  ])('%j → %s', (samples, order) => {
    expect(detectDateOrder(samples)).toBe(order);
  });
});

describe('zones and formatting', () => {
  // [epochMs, zone, ISO text]
  it.each([
    [Date.UTC(2024, 9, 3, 14, 12, 45), 'America/Los_Angeles', '2024-10-03T07:12:45-07:00'],
    [Date.UTC(2024, 0, 15, 12, 0, 0, 999), 'America/Los_Angeles', '2024-01-15T04:00:00-08:00'],
    [Date.UTC(2024, 10, 3, 8, 30), 'America/Los_Angeles', '2024-11-03T01:30:00-07:00'],
    [Date.UTC(2024, 10, 3, 9, 30), 'America/Los_Angeles', '2024-11-03T01:30:00-08:00'],
    [Date.UTC(2024, 9, 2, 23, 12, 45), 'Asia/Shanghai', '2024-10-03T07:12:45+08:00'],
    [Date.UTC(2024, 9, 3, 7, 12, 45), 'UTC', '2024-10-03T07:12:45+00:00'],
    [Date.UTC(2024, 9, 3, 7, 12, 45), '+05:30', '2024-10-03T12:42:45+05:30'],
    [Date.UTC(2024, 9, 3, 7, 12, 45), 'Asia/Kolkata', '2024-10-03T12:42:45+05:30'],
    [Date.UTC(1969, 11, 31, 23, 59, 59, 500), 'UTC', '1969-12-31T23:59:59+00:00'],
  ])('formatInZone(%s, %s) = %s', (epochMs, zone, text) => {
    expect(formatInZone(epochMs, zone)).toBe(text);
  });

  it('round-trips: parseStamp(formatInZone(t, zone)) gives back t, and its localDate is localDateInZone(t, zone)', () => {
    const zones = [
      'America/Los_Angeles',
      'America/New_York',
      'Asia/Shanghai',
      'Europe/London',
      'Australia/Lord_Howe',
      'UTC',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 946_684_800, max: 2_208_988_800 }), fc.constantFrom(...zones), (seconds, zone) => {
        const t = seconds * 1000;
        const stamp = parseStamp(formatInZone(t, zone), { hint: SH });
        expect(stamp.epochMs).toBe(t);
        expect(stamp.localDate).toBe(localDateInZone(t, zone));
      }),
      { numRuns: 2000 },
    );
  });

  // [epochMs, zone, local date]
  it.each([
    [Date.UTC(2024, 9, 3, 6, 59, 59), 'America/Los_Angeles', '2024-10-02'],
    [Date.UTC(2024, 9, 3, 7), 'America/Los_Angeles', '2024-10-03'],
    [Date.UTC(2024, 9, 2, 15, 59, 59), 'Asia/Shanghai', '2024-10-02'],
    [Date.UTC(2024, 9, 2, 16), 'Asia/Shanghai', '2024-10-03'],
  ])('localDateInZone(%s, %s) = %s', (epochMs, zone, date) => {
    expect(localDateInZone(epochMs, zone)).toBe(date);
  });

  // [date, zone, epochMs]
  it.each([
    ['2024-10-03', 'America/Los_Angeles', Date.UTC(2024, 9, 3, 7)],
    ['2024-03-10', 'America/Los_Angeles', Date.UTC(2024, 2, 10, 8)],
    ['2024-11-04', 'America/Los_Angeles', Date.UTC(2024, 10, 4, 8)],
    ['2024-10-03', 'Asia/Shanghai', Date.UTC(2024, 9, 2, 16)],
    ['2024-10-03', '-05:00', Date.UTC(2024, 9, 3, 5)],
    // Chile springs forward at midnight: the day starts at 01:00 −03, the instant 00:00 −04 would have been
    ['2024-09-08', 'America/Santiago', Date.UTC(2024, 8, 8, 4)],
  ])('startOfLocalDay(%s, %s) = %s', (date, zone, epochMs) => {
    expect(startOfLocalDay(date, zone)).toBe(epochMs);
  });

  it.each([
    ['America/Los_Angeles', true],
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['+08:00', true],
    ['-0500', true],
    ['Z', true],
    ['Mars/Olympus', false],
    ['+25:00', false],
    ['', false],
  ])('isValidZone(%j) = %s', (zone, valid) => {
    expect(isValidZone(zone)).toBe(valid);
  });
});

describe('midnightAsDay', () => {
  const NY: ZoneHint = { zone: 'America/New_York', source: 'inferred', note: 'location "CAMBRIDGE, OH"' };
  it.each([
    // FedEx pickup among events with offsets (real-samples/fedex-trackreply-v7.xml): a day
    ['2014-01-03T00:00:00', 'date', '2014-01-03T05:00:00Z'],
    ['2014-01-03 00:00', 'date', '2014-01-03T05:00:00Z'],
    ['2014-01-03 00:00:00.000', 'date', '2014-01-03T05:00:00Z'],
    // Any other time, or an offset written with it, is a moment
    ['2014-01-03T00:00:01', 'datetime', '2014-01-03T05:00:01Z'],
    ['2014-01-03T10:00:00', 'datetime', '2014-01-03T15:00:00Z'],
    ['2014-01-03T00:00:00-05:00', 'datetime', '2014-01-03T05:00:00Z'],
    ['2014-01-03T00:00:00Z', 'datetime', '2014-01-03T00:00:00Z'],
  ] as const)('%s → %s', (raw, precision, utc) => {
    const stamp = midnightAsDay(parseStamp(raw, { hint: NY }));
    expect(stamp.precision).toBe(precision);
    expect(stamp.epochMs).toBe(Date.parse(utc));
    expect(stamp.raw).toBe(raw);
    expect(stamp.localDate).toBe('2014-01-03');
    if (precision === 'date') expect(stamp.dayLengthMs).toBe(86_400_000);
  });
});

/**
 * Zone abbreviations, read by who wrote them (ZONE_ABBREVIATIONS in src/knowledge/zones.ts). The values come
 * from what carriers write: USPS Web Tools and UPS pages print "CST"/"EST" after local times, Chinese
 * forwarders "CST" for China Standard Time, Royal Mail "BST" in summer.
 */
describe('zone abbreviations', () => {
  const MARKET: ZoneHint = { zone: 'America/Los_Angeles', source: 'assumed', note: 'marketplace zone' };
  it.each([
    // text, region, instant (UTC), zone, source, note
    ['2024-11-22 13:58 EST', 'us', '2024-11-22T18:58:00Z', '-05:00', 'offset', 'zone abbreviation "EST"'],
    ['2024-11-22 13:58 EST', undefined, '2024-11-22T18:58:00Z', '-05:00', 'offset', 'zone abbreviation "EST"'],
    ['2024-07-01 13:58 EDT', 'us', '2024-07-01T17:58:00Z', '-04:00', 'offset', 'zone abbreviation "EDT"'],
    ['January 25, 2012 6:58 pm CST', 'us', '2012-01-26T00:58:00Z', '-06:00', 'offset', 'zone abbreviation "CST"'],
    ['2024-11-22 13:58 CST', 'cn', '2024-11-22T05:58:00Z', '+08:00', 'offset', 'zone abbreviation "CST"'],
    [
      '2024-11-22 13:58 CST',
      undefined,
      '2024-11-22T21:58:00Z',
      'America/Los_Angeles',
      'assumed',
      'CST is ambiguous (China or US Central); assumed America/Los_Angeles (marketplace zone)',
    ],
    ['2024-11-22 13:58 PST', undefined, '2024-11-22T21:58:00Z', '-08:00', 'offset', 'zone abbreviation "PST"'],
    ['2024-11-22 13:58 AKST', 'us', '2024-11-22T22:58:00Z', '-09:00', 'offset', 'zone abbreviation "AKST"'],
    ['2024-11-22 13:58 HST', 'us', '2024-11-22T23:58:00Z', '-10:00', 'offset', 'zone abbreviation "HST"'],
    ['2024-07-01 10:00 ET', 'us', '2024-07-01T14:00:00Z', 'America/New_York', 'offset', 'zone abbreviation "ET"'],
    ['2024-07-01 10:00 BST', 'eu', '2024-07-01T09:00:00Z', '+01:00', 'offset', 'zone abbreviation "BST"'],
    ['2024-07-01 10:00 CEST', undefined, '2024-07-01T08:00:00Z', '+02:00', 'offset', 'zone abbreviation "CEST"'],
    ['2024-01-10 10:00 CET', undefined, '2024-01-10T09:00:00Z', '+01:00', 'offset', 'zone abbreviation "CET"'],
    ['2024-01-10 10:00 (JST)', undefined, '2024-01-10T01:00:00Z', '+09:00', 'offset', 'zone abbreviation "JST"'],
    ['2024-01-10 10:00 AEST', undefined, '2024-01-10T00:00:00Z', '+10:00', 'offset', 'zone abbreviation "AEST"'],
    ['2024-01-10 10:00 EST', 'au', '2024-01-10T00:00:00Z', '+10:00', 'offset', 'zone abbreviation "EST"'],
    ['2024-01-10 10:00 IST', 'in', '2024-01-10T04:30:00Z', '+05:30', 'offset', 'zone abbreviation "IST"'],
    [
      '2024-01-10 10:00 IST',
      undefined,
      '2024-01-10T18:00:00Z',
      'America/Los_Angeles',
      'assumed',
      'IST is ambiguous (India, Ireland or Israel); assumed America/Los_Angeles (marketplace zone)',
    ],
    // What the parser read before stays as it was
    ['2024-11-22 13:58 UTC', undefined, '2024-11-22T13:58:00Z', 'UTC', 'offset', undefined],
    ['2024-11-22 6:58 PM', 'us', '2024-11-23T02:58:00Z', 'America/Los_Angeles', 'assumed', 'marketplace zone'],
    ['2024-11-22T13:58:00-05:00 EST', 'us', '2024-11-22T18:58:00Z', '-05:00', 'offset', undefined],
  ] as const)('%s (%s) → %s %s', (text, region, utc, zone, source, note) => {
    const s = parseStamp(text, { hint: MARKET, region });
    expect(s).toMatchObject({ raw: text, epochMs: Date.parse(utc), zone, zoneSource: source, precision: 'datetime' });
    expect(s.zoneNote).toBe(note);
  });

  it.each([
    // date, time, region, instant (UTC), zone
    ['January 25, 2012', '6:58 pm EST', undefined, '2012-01-25T23:58:00Z', '-05:00'],
    ['20120125', '185800 CST', 'us', '2012-01-26T00:58:00Z', '-06:00'],
    ['2012-01-25 18:58 CET', undefined, undefined, '2012-01-25T17:58:00Z', '+01:00'],
  ] as const)('date %j and time %j (%s) → %s', (date, time, region, utc, zone) => {
    const s = parseDateAndTime(date, time, { hint: MARKET, region });
    expect(s).toMatchObject({ epochMs: Date.parse(utc), zone, zoneSource: 'offset' });
  });

  it('a reading without an abbreviation after one with it keeps no trace of it', () => {
    parseStamp('2024-11-22 13:58 CST', { hint: MARKET, region: 'cn' });
    const plain = parseStamp('2024-11-22 13:58', { hint: MARKET });
    expect(plain).toMatchObject({ zone: 'America/Los_Angeles', zoneNote: 'marketplace zone' });
    parseStamp('2024-11-22 13:58 CST', { hint: MARKET });
    expect(parseDateAndTime('2024-11-22', '13:58', { hint: MARKET }).zoneNote).toBe('marketplace zone');
  });
});
