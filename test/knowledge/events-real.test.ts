/**
 * Real carrier wording, one row per phrase or code as a real file gives it: the classification the audit must
 * give it (see ../shared/DOMAIN.md). Rows name their source: a file of ../shared/real-samples/ (its converted/
 * CSVs hold the same events flattened), or the vendor's documented code list where no sample file has the code.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalCarrier } from '../../src/knowledge/carriers.js';
import { classifyEvent } from '../../src/knowledge/events.js';
import type { EventClass, TrackingEvent } from '../../src/model/records.js';
import { readInput } from '../../src/read/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const REAL = path.resolve(repoRoot, '../shared/real-samples');
const CONVERTED = path.join(REAL, 'converted');

type Row = [
  source: string,
  carrier: string | undefined,
  code: string | undefined,
  text: string,
  cls: EventClass,
  rule: string,
];

const USPS_V3 = 'usps-v3-tracking-karrio.json / converted/usps-v3-events-*.csv';
const USPS_WT = 'usps-webtools-trackresponse.xml / converted/usps-webtools-events*.csv';
const UPS_XML = 'ups-xml-trackresponse.xml / converted/ups-xml-activities.csv';
const UPS_REST = 'ups-track-api-json-karrio.json / converted/ups-rest-activities.csv';
const FEDEX = 'fedex-trackreply-v7.xml / converted/fedex-xml-events.csv';
const AS = 'aftership-v4-get-tracking.json / converted/aftership-v4-checkpoints.csv';
const T17 = '17track-web-gettrackinfo-py17track.json / converted/17track-legacy-events.csv';
const CAINIAO = 'DOMAIN.md (Cainiao wording)';
const CHINA_POST = 'DOMAIN.md (China Post wording; no sample file)';

const UPS_DELAY = 'YOUR PACKAGE ENCOUNTERED A DELAY. WE EXPECT YOUR DELIVERY WILL BE POSTPONED BY ONE BUSINESS DAY.';
const UPS_REFUND = 'A GUARANTEED SERVICE REFUND HAS BEEN SUBMITTED FOR THIS PACKAGE.';
const UPS_LABEL = 'Shipper created a label, UPS has not received the package yet. ';
const FEDEX_TENDERED = 'In transit - Tendered to authorized agent for final delivery';

const ROWS: Row[] = [
  // USPS Tracking API v3 (eventCode + eventType)
  [USPS_V3, 'USPS', 'GX', 'Shipping Label Created, USPS Awaiting Item', 'information', 'usps-code-label'],
  [USPS_V3, 'USPS', '03', 'USPS in possession of item', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', '10', 'Arrived at USPS Regional Origin Facility', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', 'T1', 'Departed USPS Regional Facility', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', 'A1', 'Arrived at USPS Regional Facility', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', 'TL', 'In Transit to Next Facility', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', '07', 'Arrived at Post Office', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', 'SF', 'Departed Post Office', 'physical', 'usps-code-scan'],
  [USPS_V3, 'USPS', 'OF', 'Out for Delivery', 'physical', 'usps-code-out-for-delivery'],
  [USPS_V3, 'USPS', '01', 'Delivered, Parcel Locker', 'delivered', 'usps-code-delivered'],
  // USPS Web Tools TrackResponse (EventCode + Event)
  [USPS_WT, 'USPS', 'GX', 'Shipping Label Created', 'information', 'usps-code-label'],
  [USPS_WT, 'USPS', 'OA', 'Accepted at USPS Origin Sort Facility', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', '10', 'Arrived at USPS Origin Facility', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', '10', 'Arrived at USPS Facility', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', 'EF', 'Departed USPS Facility', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', '07', 'Arrived at Post Office', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', 'PC', 'Sorting Complete', 'physical', 'usps-code-scan'],
  [USPS_WT, 'USPS', 'OF', 'Out for Delivery', 'physical', 'usps-code-out-for-delivery'],
  [USPS_WT, 'USPS', '01', 'Delivered, In/At Mailbox', 'delivered', 'usps-code-delivered'],
  // The same USPS texts without their code (an export that drops the code column): the text decides.
  [USPS_WT, 'USPS', undefined, 'Accepted at USPS Origin Sort Facility', 'physical', 'usps-scan'],
  [USPS_WT, 'USPS', undefined, 'Arrived at USPS Origin Facility', 'physical', 'usps-scan'],
  [USPS_WT, 'USPS', undefined, 'Sorting Complete', 'physical', 'usps-scan'],
  [USPS_WT, 'USPS', undefined, 'Shipping Label Created', 'information', 'label-created'],
  // UPS (activity status type + description)
  [UPS_XML, 'UPS', 'M', 'BILLING INFORMATION RECEIVED', 'information', 'ups-code-label'],
  [UPS_XML, 'UPS', 'I', 'ORIGIN SCAN', 'physical', 'ups-code-scan'],
  [UPS_XML, 'UPS', 'I', 'DEPARTURE SCAN', 'physical', 'ups-code-scan'],
  [UPS_XML, 'UPS', 'I', 'ARRIVAL SCAN', 'physical', 'ups-code-scan'],
  [UPS_XML, 'UPS', 'I', 'DESTINATION SCAN', 'physical', 'ups-code-scan'],
  [UPS_XML, 'UPS', 'X', UPS_DELAY, 'exception', 'ups-code-exception'],
  [UPS_XML, 'UPS', 'D', 'DELIVERED', 'delivered', 'ups-code-delivered'],
  [UPS_XML, 'UPS', 'X', UPS_REFUND, 'exception', 'ups-code-exception'],
  [UPS_XML, 'UPS', undefined, 'BILLING INFORMATION RECEIVED', 'information', 'ups-label-created'],
  [UPS_XML, 'UPS', undefined, UPS_DELAY, 'exception', 'exception'],
  [UPS_XML, 'UPS', undefined, UPS_REFUND, 'information', 'carrier-billing-note'],
  [UPS_REST, 'UPS', 'M', UPS_LABEL, 'information', 'ups-code-label'],
  [UPS_REST, 'UPS', 'D', 'DELIVERED ', 'delivered', 'ups-code-delivered'],
  [UPS_REST, 'UPS', undefined, UPS_LABEL, 'information', 'ups-label-created'],
  // FedEx (EventType + EventDescription)
  [FEDEX, 'FedEx', 'OC', 'Shipment information sent to FedEx', 'information', 'fedex-code-label'],
  [FEDEX, 'FedEx', 'PU', 'Picked up', 'physical', 'fedex-code-scan'],
  [FEDEX, 'FedEx', 'AR', 'Arrived at FedEx location', 'physical', 'fedex-code-scan'],
  [FEDEX, 'FedEx', 'DP', 'Departed FedEx location', 'physical', 'fedex-code-scan'],
  [FEDEX, 'FedEx', 'IT', 'In transit', 'physical', 'fedex-code-scan'],
  [FEDEX, 'FedEx', 'AR', 'At local FedEx facility', 'physical', 'fedex-code-scan'],
  [FEDEX, 'FedEx', 'OD', 'On FedEx vehicle for delivery', 'physical', 'fedex-code-out-for-delivery'],
  [FEDEX, 'FedEx', 'DL', 'Delivered', 'delivered', 'fedex-code-delivered'],
  ['fedex-track-api-json-karrio.json', 'FedEx', 'PU', 'Picked Up', 'physical', 'fedex-code-scan'],
  // AfterShip v4 checkpoints (subtag + message): the subtag decides, also where the text says otherwise
  [AS, 'FedEx', 'InfoReceived_001', 'Shipment information sent to FedEx', 'information', 'aggregator-info'],
  [AS, 'FedEx', 'InTransit_002', 'Picked up', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_007', 'Left FedEx origin facility', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_001', 'In transit', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_003', 'Arrived at FedEx location', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_007', 'International shipment release - Export', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_007', 'Departed FedEx location', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_004', 'At destination sort facility', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_001', 'In transit - Package available for clearance', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'InTransit_007', 'International shipment release - Import', 'physical', 'aggregator-transit'],
  [AS, 'FedEx', 'OutForDelivery_001', FEDEX_TENDERED, 'physical', 'out-for-delivery'],
  [AS, 'FedEx', 'Delivered_001', 'Delivered', 'delivered', 'delivered'],
  [AS, 'FedEx', undefined, 'International shipment release - Export', 'physical', 'fedex-scan'],
  // 17TRACK legacy web API (no code)
  [T17, undefined, undefined, 'Arrival at Destination Post', 'physical', 'upu-scan'],
  // China Post (UPU S10 CN): the destination office's arrival
  [CHINA_POST, 'China Post', undefined, '到达寄达地', 'physical', 'china-post-scan'],
  // Cainiao wording (DOMAIN.md / the brief; no sample file has a Cainiao feed)
  [CAINIAO, undefined, undefined, 'Inbound in sorting center', 'physical', 'forwarder-scan'],
  [CAINIAO, undefined, undefined, 'Outbound in sorting center', 'physical', 'forwarder-scan'],
  [CAINIAO, undefined, undefined, 'Arrived at departure transport hub', 'physical', 'forwarder-scan'],
  [CAINIAO, undefined, undefined, 'Export customs clearance started', 'physical', 'forwarder-scan'],
  [CAINIAO, undefined, undefined, 'Export customs clearance complete', 'physical', 'forwarder-scan'],
  [CAINIAO, undefined, undefined, 'Import customs clearance complete', 'physical', 'forwarder-scan'],
];

// AfterShip's documented subtags (Delivery Sub-statuses enum, and the 2026 additions Exception_014–021), each
// with the class the audit gives it. The text is deliberately neutral: the code alone must decide.
type CodeRow = [code: string, cls: EventClass, rule: string];

/** `prefix_001` … `prefix_NNN`, each with the same class and rule. */
const numbered = (prefix: string, to: number, cls: EventClass, rule: string): CodeRow[] =>
  Array.from({ length: to }, (_, i) => [`${prefix}_${String(i + 1).padStart(3, '0')}`, cls, rule]);

const AFTERSHIP: CodeRow[] = [
  ['InfoReceived_001', 'information', 'aggregator-info'],
  ...numbered('InTransit', 9, 'physical', 'aggregator-transit'),
  ...numbered('OutForDelivery', 4, 'physical', 'out-for-delivery'),
  ...numbered('AttemptFail', 3, 'exception', 'delivery-attempt'),
  ['AvailableForPickup_001', 'physical', 'available-for-pickup'],
  ...numbered('Delivered', 5, 'delivered', 'delivered'),
  ...numbered('Exception', 21, 'exception', 'exception'),
  ...numbered('Pending', 6, 'information', 'aggregator-info'),
  ['Expired_001', 'information', 'aggregator-info'],
  // The tags, which the API readers pass when a checkpoint has no subtag.
  ['InfoReceived', 'information', 'aggregator-info'],
  ['InTransit', 'physical', 'aggregator-transit'],
  ['OutForDelivery', 'physical', 'out-for-delivery'],
  ['AttemptFail', 'exception', 'delivery-attempt'],
  ['AvailableForPickup', 'physical', 'available-for-pickup'],
  ['Delivered', 'delivered', 'delivered'],
  ['Exception', 'exception', 'exception'],
  ['Pending', 'information', 'aggregator-info'],
  ['Expired', 'information', 'aggregator-info'],
];

// 17TRACK v2.2 sub-statuses and milestone stages (help centre: main status / sub-status table).
const TRACK17: CodeRow[] = [
  ['InfoReceived', 'information', 'aggregator-info'],
  ['NotFound_Other', 'information', 'aggregator-info'],
  ['NotFound_InvalidCode', 'information', 'aggregator-info'],
  ['Expired_Other', 'information', 'aggregator-info'],
  ['InTransit_PickedUp', 'physical', 'aggregator-transit'],
  ['InTransit_Other', 'physical', 'aggregator-transit'],
  ['InTransit_Departure', 'physical', 'aggregator-transit'],
  ['InTransit_Arrival', 'physical', 'aggregator-transit'],
  ['InTransit_CustomsProcessing', 'physical', 'aggregator-transit'],
  ['InTransit_CustomsReleased', 'physical', 'aggregator-transit'],
  ['InTransit_CustomsRequiringInformation', 'physical', 'aggregator-transit'],
  ['AvailableForPickup_Other', 'physical', 'available-for-pickup'],
  ['OutForDelivery_Other', 'physical', 'out-for-delivery'],
  ['DeliveryFailure_Other', 'exception', 'delivery-attempt'],
  ['DeliveryFailure_NoBody', 'exception', 'delivery-attempt'],
  ['DeliveryFailure_Security', 'exception', 'delivery-attempt'],
  ['DeliveryFailure_Rejected', 'exception', 'delivery-attempt'],
  ['DeliveryFailure_InvalidAddress', 'exception', 'delivery-attempt'],
  ['Delivered_Other', 'delivered', 'delivered'],
  ...[
    'Other',
    'Returning',
    'Returned',
    'NoBody',
    'Security',
    'Damage',
    'Rejected',
    'Delayed',
    'Lost',
    'Destroyed',
    'Cancel',
  ].map((s): CodeRow => [`Exception_${s}`, 'exception', 'exception']),
  // milestone stages
  ['PickedUp', 'physical', 'aggregator-transit'],
  ['Departure', 'physical', 'aggregator-transit'],
  ['Arrival', 'physical', 'aggregator-transit'],
  ['AvailableForPickup', 'physical', 'available-for-pickup'],
  ['OutForDelivery', 'physical', 'out-for-delivery'],
  ['Delivered', 'delivered', 'delivered'],
  ['Returning', 'exception', 'exception'],
  ['Returned', 'exception', 'exception'],
];

const POSSESSION: Record<EventClass, (rule: string) => boolean> = {
  information: () => false,
  physical: () => true,
  delivered: () => true,
  exception: (rule) => rule === 'delivery-attempt',
  unknown: () => false,
};

describe('real carrier wording', () => {
  it.each(ROWS)('%s: %s %s "%s" → %s (%s)', (_source, carrier, code, text, cls, rule) => {
    const want = { class: cls, possession: POSSESSION[cls](rule), rule };
    expect(classifyEvent({ description: text, code, carrier })).toEqual(want);
  });
});

describe('AfterShip subtags and tags, by code alone', () => {
  it.each(AFTERSHIP)('%s → %s (%s)', (code, cls, rule) => {
    // A text of the opposite meaning: the code must win over it.
    const text = cls === 'information' ? 'Picked up' : 'Shipment information received';
    for (const carrier of [undefined, 'FedEx', 'USPS', 'China Post']) {
      const want = { class: cls, possession: POSSESSION[cls](rule), rule };
      expect(classifyEvent({ description: text, code, carrier })).toEqual(want);
    }
  });
});

describe('17TRACK v2.2 sub-statuses and stages, by code alone', () => {
  it.each(TRACK17)('%s → %s (%s)', (code, cls, rule) => {
    const text = cls === 'information' ? 'Picked up' : 'Shipment information received';
    expect(classifyEvent({ description: text, code })).toEqual({ class: cls, possession: POSSESSION[cls](rule), rule });
    // A status column handed over as the description (no code column) is tried as a code too.
    expect(classifyEvent({ description: code })).toMatchObject({ class: cls, rule });
  });
});

describe('code namespaces', () => {
  it.each([
    ['UPS', 'D', 'delivered'],
    ['UPS', 'I', 'physical'],
    ['UPS', 'M', 'information'],
    ['UPS', 'X', 'exception'],
    ['UPS', 'P', 'physical'],
    ['USPS', 'OF', 'physical'],
    ['USPS', 'A1', 'physical'],
  ] as const)('%s %s is %s for its carrier only', (carrier, code, cls) => {
    expect(classifyEvent({ description: '', code, carrier }).class).toBe(cls);
    expect(classifyEvent({ description: '', code, carrier: 'Yun Express' }).class).toBe('unknown');
    expect(classifyEvent({ description: '', code }).class).toBe('unknown');
  });

  it('knows the carrier from an AfterShip slug', () => {
    const slugs: [string, string][] = [
      ['fedex', 'FedEx'],
      ['usps', 'USPS'],
      ['ups', 'UPS'],
      ['china-post', 'China Post'],
      ['china-ems', 'China Post'],
      ['yunexpress', 'Yun Express'],
      ['4px', '4PX'],
      ['dhl', 'DHL'],
      ['royal-mail', 'Royal Mail'],
      ['canada-post', 'Canada Post'],
      ['deutsch-post', 'Deutsche Post'],
      ['yanwen', 'Yanwen'],
      ['sf-express', 'SF Express'],
      ['dhl-global-mail', 'DHL eCommerce'],
    ];
    for (const [slug, name] of slugs) expect(canonicalCarrier(slug), slug).toBe(name);
  });
});

// The converted CSVs read through the reader: every event must come out as the table above says, which
// proves the readers hand `Status Code`, `Event Code`, `Status Type` and `subtag` over as the code.
describe('the converted real samples, read end to end', () => {
  it('the real-samples folder is there (CI lays it beside the clone)', () => {
    expect(existsSync(CONVERTED), CONVERTED).toBe(true);
  });

  // The sci-notation copy has no number left to read: its rows are rejected (test/read covers that).
  const files = existsSync(CONVERTED)
    ? readdirSync(CONVERTED).filter((f) => /\.(csv|xlsx)$/.test(f) && !f.includes('sci-notation'))
    : [];
  const expected = new Map(
    ROWS.map(([, carrier, code, text, cls, rule]) => [`${carrier}|${code}|${text.trim()}`, { cls, rule }]),
  );

  it.each(files)('%s: every event classified as the table says, none unknown', async (file) => {
    const events: TrackingEvent[] = [];
    const report = await readInput(
      path.join(CONVERTED, file),
      { event: (e) => events.push(e), order() {}, confirmation() {}, package() {} },
      { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed', note: 'test' } },
    );
    expect(report.rowsRejected ?? 0).toBe(0);
    expect(events.length).toBeGreaterThan(0);
    expect(report.unclassified).toEqual({});
    for (const e of events) {
      const want = expected.get(`${e.carrier}|${e.code}|${e.description.trim()}`);
      expect(want, `${e.carrier} ${e.code} ${e.description}`).toBeDefined();
      expect({ cls: e.class, rule: e.rule }, e.description).toEqual(want);
    }
  });
});

// Without a carrier column the number's format names the carrier, so carrier-bound codes still apply.
describe('the carrier known from the number when no column names it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipaudit-events-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads USPS event codes and UPS status types by the number alone', async () => {
    const file = path.join(dir, 'events.csv');
    writeFileSync(
      file,
      [
        'Tracking Number,Event Time,Event,Event Code',
        '9400109104250532908587,2024-11-22T09:10:00-05:00,Out for Delivery,OF',
        '9400109104250532908587,2024-11-19T16:38:00-05:00,Sorting Complete,PC',
        '1Z4189020353476816,2013-12-09T16:17:00-05:00,DELIVERED,D',
        '1Z4189020353476816,2013-12-05T21:56:00-05:00,BILLING INFORMATION RECEIVED,M',
      ].join('\n'),
    );
    const events: TrackingEvent[] = [];
    await readInput(
      file,
      { event: (e) => events.push(e), order() {}, confirmation() {}, package() {} },
      { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed', note: 'test' } },
    );
    expect(events.map((e) => [e.carrier, e.code, e.rule])).toEqual([
      ['USPS', 'OF', 'usps-code-out-for-delivery'],
      ['USPS', 'PC', 'usps-code-scan'],
      ['UPS', 'D', 'ups-code-delivered'],
      ['UPS', 'M', 'ups-code-label'],
    ]);
  });
});
