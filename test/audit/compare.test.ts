import { describe, expect, it } from 'vitest';
import { compareAroundFix, evidenceRows, judgeImprovement } from '../../src/audit/compare.js';
import { MIN_AFTER_WITH_SCAN_TIME, type VerdictProblem } from '../../src/model/compare.js';
import type { Finding } from '../../src/model/finding.js';
import type { GroupFigures } from '../../src/model/result.js';
import type { Shipment } from '../../src/model/shipment.js';
import { scannedAt, shipment, stamp } from '../rules/build.js';

const LA = 'America/Los_Angeles';

function figures(early: number, withScanTime: number): GroupFigures {
  return {
    key: 'x',
    shipments: withScanTime,
    earlyConfirmations: early,
    withScanTime,
    earlyConfirmationRate: withScanTime === 0 ? null : early / withScanTime,
    lateConfirmations: 0,
    withPhysicalScan: withScanTime,
    lagHours: { count: 0, median: null, p90: null, max: null },
    carriers: [],
  };
}

describe('judgeImprovement', () => {
  it.each<[string, GroupFigures, GroupFigures, boolean, VerdictProblem[]]>([
    ['lower rate, enough after', figures(40, 100), figures(0, 30), true, []],
    ['lower but not zero still counts as lower', figures(40, 100), figures(1, 30), true, []],
    ['exactly the minimum after', figures(4, 10), figures(0, MIN_AFTER_WITH_SCAN_TIME), true, []],
    [
      'one short of the minimum',
      figures(4, 10),
      figures(0, 9),
      false,
      [{ kind: 'few-after', withScanTime: 9, needed: 10 }],
    ],
    [
      'no after shipments with a scan',
      figures(4, 10),
      figures(0, 0),
      false,
      [{ kind: 'few-after', withScanTime: 0, needed: 10 }],
    ],
    ['same rate', figures(4, 10), figures(6, 15), false, [{ kind: 'rate-not-lower', before: 0.4, after: 0.4 }]],
    ['higher rate', figures(4, 10), figures(6, 12), false, [{ kind: 'rate-not-lower', before: 0.4, after: 0.5 }]],
    [
      '0% before cannot get lower',
      figures(0, 20),
      figures(0, 20),
      false,
      [{ kind: 'rate-not-lower', before: 0, after: 0 }],
    ],
    ['nothing to compare with', figures(0, 0), figures(0, 20), false, [{ kind: 'nothing-before' }]],
    [
      'both problems at once',
      figures(1, 10),
      figures(2, 4),
      false,
      [
        { kind: 'few-after', withScanTime: 4, needed: 10 },
        { kind: 'rate-not-lower', before: 0.1, after: 0.5 },
      ],
    ],
  ])('%s', (_, before, after, improved, problems) => {
    expect(judgeImprovement(before, after)).toEqual({ improved, problems });
  });

  // A parcel confirmed and never scanned drops out of the rate: 0% with 30 unscanned labels is no improvement.
  it.each<[number, boolean]>([
    [0, true],
    [1, false],
    [30, false],
  ])('%i shipments since the fix without a scan or a number: improved %s', (unverified, improved) => {
    expect(judgeImprovement(figures(40, 100), figures(0, 30), unverified)).toEqual({
      improved,
      problems: unverified > 0 ? [{ kind: 'unverified-after', count: unverified }] : [],
    });
  });
});

/** A China Post parcel confirmed at `confirmed`, first scanned `lag` hours later. */
function parcel(
  id: string,
  confirmed: string,
  lag: number | undefined,
  carrier = 'China Post',
  precision: 'date' | 'datetime' = 'datetime',
): Shipment {
  const confirmedAt = stamp(confirmed, precision, precision === 'date' ? { zone: LA } : {});
  const scanMs = confirmedAt.epochMs + (precision === 'date' ? 86_400_000 - 1 : 0) + (lag ?? 0) * 3_600_000;
  return shipment({
    orderId: id,
    trackingNumber: `T${id}`,
    carrier,
    confirmedAt,
    tracking: lag === undefined ? undefined : scannedAt(new Date(scanMs).toISOString().replace('.000Z', 'Z')),
  });
}

describe('compareAroundFix', () => {
  // Fix on Tue 2026-11-03; Los Angeles is on PST (-08:00) from Nov 1.
  const list = [
    parcel('A', '2026-10-05T10:00:00-07:00', 100),
    parcel('A', '2026-10-06T10:00:00-07:00', 50), // second package of order A
    parcel('B', '2026-10-20T10:00:00-07:00', 30),
    parcel('C', '2026-10-21T10:00:00-07:00', 2),
    parcel('D', '2026-11-02T23:59:59-08:00', 3, 'China Post'), // last second before the fix day
    parcel('E', '2026-11-03T00:00:00-08:00', -4, 'USPS'), // first second of the fix day
    parcel('F', '2026-11-03T00:00:00-08:00', -2, 'UPS', 'date'), // date-only on the fix day
    parcel('G', '2026-11-10T09:00:00-08:00', undefined, 'USPS'), // no scan yet
  ];
  const early = new Set(['A', 'B']);
  const hits = new Map(
    list.map((s) => [
      s,
      new Set(early.has(s.orderId) ? ['confirmed-before-handover'] : s.orderId === 'G' ? ['late-confirmation'] : []),
    ]),
  );
  const c = compareAroundFix(list, hits, { fixedOn: '2026-11-03', zone: LA, graceHours: 24 });

  it.each([
    ['boundaryMs', c.boundaryMs, Date.parse('2026-11-03T08:00:00Z')],
    ['before shipments', c.before.shipments, 5],
    ['after shipments', c.after.shipments, 3],
    ['before early', c.before.earlyConfirmations, 3],
    ['before early orders', c.before.earlyOrders, 2],
    ['before rate', c.before.earlyConfirmationRate, 3 / 5],
    ['before first day', c.before.firstDay, '2026-10-05'],
    ['before last day', c.before.lastDay, '2026-11-02'],
    ['after first day', c.after.firstDay, '2026-11-03'],
    ['after last day', c.after.lastDay, '2026-11-10'],
    ['after with scan time', c.after.withScanTime, 2],
    ['after late', c.after.lateConfirmations, 1],
    ['early gap', c.before.earlyGapHours, { count: 3, median: 50, p90: 100, max: 100 }],
    ['before lag', c.before.lagHours, { count: 5, median: 30, p90: 100, max: 100 }],
    ['after lag', c.after.lagHours, { count: 2, median: -3, p90: -2, max: -2 }],
    ['early carriers', c.before.earlyCarriers, [{ carrier: 'China Post', count: 3 }]],
    [
      'after carriers',
      c.after.carrierCounts,
      [
        { carrier: 'USPS', count: 2 },
        { carrier: 'UPS', count: 1 },
      ],
    ],
    // Two "after" shipments with a scan: fewer than the minimum, so no claim.
    ['verdict', c.verdict, { improved: false, problems: [{ kind: 'few-after', withScanTime: 2, needed: 10 }] }],
  ])('%s', (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('evidenceRows', () => {
  const f = (orderId: string, rule: string, severity: Finding['severity'], iso: string): Finding => ({
    rule,
    severity,
    message: rule,
    orderId,
    trackingNumber: `T${orderId}`,
    confirmedAt: { iso, epochMs: Date.parse(iso), precision: 'datetime', raw: iso, zone: 'offset' },
    sources: { confirmation: { file: 'c.txt', line: 2 } },
  });
  const boundary = Date.parse('2026-11-03T08:00:00Z');
  const rows = evidenceRows(
    [
      f('Z', 'late-handover', 'warning', '2026-11-05T10:00:00-08:00'),
      f('Y', 'late-handover', 'warning', '2026-10-05T10:00:00-07:00'),
      f('Y', 'confirmed-before-handover', 'error', '2026-10-05T10:00:00-07:00'),
      f('X', 'confirmed-before-handover', 'error', '2026-10-05T10:00:00-07:00'),
    ],
    boundary,
  );

  it.each([
    ['order of rows (time, then order id)', rows.map((r) => r.findings[0].orderId), ['X', 'Y', 'Z']],
    ['periods', rows.map((r) => r.period), ['before', 'before', 'after']],
    ['most severe finding first', rows[1].findings.map((x) => x.rule), ['confirmed-before-handover', 'late-handover']],
  ])('%s', (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
