import { describe, expect, it } from 'vitest';
import type { Stamp, ZoneHint } from '../../src/model/timestamp.js';
import {
  checkedAgainst,
  epochMillis,
  stampFromEpoch,
  stampWithZoneText,
  TimeParseError,
  zoneTextOffset,
} from '../../src/read/time.js';

const ASSUMED: ZoneHint = { zone: 'America/Los_Angeles', source: 'assumed', note: 'marketplace zone' };

describe('zoneTextOffset: zone texts services write beside a local time', () => {
  const cases: [string | null | undefined, number | undefined][] = [
    ['GMT+8', 480],
    ['GMT+0800', 480],
    ['GMT+08:00', 480],
    ['GMT+0', 0],
    ['GMT-3', -180],
    ['UTC-5', -300],
    ['UTC+05:30', 330],
    ['+08:00', 480],
    ['-0500', -300],
    ['GMT', 0],
    ['Z', 0],
    [' GMT+9 ', 540],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  it.each(cases)('%j → %j minutes', (text, minutes) => {
    expect(zoneTextOffset(text)).toBe(minutes);
  });

  it.each(['Beijing', 'GMT+25', 'CST', '8'])('%j is refused, not guessed', (text) => {
    expect(() => zoneTextOffset(text)).toThrow(TimeParseError);
    expect(() => zoneTextOffset(text)).toThrow(`unrecognised time zone "${text}"`);
  });
});

describe('epochMillis: seconds or milliseconds by magnitude', () => {
  const cases: [number | string, number][] = [
    [1747805584000, 1747805584000],
    [1747805584, 1747805584000],
    ['1646245920000', 1646245920000],
    ['1646245920', 1646245920000],
    [99_999_999_999, 99_999_999_999_000],
    [100_000_000_000, 100_000_000_000],
    [1747805584.5, 1747805584500],
  ];
  it.each(cases)('%j → %d ms', (value, ms) => {
    expect(epochMillis(value)).toBe(ms);
  });

  it.each([0, -5, Number.NaN, 'abc', '', '2025-05-21'])('%j is not an epoch time', (value) => {
    expect(() => epochMillis(value)).toThrow(TimeParseError);
  });
});

describe('stampFromEpoch: the instant exact, shown in the offset the source gave', () => {
  const cases: [string, number | string, number | undefined, Partial<Stamp>][] = [
    // Cainiao PU_PICKUP_SUCCESS, 2025-05-21 13:33:04 GMT+8
    ['with GMT+8', 1747805584000, 480, { zone: '+08:00', localDate: '2025-05-21', zoneNote: undefined }],
    // the same moment is still the 20th in UTC-12
    ['with UTC-12', 1747805584000, -720, { zone: '-12:00', localDate: '2025-05-20' }],
    ['no zone given', '1747805584', undefined, { zone: 'UTC', localDate: '2025-05-21' }],
  ];
  it.each(cases)('%s', (_, value, offset, expected) => {
    const s = stampFromEpoch(value, String(value), offset);
    expect(s).toMatchObject({ epochMs: 1747805584000, precision: 'datetime', zoneSource: 'offset', raw: String(value) });
    expect(s).toMatchObject(expected);
  });

  it('says when the source gave no zone', () => {
    expect(stampFromEpoch(1747805584000, 'x').zoneNote).toMatch(/no zone/);
  });
});

describe('stampWithZoneText: a local time and the zone written beside it', () => {
  const cases: [string, string | undefined, number, Partial<Stamp>][] = [
    ['2025-05-21 13:33:04', 'GMT+8', Date.UTC(2025, 4, 21, 5, 33, 4), { zone: '+08:00', zoneSource: 'offset' }],
    ['2025-05-28 13:33:27', 'GMT-3', Date.UTC(2025, 4, 28, 16, 33, 27), { zone: '-03:00', zoneSource: 'offset' }],
    ['2026-02-06 15:25:17', 'GMT+08:00', Date.UTC(2026, 1, 6, 7, 25, 17), { zone: '+08:00', zoneSource: 'offset' }],
    ['2023-03-01 10:12:33', 'GMT+0', Date.UTC(2023, 2, 1, 10, 12, 33), { zone: '+00:00', zoneSource: 'offset' }],
    ['2022-03-02 18:34', '-05:00', Date.UTC(2022, 2, 2, 23, 34), { zone: '-05:00', zoneSource: 'offset' }],
    // no zone text: the hint places it, and says on what ground
    ['2022-03-08 14:11', '', Date.UTC(2022, 2, 8, 22, 11), { zone: 'America/Los_Angeles', zoneSource: 'assumed' }],
    ['2022-03-08 14:11', undefined, Date.UTC(2022, 2, 8, 22, 11), { zone: 'America/Los_Angeles', zoneSource: 'assumed' }],
  ];
  it.each(cases)('%s %s', (local, zoneText, epochMs, expected) => {
    const s = stampWithZoneText(local, zoneText, ASSUMED);
    expect(s.epochMs).toBe(epochMs);
    expect(s).toMatchObject(expected);
    expect(s.raw).toBe(zoneText ? `${local} ${zoneText}` : local);
  });

  it('refuses a zone text it cannot read', () => {
    expect(() => stampWithZoneText('2025-05-21 13:33:04', 'Beijing time', ASSUMED)).toThrow(TimeParseError);
  });
});

describe('checkedAgainst: two readings of one moment', () => {
  const stamp = stampWithZoneText('2025-05-21 13:33:04', 'GMT+8', ASSUMED);
  const cases: [string, number, string | undefined][] = [
    ['the same instant', Date.UTC(2025, 4, 21, 5, 33, 4), undefined],
    ['59 s apart: a local text written to the minute', Date.UTC(2025, 4, 21, 5, 34, 3), undefined],
    [
      'an epoch an hour later',
      Date.UTC(2025, 4, 21, 6, 33, 4),
      'epoch says 2025-05-21T06:33:04Z, 1 h later; the explicit offset is kept',
    ],
    [
      'an epoch eight hours earlier (local time written as UTC)',
      Date.UTC(2025, 4, 20, 21, 33, 4),
      'epoch says 2025-05-20T21:33:04Z, 8 h earlier; the explicit offset is kept',
    ],
  ];
  it.each(cases)('%s', (_, other, note) => {
    const checked = checkedAgainst(stamp, other, 'epoch');
    expect(checked.epochMs).toBe(stamp.epochMs);
    expect(checked.zone).toBe('+08:00');
    expect(checked.zoneNote).toBe(note);
  });
});
