import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfirmationRecord, OrderRecord, PackageSummary, TrackingEvent } from '../../src/model/records.js';
import { latestInstant, type Precision, type ZoneHint, type ZoneSource } from '../../src/model/timestamp.js';
import { formatInZone } from '../../src/model/zone.js';
import { createDecoder, type Encoding } from '../../src/read/decode.js';
import { readInput, type InputReport, type ReadOptions } from '../../src/read/index.js';

const F = 'fixtures/formats';
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'setting', note: '--marketplace-tz' };
const TOKYO: ZoneHint = { zone: 'Asia/Tokyo', source: 'setting', note: 'Amazon.co.jp' };
const DAY = 86_400_000;

interface Collected {
  orders: OrderRecord[];
  confirmations: ConfirmationRecord[];
  events: TrackingEvent[];
  packages: PackageSummary[];
}

async function read(file: string, opts: Partial<ReadOptions> = {}): Promise<{ report: InputReport; got: Collected }> {
  const got: Collected = { orders: [], confirmations: [], events: [], packages: [] };
  const report = await readInput(
    file,
    {
      order: (r) => got.orders.push(r),
      confirmation: (r) => got.confirmations.push(r),
      event: (r) => got.events.push(r),
      package: (r) => got.packages.push(r),
    },
    { marketplaceZone: LA, ...opts },
  );
  return { report, got };
}

/** A stamp as the reader must hold it: the text, the instant (given in UTC), the zone and why. */
const stamp = (
  raw: string,
  utc: string,
  zone: string,
  zoneSource: ZoneSource,
  localDate: string,
  precision: Precision = 'datetime',
) => ({
  raw,
  epochMs: Date.parse(utc),
  precision,
  zone,
  zoneSource,
  localDate,
});
/** ISO text with an offset: the zone is the offset as written. */
const iso = (raw: string, utc: string, zone: string) => stamp(raw, utc, zone, 'offset', raw.slice(0, 10));
/** A date-only value: epochMs is the start of that day in the zone; a normal day is 24 h long. */
const day = (raw: string, startUtc: string, zone: string, zoneSource: ZoneSource) => ({
  ...stamp(raw, startUtc, zone, zoneSource, raw, 'date'),
  dayLengthMs: DAY,
});

interface Case {
  name: string;
  file: string;
  opts?: Partial<ReadOptions>;
  report: Partial<InputReport>;
  /** orders, confirmations, events, packages */
  counts: [number, number, number, number];
  first: Partial<Record<keyof Collected, object[]>>;
  /** Further checks on rows past the first two, where the fixture plants something. */
  more?: (got: Collected, report: InputReport) => void;
}

const src = (file: string, line: number) => ({ source: { file: `${F}/${file}`, line } });
const PROMOTIONS = 'all-orders-promotions.txt';
const byOrder = <T extends { orderId: string }>(rs: T[], id: string) => rs.filter((r) => r.orderId === id);

const ORDERS_API_2026 = {
  orders: [
    {
      orderId: '113-5527094-8810362',
      purchasedAt: iso('2026-10-12T16:20:41Z', '2026-10-12T16:20:41Z', 'UTC'),
      earliestShipDate: iso('2026-10-13T07:00:00Z', '2026-10-13T07:00:00Z', 'UTC'),
      latestShipDate: iso('2026-10-15T06:59:59Z', '2026-10-15T06:59:59Z', 'UTC'),
      status: 'shipped',
      statusRaw: 'SHIPPED',
      channel: 'MFN',
    },
    {
      orderId: '111-8830426-1157093',
      purchasedAt: iso('2026-10-13T02:07:55Z', '2026-10-13T02:07:55Z', 'UTC'),
      latestShipDate: iso('2026-10-15T06:59:59Z', '2026-10-15T06:59:59Z', 'UTC'),
      status: 'partially-shipped',
      channel: 'MFN',
    },
  ],
  // confirmedAt is the package's shipTime (the shipment time the confirmation gave Amazon), not its createdTime.
  confirmations: [
    {
      orderId: '113-5527094-8810362',
      orderItemId: '41208836715570',
      quantity: 1,
      confirmedAt: iso('2026-10-13T22:58:00Z', '2026-10-13T22:58:00Z', 'UTC'),
      carrier: 'USPS',
      trackingNumber: '9400111899562040122336',
      shipMethod: 'USPS Ground Advantage',
      packageStatus: 'PICKED_UP',
    },
    {
      orderId: '111-8830426-1157093',
      orderItemId: '60073318824419',
      quantity: 1,
      confirmedAt: iso('2026-10-13T23:40:00Z', '2026-10-13T23:40:00Z', 'UTC'),
      carrier: 'UPS',
      trackingNumber: '1ZV7A1290344188202',
      packageStatus: 'PICKED_UP',
    },
  ],
};

function ordersApi2026More(got: Collected) {
  expect(got.confirmations[2]).toMatchObject({
    orderId: '111-8830426-1157093',
    trackingNumber: '1ZV7A1290344188462',
    packageStatus: 'PENDING_PICK_UP',
    confirmedAt: iso('2026-10-15T22:00:00Z', '2026-10-15T22:00:00Z', 'UTC'),
  });
  // The AFN order and the unshipped one have no packages.
  expect(got.orders.slice(2).map((o) => [o.orderId, o.channel, o.status])).toEqual([
    ['112-0649917-2286540', 'AFN', 'shipped'],
    ['114-7738201-5540916', 'MFN', 'unshipped'],
  ]);
  expect(byOrder(got.confirmations, '112-0649917-2286540')).toEqual([]);
  expect(got.orders.map((o) => o.source.line)).toEqual([1, 2, 3, 4]);
}

const CASES: Case[] = [
  {
    name: 'all-orders-win1252.txt',
    file: 'all-orders-win1252.txt',
    report: {
      kind: 'all-orders',
      encoding: 'windows-1252',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 6,
      rowsRejected: 0,
    },
    counts: [6, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '113-4829175-2038561',
          purchasedAt: iso('2026-10-03T07:12:45+00:00', '2026-10-03T07:12:45Z', '+00:00'),
          channel: 'MFN',
          status: 'shipped',
          statusRaw: 'Shipped',
          items: 1,
          ...src('all-orders-win1252.txt', 2),
        },
        {
          orderId: '111-7302846-9154027',
          purchasedAt: iso('2026-10-03T15:40:02+00:00', '2026-10-03T15:40:02Z', '+00:00'),
          channel: 'MFN',
          status: 'shipped',
          items: 2,
          ...src('all-orders-win1252.txt', 3),
        },
      ],
    },
    more: (got) => {
      // Six item rows, five orders: one order has two item rows.
      expect(new Set(got.orders.map((o) => o.orderId)).size).toBe(5);
      expect(byOrder(got.orders, '114-0395718-6627340')).toHaveLength(2);
      expect(byOrder(got.orders, '112-5581209-3470918')[0]).toMatchObject({
        status: 'cancelled',
        statusRaw: 'Cancelled',
      });
      expect(byOrder(got.orders, '111-9046273-1185302')[0]).toMatchObject({ channel: 'AFN' });
    },
  },
  {
    name: 'all-orders-mfn.txt',
    file: 'all-orders-mfn.txt',
    report: {
      kind: 'all-orders',
      encoding: 'utf-8-bom',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [4, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '112-6620485-7719354',
          purchasedAt: iso('2026-10-06T09:03:17-07:00', '2026-10-06T16:03:17Z', '-07:00'),
          channel: 'MFN',
          status: 'shipped',
          items: 1,
          ...src('all-orders-mfn.txt', 2),
        },
        {
          orderId: '113-2057938-4402861',
          purchasedAt: iso('2026-10-06T21:48:55-07:00', '2026-10-07T04:48:55Z', '-07:00'),
          channel: 'MFN',
          status: 'shipped',
          items: 2,
        },
      ],
    },
    more: (got, report) => {
      // The BOM is glued to the first header, purchase-date: it must still map.
      expect(report.mapping).toMatchObject({ purchaseDate: 'purchase-date', orderId: 'amazon-order-id' });
      expect(byOrder(got.orders, '111-3389120-5561047')[0].channel).toBe('AFN');
      expect(byOrder(got.orders, '114-8804132-0917256')[0].status).toBe('pending');
    },
  },
  {
    name: 'order-report.txt',
    file: 'order-report.txt',
    report: { kind: 'order-report', encoding: 'utf-8', delimiter: 'tab', quoting: false, rowsRead: 3, rowsRejected: 0 },
    counts: [3, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '111-5093827-6648213',
          purchasedAt: iso('2026-10-08T19:14:03-07:00', '2026-10-09T02:14:03Z', '-07:00'),
          latestShipDate: iso('2026-10-12T23:59:59-07:00', '2026-10-13T06:59:59Z', '-07:00'),
          channel: 'MFN',
          items: 1,
          ...src('order-report.txt', 2),
        },
        {
          orderId: '111-5093827-6648213',
          purchasedAt: iso('2026-10-08T19:14:03-07:00', '2026-10-09T02:14:03Z', '-07:00'),
          latestShipDate: iso('2026-10-12T23:59:59-07:00', '2026-10-13T06:59:59Z', '-07:00'),
          items: 2,
          ...src('order-report.txt', 3),
        },
      ],
    },
    more: (got) => {
      // The earliest ship date is in the file but nothing reads it: it is not parsed.
      expect(got.orders.map((o) => o.earliestShipDate)).toEqual([undefined, undefined, undefined]);
    },
  },
  {
    name: 'unshipped-orders.txt',
    file: 'unshipped-orders.txt',
    report: {
      kind: 'unshipped-orders',
      encoding: 'utf-8',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 3,
      rowsRejected: 0,
    },
    counts: [3, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '112-3847561-0092837',
          purchasedAt: iso('2026-10-09T17:26:40-07:00', '2026-10-10T00:26:40Z', '-07:00'),
          latestShipDate: iso('2026-10-13T23:59:59-07:00', '2026-10-14T06:59:59Z', '-07:00'),
          status: 'unshipped',
          channel: 'MFN',
          items: 1,
          awaitingShipment: true,
        },
        {
          orderId: '114-6652093-7781402',
          purchasedAt: iso('2026-10-12T10:02:13-07:00', '2026-10-12T17:02:13Z', '-07:00'),
          latestShipDate: iso('2026-10-14T23:59:59-07:00', '2026-10-15T06:59:59Z', '-07:00'),
          status: 'unshipped',
          items: 3,
          awaitingShipment: true,
        },
      ],
    },
  },
  {
    name: 'confirmation-upload.txt',
    file: 'confirmation-upload.txt',
    report: {
      kind: 'confirmation-upload',
      encoding: 'utf-8',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 6,
      rowsRejected: 0,
    },
    counts: [0, 6, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '113-4829175-2038561',
          orderItemId: '40972615538870',
          quantity: 1,
          confirmedAt: day('2026-10-06', '2026-10-06T07:00:00Z', 'America/Los_Angeles', 'setting'),
          carrier: 'UPS',
          trackingNumber: '1ZV7A1290344170935',
          shipMethod: 'UPS Ground',
          ...src('confirmation-upload.txt', 2),
        },
        {
          orderId: '111-7302846-9154027',
          orderItemId: '31145802967314',
          quantity: 2,
          confirmedAt: iso('2026-10-06T15:42:00-07:00', '2026-10-06T22:42:00Z', '-07:00'),
          carrier: 'USPS',
          trackingNumber: '9400111899562038471156',
          shipMethod: 'USPS Ground Advantage',
        },
      ],
    },
    more: (got) => {
      const [first, , whole, other, typed, s10] = got.confirmations;
      // A date-only confirmation is compared as the last millisecond of its Pacific day.
      expect(new Date(latestInstant(first.confirmedAt!)).toISOString()).toBe('2026-10-07T06:59:59.999Z');
      expect(whole).toMatchObject({
        orderId: '114-0395718-6627340',
        orderItemId: undefined,
        quantity: undefined,
        carrier: 'FedEx',
        trackingNumber: '772981046535',
      });
      expect(other).toMatchObject({
        carrier: 'Yun Express',
        carrierRaw: 'Yun Express',
        trackingNumber: 'YT2627912034518806',
      });
      expect(typed).toMatchObject({
        trackingRaw: '1z v7a-129 03-4417 1587',
        trackingNumber: '1ZV7A1290344171587',
        carrier: 'UPS',
      });
      expect(s10).toMatchObject({ carrier: 'China Post', trackingNumber: 'LZ704812366CN' });
    },
  },
  {
    name: 'confirmation-jp-sjis.txt (marketplace Amazon.co.jp)',
    file: 'confirmation-jp-sjis.txt',
    opts: { marketplaceZone: TOKYO },
    report: {
      kind: 'confirmation-upload',
      encoding: 'shift_jis',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [0, 4, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '249-3817265-1047723',
          orderItemId: '19285503716682',
          quantity: 1,
          confirmedAt: {
            ...day('2026-10-06', '2026-10-05T15:00:00Z', 'Asia/Tokyo', 'setting'),
            zoneNote: 'Amazon.co.jp',
          },
          carrier: 'Yamato Transport',
          trackingNumber: '364182075530',
          shipMethod: '宅急便コンパクト',
          ...src('confirmation-jp-sjis.txt', 4),
        },
        {
          orderId: '250-6620193-5538120',
          orderItemId: '07736120954413',
          quantity: 2,
          confirmedAt: day('2026-10-06', '2026-10-05T15:00:00Z', 'Asia/Tokyo', 'setting'),
          carrier: 'Japan Post',
          trackingNumber: '400719388263',
          shipMethod: 'ゆうパケット',
          ...src('confirmation-jp-sjis.txt', 5),
        },
      ],
    },
    more: (got, report) => {
      // The TemplateType line and the Japanese header are skipped: the English header maps.
      expect(report.mapping).toMatchObject({
        orderId: 'order-id',
        shipDate: 'ship-date',
        trackingNumber: 'tracking-number',
        carrierCode: 'carrier-code',
      });
      expect(new Date(latestInstant(got.confirmations[0].confirmedAt!)).toISOString()).toBe('2026-10-06T14:59:59.999Z');
      // 12-digit numbers look like FedEx: the carrier comes from carrier-code.
      expect(got.confirmations.map((c) => c.carrier)).toEqual([
        'Yamato Transport',
        'Japan Post',
        'Sagawa Express',
        'Yamato Transport',
      ]);
    },
  },
  {
    name: 'confirmation-bom-crlf.txt',
    file: 'confirmation-bom-crlf.txt',
    report: {
      kind: 'confirmation-upload',
      encoding: 'utf-8-bom',
      delimiter: 'tab',
      quoting: false,
      rowsRead: 3,
      rowsRejected: 0,
    },
    counts: [0, 3, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '112-4410937-6025518',
          orderItemId: '90031255842617',
          quantity: 1,
          confirmedAt: iso('2026-10-09T16:05:00-07:00', '2026-10-09T23:05:00Z', '-07:00'),
          carrier: 'USPS',
          trackingNumber: '9400111899562038514204',
          ...src('confirmation-bom-crlf.txt', 2),
        },
        {
          orderId: '113-9082264-1173049',
          orderItemId: '27765093318402',
          quantity: 1,
          confirmedAt: iso('2026-10-09T17:40:00-07:00', '2026-10-10T00:40:00Z', '-07:00'),
          carrier: 'UPS',
          trackingNumber: '1ZV7A1290344173021',
          shipMethod: 'UPS Ground',
        },
      ],
    },
    more: (_got, report) => expect(report.mapping.orderId).toBe('order-id'),
  },
  {
    name: 'orders-api-2026.json',
    file: 'orders-api-2026.json',
    report: {
      kind: 'orders-api-json',
      encoding: 'utf-8',
      delimiter: 'json',
      quoting: false,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [4, 3, 0, 0],
    first: ORDERS_API_2026,
    more: ordersApi2026More,
  },
  {
    name: 'orders-api.jsonl',
    file: 'orders-api.jsonl',
    report: {
      kind: 'orders-api-json',
      encoding: 'utf-8',
      delimiter: 'jsonl',
      quoting: false,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [4, 3, 0, 0],
    first: ORDERS_API_2026,
    more: ordersApi2026More,
  },
  {
    name: 'orders-api-v0.json',
    file: 'orders-api-v0.json',
    report: {
      kind: 'orders-api-json',
      encoding: 'utf-8',
      delimiter: 'json',
      quoting: false,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [4, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '112-1938470-6625143',
          purchasedAt: iso('2026-10-10T04:18:22Z', '2026-10-10T04:18:22Z', 'UTC'),
          earliestShipDate: iso('2026-10-12T07:00:00Z', '2026-10-12T07:00:00Z', 'UTC'),
          latestShipDate: iso('2026-10-14T06:59:59Z', '2026-10-14T06:59:59Z', 'UTC'),
          status: 'shipped',
          channel: 'MFN',
          salesChannel: 'Amazon.com',
          ...src('orders-api-v0.json', 1),
        },
        {
          orderId: '114-5501827-3349068',
          purchasedAt: iso('2026-10-10T15:02:57Z', '2026-10-10T15:02:57Z', 'UTC'),
          latestShipDate: iso('2026-10-14T06:59:59Z', '2026-10-14T06:59:59Z', 'UTC'),
          status: 'unshipped',
          statusRaw: 'Unshipped',
          channel: 'MFN',
          ...src('orders-api-v0.json', 2),
        },
      ],
    },
    more: (got) => {
      expect(got.orders[2]).toMatchObject({
        orderId: '111-4072239-8193356',
        status: 'cancelled',
        statusRaw: 'Canceled',
        channel: 'MFN',
      });
      expect(got.orders[3]).toMatchObject({ orderId: '113-2209645-0071428', status: 'shipped', channel: 'AFN' });
      // The latest ship date is the end of 2026-10-13 in Los Angeles.
      expect(formatInZone(got.orders[0].latestShipDate!.epochMs, 'America/Los_Angeles')).toBe(
        '2026-10-13T23:59:59-07:00',
      );
    },
  },
  {
    name: 'erp-dianxiaomi-gb18030.csv (no file setting: zone from the Chinese headers)',
    file: 'erp-dianxiaomi-gb18030.csv',
    report: {
      kind: 'erp-confirmations',
      encoding: 'gb18030',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [0, 4, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '112-4018836-2276514',
          confirmedAt: stamp('2026/10/05 14:21', '2026-10-05T06:21:00Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
          carrier: 'China Post',
          carrierRaw: '中国邮政',
          shipMethod: 'e邮宝',
          trackingNumber: 'LY318072641CN',
          quantity: 1,
          ...src('erp-dianxiaomi-gb18030.csv', 2),
        },
        {
          orderId: '113-6649201-8853307',
          confirmedAt: stamp('2026/10/05 16:03', '2026-10-05T08:03:00Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
          carrier: 'Yun Express',
          carrierRaw: '云途',
          shipMethod: '云途全球专线挂号(标快带电)',
          trackingNumber: 'YT2627811093377415',
          quantity: 2,
        },
      ],
    },
    more: (got, report) => {
      // 订单号 is the ERP's own number; Amazon's is 亚马逊订单号. 付款时间 is not the confirmation.
      expect(report.mapping).toMatchObject({
        orderId: '亚马逊订单号',
        shipDate: '标记发货时间',
        trackingNumber: '跟踪号',
        carrierName: '物流商',
      });
      expect(report.zoneNote).toMatch(/Asia\/Shanghai \(inferred/);
      expect(got.confirmations[3]).toMatchObject({
        orderId: '114-9082236-1175540',
        carrier: 'Yanwen',
        trackingNumber: 'UG552098471CN',
      });
    },
  },
  {
    name: 'erp-dianxiaomi-gb18030.csv (file setting Asia/Shanghai)',
    file: 'erp-dianxiaomi-gb18030.csv',
    opts: { fileZone: 'Asia/Shanghai' },
    report: { kind: 'erp-confirmations', rowsRead: 4, rowsRejected: 0 },
    counts: [0, 4, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '112-4018836-2276514',
          confirmedAt: stamp('2026/10/05 14:21', '2026-10-05T06:21:00Z', 'Asia/Shanghai', 'setting', '2026-10-05'),
        },
        {
          orderId: '113-6649201-8853307',
          confirmedAt: stamp('2026/10/05 16:03', '2026-10-05T08:03:00Z', 'Asia/Shanghai', 'setting', '2026-10-05'),
        },
      ],
    },
  },
  {
    name: 'erp-shipstation.csv',
    file: 'erp-shipstation.csv',
    report: {
      kind: 'erp-confirmations',
      encoding: 'utf-8',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 4,
      rowsRejected: 0,
    },
    counts: [0, 4, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '112-7730914-2286015',
          confirmedAt: {
            ...stamp('10/5/2026 2:21:00 PM', '2026-10-05T21:21:00Z', 'America/Los_Angeles', 'setting', '2026-10-05'),
            zoneNote: '--marketplace-tz',
          },
          carrier: 'USPS',
          trackingNumber: '9400111899562044773909',
          shipMethod: 'USPS Ground Advantage',
          ...src('erp-shipstation.csv', 2),
        },
        {
          orderId: '114-0836621-9930457',
          confirmedAt: stamp('10/5/2026 4:48:00 PM', '2026-10-05T23:48:00Z', LA.zone, 'setting', '2026-10-05'),
          carrier: 'UPS',
          trackingNumber: '1ZV7A1290344190717',
          shipMethod: 'UPS® Ground',
        },
      ],
    },
    // ShipStation's own names; Date - Order Date comes before Date - Shipped Date: the confirmation must be the latter.
    more: (_got, report) =>
      expect(report.mapping).toMatchObject({
        orderId: 'Order - Number',
        shipDate: 'Date - Shipped Date',
        trackingNumber: 'Shipment - Tracking Number',
        carrierName: 'Carrier - Carrier Selected',
        shipMethod: 'Carrier - Service Selected',
      }),
  },
  {
    name: 'tracking-17track.csv',
    file: 'tracking-17track.csv',
    report: {
      kind: 'tracking-events',
      encoding: 'utf-8',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 11,
      rowsRejected: 0,
      unclassified: {},
    },
    counts: [0, 0, 11, 0],
    first: {
      events: [
        {
          trackingNumber: 'LZ705133820CN',
          carrier: 'China Post',
          at: {
            ...stamp('2026-10-05 10:02', '2026-10-05T02:02:00Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
            zoneNote: 'Chinese-language event',
          },
          description: '电子信息已收到',
          class: 'information',
          possession: false,
          location: undefined,
          ...src('tracking-17track.csv', 2),
        },
        {
          trackingNumber: 'LZ705133820CN',
          carrier: 'China Post',
          at: {
            ...stamp('2026-10-08 15:37', '2026-10-08T07:37:00Z', 'Asia/Shanghai', 'inferred', '2026-10-08'),
            zoneNote: 'location "广东省深圳市"',
          },
          description: '已收寄',
          class: 'physical',
          possession: true,
          location: '广东省深圳市',
        },
      ],
    },
    more: (got) => {
      const yun = got.events.filter((e) => e.trackingNumber === 'YT2627911840025563');
      expect(yun.map((e) => [e.carrier, e.class, e.possession])).toEqual([
        ['Yun Express', 'information', false],
        ['Yun Express', 'physical', true],
      ]);
      const denver = got.events.find((e) => e.location === 'DENVER, CO 80205')!;
      expect(denver.at).toMatchObject({ zone: 'America/Denver', zoneSource: 'inferred' });
    },
  },
  {
    name: 'tracking-events-gb18030.csv',
    file: 'tracking-events-gb18030.csv',
    report: {
      kind: 'tracking-events',
      encoding: 'gb18030',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 9,
      rowsRejected: 0,
      unclassified: { 已转单: 1 },
    },
    counts: [0, 0, 9, 0],
    first: {
      events: [
        {
          trackingNumber: 'LY318072641CN',
          carrier: 'China Post',
          at: {
            ...stamp('2026-10-05 13:58:12', '2026-10-05T05:58:12Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
            zoneNote: 'Chinese-language event',
          },
          description: '电子信息已收到',
          class: 'information',
          possession: false,
          ...src('tracking-events-gb18030.csv', 2),
        },
        {
          trackingNumber: 'LY318072641CN',
          at: {
            ...stamp('2026-10-07 16:31:40', '2026-10-07T08:31:40Z', 'Asia/Shanghai', 'inferred', '2026-10-07'),
            zoneNote: 'location "深圳市"',
          },
          description: '已收寄',
          class: 'physical',
          possession: true,
          location: '深圳市',
        },
      ],
    },
    more: (got, report) => {
      expect(report.mapping).toMatchObject({
        trackingNumber: '单号',
        eventTime: '时间',
        location: '地点',
        description: '轨迹',
      });
      const cls = Object.fromEntries(got.events.slice(2).map((e) => [e.description, [e.class, e.possession]]));
      expect(cls).toEqual({
        到达深圳国际邮件互换局: ['physical', true],
        '离开广州 发往美国': ['physical', true],
        已交航: ['physical', true],
        已转单: ['unknown', false],
        已签收: ['delivered', true],
        电子信息已收到: ['information', false],
        已收寄: ['physical', true],
      });
      // 美国 says "not China" but not which US zone: the marketplace zone is used and marked as assumed.
      const us = got.events.find((e) => e.location === '美国')!;
      expect(us.at).toMatchObject({ zone: 'America/Los_Angeles', zoneSource: 'assumed' });
      expect(got.events.filter((e) => e.location !== '美国').every((e) => e.at!.zone === 'Asia/Shanghai')).toBe(true);
    },
  },
  {
    name: 'tracking-ups.csv',
    file: 'tracking-ups.csv',
    report: {
      kind: 'tracking-events',
      encoding: 'utf-8',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 7,
      rowsRejected: 0,
      unclassified: {},
    },
    counts: [0, 0, 7, 0],
    first: {
      events: [
        {
          trackingNumber: '1ZV7A1290344190717',
          carrier: 'UPS',
          at: {
            ...stamp('20261005 101233', '2026-10-05T17:12:33Z', '-07:00', 'offset', '2026-10-05'),
            zoneNote: 'offset column "-07:00"',
          },
          description: 'Shipper created a label, UPS has not received the package yet.',
          code: 'MP',
          class: 'information',
          possession: false,
        },
        {
          trackingNumber: '1ZV7A1290344190717',
          at: stamp('20261005 165410', '2026-10-05T23:54:10Z', '-07:00', 'offset', '2026-10-05'),
          description: 'Pickup Scan',
          code: 'PU',
          class: 'physical',
          possession: true,
          location: 'Ontario, CA 91761, US',
        },
      ],
    },
    more: (got) => {
      const delivered = got.events[4];
      expect(delivered).toMatchObject({
        class: 'delivered',
        at: stamp('20261008 131508', '2026-10-08T18:15:08Z', '-05:00', 'offset', '2026-10-08'),
      });
    },
  },
  {
    name: 'tracking-usps-utf16.txt',
    file: 'tracking-usps-utf16.txt',
    report: {
      kind: 'tracking-events',
      encoding: 'utf-16le',
      delimiter: 'tab',
      quoting: true,
      rowsRead: 7,
      rowsRejected: 0,
      unclassified: {},
    },
    counts: [0, 0, 7, 0],
    first: {
      events: [
        {
          trackingNumber: '9400111899562045604196',
          carrier: 'USPS',
          at: {
            ...stamp('October 6 2026 9:12 am', '2026-10-06T16:12:00Z', 'America/Los_Angeles', 'inferred', '2026-10-06'),
            zoneNote: 'location "ONTARIO, CA 91761"',
          },
          description: 'Shipping Label Created, USPS Awaiting Item',
          code: 'GX',
          class: 'information',
          possession: false,
          location: 'ONTARIO, CA 91761',
          ...src('tracking-usps-utf16.txt', 2),
        },
        {
          trackingNumber: '9400111899562045604196',
          at: stamp('October 6 2026 6:58 pm', '2026-10-07T01:58:00Z', 'America/Los_Angeles', 'inferred', '2026-10-06'),
          description: 'Accepted at USPS Origin Facility',
          code: 'OA',
          class: 'physical',
          possession: true,
        },
      ],
    },
    more: (got) => {
      expect(got.events.map((e) => [e.code, e.class])).toEqual([
        ['GX', 'information'],
        ['OA', 'physical'],
        ['10', 'physical'],
        ['OF', 'physical'],
        ['01', 'delivered'],
        ['MA', 'information'],
        ['GX', 'information'],
      ]);
      // The MA row has no location: zone undecided, the marketplace zone is assumed. JAMAICA, NY is New York.
      expect(got.events[5].at).toMatchObject({ zone: 'America/Los_Angeles', zoneSource: 'assumed' });
      expect(got.events[6].at).toMatchObject({
        zone: 'America/New_York',
        zoneSource: 'inferred',
        epochMs: Date.parse('2026-10-06T14:03:00Z'),
      });
      expect(got.events.filter((e) => e.trackingNumber === '9200190344718055296025').some((e) => e.possession)).toBe(
        false,
      );
    },
  },
  {
    name: 'tracking-summary.csv',
    file: 'tracking-summary.csv',
    report: {
      kind: 'tracking-summary',
      encoding: 'utf-8',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 4,
      rowsRejected: 0,
      unclassified: {},
    },
    counts: [0, 0, 0, 4],
    first: {
      packages: [
        {
          trackingNumber: 'LZ705133820CN',
          carrier: 'China Post',
          status: 'Delivered',
          statusClass: { class: 'delivered', possession: true },
          firstScanAt: {
            ...day('2026-10-08', '2026-10-07T16:00:00Z', 'Asia/Shanghai', 'inferred'),
            zoneNote: 'location "Shenzhen, CN"',
          },
          latestEvent: 'Delivered, In/At Mailbox',
          latestEventAt: stamp('2026-10-21 12:40', '2026-10-21T04:40:00Z', 'Asia/Shanghai', 'inferred', '2026-10-21'),
          ...src('tracking-summary.csv', 2),
        },
        {
          trackingNumber: '1ZV7A1290344190717',
          carrier: 'UPS',
          status: 'In Transit',
          firstScanAt: day('2026-10-05', '2026-10-05T07:00:00Z', 'America/Los_Angeles', 'inferred'),
          latestEvent: 'Departed from Facility',
          latestEventAt: stamp(
            '2026-10-06 03:44',
            '2026-10-06T10:44:00Z',
            'America/Los_Angeles',
            'inferred',
            '2026-10-06',
          ),
        },
      ],
    },
    more: (got) => {
      expect(new Date(latestInstant(got.packages[0].firstScanAt!)).toISOString()).toBe('2026-10-08T15:59:59.999Z');
      expect(got.packages[2]).toMatchObject({ trackingNumber: '9200190344718055296025', firstScanAt: undefined });
      expect(got.packages[3]).toMatchObject({
        trackingNumber: '9400111899562045830052',
        status: 'Not Found',
        latestEvent: undefined,
        firstScanAt: undefined,
      });
    },
  },
  {
    name: 'tracking-aftership.csv',
    file: 'tracking-aftership.csv',
    report: {
      kind: 'tracking-events',
      encoding: 'utf-8',
      delimiter: 'comma',
      quoting: true,
      rowsRead: 6,
      rowsRejected: 0,
      unclassified: {},
    },
    counts: [0, 0, 6, 0],
    first: {
      events: [
        {
          trackingNumber: '9400111899562045911300',
          carrier: 'USPS',
          at: iso('2026-10-07T08:55:00-07:00', '2026-10-07T15:55:00Z', '-07:00'),
          description: 'Shipping Label Created, USPS Awaiting Item',
          code: 'InfoReceived_001',
          class: 'information',
          possession: false,
          location: 'ONTARIO, CA, 91761, USA',
        },
        {
          trackingNumber: '9400111899562045911300',
          at: iso('2026-10-07T17:21:00-07:00', '2026-10-08T00:21:00Z', '-07:00'),
          description: 'USPS in possession of item',
          code: 'InTransit_002',
          class: 'physical',
          possession: true,
          location: 'ONTARIO, CA, 91761, USA',
        },
      ],
    },
    more: (got) => {
      expect(got.events[4]).toMatchObject({
        trackingNumber: 'LX209488161CN',
        carrier: 'China Post',
        class: 'information',
        at: iso('2026-10-06T09:47:00+08:00', '2026-10-06T01:47:00Z', '+08:00'),
      });
    },
  },
  {
    name: 'amazon-fulfilled-shipments.txt: FBA shipments are AFN orders, never confirmations',
    file: 'amazon-fulfilled-shipments.txt',
    report: { kind: 'amazon-fulfilled-shipments', delimiter: 'tab', quoting: false, rowsRead: 3, rowsRejected: 0 },
    counts: [3, 0, 0, 0],
    first: {
      orders: [
        {
          orderId: '113-2209645-0071428',
          purchasedAt: iso('2026-10-11T01:11:09+00:00', '2026-10-11T01:11:09Z', '+00:00'),
          channel: 'AFN',
          salesChannel: 'Amazon.com',
          items: 1,
          ...src('amazon-fulfilled-shipments.txt', 2),
        },
        { orderId: '111-3389120-5561047', channel: 'AFN', ...src('amazon-fulfilled-shipments.txt', 3) },
      ],
    },
    more: (got, report) => {
      expect(got.orders.map((o) => o.channel)).toEqual(['AFN', 'AFN', 'AFN']);
      expect(report.notes?.[0]).toMatch(/^Amazon fulfilled these orders \(FBA\): each row is read as an order with/);
    },
  },
  {
    name: 'all-orders-promotions.txt: promotion continuation lines are skipped and counted, not rejected',
    file: 'all-orders-promotions.txt',
    report: { kind: 'all-orders', rowsRead: 3, rowsRejected: 0, rowsSkipped: { 'promotion continuation lines': 2 } },
    counts: [3, 0, 0, 0],
    first: {
      orders: [
        { orderId: '112-8840213-3306657', channel: 'MFN', status: 'shipped', ...src('all-orders-promotions.txt', 2) },
        { orderId: '114-2290467-8815230', channel: 'MFN', status: 'shipped', ...src('all-orders-promotions.txt', 3) },
      ],
    },
    // Lines 4 and 5 continue the second order; the third order is the file's line 6.
    more: (got) =>
      expect(got.orders[2]).toMatchObject({ orderId: '113-5518306-2047719', items: 2, ...src(PROMOTIONS, 6) }),
  },
  {
    name: 'easyship-picked-up.txt: picked-up-date is the first physical scan of the tracking-id',
    file: 'easyship-picked-up.txt',
    report: { kind: 'easyship-picked-up', delimiter: 'tab', quoting: false, rowsRead: 3, rowsRejected: 0 },
    counts: [0, 0, 0, 3],
    first: {
      packages: [
        {
          trackingNumber: 'TBA412208836715',
          carrier: 'ATS',
          firstScanAt: iso('2026-10-07T11:42:10+05:30', '2026-10-07T06:12:10Z', '+05:30'),
          ...src('easyship-picked-up.txt', 2),
        },
        {
          trackingNumber: 'TBA412208840177',
          carrier: 'ATS',
          firstScanAt: iso('2026-10-07T15:06:44+05:30', '2026-10-07T09:36:44Z', '+05:30'),
          ...src('easyship-picked-up.txt', 3),
        },
      ],
    },
    more: (got, report) => {
      expect(report.mapping).toMatchObject({ trackingNumber: 'tracking-id', firstScan: 'picked-up-date' });
      expect(report.notes?.[0]).toMatch(/^picked-up-date is when the Easy Ship carrier collected the parcel/);
    },
  },
  {
    name: 'order-fulfillment-feed.xml: each OrderFulfillment message a confirmation',
    file: 'order-fulfillment-feed.xml',
    report: { kind: 'order-fulfillment-feed', delimiter: 'xml', quoting: false, rowsRead: 3, rowsRejected: 0 },
    counts: [0, 4, 0, 0],
    first: {
      confirmations: [
        {
          orderId: '112-6620485-7719354',
          orderItemId: '40972615538894',
          quantity: 1,
          confirmedAt: iso('2026-10-06T16:05:00-07:00', '2026-10-06T23:05:00Z', '-07:00'),
          carrier: 'UPS',
          trackingNumber: '1ZV7A1290344201197',
          shipMethod: 'UPS Ground',
          ...src('order-fulfillment-feed.xml', 8),
        },
        {
          orderId: '113-2057938-4402861',
          orderItemId: undefined,
          quantity: 2,
          confirmedAt: {
            ...stamp('2026-10-07T09:30:00', '2026-10-07T16:30:00Z', 'America/Los_Angeles', 'setting', '2026-10-07'),
            zoneNote: '--marketplace-tz',
          },
          carrier: 'Yun Express',
          carrierRaw: 'Yun Express',
          trackingNumber: 'YT2628011093377421',
          ...src('order-fulfillment-feed.xml', 26),
        },
      ],
    },
    more: (got, report) => {
      // Message 3 shipped two parcels; message 4 (OperationType Delete) confirms nothing.
      expect(got.confirmations.slice(2).map((c) => [c.orderId, c.trackingNumber, c.quantity])).toEqual([
        ['114-8804132-0917256', '9400111899562045331054', undefined],
        ['114-8804132-0917256', '9400111899562045331122', undefined],
      ]);
      expect(report.rowsSkipped).toEqual({ 'messages with OperationType Delete (no confirmation)': 1 });
    },
  },
];

describe('readInput, every fixture in fixtures/formats', () => {
  it('has a table entry for every file', () => {
    const files = readdirSync(F).filter((f) => f !== 'EXPECTED.md');
    expect([...new Set(CASES.map((c) => c.file))].sort()).toEqual(files.sort());
  });

  it.each(CASES)('$name', async (c) => {
    const { report, got } = await read(`${F}/${c.file}`, c.opts);
    expect(report).toMatchObject({ file: `${F}/${c.file}`, problems: [], ...c.report });
    expect([got.orders.length, got.confirmations.length, got.events.length, got.packages.length]).toEqual(c.counts);
    for (const [kind, expected] of Object.entries(c.first) as Array<[keyof Collected, object[]]>) {
      expect(got[kind].slice(0, expected.length)).toMatchObject(expected);
    }
    c.more?.(got, report);
  });
});

/** The whole file as text, decoded the way the readers decode it. */
function decodeFile(file: string, encoding: Encoding): string {
  const d = createDecoder(encoding);
  return d.write(readFileSync(file)) + d.end();
}

describe('the Windows-1252 All Orders report, byte for byte', () => {
  const lines = decodeFile(`${F}/all-orders-win1252.txt`, 'windows-1252').split('\r\n');
  const header = lines[0].split('\t');
  const name = header.indexOf('product-name');

  it.each([
    [1, '113-4829175-2038561', 'Steel Ruler 12" Metric / Imperial, Stainless'],
    [2, '111-7302846-9154027', 'Café Espresso Tamper 51mm, Walnut Handle'],
  ])('line %i: the product name is intact and the row keeps its columns', (i, orderId, product) => {
    const cells = lines[i].split('\t');
    expect(cells).toHaveLength(header.length);
    expect(cells[header.indexOf('amazon-order-id')]).toBe(orderId);
    expect(cells[name]).toBe(product);
    // The column after the product name is still the SKU, not a piece of a broken quoted field.
    expect(cells[header.indexOf('sku')]).toMatch(/^[A-Z0-9-]+$/);
  });

  it('a row per item, nothing rejected, every order id as in the file', async () => {
    const { report, got } = await read(`${F}/all-orders-win1252.txt`);
    const ids = lines
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t')[0]);
    expect(report.rowsRejected).toBe(0);
    expect(got.orders.map((o) => o.orderId)).toEqual(ids);
  });
});

/** Cells of personal-data columns, read straight from the file, must appear in no record. */
describe.each([
  [
    'order-report.txt',
    'utf-8',
    '\t',
    ['buyer-email', 'buyer-name', 'buyer-phone-number', 'recipient-name', 'ship-address-1', 'ship-phone-number'],
  ],
  [
    'unshipped-orders.txt',
    'utf-8',
    '\t',
    ['buyer-email', 'buyer-name', 'buyer-phone-number', 'recipient-name', 'ship-address-1'],
  ],
  ['erp-shipstation.csv', 'utf-8', ',', ['Ship To - Name', 'Ship To - Company']],
  ['amazon-fulfilled-shipments.txt', 'utf-8', '\t', ['buyer-email', 'ship-address-1']],
  ['erp-dianxiaomi-gb18030.csv', 'gb18030', ',', ['买家姓名']],
] as Array<[string, Encoding, string, string[]]>)(
  '%s: no personal data in the records',
  (file, encoding, delimiter, columns) => {
    it('carries none of the buyer columns', async () => {
      const rows: string[][] = parse(decodeFile(`${F}/${file}`, encoding), {
        delimiter,
        quote: delimiter === ',' ? '"' : false,
        relax_column_count: true,
      });
      const values = columns
        .flatMap((c) => rows.slice(1).map((r) => r[rows[0].indexOf(c)]))
        .filter((v) => v && v.length > 2);
      expect(values.length).toBeGreaterThan(0);
      const { report, got } = await read(`${F}/${file}`);
      const text = JSON.stringify({ got, report });
      expect(values.filter((v) => text.includes(v))).toEqual([]);
    });
  },
);

describe('inputs written in a temp folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Orders API: a LABEL_CANCELLED package is not a confirmation; a package of two items names none', async () => {
    const file = join(dir, 'one-order.json');
    const pkg = (ref: string, tn: string, status: string, items: Array<[string, number]>) => ({
      packageReferenceId: ref,
      createdTime: '2026-10-13T17:45:09Z',
      carrier: 'UPS',
      trackingNumber: tn,
      shipTime: '2026-10-13T22:58:00Z',
      packageStatus: { status },
      packageItems: items.map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
    });
    writeFileSync(
      file,
      JSON.stringify({
        order: {
          orderId: '113-5527094-8810362',
          createdTime: '2026-10-12T16:20:41Z',
          fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'MERCHANT' },
          packages: [
            pkg('1', '1ZV7A1290344188202', 'LABEL_CANCELLED', [['41208836715570', 1]]),
            pkg('2', '1ZV7A1290344188462', 'PICKED_UP', [
              ['41208836715570', 1],
              ['41208836715594', 2],
            ]),
          ],
        },
      }),
    );
    const { report, got } = await read(file);
    expect(report).toMatchObject({ kind: 'orders-api-json', delimiter: 'json', rowsRead: 1 });
    expect(got.orders.map((o) => [o.orderId, o.channel, o.status])).toEqual([
      ['113-5527094-8810362', 'MFN', 'shipped'],
    ]);
    expect(got.confirmations).toHaveLength(1);
    expect(got.confirmations[0]).toMatchObject({
      trackingNumber: '1ZV7A1290344188462',
      packageStatus: 'PICKED_UP',
      orderItemId: undefined,
      quantity: 3,
    });
  });

  it('XLSX: an ERP export with Chinese headers is read through readInput', async () => {
    const file = join(dir, 'erp.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['订单号', '亚马逊订单号', '标记发货时间', '物流商', '跟踪号', '数量', '买家姓名']);
    // Excel keeps wall-clock time without a zone: exceljs writes and reads a Date's UTC fields.
    ws.addRow([
      'XM6D1A20261005013',
      '112-4018836-2276514',
      new Date(Date.UTC(2026, 9, 5, 14, 21)),
      '中国邮政',
      'ly 318 072 641 cn',
      1,
      "Kevin O'Brien",
    ]);
    ws.addRow([
      'XM6D1A20261005027',
      '113-6649201-8853307',
      '2026/10/05 16:03',
      '云途',
      'YT2627811093377415',
      2,
      'Laura Chen',
    ]);
    ws.addRow([]);
    await wb.xlsx.writeFile(file);

    const { report, got } = await read(file);
    expect(report).toMatchObject({
      kind: 'erp-confirmations',
      encoding: 'xlsx',
      delimiter: 'xlsx',
      quoting: false,
      rowsRead: 2,
      rowsRejected: 0,
    });
    expect(report.mapping).toMatchObject({
      orderId: '亚马逊订单号',
      shipDate: '标记发货时间',
      trackingNumber: '跟踪号',
    });
    expect(got.confirmations).toMatchObject([
      {
        orderId: '112-4018836-2276514',
        confirmedAt: stamp('2026-10-05 14:21:00', '2026-10-05T06:21:00Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
        carrier: 'China Post',
        trackingNumber: 'LY318072641CN',
        quantity: 1,
        source: { file, line: 2 },
      },
      {
        orderId: '113-6649201-8853307',
        confirmedAt: stamp('2026/10/05 16:03', '2026-10-05T08:03:00Z', 'Asia/Shanghai', 'inferred', '2026-10-05'),
        carrier: 'Yun Express',
        quantity: 2,
        source: { file, line: 3 },
      },
    ]);
    expect(JSON.stringify(got)).not.toContain('Laura Chen');
  });
});

/**
 * Places where a fixture's EXPECTED.md and the knowledge tables disagree. They live outside src/read; each
 * `fails` turns red the day it is fixed, and should then become an ordinary assertion.
 */
describe('the JP template without a zone setting', () => {
  it('reads its dates in Asia/Tokyo, inferred from the Japanese header row above the English one', async () => {
    const { report, got } = await read(`${F}/confirmation-jp-sjis.txt`, {
      marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' },
    });
    expect(report.zoneNote).toBe(
      'times without an offset are read in Asia/Tokyo (inferred: Japanese column headers (export made in Japan))',
    );
    expect(got.confirmations[0].confirmedAt).toMatchObject({
      raw: '2026-10-06',
      epochMs: Date.parse('2026-10-05T15:00:00Z'),
      zone: 'Asia/Tokyo',
      zoneSource: 'inferred',
    });
  });

  it('a zone the user set wins', async () => {
    const { got } = await read(`${F}/confirmation-jp-sjis.txt`, {
      marketplaceZone: { zone: 'America/Los_Angeles', source: 'setting' },
    });
    expect(got.confirmations[0].confirmedAt).toMatchObject({ zone: 'America/Los_Angeles', zoneSource: 'setting' });
  });
});

describe('places where the fixtures and the knowledge tables once disagreed', () => {
  it('zones.ts: "LOS ANGELES CA INTERNATIONAL DISTRIBUTION CENTER" is inferred as Los Angeles, not assumed', async () => {
    const { got } = await read(`${F}/tracking-17track.csv`);
    expect(got.events[3].at).toMatchObject({ zone: 'America/Los_Angeles', zoneSource: 'inferred' });
  });

  it('events.ts: a package status "Info Received" is information, not unknown', async () => {
    const { got } = await read(`${F}/tracking-summary.csv`);
    expect(got.packages[2].statusClass).toMatchObject({ class: 'information', possession: false });
  });
});
