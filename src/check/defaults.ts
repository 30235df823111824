/**
 * What the nightly check does without a config key saying otherwise. Amazon's own targets live in
 * src/knowledge/amazon.ts; these are the seller's early-warning levels in front of them.
 */
export const CHECK_DEFAULTS = {
  /** Amazon judges seller-fulfilled metrics over the last 30 days (LSR also over 10). */
  windowDays: 30,
  /** A check on tracking data older than this gives false comfort: it is a warning in itself. */
  staleAfterHours: 36,
  /**
   * Orders and confirmations are stale after `staleAfterHours` when the next side moved on without them
   * (confirmations of unknown orders, scans of unconfirmed parcels), after twice their own longest gap in
   * the window (see RHYTHM in inputs.ts), and in any case after this long: a small shop has quiet days, but
   * not a quiet week.
   */
  maxQuietHours: 7 * 24,
  state: '.shipaudit/state.json',
  keepReports: 30,
  /** The check exists to warn before a defect, so a warning already fails the job by default. */
  failOn: 'warning' as 'error' | 'warning' | 'never',
  thresholds: {
    /** Amazon's target is under 4%. */
    lateShipmentRateWarn: 0.03,
    /** Amazon's target is over 95%. */
    validTrackingRateWarn: 0.97,
    /** Amazon publishes no target; every early confirmation is a finding already, this watches the rate. */
    earlyConfirmationRateWarn: 0.01,
  },
  atRisk: {
    /** A shipment without a scan is at risk once less than this much of the grace is left. */
    graceLeftHours: 6,
    /** An unconfirmed order is due when its latest ship date is this close. */
    shipWithinHours: 24,
  },
  /** The trend compares with the oldest run at most this long ago. */
  trendDays: 7,
  /** History and reported findings older than this are dropped: they can't fall in the window again. */
  forgetAfterDays: 45,
  /** A lock older than this whose process is gone may be taken over. */
  staleLockHours: 6,
} as const;

export type FailOn = 'error' | 'warning' | 'never';
export type { Level } from '../model/check.js';
