import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/knowledge/headers.js';
import { runCli } from '../helpers/cli.js';

const F = 'fixtures/formats';
/** The note inspect prints for every file of a kind (its wording is checked in test/read/readers.test.ts). */
const noteOf = (kind: string): string => KINDS.find((k) => k.kind === kind)!.note!;
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-amazon-files-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-row shipping-confirmation upload. */
function confirmation(name: string, row: string[]): string {
  const file = join(dir, name);
  const header = [
    'order-id',
    'order-item-id',
    'quantity',
    'ship-date',
    'carrier-code',
    'carrier-name',
    'tracking-number',
    'ship-method',
  ];
  writeFileSync(file, `${header.join('\t')}\n${row.join('\t')}\n`);
  return file;
}

describe('shipaudit inspect names the Amazon-side kinds and says how their rows are taken', () => {
  it.each<[string, string[]]>([
    [
      'amazon-fulfilled-shipments.txt',
      [
        '  Kind:      Amazon Fulfilled Shipments report (FBA) (amazon-fulfilled-shipments)',
        '  Rows:      3 read, 0 rejected',
        `  Note:      ${noteOf('amazon-fulfilled-shipments')}`,
      ],
    ],
    [
      'all-orders-promotions.txt',
      [
        '  Kind:      Amazon All Orders report (all-orders)',
        '  Rows:      3 read, 0 rejected; skipped: 2 promotion continuation lines',
      ],
    ],
    [
      'easyship-picked-up.txt',
      [
        '  Kind:      Amazon Easy Ship picked-up report (easyship-picked-up)',
        `  Note:      ${noteOf('easyship-picked-up')}`,
        '    firstScan        ← picked-up-date',
      ],
    ],
    [
      'erp-shipstation.csv',
      ['  Kind:      ERP / generic shipment export (erp-confirmations)', '    shipDate       ← Date - Shipped Date'],
    ],
  ])('%s', (file, lines) => {
    const r = runCli(['inspect', `${F}/${file}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    for (const l of lines) expect(out).toContain(l);
  });

  it('--format json carries the skipped count and the note', () => {
    const r = runCli([
      'inspect',
      `${F}/all-orders-promotions.txt`,
      `${F}/amazon-fulfilled-shipments.txt`,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const { files } = JSON.parse(r.stdout) as {
      files: Array<{ kind: string; rowsSkipped?: object; notes?: string[]; problems: object[] }>;
    };
    expect(files.map((f) => [f.kind, f.rowsSkipped, f.problems.length])).toEqual([
      ['all-orders', { 'promotion continuation lines': 2 }, 0],
      ['amazon-fulfilled-shipments', undefined, 0],
    ]);
    expect(files[1].notes).toHaveLength(1);
  });
});

describe('shipaudit audit with the Amazon-side files', () => {
  it('FBA shipments are AFN orders: excluded and counted, no shipment and no finding of their own', () => {
    const conf = confirmation('mfn.txt', [
      '113-5518306-2047719',
      '',
      '2',
      '2026-10-11T10:00:00-07:00',
      'UPS',
      '',
      '1ZV7A1290344170935',
      'UPS Ground',
    ]);
    const r = runCli([
      'audit',
      `${F}/amazon-fulfilled-shipments.txt`,
      `${F}/all-orders-promotions.txt`,
      conf,
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      summary: { excluded: Record<string, number>; shipments: number; rowsRejected: number };
    };
    // 2 FBA orders (one of them on two item rows); the promotions file's 3 MFN orders, one confirmed.
    expect(out.summary).toMatchObject({
      excluded: { afn: 2 },
      shipments: 1,
      rowsRejected: 0,
    });
  });

  it('FBA shipments alone give no confirmation to audit', () => {
    const r = runCli(['audit', `${F}/amazon-fulfilled-shipments.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shipaudit: no shipping confirmations found/);
  });

  it('an Easy Ship pickup is the hand-over: confirmed 37.7 h before it is early, sourced to the report line', () => {
    const conf = confirmation('easyship.txt', [
      '408-6620193-4471526',
      '52208317746602',
      '1',
      '2026-10-05T22:00:00+05:30',
      'Other',
      'ATS',
      'TBA412208836715',
      'Standard',
    ]);
    const r = runCli(['audit', `${F}/easyship-picked-up.txt`, conf, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      rule: 'confirmed-before-handover',
      orderId: '408-6620193-4471526',
      lagHours: 37.7,
      sources: { firstScan: { file: `${F}/easyship-picked-up.txt`, line: 2 } },
      evidence: { firstCarrierScanAt: { raw: '2026-10-07T11:42:10+05:30' } },
    });
  });
});
