import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model/result.js';
import { chalkStyle, displayWidth, plain } from '../../src/report/style.js';
import { formatAuditText, worstFirst } from '../../src/report/text.js';
import { findings, resultFixture } from './result-fixture.js';

const ANSI = /\u001b\[/;

function render(
  result: AuditResult = resultFixture(),
  opts: Partial<Parameters<typeof formatAuditText>[1]> = {},
): string[] {
  return formatAuditText(result, { style: plain, ...opts }).split('\n');
}

/** The lines of a section, from its heading to the blank line that ends it. */
function section(lines: string[], heading: string): string[] {
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

function withFindings(mutate: (r: AuditResult) => void): AuditResult {
  const r = resultFixture();
  mutate(r);
  return r;
}

const clean = (r: AuditResult) => {
  r.findings = [];
  for (const k of Object.keys(r.summary.findingsByRule)) r.summary.findingsByRule[k] = 0;
  r.summary.rowsRejected = 0;
};

describe('verdict', () => {
  it.each<[string, AuditResult, string]>([
    [
      'errors and warnings, most serious first',
      resultFixture(),
      '✖ 2 of 30 shipments were confirmed before the carrier had them (error). 1 was confirmed late (warning). 1 was handed to the carrier after the latest ship date (warning).',
    ],
    ['nothing found', withFindings(clean), '✔ No problems found in 30 shipments.'],
    [
      'nothing found, but rows could not be read: no tick',
      withFindings((r) => {
        clean(r);
        r.summary.rowsRejected = 3;
      }),
      '⚠ No problems found in the 30 shipments read, but 3 rows could not be read (below): the verdict may be incomplete.',
    ],
    [
      'nothing found without tracking data says tracking was not checked',
      withFindings((r) => {
        clean(r);
        r.summary.hasTrackingData = false;
      }),
      '✔ No problems found in 30 shipments. Tracking was not checked: no tracking data was given.',
    ],
    [
      'warnings only',
      withFindings((r) => {
        const warnings = [...r.findings].filter((f) => f.severity === 'warning');
        r.summary.findingsByRule = { 'late-handover': 1, 'no-carrier-scan': 3 };
        r.findings = [...warnings, { ...warnings[1], rule: 'no-carrier-scan' }];
      }),
      '⚠ 3 of 30 shipments have no physical carrier scan yet (warning). 1 was handed to the carrier after the latest ship date (warning).',
    ],
    [
      'a rule without a phrase is named by its id',
      withFindings((r) => {
        r.summary.findingsByRule = { 'shared-tracking-number': 1 };
        r.findings = [{ ...findings[0], rule: 'shared-tracking-number' }];
      }),
      '✖ 1 of 30 shipments was flagged by shared-tracking-number (error).',
    ],
    ['no shipments', withFindings((r) => (r.summary.shipments = 0)), '⚠ No shipments were audited.'],
  ])('%s', (_, result, expected) => {
    expect(render(result)[0]).toBe(expected);
  });
});

describe('what was audited', () => {
  it('gives the period, the as-of moment and its source, exclusions, matching and rejected rows', () => {
    expect(render().slice(2, 10)).toEqual([
      '30 shipments audited, confirmed in week 2026-W41 (Oct 05) to week 2026-W43 (Oct 19).',
      'Judged as of 2026-11-24T18:00:00-08:00, the newest tracking event; times below are in America/Los_Angeles.',
      'Excluded: orders fulfilled by Amazon (AFN): 4; cancelled orders: 1.',
      'Matched with tracking: 29 of 30; with a physical carrier scan: 28.',
      '3 rows could not be read and were left out of the audit:',
      '  confirmations.txt:7: row has 5 of 8 columns (truncated or shifted row)',
      '  confirmations.txt:9: order id is empty',
      '  … and 1 more in confirmations.txt (`shipaudit inspect confirmations.txt`)',
    ]);
  });

  it('prefers the window when one was given', () => {
    const r = withFindings((x) => (x.window = { from: '2026-10-01', to: '2026-10-31' }));
    expect(render(r)[2]).toBe('30 shipments audited, confirmed 2026-10-01 to 2026-10-31.');
  });
});

describe('files read', () => {
  it('lists every input with what it was read as, and skipped folder entries with the reason', () => {
    const lines = render();
    const at = lines.indexOf('Files read');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  File               Read as                                                                Rows',
      '  confirmations.txt  confirmation-upload                                         33 (3 rejected)',
      '  README.txt         skipped: not a recognised input (headers of no known kind)',
    ]);
  });
});

describe('sections', () => {
  it.each<[string, string[]]>([
    [
      "Figures against Amazon's targets",
      [
        '  Figure                        Value     Count  Target',
        '  Late Shipment Rate (10 days)    n/a            under 4%',
        '  Late Shipment Rate (30 days)   3.3%   1 of 30  under 4%  ✔',
        '  Valid Tracking Rate           93.3%  28 of 30  over 95%  ✖',
        '  Early confirmation rate        7.1%   2 of 28  0%        ✖',
      ],
    ],
    [
      'Hand-over lag (confirmation → first carrier scan)',
      ['  median 1.5 h, p90 40.2 h, max 65.5 h (28 shipments; positive = confirmed before the first scan)'],
    ],
    [
      'Findings per rule',
      [
        '  Rule                       Shipments  Severity',
        '  confirmed-before-handover          2  ✖ error',
        '  late-confirmation                  1  ⚠ warning',
        '  late-handover                      1  ⚠ warning',
      ],
    ],
    [
      'By week of confirmation',
      [
        '  Week               Shipments  Early     Rate  Median lag h  Carriers',
        '  2026-W41 (Oct 05)         12      1   8.3% ✖          30.0  China Post',
        '  2026-W42 (Oct 12)         10      1  10.0% ✖          12.5  China Post',
        '  2026-W43 (Oct 19)          8      0   0.0% ✔          -2.0  USPS',
      ],
    ],
    [
      'By carrier',
      [
        '  Carrier     Shipments  Early    Rate  Median lag h  p90 lag h  Physical scan',
        '  China Post         22      2  9.1% ✖          20.3       20.3       22 of 22',
        '  USPS                8      0  0.0% ✔          -2.0       -2.0         8 of 8',
      ],
    ],
    [
      'Unclassified carrier events',
      [
        '  These event texts matched no table entry: one may hide a first scan. Classify them under "events" in the config.',
        '  7  到达寄达地处理中心',
        '  3  Arrived at Hub',
      ],
    ],
    [
      'Notes',
      ['  - 1 shipment(s) have no matching order in the order files: they were checked without ship-by dates.'],
    ],
  ])('%s', (heading, expected) => {
    expect(section(render(), heading)).toEqual(expected);
  });
});

describe('worst offenders', () => {
  it('lists errors first, then the longest gap, with a date-only confirmation marked', () => {
    expect(section(render(), 'Worst offenders (top 4)')).toEqual([
      '  Order ID             Tracking number                               Carrier     Confirmed         First scan        Gap h  Rule',
      '  113-1111111-1111111  RB123456785CN                                 China Post  2026-10-05 09:00  2026-10-08 02:30   65.5  confirmed-before-handover',
      '  113-2222222-2222222  =HYPERLINK("http://example.invalid","click")  China Post  2026-10-13 (day)  2026-10-15 10:00   34.0  confirmed-before-handover',
      '  113-1111111-1111111  RB123456785CN                                 China Post  2026-10-05 09:00  2026-10-08 02:30   65.5  late-confirmation',
      '  113-4444444-4444444  9400111899223197428490                        USPS        2026-10-21 15:00  2026-10-21 11:30   -3.5  late-handover',
    ]);
  });

  it('cuts at --top and says where the rest is', () => {
    const rows = section(render(undefined, { top: 2 }), 'Worst offenders (top 2)');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toBe(
      '  … and 2 more findings (the evidence CSV lists every shipment with one, --format json every finding)',
    );
  });

  it('puts findings without a measured gap last within their severity', () => {
    const noLag = { ...findings[2], lagHours: undefined, orderId: '113-0000000-0000000' };
    expect([noLag, findings[0], findings[3], findings[2]].sort(worstFirst).map((f) => [f.orderId, f.rule])).toEqual([
      ['113-1111111-1111111', 'confirmed-before-handover'],
      ['113-2222222-2222222', 'confirmed-before-handover'],
      ['113-0000000-0000000', 'confirmed-before-handover'],
      ['113-4444444-4444444', 'late-handover'],
    ]);
  });
});

describe('unclassified events', () => {
  it('shows the ten most frequent and counts the rest', () => {
    const r = withFindings((x) => {
      x.unclassifiedEvents = Array.from({ length: 13 }, (_, i) => ({ description: `event ${i}`, count: 20 - i }));
    });
    const lines = section(render(r), 'Unclassified carrier events');
    expect(lines).toHaveLength(12);
    expect(lines[1]).toBe('  20  event 0');
    expect(lines[10]).toBe('  11  event 9');
    expect(lines[11]).toBe('  … and 3 more');
  });

  it('cuts long descriptions to the width', () => {
    const r = withFindings(
      (x) => (x.unclassifiedEvents = [{ description: '包裹已到达寄达地处理中心，正在等待清关', count: 2 }]),
    );
    const line = section(render(r, { width: 30 }), 'Unclassified carrier events')[1];
    expect(line).toBe('  2  包裹已到达寄达地处理中心…');
    expect(displayWidth(line)).toBe(30);
  });
});

describe('output', () => {
  it('ends with where the evidence was written', () => {
    const lines = render(undefined, { evidencePath: 'out/evidence.csv' });
    expect(lines.at(-2)).toBe('Evidence, one row per affected shipment: out/evidence.csv');
  });

  it('wraps notes to the width with a hanging indent', () => {
    expect(section(render(undefined, { width: 60 }), 'Notes')).toEqual([
      '  - 1 shipment(s) have no matching order in the order files:',
      '    they were checked without ship-by dates.',
    ]);
  });

  it('has no colour codes with the plain style, and has them with chalk', () => {
    expect(formatAuditText(resultFixture(), { style: plain })).not.toMatch(ANSI);
    expect(formatAuditText(resultFixture(), { style: chalkStyle(new Chalk({ level: 1 })) })).toMatch(ANSI);
  });

  it('omits sections with nothing to say', () => {
    const r = withFindings((x) => {
      clean(x);
      x.unclassifiedEvents = [];
      x.notes = [];
      x.summary.rowsRejected = 0;
      x.inputs = [];
    });
    const text = render(r).join('\n');
    expect(text).not.toContain('Worst offenders');
    expect(text).not.toContain('Findings per rule');
    expect(text).not.toContain('Unclassified');
    expect(text).not.toContain('Notes');
    expect(text).not.toContain('rejected');
    expect(text).not.toContain('Files read');
  });
});
