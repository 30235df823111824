import { describe, expect, it } from 'vitest';
import { CHECK_DEFAULTS } from '../../src/check/defaults.js';
import { findingKey } from '../../src/check/identity.js';
import { buildCheck, exitCodeFor, type CheckInput } from '../../src/check/run.js';
import { emptyState } from '../../src/check/state.js';
import type { Finding } from '../../src/model/finding.js';
import { shipment, stamp } from '../rules/build.js';
import { auditResult, finding, type summary } from './helpers.js';

const ASOF = '2026-11-10T06:00:00-08:00';
const asOfMs = Date.parse(ASOF);

function input(
  overrides: Partial<CheckInput> & { findings?: Finding[]; rates?: Parameters<typeof summary>[0] } = {},
): CheckInput {
  const { findings = [], rates, ...rest } = overrides;
  const audit = auditResult({ asOf: ASOF, findings, rates, window: { from: '2026-10-11', to: '2026-11-10' } });
  return {
    audit,
    shipments: [],
    awaiting: [],
    asOfMs,
    window: { from: '2026-10-11', to: '2026-11-10', days: 30 },
    graceHours: 24,
    newestTrackingMs: asOfMs - 3_600_000,
    inputFiles: 3,
    state: emptyState(),
    stateReport: { file: '.shipaudit/state.json', status: 'created' },
    problems: [],
    staleAfterHours: 36,
    thresholds: CHECK_DEFAULTS.thresholds,
    atRisk: CHECK_DEFAULTS.atRisk,
    ...rest,
  };
}

describe('buildCheck', () => {
  it('all well: status ok, the run is in the history', () => {
    const { result, state } = buildCheck(input());
    expect(result.status).toBe('ok');
    expect(result.checked).toEqual({ shipments: 10, inputFiles: 3, newestTrackingData: '2026-11-10T05:00:00-08:00' });
    expect(state.history).toEqual([{ asOf: ASOF, metrics: { lsr10: 0, lsr30: 0, vtr: 1, early: 0 } }]);
  });

  it.each([
    ['a new warning finding', { findings: [finding('late-handover', '113-1', 'T1', 'warning')] }, 'warning'],
    ['a new error finding', { findings: [finding('late-confirmation', '113-1', 'T1')] }, 'error'],
    ['an LSR near the target', { rates: { lsr10: 0.035 } }, 'warning'],
    ['an LSR past the target', { rates: { lsr30: 0.05 } }, 'error'],
    ['stale tracking', { newestTrackingMs: asOfMs - 40 * 3_600_000 }, 'warning'],
  ])('%s → %s', (_, o, status) => {
    expect(buildCheck(input(o)).result.status).toBe(status);
  });

  it('an error reported on an earlier night is counted, not repeated, and does not fail the night', () => {
    const f = finding('late-confirmation', '113-1', 'T1');
    const state = {
      ...emptyState(),
      reported: { [findingKey(f)]: { first: '2026-11-09T06:00:00-08:00', last: '2026-11-09T06:00:00-08:00' } },
    };
    const { result, state: next } = buildCheck(input({ findings: [f], state }));
    expect(result.newFindings).toEqual([]);
    expect(result.alreadyReported).toEqual({ count: 1, byRule: { 'late-confirmation': 1 } });
    expect(result.status).toBe('ok');
    expect(next.reported[findingKey(f)]).toEqual({ first: '2026-11-09T06:00:00-08:00', last: ASOF });
  });

  it("tracking-not-found waits for the grace: a package confirmed this afternoon is rarely in tonight's export", () => {
    const fresh = shipment({
      orderId: '113-fresh',
      trackingNumber: '9400111201080805483016',
      confirmedAt: stamp('2026-11-09T10:00:00-08:00'),
    });
    const old = shipment({
      orderId: '113-old',
      trackingNumber: '9400111201080805483016',
      confirmedAt: stamp('2026-11-09T05:00:00-08:00'),
    });
    const findings = [
      finding('tracking-not-found', '113-fresh', fresh.trackingNumber, 'warning'),
      finding('tracking-not-found', '113-old', old.trackingNumber, 'warning'),
    ];
    const { result, state, findings: open } = buildCheck(input({ findings, shipments: [fresh, old] }));
    expect(result.newFindings.map((f) => f.orderId)).toEqual(['113-old']);
    expect(open.map((f) => f.orderId)).toEqual(['113-old']);
    expect(Object.keys(state.reported)).toEqual([`tracking-not-found|113-old|${old.trackingNumber}`]);
    // Not in the tracking data and 4 h of grace left: at risk instead.
    expect(result.atRisk.shipments.map((s) => [s.orderId, s.hoursLeft, s.lastEvent])).toEqual([
      ['113-fresh', 4, undefined],
    ]);
  });

  it('rows that could not be read are an input warning naming the first', () => {
    const i = input();
    i.audit.summary.rowsRejected = 2;
    i.audit.inputs = [
      {
        file: '/srv/drops/confirm.txt',
        kind: 'confirmation-upload',
        encoding: 'utf-8',
        delimiter: 'tab',
        rowsRead: 10,
        rowsRejected: 2,
        zoneNote: '',
        problems: [{ file: '/srv/drops/confirm.txt', line: 7, message: 'no ship-date' }],
      },
    ];
    expect(buildCheck(i).result.input).toEqual([
      {
        level: 'warning',
        kind: 'rejected-rows',
        message: '2 rows could not be read (first: confirm.txt:7: no ship-date); `shipaudit inspect` shows them all',
      },
    ]);
  });
});

describe('exitCodeFor', () => {
  it.each([
    ['ok', 'warning', 0],
    ['warning', 'warning', 1],
    ['error', 'warning', 1],
    ['warning', 'error', 0],
    ['error', 'error', 1],
    ['error', 'never', 0],
  ] as const)('status %s, failOn %s → %i', (status, failOn, code) => {
    expect(exitCodeFor(status, failOn)).toBe(code);
  });
});
