import { describe, expect, it } from 'vitest';
import { CHECK_DEFAULTS } from '../../src/check/defaults.js';
import { buildCheck } from '../../src/check/run.js';
import type { CheckResult } from '../../src/model/check.js';
import { checkJson, formatCheckText } from '../../src/report/check.js';
import { plain } from '../../src/report/style.js';
import { auditResult, finding } from './helpers.js';

const ASOF = '2026-11-10T06:00:00-08:00';

function result(
  o: { findings?: ReturnType<typeof finding>[]; reported?: string[]; history?: Array<[string, number]> } = {},
): CheckResult {
  const findings = o.findings ?? [];
  return buildCheck({
    audit: auditResult({ asOf: ASOF, findings, rates: { lsr30: 0.035 } }),
    shipments: [],
    awaiting: [],
    asOfMs: Date.parse(ASOF),
    window: { from: '2026-10-11', to: '2026-11-10', days: 30 },
    graceHours: 24,
    newestTrackingMs: Date.parse(ASOF),
    inputFiles: 2,
    state: {
      version: 1,
      reported: Object.fromEntries((o.reported ?? []).map((k) => [k, { first: ASOF, last: ASOF }])),
      history: (o.history ?? []).map(([asOf, lsr30]) => ({ asOf, metrics: { lsr10: 0, lsr30, vtr: 1, early: 0 } })),
    },
    stateReport: { file: 'state.json', status: 'ok' },
    problems: [],
    staleAfterHours: 36,
    thresholds: CHECK_DEFAULTS.thresholds,
    atRisk: CHECK_DEFAULTS.atRisk,
  }).result;
}

const lsr30Line = (text: string) => text.split('\n').find((l) => l.includes('Late Shipment Rate (30 days)'))!;

describe('formatCheckText', () => {
  it.each([
    ['no earlier run', [], '  warning  Late Shipment Rate (30 days)    3.5%  0 of 0  target  3.0% or more'],
    [
      'a run 12 hours ago',
      [['2026-11-09T18:00:00-08:00', 0.021]],
      '  warning  Late Shipment Rate (30 days)    3.5%  0 of 0  target  3.0% or more  2.1% → 3.5% over 12 h',
    ],
    [
      'a run 6 days ago',
      [['2026-11-04T06:00:00-08:00', 0.021]],
      '  warning  Late Shipment Rate (30 days)    3.5%  0 of 0  target  3.0% or more  2.1% → 3.5% over 6 days',
    ],
  ] as const)('the trend with %s', (_, history, line) => {
    expect(
      lsr30Line(formatCheckText(result({ history: history as unknown as Array<[string, number]> }), { style: plain })),
    ).toBe(line);
  });

  it('a night with only old findings says so instead of listing them', () => {
    const text = formatCheckText(
      result({ findings: [finding('late-confirmation', '113-1', 'T1')], reported: ['late-confirmation|113-1|T1'] }),
      { style: plain },
    );
    expect(text.split('\n').slice(0, 5)).toEqual([
      '⚠ shipaudit check, as of 2026-11-10 06:00 America/Los_Angeles: 1 metric past the warning level.',
      '',
      'New findings since the last run: none',
      '  1 finding reported before and still open, not repeated: 1 late-confirmation.',
      '',
    ]);
  });

  it('lists at most `top` new findings, worst first, and says how many more', () => {
    const findings = [
      finding('late-handover', '113-3', 'T3', 'warning'),
      finding('late-confirmation', '113-1', 'T1'),
      finding('late-confirmation', '113-2', 'T2'),
    ];
    const lines = formatCheckText(result({ findings }), { style: plain, top: 2 }).split('\n');
    const at = lines.indexOf('New findings since the last run (3)');
    expect(lines.slice(at + 2, at + 5)).toEqual([
      '  error  late-confirmation  113-1     T1               USPS     late-confirmation on 113-1',
      '  error  late-confirmation  113-2     T2               USPS     late-confirmation on 113-2',
      '  … and 1 more (--out writes them all, with the evidence CSV)',
    ]);
  });
});

describe('checkJson', () => {
  it('writes findings as the audit JSON does, with the command named', () => {
    const j = checkJson(result({ findings: [finding('late-confirmation', '113-1', 'T1')] }));
    expect(j.command).toBe('check');
    expect(j.newFindings[0]).toMatchObject({
      rule: 'late-confirmation',
      orderId: '113-1',
      confirmedAt: '2026-11-09T10:30:00-08:00',
      firstCarrierScanAt: null,
    });
    expect(JSON.parse(JSON.stringify(j)).metrics.map((m: { id: string }) => m.id)).toEqual([
      'lsr10',
      'lsr30',
      'vtr',
      'early',
    ]);
  });
});

describe('unclassified events and the Unshipped snapshot', () => {
  const base = (over: Partial<Parameters<typeof buildCheck>[0]>) =>
    buildCheck({
      audit: auditResult({ asOf: ASOF }),
      shipments: [],
      awaiting: [],
      asOfMs: Date.parse(ASOF),
      window: { from: '2026-10-11', to: '2026-11-10', days: 30 },
      graceHours: 24,
      newestTrackingMs: Date.parse(ASOF),
      inputFiles: 2,
      state: { version: 1, reported: {}, history: [] },
      stateReport: { file: 'state.json', status: 'ok' },
      problems: [],
      staleAfterHours: 36,
      thresholds: CHECK_DEFAULTS.thresholds,
      atRisk: CHECK_DEFAULTS.atRisk,
      ...over,
    }).result;

  it('lists the unclassified texts (10 at most in the text); with no new finding resting on scans, no warning', () => {
    const events = Array.from({ length: 12 }, (_, k) => ({ description: `Text ${k}`, count: 20 - k }));
    const r = base({ audit: { ...auditResult({ asOf: ASOF }), unclassifiedEvents: events } });
    // Nothing new tonight: the texts are listed, and the night is not raised for them alone.
    expect(r.input.find((p) => p.kind === 'unclassified-events')).toBeUndefined();
    expect(r.unclassifiedEvents).toEqual(events);
    expect(formatCheckText(r, { style: plain })).toContain(
      ' 12 carrier event texts matched no table entry (listed by --format json and shipaudit inspect).',
    );
    // With a new finding that rests on scans, the night warns and lists them.
    const raised = {
      ...r,
      status: 'warning' as const,
      input: [{ level: 'warning' as const, kind: 'unclassified-events' as const, message: 'x' }],
    };
    const text = formatCheckText(raised, { style: plain });
    expect(text).toContain('\nUnclassified carrier events\n  20  Text 0\n  19  Text 1\n');
    expect(text).toContain('  11  Text 9\n  … and 2 more\n');
    expect(text).not.toContain('Text 10');
    expect(checkJson(r).unclassifiedEvents).toHaveLength(12);
  });

  it('a snapshot older than staleAfterHours warns and marks the orders due from it', () => {
    const asOfMs = Date.parse(ASOF);
    const order = {
      orderId: '113-7',
      latestShipDate: { epochMs: asOfMs - 6 * 3_600_000, precision: 'instant' },
      latestShipDateComputed: false,
      items: 1,
      awaitingShipment: true,
      source: { file: 'u.txt', line: 2 },
    } as unknown as Parameters<typeof buildCheck>[0]['awaiting'][number];
    const old = base({ awaiting: [order], snapshots: [{ file: 'drops/unshipped.txt', ms: asOfMs - 73 * 3_600_000 }] });
    expect(old.input.map((p) => p.kind)).toEqual(['stale-unshipped']);
    expect(old.input[0].message).toMatch(
      /^the Unshipped Orders report unshipped\.txt is stale: it was made 73\.0 h ago/,
    );
    expect(old.atRisk.orders[0].snapshot).toBe('2026-11-07T05:00:00-08:00');
    expect(formatCheckText(old, { style: plain })).toContain('(Unshipped report of 2026-11-07 05:00, stale)');
    const fresh = base({ awaiting: [order], snapshots: [{ file: 'unshipped.txt', ms: asOfMs - 30 * 3_600_000 }] });
    expect(fresh.input).toEqual([]);
    expect(fresh.atRisk.orders[0].snapshot).toBeUndefined();
  });
});
