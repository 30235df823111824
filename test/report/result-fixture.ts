import type { Finding, TimeFact } from '../../src/model/finding.js';
import type { AuditResult, GroupFigures } from '../../src/model/result.js';

/**
 * A month of a US seller that shipped with China Post, confirmed before collection, and moved to USPS in
 * week 43. Written by hand so that every figure below can be checked against the expected report text.
 */

const LA = 'America/Los_Angeles, setting: --marketplace-tz';

function at(iso: string, raw: string, zone = LA): TimeFact {
  return { iso, epochMs: Date.parse(iso), precision: 'datetime', raw, zone };
}

function day(date: string, raw: string): TimeFact {
  return { iso: date, epochMs: Date.parse(`${date}T00:00:00-07:00`), precision: 'date', raw, zone: LA };
}

const confirmation = (line: number) => ({ file: '/home/seller/exports/confirm-upload.txt', line });
const order = (line: number) => ({ file: 'C:\\Users\\seller\\Downloads\\orders.txt', line });

/** Shipment A: confirmed 65.5 h before China Post collected it, and after its latest ship date. */
const shipmentA = {
  orderId: '113-1111111-1111111',
  trackingNumber: 'RB123456785CN',
  carrier: 'China Post',
  purchasedAt: at('2026-10-02T10:12:00-07:00', '2026-10-02T17:12:00+00:00', '+00:00, offset'),
  latestShipDate: at('2026-10-04T23:59:59-07:00', '2026-10-05T06:59:59+00:00', '+00:00, offset'),
  latestShipDateComputed: false,
  confirmedAt: at('2026-10-05T09:00:00-07:00', '2026-10-05 09:00'),
  firstCarrierScanAt: at('2026-10-08T02:30:00-07:00', '2026-10-08 17:30', 'Asia/Shanghai, inferred: location "深圳市"'),
  firstScanEvent: '已收寄',
  firstScanLocation: '深圳市',
  lagHours: 65.5,
  sources: {
    confirmation: confirmation(2),
    order: order(5),
    firstScan: { file: '/home/seller/exports/events.csv', line: 10 },
  },
} satisfies Omit<Finding, 'rule' | 'severity' | 'message'>;

export const findings: Finding[] = [
  {
    ...shipmentA,
    rule: 'confirmed-before-handover',
    severity: 'error',
    message: 'Confirmed 65.5 h before the first carrier scan "已收寄", Shenzhen.',
  },
  {
    ...shipmentA,
    rule: 'late-confirmation',
    severity: 'warning',
    message: 'Confirmed 9.0 h after the latest ship date.',
  },
  {
    // A tracking number crafted as a spreadsheet formula: the evidence CSV must not let it run.
    rule: 'confirmed-before-handover',
    severity: 'error',
    message: 'Confirmed (date only, counted from the end of the day) 34.0 h before the first carrier scan.',
    orderId: '113-2222222-2222222',
    trackingNumber: '=HYPERLINK("http://example.invalid","click")',
    carrier: 'China Post',
    confirmedAt: day('2026-10-13', '2026-10-13'),
    firstCarrierScanAt: at('2026-10-15T10:00:00-07:00', '2026-10-16 01:00', 'Asia/Shanghai, inferred: language'),
    firstScanEvent: 'Posting/Collection',
    firstScanLocation: 'GUANGZHOU, CN',
    lagHours: 34,
    sources: { confirmation: confirmation(3), firstScan: { file: '/home/seller/exports/events.csv', line: 22 } },
  },
  {
    rule: 'late-handover',
    severity: 'warning',
    message: 'First carrier scan 11.5 h after the latest ship date, computed from a 1-day handling time.',
    orderId: '113-4444444-4444444',
    trackingNumber: '9400111899223197428490',
    carrier: 'USPS',
    purchasedAt: at('2026-10-19T08:00:00-07:00', '2026-10-19T15:00:00Z', 'Z, offset'),
    latestShipDate: at('2026-10-20T23:59:59-07:00', 'computed'),
    latestShipDateComputed: true,
    confirmedAt: at('2026-10-21T15:00:00-07:00', '2026-10-21 15:00'),
    firstCarrierScanAt: at(
      '2026-10-21T11:30:00-07:00',
      'October 21, 2026 11:30 am',
      'America/Los_Angeles, inferred: location "Ontario, CA 91761"',
    ),
    firstScanEvent: 'Accepted at USPS Origin Facility',
    firstScanLocation: 'ONTARIO, CA 91761',
    lagHours: -3.5,
    sources: { confirmation: confirmation(30), order: order(88), firstScan: { file: 'usps.csv', line: 4 } },
  },
];

function group(key: string, shipments: number, early: number, median: number | null, carriers: string[]): GroupFigures {
  return {
    key,
    shipments,
    earlyConfirmations: early,
    withScanTime: shipments,
    earlyConfirmationRate: early / shipments,
    lateConfirmations: 0,
    withPhysicalScan: shipments,
    lagHours: { count: shipments, median, p90: median, max: median },
    carriers,
  };
}

export function resultFixture(): AuditResult {
  return {
    tool: { name: 'shipaudit', version: '0.1.0' },
    asOf: '2026-11-24T18:00:00-08:00',
    asOfSource: 'newest tracking event',
    marketplaceZone: 'America/Los_Angeles',
    window: {},
    graceHours: 2,
    summary: {
      shipments: 30,
      excluded: { afn: 4, cancelled: 1 },
      confirmationsWithoutOrder: 0,
      matchedWithTracking: 29,
      withPhysicalScan: 28,
      hasTrackingData: true,
      hasOrderData: true,
      findingsByRule: {
        'confirmed-before-handover': 2,
        'late-confirmation': 1,
        'late-handover': 1,
        'no-carrier-scan': 0,
      },
      findingsBySeverity: { error: 2, warning: 2 },
      shipmentsWithErrors: 2,
      earlyConfirmationRate: {
        count: 2,
        of: 28,
        value: 2 / 28,
        label: 'Early confirmation rate',
        target: '0%',
        meetsTarget: false,
        basis: 'shipments confirmed more than 2 h before the first physical carrier scan',
      },
      lateShipmentRate10: {
        count: 0,
        of: 0,
        value: null,
        label: 'Late Shipment Rate (10 days)',
        target: 'under 4%',
        meetsTarget: null,
        basis: '',
      },
      lateShipmentRate30: {
        count: 1,
        of: 30,
        value: 1 / 30,
        label: 'Late Shipment Rate (30 days)',
        target: 'under 4%',
        meetsTarget: true,
        basis: '',
      },
      validTrackingRate: {
        count: 28,
        of: 30,
        value: 28 / 30,
        label: 'Valid Tracking Rate',
        target: 'over 95%',
        meetsTarget: false,
        basis: '',
      },
      lagHours: { count: 28, median: 1.5, p90: 40.2, max: 65.5 },
      rowsRejected: 3,
      eventsIgnoredForClock: 0,
    },
    byCarrier: [group('China Post', 22, 2, 20.25, ['China Post']), group('USPS', 8, 0, -2, ['USPS'])],
    byWeek: [
      group('2026-W41 (Oct 05)', 12, 1, 30, ['China Post']),
      group('2026-W42 (Oct 12)', 10, 1, 12.5, ['China Post']),
      group('2026-W43 (Oct 19)', 8, 0, -2, ['USPS']),
    ],
    findings,
    inputs: [
      {
        file: 'confirmations.txt',
        kind: 'confirmation-upload',
        encoding: 'utf-8',
        delimiter: 'tab',
        rowsRead: 33,
        rowsRejected: 3,
        problems: [
          { file: 'confirmations.txt', line: 7, message: 'row has 5 of 8 columns (truncated or shifted row)' },
          { file: 'confirmations.txt', line: 9, message: 'order id is empty' },
        ],
        zoneNote: '',
      },
      {
        file: 'README.txt',
        kind: 'skipped',
        encoding: '',
        delimiter: '',
        rowsRead: 0,
        rowsRejected: 0,
        problems: [],
        zoneNote: '',
        skipped: 'not a recognised input (headers of no known kind)',
      },
    ],
    unclassifiedEvents: [
      { description: '到达寄达地处理中心', count: 7 },
      { description: 'Arrived at Hub', count: 3 },
    ],
    notes: ['1 shipment(s) have no matching order in the order files: they were checked without ship-by dates.'],
  };
}
