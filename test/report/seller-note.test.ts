import { describe, expect, it } from 'vitest';
import type { Comparison, PeriodFigures } from '../../src/model/compare.js';
import { formatSellerNote, PDF_OFF, type Lang } from '../../src/report/seller-note.js';

const side = (key: 'before' | 'after', rate: number): PeriodFigures =>
  ({ key, earlyConfirmationRate: rate }) as PeriodFigures;

const improved: Comparison = {
  fixedOn: '2026-11-03',
  boundaryMs: 0,
  zone: 'America/Los_Angeles',
  graceHours: 24,
  before: side('before', 0.405),
  after: side('after', 0),
  verdict: { improved: true, problems: [] },
};
const notImproved: Comparison = {
  ...improved,
  after: side('after', 0.5),
  verdict: {
    improved: false,
    problems: [
      { kind: 'few-after', withScanTime: 4, needed: 10 },
      { kind: 'rate-not-lower', before: 0.405, after: 0.5 },
    ],
  },
};
const files = [{ file: 'evidence.csv', what: 'the evidence' }];

describe('formatSellerNote', () => {
  it.each<[Lang, Comparison, number, string[]]>([
    [
      'en',
      improved,
      10,
      [
        'Appeal pack for the fix of 2026-11-03',
        '- evidence.csv: the evidence',
        '1. Replace the 10 "[[SELLER TO FILL: ...]]" placeholders',
        '3. The data shows an improvement after 2026-11-03: early-confirmation rate 40.5% before, 0.0% since.',
      ],
    ],
    ['en', improved, 1, ['1. Replace the 1 "[[SELLER TO FILL: ...]]" placeholder in']],
    ['en', improved, 0, ['1. No placeholders are left in the Plan of Action.']],
    [
      'en',
      notImproved,
      10,
      [
        '3. The data does NOT yet show an improvement after 2026-11-03, and the Plan of Action says so.',
        '   - only 4 shipments confirmed since 2026-11-03 have a known first carrier scan (at least 10 are needed to show a change)',
        '   - the early-confirmation rate since 2026-11-03 (50.0%) is not lower than before (40.5%)',
      ],
    ],
    [
      'zh',
      improved,
      10,
      [
        '申诉材料包（整改日期 2026-11-03）',
        '中的 10 处 "[[SELLER TO FILL: ...]]" 占位符',
        '由 40.5% 降至 0.0%',
        '6. 行动计划（plan-of-action）特意保留为英文',
      ],
    ],
    [
      'zh',
      notImproved,
      10,
      [
        '数据尚未显示 2026-11-03 之后有改善',
        '   - 2026-11-03 之后只有 4 个包裹有已知的首次扫描时间（至少需要 10 个）',
        '   - 2026-11-03 之后的提前确认比例（50.0%）不低于之前（40.5%）',
      ],
    ],
  ])('%s, case %#', (lang, comparison, placeholders, expected) => {
    const note = formatSellerNote({ lang, comparison, placeholders, pdfWritten: true, files });
    for (const line of expected) expect(note).toContain(line);
  });

  it.each<[Lang, boolean, string, string]>([
    ['en', true, '4. Open report.pdf and check it', 'could not be written'],
    [
      'en',
      false,
      '4. report.pdf was not written on this computer (no Chromium or Chrome found). Open report.html',
      'Open report.pdf',
    ],
    ['zh', true, '4. 打开 report.pdf 检查一遍', '未生成'],
    [
      'zh',
      false,
      '4. 本机未生成 report.pdf（未找到 Chromium 或 Chrome）。请用 Chrome 或 Edge 打开 report.html',
      '打开 report.pdf',
    ],
  ])('%s, report.pdf written: %s', (lang, pdfWritten, present, absent) => {
    const note = formatSellerNote({ lang, comparison: improved, placeholders: 1, pdfWritten, files });
    expect(note).toContain(present);
    expect(note).not.toContain(absent);
  });

  // Switched off by the user: the note says so rather than that no browser was found.
  it.each([
    ['en', 'report.pdf was not written on this computer (printing is switched off: SHIPAUDIT_CHROMIUM=none).'],
    ['zh', '本机未生成 report.pdf（已用 SHIPAUDIT_CHROMIUM=none 关闭打印）。'],
  ] as const)('%s, printing switched off', (lang, present) => {
    const note = formatSellerNote({
      lang,
      comparison: improved,
      placeholders: 1,
      pdfWritten: false,
      pdfReason: PDF_OFF,
      files,
    });
    expect(note).toContain(present);
    expect(note).not.toContain('Chromium or Chrome found');
  });
});
