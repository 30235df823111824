import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { orderIdDamage } from '../../src/read/context.js';
import { readInput } from '../../src/read/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-excel-'));
const opts = { marketplaceZone: { zone: 'America/Los_Angeles', source: 'setting' as const } };

describe('tracking numbers a spreadsheet turned into numbers', () => {
  it('a confirmation row is rejected with the reason, the others read', async () => {
    const file = join(tmp, 'confirmations.csv');
    writeFileSync(
      file,
      'Order Number,Ship Date,Carrier,Tracking Number\n111-0000001-0000001,2026-10-05 10:00,USPS,9.40011E+21\n111-0000002-0000002,2026-10-05 11:00,USPS,9400111899223197428497\n',
    );
    const got: string[] = [];
    const report = await readInput(file, { confirmation: (c) => got.push(c.trackingNumber) }, opts);
    expect(got).toEqual(['9400111899223197428497']);
    expect(report.rowsRejected).toBe(1);
    expect(report.problems[0]).toMatchObject({ line: 2 });
    expect(report.problems[0].message).toMatch(
      /^tracking number "9\.40011E\+21" was turned into a number by a spreadsheet/,
    );
  });

  it('a tracking event row likewise', async () => {
    const file = join(tmp, 'tracking.csv');
    writeFileSync(
      file,
      'Tracking Number,Event Time,Event,Location\n9.40011E+21,2026-10-05 10:00,Accepted at USPS Origin Facility,"LOS ANGELES, CA 90001"\n',
    );
    const report = await readInput(file, {}, opts);
    expect([report.rowsRead, report.rowsRejected]).toEqual([1, 1]);
  });
});

describe('order ids a spreadsheet turned into numbers', () => {
  it.each([
    ['1.11763E+16', true],
    ['1,11763E+16', true],
    ['1E+16', true],
    ['1.11763e16', true],
    ['111-7637638-1234567', false],
    ['1234567890', false],
    ['AB-1.5E+3', false],
    ['1.5', false],
  ])('%s damaged: %s', (id, damaged) => {
    expect(orderIdDamage(id) !== undefined).toBe(damaged);
  });

  it('three confirmation rows whose ids Excel turned into 1.11763E+16 are rejected, not read as one order', async () => {
    const file = join(tmp, 'confirmations-ids.csv');
    writeFileSync(
      file,
      'Order Number,Ship Date,Carrier,Tracking Number\n' +
        '1.11763E+16,2026-10-05 10:00,USPS,9400111899223197428497\n' +
        '1.11763E+16,2026-10-05 10:00,USPS,9400111899223197428480\n' +
        '111-0000002-0000002,2026-10-05 11:00,USPS,9400111899223197428473\n' +
        '1.11763E+16,2026-10-05 10:00,USPS,9400111899223197428466\n',
    );
    const got: string[] = [];
    const report = await readInput(file, { confirmation: (c) => got.push(c.orderId) }, opts);
    expect(got).toEqual(['111-0000002-0000002']);
    expect([report.rowsRead, report.rowsRejected]).toEqual([4, 3]);
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(report.problems[0].message).toMatch(/^order id "1\.11763E\+16" was turned into a number by a spreadsheet/);
  });

  it('an All Orders row likewise', async () => {
    const file = join(tmp, 'all-orders.txt');
    writeFileSync(
      file,
      'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\n' +
        '1.13527E+16\t\t2026-10-01T10:00:00+00:00\t2026-10-01T10:00:00+00:00\tShipped\tMerchant\tAmazon.com\n',
    );
    const report = await readInput(file, {}, opts);
    expect([report.rowsRead, report.rowsRejected]).toEqual([1, 1]);
  });
});

describe('a workbook whose tracking numbers Excel stores as numbers', () => {
  it('16 digits or more lost their tail: the row is rejected with the reason; 15 digits read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Order Number', 'Ship Date', 'Carrier', 'Tracking Number']);
    ws.addRow(['111-0000001-0000001', '2026-10-05 10:00', 'USPS', 94001118995620380000]);
    ws.addRow(['111-0000002-0000002', '2026-10-05 11:00', 'FedEx', 403934084723025]);
    const file = join(tmp, 'confirmations.xlsx');
    await wb.xlsx.writeFile(file);
    const got: string[] = [];
    const report = await readInput(file, { confirmation: (c) => got.push(c.trackingNumber) }, opts);
    expect(got).toEqual(['403934084723025']);
    expect([report.rowsRead, report.rowsRejected]).toEqual([2, 1]);
    expect(report.problems[0].message).toMatch(/^tracking number "9\.400111899562038E\+19" was turned into a number/);
  });
});
