import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/engine/collect.js';
import type { AssignmentRecord } from '../../src/model/records.js';
import { findHeaderRow } from '../../src/read/detect.js';
import { readInput } from '../../src/read/index.js';

const opts = { marketplaceZone: { zone: 'America/Los_Angeles', source: 'setting' as const } };
const dir = mkdtempSync(join(tmpdir(), 'assign-'));

describe('tracking numbers assigned, not confirmed', () => {
  it.each([
    ['order id, tracking number, carrier', ['order id', 'tracking number', 'carrier'], 'tracking-assignments'],
    ['two columns', ['Order ID', 'Tracking No'], 'tracking-assignments'],
    ['Chinese ERP headers without a ship time', ['亚马逊订单号', '跟踪号', '物流商'], 'tracking-assignments'],
    [
      'the upload template without its ship-date',
      ['order-id', 'order-item-id', 'quantity', 'carrier-code', 'carrier-name', 'tracking-number'],
      'tracking-assignments',
    ],
    [
      'with a ship date it is a confirmation export',
      ['order id', 'tracking number', 'carrier', 'ship date'],
      'erp-confirmations',
    ],
    ['with a status it is tracking data', ['order id', 'tracking number', 'carrier', 'status'], 'tracking-summary'],
  ])('%s', (_, headers, kind) => {
    expect(findHeaderRow('x.csv', [headers], {}).spec.kind).toBe(kind);
  });

  it('reads assignments, rejects a row without a number, and the audit sees no confirmation in them', async () => {
    const file = join(dir, 'assigned.csv');
    writeFileSync(
      file,
      'order id,tracking number,carrier\n112-9815101-2789813, 1z v7a-370 37000 85742 ,ups\n' +
        '113-8201881-8116589,,USPS\n114-3942882-9371201,LX234679980CN,Other\n',
    );
    const got: AssignmentRecord[] = [];
    const report = await readInput(file, { assignment: (a) => got.push(a) }, opts);
    expect(report).toMatchObject({ kind: 'tracking-assignments', rowsRead: 3, rowsRejected: 1 });
    expect(report.problems).toEqual([
      { file, line: 3, message: 'tracking number is empty: nothing to watch for this order' },
    ]);
    expect(got.map((a) => [a.orderId, a.trackingNumber, a.carrier])).toEqual([
      ['112-9815101-2789813', '1ZV7A3703700085742', 'UPS'],
      ['114-3942882-9371201', 'LX234679980CN', 'Other'],
    ]);
    const collector = new Collector();
    await readInput(file, collector, opts);
    expect(collector.confirmationCount).toBe(0);
  });
});
