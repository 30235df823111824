import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Release } from '../../src/model/gate.js';
import type { ConfirmationRecord } from '../../src/model/records.js';
import { readInput } from '../../src/read/index.js';
import { formatConfirmationFile, isConfirmationFile } from '../../src/report/confirmation-file.js';
import { validateConfirmationFile } from '../helpers/amazon-template.js';

const release = (o: Partial<Release>): Release => ({
  orderId: '112-9815101-2789813',
  trackingNumber: '1ZV7A3703700085742',
  carrierCode: 'UPS',
  carrierName: 'UPS',
  lines: [{}],
  shipDate: '2026-10-15T17:30:00-07:00',
  shipDateIso: '2026-10-16T00:30:00Z',
  scan: { at: '2026-10-15T17:30:00-07:00', description: 'Origin Scan', source: { file: 't.csv', line: 2 } },
  late: false,
  reemitted: false,
  ...o,
});

const RELEASES = [
  release({
    lines: [
      { orderItemId: '06689447219045', quantity: 2 },
      { orderItemId: '83660459057475', quantity: 1 },
    ],
    shipMethod: 'Ground',
  }),
  release({
    orderId: '113-5303845-5226627',
    trackingNumber: 'BX668087765394',
    carrierCode: 'Other',
    carrierName: 'Best\tExpress',
    shipDate: '2026-10-13',
  }),
];

describe('the shipping-confirmation file', () => {
  const text = formatConfirmationFile(RELEASES);

  it('is Amazon’s template: columns in order, one row per item, a whole order on one row', () => {
    const { rows, errors } = validateConfirmationFile(text);
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => [
        r.orderId,
        r.orderItemId,
        r.quantity,
        r.shipDate,
        r.carrierCode,
        r.carrierName,
        r.trackingNumber,
        r.shipMethod,
      ]),
    ).toEqual([
      [
        '112-9815101-2789813',
        '06689447219045',
        '2',
        '2026-10-15T17:30:00-07:00',
        'UPS',
        'UPS',
        '1ZV7A3703700085742',
        'Ground',
      ],
      [
        '112-9815101-2789813',
        '83660459057475',
        '1',
        '2026-10-15T17:30:00-07:00',
        'UPS',
        'UPS',
        '1ZV7A3703700085742',
        'Ground',
      ],
      ['113-5303845-5226627', '', '', '2026-10-13', 'Other', 'Best Express', 'BX668087765394', ''],
    ]);
    expect(isConfirmationFile(text)).toBe(true);
    expect(isConfirmationFile('order-id\ttracking\n')).toBe(false);
  });

  it('reads back as a confirmation upload at the scan’s moment', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gate-file-')), 'confirm.txt');
    writeFileSync(file, text);
    const got: ConfirmationRecord[] = [];
    const report = await readInput(
      file,
      { confirmation: (c) => got.push(c) },
      { marketplaceZone: { zone: 'America/Los_Angeles', source: 'setting' } },
    );
    expect(report).toMatchObject({ kind: 'confirmation-upload', rowsRead: 3, rowsRejected: 0 });
    expect(got.map((c) => [c.orderId, c.carrier, c.confirmedAt?.epochMs])).toEqual([
      ['112-9815101-2789813', 'UPS', Date.parse('2026-10-16T00:30:00Z')],
      ['112-9815101-2789813', 'UPS', Date.parse('2026-10-16T00:30:00Z')],
      ['113-5303845-5226627', 'Best Express', Date.parse('2026-10-13T00:00:00-07:00')],
    ]);
  });

  it('the validator catches what Amazon refuses', () => {
    const bad = [
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      '112-9815101-2789813\t1\t0\t15/10/2026\tRoyalMale\t\t\t',
      '112-9815101-2789813\t\t\t2026-10-15\tOther\t\tX\t',
    ].join('\n');
    expect(validateConfirmationFile(bad).errors).toEqual([
      '2: quantity "0" is not a positive integer',
      '2: ship-date "15/10/2026"',
      '2: carrier-code "RoyalMale" is not on Amazon\'s list',
      '2: tracking-number ""',
      '3: carrier-code Other without a carrier-name',
    ]);
  });
});
