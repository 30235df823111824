import { describe, expect, it } from 'vitest';
import type { Stamp, ZoneHint } from '../../src/model/timestamp.js';
import {
  checkedAgainst,
  epochMillis,
  stampFromEpoch,
  stampFromEpochAndLocal,
  stampWithZoneText,
  TimeParseError,
  zoneTextOffset,
} from '../../src/read/time.js';

const LA = 'America/Los_Angeles';
const ASSUMED: ZoneHint = { zone: LA, source: 'assumed', note: 'marketplace zone' };

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
    expect(s).toMatchObject({ epochMs: 1747805584000, precision: 'datetime', zoneSource: 'offset' });
    expect(s.raw).toBe(String(value));
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
    ['2022-03-08 14:11', '', Date.UTC(2022, 2, 8, 22, 11), { zone: LA, zoneSource: 'assumed' }],
    ['2022-03-08 14:11', undefined, Date.UTC(2022, 2, 8, 22, 11), { zone: LA, zoneSource: 'assumed' }],
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

describe('stampFromEpochAndLocal: an epoch, its local text and maybe a zone text (Cainiao)', () => {
  // [what, epoch, local, zone text, raw, zone, note (part)] — the instant is always the epoch's
  const cases: [string, number, string | undefined, string | undefined, string, string, string | undefined][] = [
    [
      'they agree (real: PU_PICKUP_SUCCESS)',
      1782922591000,
      '2026-07-02 00:16:31',
      'GMT+8',
      '2026-07-02 00:16:31 GMT+8',
      '+08:00',
      undefined,
    ],
    [
      'they agree, GMT+08:00',
      1770362717000,
      '2026-02-06 15:25:17',
      'GMT+08:00',
      '2026-02-06 15:25:17 GMT+08:00',
      '+08:00',
      undefined,
    ],
    // real: "2026-08-23 14:18:40" with GMT+2 is 12:18:40Z, the epoch 06:18:40Z: the text is the epoch in GMT+8
    [
      'they disagree (real: CC_HO_OUT_SUCCESS)',
      1787465920000,
      '2026-08-23 14:18:40',
      'GMT+2',
      '1787465920000 GMT+2',
      '+02:00',
      'is not this moment in GMT+2; it matches the epoch in +08:00; the epoch is kept',
    ],
    [
      'no zone text: the offset the two imply',
      1747805584000,
      '2025-05-21 13:33:04',
      undefined,
      '2025-05-21 13:33:04',
      '+08:00',
      'no zone given; +08:00 is the offset between the epoch 1747805584000 and the local time',
    ],
    ['no local text', 1747805584000, undefined, 'GMT-3', '1747805584000 GMT-3', '-03:00', undefined],
    ['neither', 1747805584000, undefined, undefined, '1747805584000', 'UTC', 'no zone'],
  ];
  it.each(cases)('%s', (_, epoch, local, zoneText, raw, zone, note) => {
    const s = stampFromEpochAndLocal(epoch, local, zoneText, ASSUMED);
    expect(s.epochMs).toBe(epoch);
    expect(s).toMatchObject({ raw, zone, zoneSource: 'offset', precision: 'datetime' });
    if (note === undefined) expect(s.zoneNote).toBeUndefined();
    else expect(s.zoneNote).toContain(note);
  });

  it('shows the local day in the zone given', () => {
    // 2026-08-23T06:18:40Z is the 23rd in GMT+2 and the 22nd in GMT-8
    expect(stampFromEpochAndLocal(1787465920000, undefined, 'GMT+2', ASSUMED).localDate).toBe('2026-08-23');
    expect(stampFromEpochAndLocal(1787465920000, undefined, 'GMT-8', ASSUMED).localDate).toBe('2026-08-22');
  });
});
