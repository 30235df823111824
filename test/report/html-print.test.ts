import { beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRow } from '../../src/model/compare.js';
import type { Finding, TimeFact } from '../../src/model/finding.js';
import { cssString, formatHtmlReport, PRINT_ROWS, shortTime, worstRows } from '../../src/report/html.js';
import { sampleAppeal } from './sample-appeal.js';

const LA = 'America/Los_Angeles';
const fact = (iso: string, precision: TimeFact['precision'] = 'datetime'): TimeFact => ({
  iso,
  epochMs: Date.parse(precision === 'date' ? `${iso}T12:00:00Z` : iso),
  precision,
  raw: iso,
  zone: 'test',
});

describe('shortTime: the local time a reviewer reads in a narrow column', () => {
  it.each<[string, TimeFact['precision'], string, string]>([
    ['2026-10-03T14:21:00-07:00', 'datetime', LA, 'Oct 3 14:21 PDT'],
    ['2026-11-03T09:05:00-08:00', 'datetime', LA, 'Nov 3 09:05 PST'],
    ['2026-10-31T23:59:00+08:00', 'datetime', 'Asia/Shanghai', 'Oct 31 23:59 GMT+8'],
    ['2026-01-02T00:00:00+00:00', 'datetime', 'Europe/London', 'Jan 2 00:00 GMT'],
    ['2026-10-07', 'date', LA, 'Oct 7'],
    // A zone Intl does not know keeps the offset the time was given with.
    ['2026-10-03T14:21:00+05:30', 'datetime', 'Nowhere/Unknown', 'Oct 3 14:21 UTC+05:30'],
  ])('%s in %s', (iso, precision, zone, expected) => {
    expect(shortTime(fact(iso, precision), zone)).toBe(expected);
  });

  it('is empty for a missing time', () => {
    expect(shortTime(undefined, LA)).toBe('');
  });
});

describe('cssString', () => {
  it.each([
    ['Plain text 1.0', '"Plain text 1.0"'],
    ['a "b" \\ c', '"a \\22 b\\22  \\5c  c"'],
    ['</style><script>', '"\\3c /style\\3e \\3c script\\3e "'],
    ['灵动 · x', '"\\7075 \\52a8  \\b7  x"'],
    ['😀', '"\\1f600 "'],
  ])('%j', (text, css) => {
    expect(cssString(text)).toBe(css);
  });
});

function row(severity: Finding['severity'], lagHours: number | undefined, orderId: string): EvidenceRow {
  const f = { rule: 'x', severity, orderId, lagHours } as Finding;
  return { period: 'before', findings: [f] };
}

describe('worstRows', () => {
  it('puts errors first, then the longest gap, ties in their order, and caps the list', () => {
    const rows = [
      row('warning', 500, 'w500'),
      row('error', 30, 'e30'),
      row('error', undefined, 'e-none'),
      row('error', 90, 'e90'),
      row('error', 30, 'e30-second'),
      row('error', -4, 'e-4'),
    ];
    expect(worstRows(rows, 10).map((r) => r.findings[0].orderId)).toEqual([
      'e90',
      'e30',
      'e30-second',
      'e-4',
      'e-none',
      'w500',
    ]);
    expect(worstRows(rows, 2).map((r) => r.findings[0].orderId)).toEqual(['e90', 'e30']);
  });
});

describe('the printed part of report.html, sample month', () => {
  let html: string;
  let printed: string;
  let rows: number;

  beforeAll(async () => {
    const input = await sampleAppeal();
    rows = input.rows.length;
    html = formatHtmlReport({ ...input, sellerName: 'Lingdong Tech' });
    printed = html.slice(html.indexOf('<section class="print-evidence print-only">'));
  });

  it('lists the 40 worst shipments and says where the rest are', () => {
    expect(rows).toBe(59);
    expect(printed.match(/<tr class="(before|after)"/g)).toHaveLength(PRINT_ROWS);
    expect(printed).toContain('<h2>The 40 worst of 59 shipments with an issue</h2>');
    expect(printed).toContain('All 59 shipments are in evidence.xlsx and evidence.csv.');
  });

  it('shows the worst shipment with short local times, the scan glossed, the issues in words', () => {
    const first = /<tbody>\n(<tr[^\n]*)/.exec(printed)![1];
    const cells = [...first.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      'before',
      '113-5159169-1756524',
      'LY099849078CN',
      'China Post',
      'Oct 6 20:57 PDT',
      'Oct 12 21:22 PDT',
      '144.4',
      '已收寄 <span class="gloss">accepted (posted)</span>',
      '深圳市',
      'Confirmed before scan; Handed over late',
    ]);
    expect(printed).not.toContain('confirmed-before-handover');
  });

  it('puts a header and page numbers on every printed page', () => {
    expect(html).toContain(
      '@top-left { content: "Lingdong Tech \\b7  Shipment confirmations before and after 2026-11-03";',
    );
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it('keeps the full table on screen', () => {
    expect(html).toContain('<section class="evidence screen-only">');
    expect(
      html.slice(0, html.indexOf('<section class="print-evidence')).match(/<tr class="(before|after)">/g),
    ).toHaveLength(59);
  });
});

describe('the on-screen evidence table of report.html, sample month', () => {
  let html: string;
  let screen: string;
  beforeAll(async () => {
    html = formatHtmlReport(await sampleAppeal());
    const start = html.indexOf('<section class="evidence screen-only">');
    screen = html.slice(start, html.indexOf('</section>', start));
  });
  /** The "First Scan Event" cell of each row, in the rows' order. */
  const events = () => {
    const head = [...screen.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]);
    const at = head.indexOf('First Scan Event');
    return [...screen.matchAll(/<tr class="(?:before|after)">(.*?)<\/tr>/g)].map(
      (m) => [...m[1].matchAll(/<td>(.*?)<\/td>/g)][at][1],
    );
  };

  it('shows a Chinese scan text with its English beside it, as the print does', () => {
    expect(events()[0]).toBe('已收寄 <span class="gloss">accepted (posted)</span>');
    const chinese = events().filter((e) => /^[\u4e00-\u9fff]/.test(e));
    expect(chinese.length).toBeGreaterThan(30);
    expect(chinese.every((e) => e.endsWith(' <span class="gloss">accepted (posted)</span>'))).toBe(true);
  });

  it('leaves an English scan text and a missing one as they are', () => {
    expect(events()[49]).toBe('Pickup Scan');
    expect(events()[52]).toBe('Accepted at USPS Origin Facility');
    expect(events()[36]).toBe('');
  });

  it('styles the gloss on screen too, not only in print', () => {
    const screenCss = html.slice(html.indexOf('<style>'), html.indexOf('@media print'));
    expect(screenCss).toContain('\n.gloss { font-style: italic; color: var(--muted); }\n');
  });
});

describe('the printed table with few or no shipments', () => {
  it.each<[number, string | undefined]>([
    [0, undefined],
    [3, '<h2>All 3 shipments with an issue, worst first</h2>'],
  ])('%i shipments with an issue', async (n, heading) => {
    const input = await sampleAppeal();
    const html = formatHtmlReport({ ...input, rows: input.rows.slice(0, n) });
    const printed = html.includes('<section class="print-evidence print-only">');
    expect(printed).toBe(heading !== undefined);
    if (heading) {
      expect(html).toContain(heading);
      expect(html).toContain('The full table, with sources and time-zone notes, is in evidence.xlsx and evidence.csv.');
    }
  });
});
