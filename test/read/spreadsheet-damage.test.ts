import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
