import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { probedInstant as probed, wallToInstant } from '../../src/model/zone.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('wallToInstant: the per-day offset cache', () => {
  // Zones with DST both ways round, a half-hour DST (Lord Howe), one without DST, and one that dropped it.
  const zones = ['America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Shanghai', 'America/Sao_Paulo'];

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
    for (let wall = from; wall < from + 4 * DAY; wall += MINUTE) expect(wallToInstant(wall, zone)).toBe(probed(wall, zone));
  });
});
