import { describe, expect, it } from 'vitest';
import { englishRuns, withoutData } from '../helpers/english.js';

describe('the English detector', () => {
  it.each([
    ['a sentence', 'No problems found in 3 shipments.', ['No problems found in']],
    [
      'English inside Chinese',
      '已读取 3 个包裹，but the verdict may be incomplete。',
      ['but the verdict may be incomplete'],
    ],
    ['a table heading', '  Order ID   Tracking number  Carrier', ['Tracking number Carrier']],
    ['commander message', "error: unknown option '--bogus'", ['error: unknown option']],
    ['two words', 'see below', ['see below']],
  ])('finds %s', (_, text, runs) => {
    expect(englishRuns(text)).toEqual(runs);
  });

  it.each([
    [
      'Chinese with ids and numbers',
      '订单 113-5159169-1756524 的运单号 LY099849078CN（China Post）在 2026-10-12 20:57 扫描',
    ],
    [
      'file names, options and zones',
      'shipaudit：fixtures/bad/empty.txt：文件是空的；--allow-rejected-rows；America/Los_Angeles',
    ],
    ['acronyms and units', '承运商 USPS, UPS；中位数 1.1 h，p90 93.3 h；CSV 或 JSON'],
    ['a proper name of Title-case words', '承运商 China Post 和 Royal Mail'],
    ['rule ids', '交接前确认发货 (confirmed-before-handover)'],
    ['a single English word', '迟发率 LSR 与 Sep'],
  ])('passes %s', (_, text) => {
    expect(englishRuns(text)).toEqual([]);
  });

  it('leaves out what the input files say', () => {
    const text = '最后事件 "Package arrived at consolidation hub" 2026-11-09';
    expect(englishRuns(text)).not.toEqual([]);
    expect(englishRuns(withoutData(text, ['Package arrived at consolidation hub']))).toEqual([]);
  });
});
