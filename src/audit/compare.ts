import { findingsByShipment, type Finding } from '../model/finding.js';
import type { GroupFigures } from '../model/result.js';
import {
  MIN_AFTER_WITH_SCAN_TIME,
  periodOf,
  UNVERIFIED_RULES,
  type Comparison,
  type EvidenceRow,
  type Period,
  type PeriodFigures,
  type Verdict,
  type VerdictProblem,
} from '../model/compare.js';

import type { Shipment } from '../model/shipment.js';
import { localDateInZone, startOfLocalDay } from '../model/zone.js';
import { groupFigures, lagHours } from './run.js';
import { distribution } from './stats.js';

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
    fixedOn: opts.fixedOn,
    boundaryMs,
    zone: opts.zone,
    graceHours: opts.graceHours,
    before,
    after,
    verdict: judgeImprovement(before, after, after.unverified),
    ...(Number.isFinite(newestMs) ? { newestConfirmedDay: localDay(newestMs, opts.zone) } : {}),
  };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
function localDay(epochMs: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    epochMs,
  );
}

/**
 * Improvement is claimed only when the "after" period has enough shipments with a known first scan, its
 * early-confirmation rate is lower than before's, AND none of its shipments is left unjudged (no tracking
 * number, no tracking data, no physical scan yet: `unverifiedAfter`). Anything else is reported as a problem,
 * never softened.
 */
export function judgeImprovement(before: GroupFigures, after: GroupFigures, unverifiedAfter = 0): Verdict {
  const problems: VerdictProblem[] = [];
  if (before.earlyConfirmationRate === null) problems.push({ kind: 'nothing-before' });
  if (after.withScanTime < MIN_AFTER_WITH_SCAN_TIME) {
    problems.push({ kind: 'few-after', withScanTime: after.withScanTime, needed: MIN_AFTER_WITH_SCAN_TIME });
  }
  if (
    before.earlyConfirmationRate !== null &&
    after.earlyConfirmationRate !== null &&
    after.earlyConfirmationRate >= before.earlyConfirmationRate
  ) {
    problems.push({ kind: 'rate-not-lower', before: before.earlyConfirmationRate, after: after.earlyConfirmationRate });
  }
  if (unverifiedAfter > 0) problems.push({ kind: 'unverified-after', count: unverifiedAfter });
  return { improved: problems.length === 0, problems };
}

function periodFigures(
  key: Period,
  list: Shipment[],
  hits: ReadonlyMap<Shipment, ReadonlySet<string>>,
  zone: string,
): PeriodFigures {
  const early = list.filter((s) => hits.get(s)?.has('confirmed-before-handover'));
  const days = list
    .map((s) =>
      s.confirmedAt.precision === 'date' ? s.confirmedAt.localDate : localDateInZone(s.confirmedAt.epochMs, zone),
    )
    .sort();
  return {
    ...groupFigures(key, list, hits),
    firstDay: days[0],
    lastDay: days.at(-1),
    earlyOrders: new Set(early.map((s) => s.orderId)).size,
    earlyGapHours: distribution(early.map(lagHours).filter((h) => h !== undefined)),
    earlyCarriers: countCarriers(early),
    carrierCounts: countCarriers(list),
    unverified: list.filter((s) => UNVERIFIED_RULES.some((r: string) => hits.get(s)?.has(r))).length,
    lateHandovers: list.filter((s) => hits.get(s)?.has('late-handover')).length,
  };
}

function countCarriers(list: readonly Shipment[]): Array<{ carrier: string; count: number }> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s.carrier ?? 'unknown carrier', (m.get(s.carrier ?? 'unknown carrier') ?? 0) + 1);
  return [...m.entries()]
    .map(([carrier, count]) => ({ carrier, count }))
    .sort((a, b) => b.count - a.count || a.carrier.localeCompare(b.carrier));
}

/** Findings per shipment in order of confirmation, the same rows and order as the evidence CSV. */
export function evidenceRows(findings: Iterable<Finding>, boundaryMs: number): EvidenceRow[] {
  return findingsByShipment(findings).map((g) => ({
    period: periodOf(g[0].confirmedAt.epochMs, boundaryMs),
    findings: g,
  }));
}
