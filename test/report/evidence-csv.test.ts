import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { EVIDENCE_COLUMNS, formatEvidenceCsv } from '../../src/report/evidence-csv.js';
import { findings } from './result-fixture.js';

const HEADER =
  'Order ID,Tracking Number,Carrier,Purchase Date,Latest Ship Date,Latest Ship Date Source,Ship Confirmation Time,' +
  'Confirmation Precision,First Carrier Scan Time,First Scan Event,First Scan Event (English),First Scan Location,' +
  'Hours Confirmation Before Scan,' +
  'Issues,Severity,Details,Time Zone Notes,Source: Confirmation,Source: First Scan,Source: Order';

const csv = formatEvidenceCsv(findings);
const records = csv.slice(1).split('\r\n');

/** Cells of a record by header, for records whose cells hold no line breaks (all in the fixture). */
function row(orderId: string): Record<string, string> {
  const line = records.find((r) => r.startsWith(orderId))!;
  const cells = line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, ''));
  return Object.fromEntries(EVIDENCE_COLUMNS.map((c, i) => [c.header, cells[i]]));
}

describe('evidence CSV format', () => {
  it('starts with a BOM, then the exact header row', () => {
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
  });

  it('uses CRLF only', () => {
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per shipment, in order of confirmation, even when a shipment has two findings', () => {
    expect(records.slice(1, -1).map((r) => r.slice(0, 19))).toEqual([
      '113-1111111-1111111',
      '113-2222222-2222222',
      '113-4444444-4444444',
    ]);
  });

  it('an empty list gives the header alone', () => {
    expect(formatEvidenceCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
  });
});

describe('evidence CSV cells', () => {
  it.each<[string, string, string]>([
    // shipment with two findings: one row, both rules, the highest severity, both messages
    ['113-1111111-1111111', 'Issues', 'confirmed-before-handover; late-confirmation'],
    ['113-1111111-1111111', 'Severity', 'error'],
    [
      '113-1111111-1111111',
      'Details',
      '"Confirmed 65.5 h before the first carrier scan ""已收寄"", Shenzhen. | Confirmed 9.0 h after the latest ship date."',
    ],
    ['113-1111111-1111111', 'Ship Confirmation Time', '2026-10-05T09:00:00-07:00'],
    ['113-1111111-1111111', 'First Carrier Scan Time', '2026-10-08T02:30:00-07:00'],
    ['113-1111111-1111111', 'First Scan Event', '已收寄'],
    // a Chinese scan text gets its English beside it; an English one is left alone
    ['113-1111111-1111111', 'First Scan Event (English)', 'accepted (posted)'],
    ['113-2222222-2222222', 'First Scan Event', 'Posting/Collection'],
    ['113-2222222-2222222', 'First Scan Event (English)', ''],
    ['113-4444444-4444444', 'First Scan Event', 'Accepted at USPS Origin Facility'],
    ['113-4444444-4444444', 'First Scan Event (English)', ''],
    ['113-1111111-1111111', 'Hours Confirmation Before Scan', '65.5'],
    ['113-1111111-1111111', 'Latest Ship Date Source', 'Amazon report'],
    [
      '113-1111111-1111111',
      'Time Zone Notes',
      '"Confirmation ""2026-10-05 09:00"": America/Los_Angeles, setting: --marketplace-tz; First scan ""2026-10-08 17:30"": Asia/Shanghai, inferred: location ""深圳市""; ' +
        'Purchase ""2026-10-02T17:12:00+00:00"": +00:00, offset; Latest ship date ""2026-10-05T06:59:59+00:00"": +00:00, offset"',
    ],
    // file names only, whatever the path style
    ['113-1111111-1111111', 'Source: Confirmation', 'confirm-upload.txt:2'],
    ['113-1111111-1111111', 'Source: First Scan', 'events.csv:10'],
    ['113-1111111-1111111', 'Source: Order', 'orders.txt:5'],
    // a formula for a tracking number is neutralised, and its quotes and comma quoted
    ['113-2222222-2222222', 'Tracking Number', '"\'=HYPERLINK(""http://example.invalid"",""click"")"'],
    ['113-2222222-2222222', 'Ship Confirmation Time', '2026-10-13'],
    ['113-2222222-2222222', 'Confirmation Precision', 'date only'],
    ['113-2222222-2222222', 'First Scan Location', '"GUANGZHOU, CN"'],
    ['113-2222222-2222222', 'Hours Confirmation Before Scan', '34.0'],
    ['113-2222222-2222222', 'Purchase Date', ''],
    ['113-2222222-2222222', 'Latest Ship Date Source', ''],
    ['113-2222222-2222222', 'Source: Order', ''],
    // a negative gap is a plain number: not escaped, so a spreadsheet reads it as one
    ['113-4444444-4444444', 'Hours Confirmation Before Scan', '-3.5'],
    ['113-4444444-4444444', 'Latest Ship Date Source', 'computed from handling time'],
    ['113-4444444-4444444', 'Confirmation Precision', 'date and time'],
    ['113-4444444-4444444', 'Severity', 'warning'],
  ])('%s %s', (orderId, header, expected) => {
    expect(row(orderId)[header]).toBe(expected);
  });

  it('never writes an absolute path', () => {
    expect(csv).not.toMatch(/\/home\/|C:\\|\\Users\\/);
  });

  it.each<[string | undefined, string]>([
    ['【深圳市】 已收寄，揽投员：张三', 'accepted (posted)'],
    ['离开深圳国际互换局，发往美国', 'departed; sent to'],
    ['引受（東京）', 'accepted (Japan Post)'],
    // no known phrase: no gloss, never a guess
    ['你好世界', ''],
    ['Pickup Scan', ''],
    [undefined, ''],
  ])('glosses the first scan event %j as %j, in the column after it', (event, english) => {
    const [head, line] = formatEvidenceCsv([{ ...findings[0], firstScanEvent: event }]).split('\r\n');
    const headers = head.slice(1).split(',');
    const at = headers.indexOf('First Scan Event (English)');
    expect(headers[at - 1]).toBe('First Scan Event');
    expect(headers[at + 1]).toBe('First Scan Location');
    const cells = line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, ''));
    expect(cells[at - 1]).toBe(event ?? '');
    expect(cells[at]).toBe(english);
  });

  it('escapes formula starts in every column', () => {
    const hostile: Finding = {
      ...findings[3],
      orderId: '@SUM(1+1)',
      carrier: '+1',
      firstScanEvent: '\tcmd',
      firstScanLocation: '\r=1',
      message: '-2+3',
    };
    const line = formatEvidenceCsv([hostile]).split('\r\n')[1];
    expect(line.startsWith(`'@SUM(1+1),"=""9400111899223197428490""",'+1,`)).toBe(true);
    expect(line).toContain(",'\tcmd,,\"'\r=1\",-3.5,late-handover,warning,'-2+3,");
  });

  it('adds extra columns at the end', () => {
    const period = {
      header: 'Period (before/after fix)',
      value: (f: Finding) => (f.confirmedAt.epochMs < Date.parse('2026-10-19') ? 'before' : 'after'),
    };
    const lines = formatEvidenceCsv(findings, { extraColumns: [period] }).split('\r\n');
    expect(lines[0].endsWith(',Source: Order,Period (before/after fix)')).toBe(true);
    expect(lines.slice(1, -1).map((l) => l.split(',').at(-1))).toEqual(['before', 'before', 'after']);
  });
});

describe('no buyer data', () => {
  it('has no column that could carry buyer personal data', () => {
    for (const { header } of EVIDENCE_COLUMNS)
      expect(header).not.toMatch(/buyer|recipient|name|address|phone|e-?mail|postal|zip|city/i);
  });

  it('reads only order, tracking and time facts from a finding', () => {
    // A finding carrying stray properties (as a careless caller might add) must not leak them into the CSV.
    const withBuyer = {
      ...findings[0],
      buyerName: 'Jane Roe',
      buyerEmail: 'jane@example.com',
      shipAddress: '1 Main St',
    } as Finding;
    const out = formatEvidenceCsv([withBuyer]);
    expect(out).not.toMatch(/Jane|example\.com|Main St/);
  });
});
