import { describe, expect, it } from 'vitest';
import { computeLatestShipDate, type Handling } from '../../src/knowledge/ship-by.js';
import { parseStamp } from '../../src/read/time.js';

const LA = 'America/Los_Angeles';
const base: Handling = { days: 2, operatingDays: [1, 2, 3, 4, 5], holidays: [], sameDayCutoff: '14:00', zone: LA };
const purchase = (iso: string) => parseStamp(iso, { hint: { zone: LA, source: 'setting' } });

describe('computeLatestShipDate', () => {
  // 2026-10-05 is a Monday.
  it.each([
    ['Monday, 2 days → Wednesday', '2026-10-05T10:00:00-07:00', {}, '2026-10-07'],
    ['Thursday, 2 days → Monday', '2026-10-08T10:00:00-07:00', {}, '2026-10-12'],
    ['Friday, 2 days → Tuesday', '2026-10-09T10:00:00-07:00', {}, '2026-10-13'],
    ['Saturday, 2 days → Tuesday', '2026-10-10T10:00:00-07:00', {}, '2026-10-13'],
    ['Sunday, 1 day → Monday', '2026-10-11T10:00:00-07:00', { days: 1 }, '2026-10-12'],
    ['a UTC time that is still the previous day in LA', '2026-10-06T02:00:00+00:00', { days: 1 }, '2026-10-06'],
    ['a holiday is skipped', '2026-11-25T10:00:00-08:00', { days: 1, holidays: ['2026-11-26'] }, '2026-11-27'],
    [
      'Saturday as an operating day',
      '2026-10-09T10:00:00-07:00',
      { days: 1, operatingDays: [1, 2, 3, 4, 5, 6] },
      '2026-10-10',
    ],
    ['same day before the cut-off', '2026-10-05T13:59:00-07:00', { days: 0 }, '2026-10-05'],
    ['same day at the cut-off → next operating day', '2026-10-05T14:00:00-07:00', { days: 0 }, '2026-10-06'],
    ['same day on a Saturday → Monday', '2026-10-10T09:00:00-07:00', { days: 0 }, '2026-10-12'],
    ['same day, Friday evening → Monday', '2026-10-09T18:00:00-07:00', { days: 0 }, '2026-10-12'],
  ])('%s', (_, iso, over, expected) => {
    const lsd = computeLatestShipDate(purchase(iso), { ...base, ...over });
    expect(lsd.localDate).toBe(expected);
    expect(lsd.precision).toBe('date');
    expect(lsd.zone).toBe(LA);
  });

  it('ends at midnight local time, with the day length across the DST change (2026-11-01 is 25 h)', () => {
    // Thursday 2026-10-29 + 2 operating days = Monday 2026-11-02; Friday 2026-10-30 + 1 = Monday too.
    const lsd = computeLatestShipDate(purchase('2026-10-30T10:00:00-07:00'), { ...base, days: 1 });
    expect(lsd.localDate).toBe('2026-11-02');
    expect(lsd.epochMs).toBe(Date.parse('2026-11-02T00:00:00-08:00'));
    expect(lsd.dayLengthMs).toBe(24 * 3_600_000);
    const sunday = computeLatestShipDate(purchase('2026-10-31T10:00:00-07:00'), {
      ...base,
      days: 0,
      operatingDays: [7],
    });
    expect(sunday.localDate).toBe('2026-11-01');
    expect(sunday.dayLengthMs).toBe(25 * 3_600_000);
  });

  it('a config without operating days does not loop forever', () => {
    expect(() =>
      computeLatestShipDate(purchase('2026-10-05T10:00:00-07:00'), { ...base, operatingDays: [] }),
    ).not.toThrow();
  });
});
