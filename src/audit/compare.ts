import { findingsByShipment, type Finding } from '../model/finding.js';
import type { GroupFigures, LagFigure } from '../model/result.js';
import type { Shipment } from '../model/shipment.js';
import { localDateInZone, startOfLocalDay } from '../model/zone.js';
import { groupFigures, lagHours } from './run.js';
import { distribution } from './stats.js';

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
}

/** Why the data does not (yet) back a claim of improvement. */
export type VerdictProblem =
  | { kind: 'nothing-before' }
  | { kind: 'few-after'; withScanTime: number; needed: number }
  | { kind: 'rate-not-lower'; before: number; after: number };

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

export function compareAroundFix(
  shipments: readonly Shipment[],
  hits: ReadonlyMap<Shipment, ReadonlySet<string>>,
  opts: { fixedOn: string; zone: string; graceHours: number },
): Comparison {
  const boundaryMs = startOfLocalDay(opts.fixedOn, opts.zone);
  const parts: Record<Period, Shipment[]> = { before: [], after: [] };
  for (const s of shipments) parts[periodOf(s.confirmedAt.epochMs, boundaryMs)].push(s);
  const figures = (p: Period) => periodFigures(p, parts[p], hits, opts.zone);
  const before = figures('before');
  const after = figures('after');
  const newestMs = shipments.reduce((m, s) => Math.max(m, s.confirmedAt.epochMs), -Infinity);
  return {
    fixedOn: opts.fixedOn, boundaryMs, zone: opts.zone, graceHours: opts.graceHours, before, after,
    verdict: judgeImprovement(before, after),
    ...(Number.isFinite(newestMs) ? { newestConfirmedDay: localDay(newestMs, opts.zone) } : {}),
  };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
function localDay(epochMs: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

/** The warning when --fixed-on lies after the newest confirmation read: there is no "after" to show. */
export function fixedOnAfterData(c: Comparison): { newest: string } | undefined {
  return c.newestConfirmedDay !== undefined && c.newestConfirmedDay < c.fixedOn ? { newest: c.newestConfirmedDay } : undefined;
}

/**
 * Improvement is claimed only when the "after" period has enough shipments with a known first scan AND its
 * early-confirmation rate is lower than before's. Anything else is reported as a problem, never softened.
 */
export function judgeImprovement(before: GroupFigures, after: GroupFigures): Verdict {
  const problems: VerdictProblem[] = [];
  if (before.earlyConfirmationRate === null) problems.push({ kind: 'nothing-before' });
  if (after.withScanTime < MIN_AFTER_WITH_SCAN_TIME) {
    problems.push({ kind: 'few-after', withScanTime: after.withScanTime, needed: MIN_AFTER_WITH_SCAN_TIME });
  }
  if (before.earlyConfirmationRate !== null && after.earlyConfirmationRate !== null && after.earlyConfirmationRate >= before.earlyConfirmationRate) {
    problems.push({ kind: 'rate-not-lower', before: before.earlyConfirmationRate, after: after.earlyConfirmationRate });
  }
  return { improved: problems.length === 0, problems };
}

function periodFigures(key: Period, list: Shipment[], hits: ReadonlyMap<Shipment, ReadonlySet<string>>, zone: string): PeriodFigures {
  const early = list.filter((s) => hits.get(s)?.has('confirmed-before-handover'));
  const days = list.map((s) => (s.confirmedAt.precision === 'date' ? s.confirmedAt.localDate : localDateInZone(s.confirmedAt.epochMs, zone))).sort();
  return {
    ...groupFigures(key, list, hits),
    firstDay: days[0],
    lastDay: days.at(-1),
    earlyOrders: new Set(early.map((s) => s.orderId)).size,
    earlyGapHours: distribution(early.map(lagHours).filter((h) => h !== undefined)),
    earlyCarriers: countCarriers(early),
    carrierCounts: countCarriers(list),
  };
}

function countCarriers(list: readonly Shipment[]): Array<{ carrier: string; count: number }> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s.carrier ?? 'unknown carrier', (m.get(s.carrier ?? 'unknown carrier') ?? 0) + 1);
  return [...m.entries()].map(([carrier, count]) => ({ carrier, count })).sort((a, b) => b.count - a.count || a.carrier.localeCompare(b.carrier));
}

/** One evidence row: a shipment's findings, most severe first, and its side of the fix. */
export interface EvidenceRow {
  period: Period;
  findings: Finding[];
}

/** Findings per shipment in order of confirmation, the same rows and order as the evidence CSV. */
export function evidenceRows(findings: readonly Finding[], boundaryMs: number): EvidenceRow[] {
  return findingsByShipment(findings)
    .map((g) => ({ period: periodOf(g[0].confirmedAt.epochMs, boundaryMs), findings: g }));
}
