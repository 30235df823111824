/**
 * Dates an order, a confirmation or a carrier event can plausibly carry. Earlier dates are typos or a
 * system's empty default (1900-01-01, 1970-01-01); later ones are typos or a wrong clock. A row with such a
 * date is rejected with the reason, and an event past the bound is kept out of the audit's clock.
 */
export const PLAUSIBLE_DATES = {
  /** Nothing a seller audits today was ordered or confirmed before this day. */
  earliest: '2000-01-01',
  /** How far past the clock (the newest order data, or now) a date may lie: zones, a clock a little behind. */
  futureToleranceHours: 24,
  /**
   * Tracking runs on after the newest order while parcels travel (weeks, for China Post): events that follow
   * on from it with no gap longer than this many days are real; one beyond such a gap is a mistyped date.
   */
  trackingRunsOnDays: 7,
} as const;

export const EARLIEST_PLAUSIBLE_MS = Date.parse(`${PLAUSIBLE_DATES.earliest}T00:00:00Z`);
export const FUTURE_TOLERANCE_MS = PLAUSIBLE_DATES.futureToleranceHours * 3_600_000;
