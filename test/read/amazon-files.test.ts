import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfirmationRecord, OrderRecord, PackageSummary } from '../../src/model/records.js';
import { isContinuationLine } from '../../src/read/amazon-orders.js';
import { readInput, type InputReport } from '../../src/read/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Real files from real systems, beside the clone (CI has them too): a test that needs one fails without it. */
const REAL = resolve(repoRoot, '../shared/real-samples');
const real = (name: string): string => {
  const file = join(REAL, name);
  if (!existsSync(file))
    throw new Error(`missing real sample ${file}: ../shared/real-samples must sit beside the clone`);
  return file;
};

interface Got {
  orders: OrderRecord[];
  confirmations: ConfirmationRecord[];
  packages: PackageSummary[];
  events: number;
}

async function read(file: string): Promise<{ report: InputReport; got: Got }> {
  const got: Got = { orders: [], confirmations: [], packages: [], events: 0 };
  const report = await readInput(
    file,
    {
      order: (r) => got.orders.push(r),
      confirmation: (r) => got.confirmations.push(r),
      package: (r) => got.packages.push(r),
      event: () => got.events++,
    },
    { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' } },
  );
  return { report, got };
}

describe('the real Amazon Fulfilled Shipments report (eolabs-io/amazon-mws test stub)', () => {
  it('is its own kind, not an All Orders report: every row an AFN order, no confirmation, no tracking', async () => {
    const file = real('amazon-fulfilled-shipments-eolabs.csv');
    const { report, got } = await read(file);
    expect(report).toMatchObject({
      kind: 'amazon-fulfilled-shipments',
      delimiter: 'comma',
      rowsRead: 5,
      rowsRejected: 0,
    });
    expect(got.orders.map((o) => [o.orderId, o.channel])).toEqual([
      ['100-3590565-0113041', 'AFN'],
      ['101-4340462-1457012', 'AFN'],
      ['102-7910932-2381033', 'AFN'],
      ['103-2260656-3601064', 'AFN'],
      [got.orders[4].orderId, 'AFN'],
    ]);
    expect(got.orders[0]).toMatchObject({
      purchasedAt: {
        raw: '2020-12-18T06:32:18-08:00',
        epochMs: Date.parse('2020-12-18T14:32:18Z'),
        zoneSource: 'offset',
      },
      salesChannel: 'Amazon.com',
      shipServiceLevel: 'Expedited',
      source: { file, line: 2 },
    });
    // Amazon's TBA and USPS numbers in the file are Amazon's own shipments: they must not become confirmations.
    expect([got.confirmations.length, got.packages.length, got.events]).toEqual([0, 0, 0]);
  });

  it('carries none of its buyer data (e-mails, street addresses) into records or the report', async () => {
    const file = real('amazon-fulfilled-shipments-eolabs.csv');
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const personal = ['buyer-email', 'ship-address-1', 'ship-city'].flatMap((c) =>
      rows.slice(1).map((r) => r[rows[0].indexOf(c)].trim()),
    );
    expect(personal).toContain('s0lls0cs4q4g6d6@marketplace.amazon.com');
    const { report, got } = await read(file);
    const text = JSON.stringify({ report, got });
    expect(personal.filter((v) => v !== '' && text.includes(v))).toEqual([]);
  });
});

describe('isContinuationLine', () => {
  it.each<[string, string[], number | undefined, boolean]>([
    ['a record', ['114-2290467-8815230', '', '2026-10-09T18:47:03+00:00'], 0, false],
    ['blank order id, other columns filled', ['', '', '', '-1.10', 'PLM-Save5-LED-Strips-Oct'], 0, true],
    ['order id of spaces', ['  ', 'x'], 0, true],
    ['shorter than the order id column', ['', 'VPC-44X5C2-3A1B6E9F'], 3, true],
    ['no order id column in the mapping', ['', ''], undefined, false],
  ])('%s', (_name, cells, column, expected) => {
    expect(isContinuationLine(cells, column)).toBe(expected);
  });
});

describe('promotion continuation lines in files written here', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-amazon-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const header = [
    'order-id',
    'order-item-id',
    'purchase-date',
    'sku',
    'quantity-purchased',
    'latest-ship-date',
    'promotion-ids',
  ];
  const record = (id: string) => [
    id,
    '62158043917218',
    '2026-10-08T19:14:03-07:00',
    'SKU-1',
    '1',
    '2026-10-12T23:59:59-07:00',
    'P1',
  ];
  const write = (name: string, rows: string[][]) => {
    const file = join(dir, name);
    writeFileSync(file, [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
    return file;
  };

  it.each<[string, string[][], { read: number; rejected: number; skipped?: number; orders: number }]>([
    [
      'after a record: skipped and counted',
      [record('111-5093827-6648213'), ['', '', '', '', '', '', 'P2']],
      { read: 1, rejected: 0, skipped: 1, orders: 1 },
    ],
    [
      'short (only a few columns): skipped, not a truncated row',
      [record('111-5093827-6648213'), ['', 'P2']],
      { read: 1, rejected: 0, skipped: 1, orders: 1 },
    ],
    [
      'several in a row, between two records',
      [
        record('111-5093827-6648213'),
        ['', '', '', '', '', '', 'P2'],
        ['', '', '', '', '', '', 'P3'],
        record('113-7716402-2290385'),
      ],
      { read: 2, rejected: 0, skipped: 2, orders: 2 },
    ],
    [
      'before any record: a broken row, rejected',
      [['', '', '', '', '', '', 'P2'], record('111-5093827-6648213')],
      { read: 2, rejected: 1, orders: 1 },
    ],
  ])('%s', async (name, rows, want) => {
    const { report, got } = await read(write(`${name.replace(/\W+/g, '-')}.txt`, rows));
    expect(report.kind).toBe('order-report');
    expect([
      report.rowsRead,
      report.rowsRejected,
      report.rowsSkipped?.['promotion continuation lines'],
      got.orders.length,
    ]).toEqual([want.read, want.rejected, want.skipped, want.orders]);
    expect(report.problems.every((p) => p.message === 'order id is empty')).toBe(true);
  });
});

describe("Orders API 2026-01-01: Amazon's own examples", () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-orders-2026-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string, object, object]>([
    [
      'getOrder: the confirmation is the package shipTime, 21 h after its createdTime',
      'sp-api-orders-2026-getOrder-example.json',
      {
        orderId: '202-1234567-8901234',
        channel: 'MFN',
        status: 'shipped',
        latestShipDate: { raw: '2024-12-26T23:59:59Z' },
      },
      {
        orderId: '202-1234567-8901234',
        orderItemId: '20212345678901',
        quantity: 3,
        confirmedAt: { raw: '2024-12-26T14:00:00Z', epochMs: Date.parse('2024-12-26T14:00:00Z'), zoneSource: 'offset' },
        carrier: 'Royal Mail',
        trackingNumber: 'RR123456789GB',
        shipMethod: 'Royal Mail Tracked 48',
        packageStatus: 'IN_TRANSIT',
      },
    ],
    [
      'searchOrders: shipTime an hour before createdTime is still the confirmation',
      'sp-api-orders-2026-searchOrders-example.json',
      { orderId: '123-4567890-1234567', channel: 'MFN', status: 'shipped' },
      {
        orderId: '123-4567890-1234567',
        confirmedAt: { raw: '2024-12-25T14:00:00Z', epochMs: Date.parse('2024-12-25T14:00:00Z') },
        carrier: 'UPS',
        trackingNumber: '1Z999AA1234567890',
        packageStatus: 'DELIVERED',
      },
    ],
  ])('%s', async (_name, file, order, confirmation) => {
    const { report, got } = await read(real(file));
    expect(report).toMatchObject({ kind: 'orders-api-json', rowsRead: 1, rowsRejected: 0 });
    expect(report.rowsSkipped).toBeUndefined();
    expect(got.orders).toMatchObject([order]);
    expect(got.confirmations).toMatchObject([confirmation]);
    // Buyer and recipient data in the examples go nowhere.
    expect(JSON.stringify(got)).not.toMatch(/James Wilson|John Smith|High Street|Main Street|buyer-email/);
  });

  it.each<[string, object]>([
    [
      'status CANCELLED with detailedStatus LABEL_CANCELLED (the 2026-01-01 model)',
      { status: 'CANCELLED', detailedStatus: 'LABEL_CANCELLED' },
    ],
    ['status CANCELLED alone', { status: 'CANCELLED' }],
    [
      'detailedStatus LABEL_CANCELLED under another status',
      { status: 'PENDING_PICK_UP', detailedStatus: 'LABEL_CANCELLED' },
    ],
    ['LABEL_CANCELLED as the status', { status: 'LABEL_CANCELLED' }],
  ])('a package with %s is no confirmation, counted as skipped', async (_name, packageStatus) => {
    const doc = JSON.parse(readFileSync(real('sp-api-orders-2026-getOrder-example.json'), 'utf8')) as {
      order: { packages: Array<Record<string, unknown>> };
    };
    const live = { ...doc.order.packages[0], packageReferenceId: 'UK-PKG-2024-002', trackingNumber: 'RR123456785GB' };
    doc.order.packages = [{ ...doc.order.packages[0], packageStatus }, live];
    const file = join(dir, `cancelled-${Object.values(packageStatus).join('-')}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const { report, got } = await read(file);
    expect(got.orders.map((o) => o.orderId)).toEqual(['202-1234567-8901234']);
    expect(got.confirmations.map((c) => c.trackingNumber)).toEqual(['RR123456785GB']);
    expect([report.rowsRejected, report.rowsSkipped]).toEqual([0, { 'cancelled package labels (no confirmation)': 1 }]);
  });

  it('a package without shipTime falls back to its createdTime', async () => {
    const doc = JSON.parse(readFileSync(real('sp-api-orders-2026-getOrder-example.json'), 'utf8')) as {
      order: { packages: Array<Record<string, unknown>> };
    };
    delete doc.order.packages[0].shipTime;
    const file = join(dir, 'no-shiptime.json');
    writeFileSync(file, JSON.stringify(doc));
    const { got } = await read(file);
    expect(got.confirmations[0].confirmedAt).toMatchObject({ raw: '2024-12-25T16:45:00Z' });
  });

  // getOrder's example package: createdTime 2024-12-25T16:45:00Z, shipTime 21 h later.
  it.each<[string, Record<string, unknown>, string]>([
    ['shipTime null: its createdTime', { shipTime: null }, '2024-12-25T16:45:00Z'],
    ['shipTime blank: its createdTime', { shipTime: '  ' }, '2024-12-25T16:45:00Z'],
    ['createdTime null, shipTime given: the shipTime', { createdTime: null }, '2024-12-26T14:00:00Z'],
    [
      'shipTime and createdTime both null',
      { shipTime: null, createdTime: null },
      'packages[0] has neither shipTime nor createdTime: no confirmation time, order not read',
    ],
    [
      'shipTime and createdTime both missing',
      { shipTime: undefined, createdTime: undefined },
      'packages[0] has neither shipTime nor createdTime: no confirmation time, order not read',
    ],
    ['shipTime a number', { shipTime: 1735221600000 }, 'packages[].shipTime: unrecognised time "1735221600000"'],
    [
      'shipTime an object',
      { shipTime: { at: '2024-12-26T14:00:00Z' } },
      'packages[0].shipTime is an object, not a time',
    ],
    [
      'shipTime true, createdTime null',
      { shipTime: true, createdTime: null },
      'packages[0].shipTime is a boolean, not a time',
    ],
  ])('a package with %s', async (_name, change, want) => {
    const doc = JSON.parse(readFileSync(real('sp-api-orders-2026-getOrder-example.json'), 'utf8')) as {
      order: { packages: Array<Record<string, unknown>> };
    };
    const pkg = doc.order.packages[0];
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete pkg[k];
      else pkg[k] = v;
    }
    const file = join(dir, 'package-times.json');
    writeFileSync(file, JSON.stringify(doc));
    const { report, got } = await read(file);
    if (/^\d{4}-/.test(want)) {
      expect(report.rowsRejected).toBe(0);
      expect(got.confirmations.map((c) => c.confirmedAt?.raw)).toEqual([want]);
    } else {
      // Rejected whole, with its line and why: neither the order nor any package is kept.
      expect([report.rowsRead, report.rowsRejected]).toEqual([1, 1]);
      expect(report.problems).toMatchObject([{ line: 1, message: want }]);
      expect(got).toMatchObject({ orders: [], confirmations: [] });
    }
  });
});

describe('an Orders API order id that is a number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-orders-id-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each([
    ['orderId', 11355270948810362],
    ['AmazonOrderId', 11355270948810362],
  ])('%s as a number: the order is rejected with the reason, never read under made-up digits', async (key, id) => {
    const doc = JSON.parse(readFileSync(real('sp-api-orders-2026-getOrder-example.json'), 'utf8')) as {
      order: Record<string, unknown>;
    };
    if (key === 'AmazonOrderId') {
      delete doc.order.orderId;
      doc.order.AmazonOrderId = id;
    } else doc.order.orderId = id;
    const file = join(dir, `numeric-${key}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const { report, got } = await read(file);
    expect([report.rowsRead, report.rowsRejected]).toEqual([1, 1]);
    expect(report.problems[0].message).toBe(`${key} is a number, not text: its digits may be lost; order not read`);
    expect(got).toMatchObject({ orders: [], confirmations: [] });
  });
});
