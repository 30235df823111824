import { describe, expect, it } from 'vitest';
import { EventClock } from '../../src/engine/clock.js';

const at = (iso: string) => Date.parse(iso);
/** A moment in November 2026: day and hour, UTC. */
const nov = (day: number, hour: number) => Date.UTC(2026, 10, day, hour);
const Y2062 = at('2062-05-01T10:00:00Z');

function clockOf(...times: number[]): EventClock {
  const c = new EventClock();
  for (const t of times) c.add(t);
  return c;
}

describe('EventClock', () => {
  const events = [nov(1, 10), nov(2, 12), nov(2, 18), Y2062];

  it.each<[string, number, number | undefined, number, number | undefined]>([
    ['the bound past every event but 2062', nov(10, 0), nov(2, 18), 1, Y2062],
    ['the bound inside a day with later events: the bound itself', nov(2, 15), nov(2, 15), 1, Y2062],
    ["the bound a day earlier: that day's events and 2062 left out", nov(1, 23), nov(1, 10), 3, Y2062],
    ['the bound before every event', at('2026-10-01T00:00:00Z'), undefined, 0, undefined],
  ])('%s', (_name, bound, clock, ignored, newestIgnoredMs) => {
    const r = clockOf(...events).reading(bound);
    if (clock === undefined) return expect(r).toBeUndefined();
    expect(r).toEqual({ ms: clock, ignored, newestIgnoredMs });
  });

  it('runs on over days of events without a longer gap, up to the cap; not over a gap', () => {
    const dec24 = at('2026-12-24T10:00:00Z');
    const c = clockOf(nov(1, 10), nov(5, 10), nov(11, 10), dec24);
    const runOn = { days: 7, capMs: at('2027-01-31T00:00:00Z') };
    expect(c.reading(nov(2, 0), runOn)).toEqual({ ms: nov(11, 10), ignored: 1, newestIgnoredMs: dec24 });
    // The cap (now and a day) stops the run even without a gap.
    expect(c.reading(nov(2, 0), { days: 7, capMs: nov(6, 0) })?.ms).toBe(nov(5, 10));
  });

  it('takes in another clock (a second reading thread) as if it had seen its events', () => {
    const a = clockOf(nov(1, 10));
    const b = clockOf(nov(3, 10), at('2100-01-02T00:00:00Z'));
    a.absorb(b.part());
    expect(a.reading(nov(30, 0))).toEqual({ ms: nov(3, 10), ignored: 1, newestIgnoredMs: undefined });
  });

  it('events before 2000 are no clock and not in its future', () => {
    expect(clockOf(at('1900-01-01T00:00:00Z')).reading(at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});
