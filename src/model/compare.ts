import type { Finding } from './finding.js';
import type { GroupFigures, LagFigure } from './result.js';

/** The appeal's comparison of the periods before and after a fix: what the audit works out, what reports show. */

/**
 * Below this many "after" shipments with a known first scan, a rate of 0% is luck, not proof: a reviewer
 * would not accept three clean parcels as evidence that a process changed.
 */
export const MIN_AFTER_WITH_SCAN_TIME = 10;

export type Period = 'before' | 'after';

export interface PeriodFigures extends GroupFigures {
  /** First and last calendar day (marketplace zone) with a confirmation in the period. */
  firstDay?: string;
  lastDay?: string;
  /** Distinct orders among the early confirmations (Amazon counts orders, the evidence lists packages). */
  earlyOrders: number;
  /** Confirmation → first scan of the early confirmations only: the "typical gap" of the appeal. */
  earlyGapHours: LagFigure;
  /** Carriers of the early confirmations with their counts, most first. */
  earlyCarriers: Array<{ carrier: string; count: number }>;
  /** Carriers of all shipments in the period with their counts, most first. */
  carrierCounts: Array<{ carrier: string; count: number }>;
  /**
   * Shipments the rate cannot judge: confirmed without a tracking number (nothing shows when the carrier had
   * it), or still without any physical carrier scan long past the confirmation (`UNVERIFIED_RULES`). The rate
   * counts only scanned shipments, so such a parcel would vanish from it.
   */
  unverified: number;
  /** Shipments first scanned after their latest ship date: the late shipments an early confirmation hides. */
  lateHandovers: number;
}

/** The rules whose finding means the shipment has no carrier scan to judge it by. */
export const UNVERIFIED_RULES: readonly string[] = ['no-carrier-scan', 'missing-tracking'];

/** Why the data does not (yet) back a claim of improvement. */
export type VerdictProblem =
  | { kind: 'nothing-before' }
  | { kind: 'few-after'; withScanTime: number; needed: number }
  | { kind: 'rate-not-lower'; before: number; after: number }
  | { kind: 'unverified-after'; count: number };

export interface Verdict {
  improved: boolean;
  problems: VerdictProblem[];
}

export interface Comparison {
  /** YYYY-MM-DD, the first day of the "after" period. */
  fixedOn: string;
  /** Start of that day in the marketplace zone. */
  boundaryMs: number;
  zone: string;
  graceHours: number;
  before: PeriodFigures;
  after: PeriodFigures;
  verdict: Verdict;
  /**
   * YYYY-MM-DD (marketplace zone) of the newest confirmation read. When it is before fixedOn there is no
   * "after" period at all: the CLI and the seller's note warn.
   */
  newestConfirmedDay?: string;
}

/** Same rule as the audit's --from/--to window: a shipment belongs to the day of its (first) confirmation. */
export function periodOf(confirmedEpochMs: number, boundaryMs: number): Period {
  return confirmedEpochMs < boundaryMs ? 'before' : 'after';
}

/** The warning when --fixed-on lies after the newest confirmation read: there is no "after" to show. */
export function fixedOnAfterData(c: Comparison): { newest: string } | undefined {
  return c.newestConfirmedDay !== undefined && c.newestConfirmedDay < c.fixedOn
    ? { newest: c.newestConfirmedDay }
    : undefined;
}

/** One evidence row: a shipment's findings, most severe first, and its side of the fix. */
export interface EvidenceRow {
  period: Period;
  findings: Finding[];
}
