import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, VerdictProblem } from '../../src/model/compare.js';
import type { AuditResult } from '../../src/model/result.js';
import {
  countPlaceholders,
  describeProblem,
  formatPlanOfAction,
  placeholder,
  type PlanOfAction,
} from '../../src/report/poa.js';
import { sampleAppeal } from './sample-appeal.js';

const ATTACHMENTS = [
  { file: 'evidence.csv', what: 'one row per shipment' },
  { file: 'report.pdf', what: 'charts' },
];
const MARKER = /\[\[SELLER TO FILL: [^\]]+\]\]/g;

let result: AuditResult;
let comparison: Comparison;
let poa: PlanOfAction;

beforeAll(async () => {
  ({ result, comparison } = await sampleAppeal());
  poa = formatPlanOfAction({ result, comparison, attachments: ATTACHMENTS });
});

/** The comparison with the "after" side changed, for the other verdicts. */
function variant(after: Partial<Comparison['after']>, verdict: Comparison['verdict']): Comparison {
  return { ...comparison, after: { ...comparison.after, ...after }, verdict };
}

describe('Plan of Action from the sample month, fix on 2026-11-03', () => {
  // The figures below are the sample month's, as the audit computes them (the e2e test checks them against
  // the audit's JSON); here they pin where each one lands in the text.
  it.each([
    [
      'root cause: count, base, rate and orders',
      '47 of our 116 shipments with a known first carrier scan (40.5%; 46 orders)',
    ],
    ['root cause: period before the fix', 'Between 2026-10-01 and 2026-10-30'],
    [
      'typical gap of the early confirmations',
      'a median of 86.9 hours before the first carrier scan (90% within 139.7 hours; the longest gap was 144.4 hours)',
    ],
    ['carriers involved', 'Carriers involved: China Post (47).'],
    ['carriers either side of the fix', 'China Post (117). Since 2026-11-03: USPS (51), UPS (36).'],
    [
      'table: shipments',
      'Shipments confirmed                                                          117                         87',
    ],
    [
      'table: early',
      'Confirmed more than 24 h before the first scan                                47                          0',
    ],
    [
      'table: rate',
      'Early-confirmation rate                                                    40.5%                       0.0%',
    ],
    [
      'table: median lag',
      'Median hours, confirmation to first scan                                    18.8                       -4.8',
    ],
    [
      'table: p90 lag',
      '90th percentile hours, confirmation to first scan                          119.1                       -1.9',
    ],
    [
      'table: late',
      'Late shipments (confirmed after the latest ship date)                          0                          3',
    ],
    [
      // None of the 82 scanned shipments since the fix was early, but 3 were never scanned or had no number:
      // the rate cannot vouch for them, so no improvement is claimed.
      'verdict backed by numbers',
      'The data does not yet show an improvement after 2026-11-03: 3 shipments confirmed since 2026-11-03 have no carrier scan to judge them by (no tracking number, or still no physical scan long after the confirmation), and the rate counts only scanned shipments.',
    ],
    [
      'late hand-overs before the fix are named',
      'In the same period, 34 shipments reached the carrier after their latest ship date (first carrier scan after it), whatever the confirmation said.',
    ],
    [
      'late shipments after the fix are not hidden',
      '3 shipments since 2026-11-03 were confirmed after the latest ship date.',
    ],
    ['attachments', '- evidence.csv: one row per shipment\n- report.pdf: charts'],
    ['method', 'Data used: Amazon All Orders report, shipping confirmation file, carrier tracking export.'],
    [
      'a placeholder for the late shipments after the fix',
      '[[SELLER TO FILL: explain the 3 shipments confirmed late since 2026-11-03: why they were late and what you did about them]]',
    ],
    ['structure', '1. ROOT CAUSE'],
    ['structure', '2. ACTIONS TAKEN'],
    ['structure', '3. RESULTS SINCE 2026-11-03'],
    ['structure', '4. PREVENTIVE MEASURES'],
    ['structure', '5. SUPPORTING DOCUMENTS'],
  ])('text has %s', (_, expected) => {
    expect(poa.text).toContain(expected);
  });

  it.each([
    ['markdown heading', '## 1. Root cause'],
    ['markdown table row', '| Early-confirmation rate | 40.5% | 0.0% |'],
    ['markdown table alignment', '| --- | ---: | ---: |'],
    ['markdown signature line break', 'Sincerely,  \n[[SELLER TO FILL: name and title of the person signing]]'],
  ])('markdown has %s', (_, expected) => {
    expect(poa.markdown).toContain(expected);
  });

  it.each([
    'your seller name as shown in Seller Central',
    'your merchant token (Seller ID)',
    'the training given to staff: date, who attended, what was taught',
    'name and role of the person responsible for confirming shipments',
    'describe the corrective action that took effect on 2026-11-03',
  ])('leaves a placeholder for what the data cannot know: %s', (what) => {
    expect(poa.text).toContain(placeholder(what));
  });

  it('counts its placeholders at the top of the .txt, and the .md has the same ones', () => {
    const body = poa.text.split('-'.repeat(40) + '\n')[1];
    expect(poa.placeholders).toBe(11);
    expect(poa.text.split('\n')[0]).toBe(
      '11 placeholders left: replace every "SELLER TO FILL" marker below before sending. Paste from the line after the dashes.',
    );
    expect(body.match(MARKER)).toHaveLength(11);
    expect(poa.markdown.match(MARKER)).toEqual(body.match(MARKER));
  });

  it('fills the seller name when given, escaped for Markdown', () => {
    const named = formatPlanOfAction({
      result,
      comparison,
      attachments: ATTACHMENTS,
      sellerName: 'Lingdong *Tech* <US>',
    });
    expect(named.placeholders).toBe(10);
    expect(named.text).toContain('Seller: Lingdong *Tech* <US>');
    expect(named.markdown).toContain('Seller: Lingdong \\*Tech\\* \\<US\\>');
  });
});

describe("the letter names kinds of data, never the seller's file names", () => {
  it('leaves out raw and Chinese file names, and says one late shipment in the singular', () => {
    const inputs = [
      { ...result.inputs[0], file: '/home/seller/下载/亚马逊订单-十月.txt', kind: 'erp-confirmations' },
      { ...result.inputs[0], file: 'C:\\Users\\li\\物流轨迹.csv', kind: 'tracking-events' },
      { ...result.inputs[0], file: 'track2.csv', kind: 'tracking-summary' },
      { ...result.inputs[0], file: 'usps.json', kind: 'tracking-api' },
    ];
    const one = { ...comparison, after: { ...comparison.after, lateConfirmations: 1 } };
    const p = formatPlanOfAction({ result: { ...result, inputs }, comparison: one, attachments: ATTACHMENTS });
    for (const name of ['亚马逊订单', '物流轨迹', 'track2', 'usps.json', '.txt', '.csv']) {
      expect(p.text.replace(/evidence\.csv/g, '')).not.toContain(name);
    }
    expect(p.text).toContain(
      'Data used: shipping confirmation export from our order system, carrier tracking export, carrier tracking data (API).',
    );
    expect(p.text).toContain('1 shipment since 2026-11-03 was confirmed after the latest ship date.');
    expect(p.text).toContain(
      placeholder('explain the 1 shipment confirmed late since 2026-11-03: why it was late and what you did about it'),
    );
  });

  it('has no late-shipment placeholder when none was late after the fix', () => {
    const none = { ...comparison, after: { ...comparison.after, lateConfirmations: 0 } };
    const p = formatPlanOfAction({ result, comparison: none, attachments: ATTACHMENTS });
    expect(p.text).not.toContain('confirmed late since');
    expect(p.placeholders).toBe(10);
  });
});

describe('honest wording by verdict', () => {
  it.each<[string, () => Comparison, string[], string[], number]>([
    [
      'not better after the fix',
      () =>
        variant(
          { earlyConfirmations: 41, withScanTime: 82, earlyConfirmationRate: 0.5 },
          { improved: false, problems: [{ kind: 'rate-not-lower', before: 47 / 116, after: 0.5 }] },
        ),
      [
        'The data does not yet show an improvement after 2026-11-03: the early-confirmation rate since 2026-11-03 (50.0%) is not lower than before (40.5%).',
      ],
      ['none of the', 'fell from'],
      11,
    ],
    [
      'too few shipments after the fix',
      () =>
        variant(
          { earlyConfirmations: 0, withScanTime: 4, earlyConfirmationRate: 0 },
          { improved: false, problems: [{ kind: 'few-after', withScanTime: 4, needed: 10 }] },
        ),
      [
        'The data does not yet show an improvement after 2026-11-03: only 4 shipments confirmed since 2026-11-03 have a known first carrier scan (at least 10 are needed to show a change).',
      ],
      ['none of the'],
      11,
    ],
    [
      'better but not clean',
      () =>
        variant(
          { earlyConfirmations: 2, withScanTime: 82, earlyConfirmationRate: 2 / 82 },
          { improved: true, problems: [] },
        ),
      [
        'Since 2026-11-03, the early-confirmation rate fell from 40.5% to 2.4%',
        '2 shipments since then were still confirmed before the first carrier scan; they are marked "after" in the evidence.',
        placeholder('explain the 2 shipments confirmed early since 2026-11-03 and what you did about them'),
      ],
      ['does not yet show', 'none of the'],
      12,
    ],
  ])('%s', (_, make, present, absent, placeholders) => {
    const p = formatPlanOfAction({ result, comparison: make(), attachments: ATTACHMENTS });
    for (const s of present) expect(p.text).toContain(s);
    for (const s of absent) expect(p.text).not.toContain(s);
    expect(p.placeholders).toBe(placeholders);
  });
});

describe('describeProblem', () => {
  it.each<[VerdictProblem, string]>([
    [
      { kind: 'nothing-before' },
      'no shipment confirmed before 2026-11-03 has a known first carrier scan, so there is nothing to compare with',
    ],
    [
      { kind: 'few-after', withScanTime: 1, needed: 10 },
      'only 1 shipment confirmed since 2026-11-03 has a known first carrier scan (at least 10 are needed to show a change)',
    ],
    [
      { kind: 'few-after', withScanTime: 0, needed: 10 },
      'no shipment confirmed since 2026-11-03 has a known first carrier scan yet (at least 10 are needed to show a change)',
    ],
    [
      { kind: 'unverified-after', count: 1 },
      '1 shipment confirmed since 2026-11-03 has no carrier scan to judge it by (no tracking number, or still no physical scan long after the confirmation), and the rate counts only scanned shipments',
    ],
    [
      { kind: 'rate-not-lower', before: 0, after: 0 },
      'the early-confirmation rate since 2026-11-03 (0.0%) is not lower than before (0.0%)',
    ],
  ])('%j', (problem, expected) => {
    expect(describeProblem(problem, '2026-11-03')).toBe(expected);
  });
});

describe('countPlaceholders', () => {
  it.each([
    ['', 0],
    ['no marker', 0],
    [placeholder('a'), 1],
    [`${placeholder('a')} and ${placeholder('b')}`, 2],
    ['[[SELLER TO FILL without colon]]', 0],
  ])('%j → %d', (text, n) => {
    expect(countPlaceholders(text)).toBe(n);
  });
});
