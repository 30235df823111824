import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInZone, offsetAt, probedInstant as probed, wallToInstant } from '../../src/model/zone.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('wallToInstant: the per-day offset cache', () => {
  // Zones with DST both ways round, a half-hour DST (Lord Howe), one without DST, and one that dropped it.
  const zones = [
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Asia/Shanghai',
    'America/Sao_Paulo',
  ];

  it('places every reading where probing does, near changes and away from them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // Minutes from 2015 to 2030: spans DST changes in every zone above.
        fc.integer({ min: Date.UTC(2015, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }),
        (zone, minute) => {
          const wall = minute * MINUTE;
          expect(wallToInstant(wall, zone)).toBe(probed(wall, zone));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    // Every minute of the days around a change, where the cache must step aside.
    ['America/Los_Angeles', Date.UTC(2024, 2, 9)],
    ['America/Los_Angeles', Date.UTC(2024, 10, 2)],
    ['Europe/London', Date.UTC(2024, 2, 30)],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 6)],
  ])('%s: every minute of the four days from %d', (zone, from) => {
    for (let wall = from; wall < from + 4 * DAY; wall += MINUTE)
      expect(wallToInstant(wall, zone)).toBe(probed(wall, zone));
  });
});

describe('offsetAt: the per-day and per-hour offset caches', () => {
  // Intl's answer for the instant itself (through @date-fns/tz) is what every cache must give.
  const exact = (zone: string, ms: number) => tzOffset(zone, new Date(ms));

  it('gives every instant the offset Intl gives it, near changes and away from them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo'),
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, ms) => {
          expect(offsetAt(zone, ms)).toBe(exact(zone, ms));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    // Every minute, and the last millisecond before each, of the UTC days around a change.
    ['America/Los_Angeles', Date.UTC(2024, 2, 9), -420],
    ['America/Los_Angeles', Date.UTC(2024, 10, 2), -480],
    ['Europe/London', Date.UTC(2024, 2, 30), 60],
    ['Europe/London', Date.UTC(2024, 9, 26), 0],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 6), 630],
  ])('%s: the three days from %d, ending at offset %d', (zone, from, last) => {
    for (let ms = from; ms < from + 3 * DAY; ms += MINUTE) {
      expect(offsetAt(zone, ms)).toBe(exact(zone, ms));
      expect(offsetAt(zone, ms - 1)).toBe(exact(zone, ms - 1));
    }
    expect(offsetAt(zone, from + 3 * DAY - 1)).toBe(last);
  });
});

describe('formatInZone', () => {
  // As first written: a Date per call and its UTC fields.
  const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
  const reference = (epochMs: number, zone: string): string => {
    const seconds = Math.floor(epochMs / 1000) * 1000;
    const offset = Math.round(offsetAt(zone, seconds));
    const d = new Date(seconds + offset * MINUTE);
    const a = Math.abs(offset);
    return (
      `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:` +
      `${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${offset < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`
    );
  };
  const zones = [
    'UTC',
    '+08:00',
    '-05:30',
    'America/Los_Angeles',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Asia/Shanghai',
  ];

  it('writes every instant as the Date-based formatting does, before 1970 and after', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => {
          expect(formatInZone(ms, zone)).toBe(reference(ms, zone));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [Date.UTC(2026, 9, 1, 2, 3, 4, 999), 'Asia/Shanghai', '2026-10-01T10:03:04+08:00'],
    [Date.UTC(2024, 10, 3, 8, 59, 59), 'America/Los_Angeles', '2024-11-03T01:59:59-07:00'],
    [Date.UTC(2024, 10, 3, 9, 0, 0), 'America/Los_Angeles', '2024-11-03T01:00:00-08:00'],
    [-1, 'UTC', '1969-12-31T23:59:59+00:00'],
    [Date.UTC(2026, 0, 1, 0, 0, 0), '-05:30', '2025-12-31T18:30:00-05:30'],
  ])('%d in %s → %s', (ms, zone, text) => {
    expect(formatInZone(ms, zone)).toBe(text);
  });
});
