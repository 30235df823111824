/**
 * The event times a collector saw, by UTC day (newest time and count per day), so that the audit's clock
 * can be taken as the newest event no later than a bound known only once every file is read (the newest
 * order data): one event dated 2062 must not move the clock, nor hide stale data. Folding keeps no events;
 * two small arrays per collector do (days from 2000 to 2100).
 */
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY;
const DAYS = 36_525;

export interface ClockPart {
  newest: Float64Array;
  count: Uint32Array;
  /** Events dated from 2100 on, past the days kept. */
  outside: number;
}

/** The clock an audit takes: the newest event at or before the bound, and how many events lay after it. */
export interface ClockReading {
  /** Newest event time at or before the bound (the bound itself when its own day also holds later events). */
  ms: number;
  /** Events dated on days after the bound's day (2100 and later too): left out of the clock. */
  ignored: number;
  /** The newest of those, when any was inside the days kept. */
  newestIgnoredMs?: number;
}

export class EventClock {
  private newest?: Float64Array;
  private count?: Uint32Array;
  private outside = 0;

  add(ms: number): void {
    const d = Math.floor(ms / DAY) - FIRST_DAY;
    // Before 2000 is no candidate for the clock, and not in its future either.
    if (!(d >= 0)) return;
    if (d >= DAYS) {
      this.outside++;
      return;
    }
    if (!this.newest) {
      this.newest = new Float64Array(DAYS).fill(-Infinity);
      this.count = new Uint32Array(DAYS);
    }
    if (ms > this.newest[d]) this.newest[d] = ms;
    this.count![d]++;
  }

  part(): ClockPart {
    const newest = this.newest ?? new Float64Array(0);
    return { newest, count: this.count ?? new Uint32Array(0), outside: this.outside };
  }

  absorb(p: ClockPart): void {
    this.outside += p.outside;
    if (p.newest.length === 0) return;
    if (!this.newest) {
      this.newest = new Float64Array(p.newest);
      this.count = new Uint32Array(p.count);
      return;
    }
    for (let d = 0; d < DAYS; d++) {
      if (p.newest[d] > this.newest[d]) this.newest[d] = p.newest[d];
      this.count![d] += p.count[d];
    }
  }

  /**
   * The clock no later than `boundMs`; undefined when no event lies at or before it. With `runOn`, the bound
   * moves on over days of events that follow it without a gap of more than `runOn.days` days, up to
   * `runOn.capMs`: parcels still travelling after the last order keep being scanned day after day, while a
   * mistyped date stands alone, days or years away.
   */
  reading(boundMs: number, runOn?: { days: number; capMs: number }): ClockReading | undefined {
    let ignored = this.outside;
    let newestIgnoredMs: number | undefined;
    if (!this.newest) return undefined;
    let boundDay = Math.min(DAYS - 1, Math.floor(boundMs / DAY) - FIRST_DAY);
    if (runOn) {
      const capDay = Math.min(DAYS - 1, Math.floor(runOn.capMs / DAY) - FIRST_DAY);
      let last = boundDay;
      for (let d = boundDay + 1; d <= capDay && d - last <= runOn.days; d++) if (this.count![d] > 0) last = d;
      if (last > boundDay) {
        boundDay = last;
        boundMs = Math.min(runOn.capMs, this.newest[last]);
      }
    }
    for (let d = DAYS - 1; d > boundDay; d--) {
      if (this.count![d] === 0) continue;
      ignored += this.count![d];
      newestIgnoredMs ??= this.newest[d];
    }
    for (let d = boundDay; d >= 0; d--) {
      if (this.count![d] === 0) continue;
      return { ms: Math.min(this.newest[d], boundMs), ignored, newestIgnoredMs };
    }
    return undefined;
  }
}
