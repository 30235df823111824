import { describe, expect, it } from 'vitest';
import { CHECK_DEFAULTS } from '../../src/check/defaults.js';
import { evaluateMetrics, recordRun, trend } from '../../src/check/metrics.js';
import type { HistoryEntry } from '../../src/check/state.js';
import { summary } from './helpers.js';

const ASOF = '2026-11-12T06:00:00-08:00';
const ms = Date.parse(ASOF);
const T: { lateShipmentRateWarn: number; validTrackingRateWarn: number; earlyConfirmationRateWarn: number } =
  CHECK_DEFAULTS.thresholds;
const entry = (asOf: string, lsr30: number | null): HistoryEntry => ({
  asOf,
  metrics: { lsr10: null, lsr30, vtr: null, early: null },
});

describe('evaluateMetrics: levels against the warning level and Amazon target', () => {
  const level = (rates: Parameters<typeof summary>[0], id: string, t = T) =>
    evaluateMetrics(summary(rates), t, [], ms).find((m) => m.id === id)!.level;
  it.each([
    ['LSR 2.9%', { lsr10: 0.029 }, 'lsr10', 'ok'],
    ['LSR 3.0%: at the warning level', { lsr10: 0.03 }, 'lsr10', 'warning'],
    ['LSR 3.9%', { lsr30: 0.039 }, 'lsr30', 'warning'],
    ["LSR 4.0%: Amazon's target is under 4%", { lsr30: 0.04 }, 'lsr30', 'error'],
    ['LSR not measurable', { lsr10: null }, 'lsr10', 'n/a'],
    ['VTR 97.0%', { vtr: 0.97 }, 'vtr', 'ok'],
    ['VTR 96.9%: below the warning level', { vtr: 0.969 }, 'vtr', 'warning'],
    ["VTR 95.0%: Amazon's target is over 95%", { vtr: 0.95 }, 'vtr', 'error'],
    ['early confirmations 0.9%', { early: 0.009 }, 'early', 'ok'],
    ['early confirmations 1.0%', { early: 0.01 }, 'early', 'warning'],
    ['early confirmations 30%: no published target, so never more than a warning', { early: 0.3 }, 'early', 'warning'],
  ])('%s → %s', (_, rates, id, expected) => {
    expect(level(rates, id)).toBe(expected);
  });

  it('uses the configured warning levels', () => {
    expect(level({ lsr10: 0.02 }, 'lsr10', { ...T, lateShipmentRateWarn: 0.02 })).toBe('warning');
    expect(level({ vtr: 0.985 }, 'vtr', { ...T, validTrackingRateWarn: 0.99 })).toBe('warning');
  });

  it('says the warning level in words', () => {
    expect(evaluateMetrics(summary(), T, [], ms).map((m) => [m.id, m.warnAt])).toEqual([
      ['lsr10', '3.0% or more'],
      ['lsr30', '3.0% or more'],
      ['vtr', 'below 97.0%'],
      ['early', '1.0% or more'],
    ]);
  });
});

describe('trend', () => {
  const history = [
    entry('2026-11-04T06:00:00-08:00', 0.01), // 8 days ago: out of the trend period
    entry('2026-11-05T06:00:00-08:00', 0.021), // 7 days ago: the oldest within it
    entry('2026-11-08T06:00:00-08:00', null), // measured nothing
    entry('2026-11-11T06:00:00-08:00', 0.025),
    entry('2026-11-13T06:00:00-08:00', 0.5), // after this as-of (a re-run of an older night)
  ];
  it('compares with the oldest run of the last week that measured the metric', () => {
    expect(trend(history, 'lsr30', 0.028, ms)).toEqual({
      from: 0.021,
      to: 0.028,
      since: '2026-11-05T06:00:00-08:00',
      days: 7,
    });
  });
  it.each([
    ['no earlier run', []],
    ['only runs older than a week', [entry('2026-11-01T06:00:00-08:00', 0.02)]],
    ['only this same run', [entry(ASOF, 0.02)]],
  ])('none with %s', (_, h) => {
    expect(trend(h, 'lsr30', 0.028, ms)).toBeUndefined();
  });
});

describe('recordRun', () => {
  it('one entry per as-of, in order, forgetting what is older than 45 days', () => {
    const h = [entry('2026-09-20T06:00:00-07:00', 0.01), entry('2026-11-11T06:00:00-08:00', 0.02), entry(ASOF, 0.9)];
    expect(
      recordRun(h, ASOF, ms, { lsr10: 0.1, lsr30: 0.03, vtr: 1, early: 0 }).map((e) => [e.asOf, e.metrics.lsr30]),
    ).toEqual([
      ['2026-11-11T06:00:00-08:00', 0.02],
      [ASOF, 0.03],
    ]);
  });
});
