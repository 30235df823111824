import type { AuditSummary, TargetFigure } from '../model/result.js';
import { CHECK_DEFAULTS } from './defaults.js';
import type { HistoryEntry, MetricValues } from './state.js';
import type { MetricCheck, MetricId, Trend } from '../model/check.js';

const DAY = 86_400_000;

export interface Thresholds {
  lateShipmentRateWarn: number;
  validTrackingRateWarn: number;
  earlyConfirmationRateWarn: number;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Each metric the check watches: where the audit's figure is, which way is bad, and the seller's warning
 * level in front of Amazon's target. Amazon's verdict (`meetsTarget`) is the audit's; early confirmation
 * has no published target, so it only ever warns (each early confirmation is an error finding already).
 */
const METRICS: ReadonlyArray<{
  id: MetricId;
  figure: (s: AuditSummary) => TargetFigure;
  warn: (t: Thresholds) => number;
  bad: 'high' | 'low';
  amazonTarget: boolean;
}> = [
  {
    id: 'lsr10',
    figure: (s) => s.lateShipmentRate10,
    warn: (t) => t.lateShipmentRateWarn,
    bad: 'high',
    amazonTarget: true,
  },
  {
    id: 'lsr30',
    figure: (s) => s.lateShipmentRate30,
    warn: (t) => t.lateShipmentRateWarn,
    bad: 'high',
    amazonTarget: true,
  },
  {
    id: 'vtr',
    figure: (s) => s.validTrackingRate,
    warn: (t) => t.validTrackingRateWarn,
    bad: 'low',
    amazonTarget: true,
  },
  {
    id: 'early',
    figure: (s) => s.earlyConfirmationRate,
    warn: (t) => t.earlyConfirmationRateWarn,
    bad: 'high',
    amazonTarget: false,
  },
];

export function metricValues(s: AuditSummary): MetricValues {
  return Object.fromEntries(METRICS.map((m) => [m.id, m.figure(s).value])) as MetricValues;
}

export function evaluateMetrics(
  s: AuditSummary,
  t: Thresholds,
  history: readonly HistoryEntry[],
  asOfMs: number,
): MetricCheck[] {
  return METRICS.map((m) => {
    const f = m.figure(s);
    const warn = m.warn(t);
    const warns = f.value !== null && (m.bad === 'high' ? f.value >= warn : f.value < warn);
    const level: MetricCheck['level'] =
      f.value === null ? 'n/a' : m.amazonTarget && f.meetsTarget === false ? 'error' : warns ? 'warning' : 'ok';
    return {
      id: m.id,
      label: f.label,
      value: f.value,
      count: f.count,
      of: f.of,
      target: f.target,
      warnAt: m.bad === 'high' ? `${pct(warn)} or more` : `below ${pct(warn)}`,
      level,
      trend: f.value === null ? undefined : trend(history, m.id, f.value, asOfMs),
    };
  });
}

/** This run against the oldest earlier run within the trend period that measured the metric. */
export function trend(
  history: readonly HistoryEntry[],
  id: MetricId,
  value: number,
  asOfMs: number,
): Trend | undefined {
  const start = asOfMs - CHECK_DEFAULTS.trendDays * DAY;
  let oldest: { entry: HistoryEntry; ms: number; value: number } | undefined;
  for (const entry of history) {
    const ms = Date.parse(entry.asOf);
    const v = entry.metrics[id];
    if (v === null || ms >= asOfMs || ms < start) continue;
    if (!oldest || ms < oldest.ms) oldest = { entry, ms, value: v };
  }
  if (!oldest) return undefined;
  return {
    from: oldest.value,
    to: value,
    since: oldest.entry.asOf,
    days: Math.round(((asOfMs - oldest.ms) / DAY) * 10) / 10,
  };
}

/** History with this run in it: one entry per as-of, only as far back as the window can matter. */
export function recordRun(
  history: readonly HistoryEntry[],
  asOf: string,
  asOfMs: number,
  metrics: MetricValues,
): HistoryEntry[] {
  const horizon = asOfMs - CHECK_DEFAULTS.forgetAfterDays * DAY;
  return [...history.filter((h) => h.asOf !== asOf && Date.parse(h.asOf) >= horizon), { asOf, metrics }].sort(
    (a, b) => Date.parse(a.asOf) - Date.parse(b.asOf),
  );
}
