import { describe, expect, it } from 'vitest';
import { GateCollector } from '../../src/gate/collect.js';
import { decide, type GateInput, type GatePackageInput } from '../../src/gate/decide.js';
import { Ledger } from '../../src/gate/ledger.js';
import { ledgerRecord } from '../../src/gate/submit.js';
import type { EventClass, OrderRecord, TrackingEvent } from '../../src/model/records.js';
import { stamp } from '../rules/build.js';

const ZONE = 'America/Los_Angeles';
const ASOF = '2026-10-16T12:00:00-07:00';
const LSD = '2026-10-16T23:59:59-07:00';
const UPS = '1ZV7A3703700085742';

function order(id: string, o: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId: id,
    latestShipDate: stamp(LSD),
    awaitingShipment: true,
    source: { file: 'unshipped.txt', line: 2 },
    ...o,
  };
}

function ev(
  number: string,
  at: string,
  description: string,
  cls: EventClass,
  possession = cls === 'physical',
): TrackingEvent {
  return {
    trackingNumber: number,
    at: stamp(at),
    description,
    class: cls,
    possession,
    source: { file: 't.csv', line: 3 },
  };
}

function pkg(orderId: string, trackingNumber = UPS, o: Partial<GatePackageInput> = {}): GatePackageInput {
  return { orderId, trackingNumber, carrier: 'UPS', source: { file: 'assigned.csv', line: 2 }, ...o };
}

interface Case {
  orders?: OrderRecord[];
  packages?: GatePackageInput[];
  events?: TrackingEvent[];
  ledger?: Ledger;
  reemit?: string[];
  asOf?: string;
}

function run(c: Case) {
  const asOfMs = Date.parse(c.asOf ?? ASOF);
  const g = new GateCollector(asOfMs);
  for (const o of c.orders ?? [order('A')]) g.order(o);
  for (const e of c.events ?? []) g.event(e);
  const ledger = c.ledger ?? new Ledger();
  const input: GateInput = {
    orders: g.orders,
    notAwaiting: g.notAwaiting,
    packages: c.packages ?? [pkg('A')],
    tracking: g.tracking,
    ledger: (id, n) => ledger.covers(id, n),
    released: (id, n) => ledger.releases(id, n),
    reemit: new Set(c.reemit ?? []),
    asOfMs,
    zone: ZONE,
  };
  return decide(input);
}

const label = ev(
  UPS,
  '2026-10-15T09:00:00-07:00',
  'Shipper created a label, UPS has not received the package yet.',
  'information',
);
const scan = ev(UPS, '2026-10-15T17:30:00-07:00', 'Origin Scan', 'physical');
const ITEM: Partial<GatePackageInput> = { orderItemId: 'I1', quantity: 2 };
const ITEM_ORDER: Partial<OrderRecord> = { orderItemId: 'I1', quantityToShip: 2 };

describe('decide: release, hold or overdue', () => {
  it.each<[string, Case, 'release' | 'hold' | 'overdue', string | undefined]>([
    ['a physical scan releases', { events: [label, scan] }, 'release', undefined],
    [
      'a delivery proves possession too',
      { events: [ev(UPS, '2026-10-15T17:30:00-07:00', 'Delivered', 'delivered', true)] },
      'release',
      undefined,
    ],
    ['a label only holds', { events: [label] }, 'hold', 'information-only'],
    ['no events for the number holds', { events: [] }, 'hold', 'no-tracking-data'],
    ['no number assigned holds', { packages: [] }, 'hold', 'no-tracking-number'],
    [
      'an unclassified event holds, named',
      { events: [ev(UPS, '2026-10-15T10:00:00-07:00', '已转单', 'unknown')] },
      'hold',
      'unknown-events',
    ],
    [
      'an exception without possession holds',
      { events: [ev(UPS, '2026-10-15T10:00:00-07:00', 'Held', 'exception')] },
      'hold',
      'no-physical-scan',
    ],
    [
      'a scan after the as-of is not known yet',
      { events: [label, scan], asOf: '2026-10-15T17:00:00-07:00' },
      'hold',
      'information-only',
    ],
    [
      'past the latest ship date without a scan: overdue',
      { events: [label], asOf: '2026-10-17T08:00:00-07:00' },
      'overdue',
      'information-only',
    ],
    [
      'a scan older than the order is another parcel (reused number): held',
      {
        orders: [order('A', { purchasedAt: stamp('2026-10-14T08:00:00-07:00') })],
        events: [ev(UPS, '2026-10-01T10:00:00+08:00', 'Origin Scan', 'physical')],
      },
      'hold',
      'scan-before-order',
    ],
    [
      'a scan after the purchase releases',
      { orders: [order('A', { purchasedAt: stamp('2026-10-14T08:00:00-07:00') })], events: [scan] },
      'release',
      undefined,
    ],
    [
      'past the latest ship date with a scan: released (late)',
      { events: [scan], asOf: '2026-10-17T08:00:00-07:00' },
      'release',
      undefined,
    ],
    [
      'several numbers and no item ids: the gate cannot tell what each carries',
      { packages: [pkg('A'), pkg('A', '1ZV7A8903252058235')], events: [scan] },
      'hold',
      'several-numbers-without-items',
    ],
    [
      'a scanned number with no carrier at all',
      {
        packages: [pkg('A', 'XX1234567', { carrier: undefined })],
        events: [ev('XX1234567', '2026-10-15T17:30:00-07:00', 'Origin Scan', 'physical')],
      },
      'hold',
      'carrier-unknown',
    ],
  ])('%s', (_, c, where, reason) => {
    const d = run(c);
    const found = { release: d.release, hold: d.hold, overdue: d.overdue };
    expect(found[where].map((x) => x.orderId)).toEqual(['A']);
    for (const other of (['release', 'hold', 'overdue'] as const).filter((w) => w !== where))
      expect(found[other]).toEqual([]);
    if (reason) expect((found[where][0] as { reason: string }).reason).toBe(reason);
  });

  it('takes the ship date from the first physical scan, in the marketplace zone', () => {
    const later = ev(UPS, '2026-10-16T13:00:00+08:00', 'Departed from Facility', 'physical');
    const [r] = run({ events: [later, label, scan] }).release;
    expect(r).toMatchObject({
      shipDate: '2026-10-15T17:30:00-07:00',
      shipDateIso: '2026-10-16T00:30:00Z',
      carrierCode: 'UPS',
      late: false,
      scan: { description: 'Origin Scan', at: '2026-10-15T17:30:00-07:00' },
    });
  });

  it('a scan known only by its day gives that day; the API gets the day’s end or the as-of, never earlier', () => {
    const day = {
      ...ev(UPS, '2026-10-15T00:00:00-07:00', 'first scan / pickup', 'physical'),
      at: stamp('2026-10-15T00:00:00-07:00', 'date'),
    };
    const [r] = run({ events: [day] }).release;
    expect(r.shipDate).toBe('2026-10-15');
    expect(r.shipDateIso).toBe('2026-10-16T06:59:59Z');
    const [same] = run({ events: [day], asOf: '2026-10-15T12:00:00-07:00' }).release;
    expect(same.shipDateIso).toBe('2026-10-15T19:00:00Z');
  });

  it('one line per order item with its quantity to ship, when the order report names them', () => {
    const orders = [
      order('A', { orderItemId: '111', quantityToShip: 2, items: 3 }),
      order('A', { orderItemId: '222', items: 1 }),
    ];
    const [r] = run({ orders, events: [scan] }).release;
    expect(r.lines).toEqual([
      { orderItemId: '111', quantity: 2 },
      { orderItemId: '222', quantity: 1 },
    ]);
  });

  it('an item-level assignment confirms only its items; the whole order when nothing names items', () => {
    const orders = [order('A', { orderItemId: '111', items: 1 }), order('A', { orderItemId: '222', items: 2 })];
    const second = '1ZV7A8903252058235';
    const d = run({
      orders,
      packages: [pkg('A', UPS, { orderItemId: '111' }), pkg('A', second, { orderItemId: '222', quantity: 2 })],
      events: [scan],
    });
    expect(d.release.map((r) => [r.trackingNumber, r.lines])).toEqual([[UPS, [{ orderItemId: '111', quantity: 1 }]]]);
    expect(d.hold.map((h) => [h.trackingNumber, h.reason])).toEqual([[second, 'no-tracking-data']]);
    expect(run({ events: [scan] }).release[0].lines).toEqual([{}]);
  });

  it.each([
    ['a carrier on Amazon’s list by an alias', '云途', 'Yun Express', 'Yun Express'],
    ['a carrier not on the list: Other, with its name', 'Best Express', 'Other', 'Best Express'],
  ])('%s', (_, carrier, code, name) => {
    const [r] = run({ packages: [pkg('A', UPS, { carrier })], events: [scan] }).release;
    expect([r.carrierCode, r.carrierName]).toEqual([code, name]);
  });

  it('without a carrier column, the carrier comes from the tracking data, else from the number', () => {
    const fromEvents = run({
      packages: [pkg('A', 'XX1', { carrier: undefined })],
      events: [{ ...ev('XX1', '2026-10-15T17:30:00-07:00', 'Picked up', 'physical'), carrier: 'FedEx' }],
    });
    expect(fromEvents.release[0].carrierCode).toBe('FedEx');
    const fromNumber = run({ packages: [pkg('A', UPS, { carrier: undefined })], events: [scan] });
    expect(fromNumber.release[0].carrierCode).toBe('UPS');
    const justOther = run({ packages: [pkg('A', UPS, { carrier: 'Other' })], events: [scan] });
    expect(justOther.release[0].carrierCode).toBe('UPS');
  });

  it('holds are explained with hours left, most urgent first; overdue ones with what to do', () => {
    const orders = [
      order('LATER', { latestShipDate: stamp('2026-10-19T23:59:59-07:00') }),
      order('SOON'),
      order('NONE', { latestShipDate: undefined }),
      order('GONE', { latestShipDate: stamp('2026-10-15T23:59:59-07:00') }),
    ];
    const d = run({
      orders,
      packages: [pkg('LATER'), pkg('SOON'), pkg('GONE', '1ZV7A8903252058235')],
      events: [label],
    });
    expect(d.hold.map((h) => [h.orderId, h.hoursLeft, h.reason])).toEqual([
      ['SOON', 12, 'information-only'],
      ['LATER', 84, 'information-only'],
      ['NONE', undefined, 'no-tracking-number'],
    ]);
    expect(d.hold[0].lastEvent).toEqual({
      description: 'Shipper created a label, UPS has not received the package yet.',
      at: '2026-10-15T09:00:00-07:00',
    });
    expect(d.overdue).toEqual([
      expect.objectContaining({
        orderId: 'GONE',
        hoursLeft: -12,
        reason: 'no-tracking-data',
        advice: ['contact-carrier', 'other-carrier'],
      }),
    ]);
  });

  it('what the ledger has is skipped, unless asked again; a package found unsent goes again', () => {
    const rec = (status: 'released' | 'failed' | 'rejected', wholeOrder = true) =>
      new Ledger([{ v: 1, at: '2026-10-15T20:00:00Z', orderId: 'A', trackingNumber: UPS, status, wholeOrder }]);
    expect(run({ events: [scan], ledger: rec('released') })).toMatchObject({
      release: [],
      skipped: [{ orderId: 'A', why: 'in-ledger', status: 'released' }],
    });
    expect(run({ events: [scan], ledger: rec('rejected') }).release).toEqual([]);
    expect(run({ events: [scan], ledger: rec('failed') }).release).toHaveLength(1);
    const again = run({ events: [scan], ledger: rec('released'), reemit: ['A'] }).release;
    expect(again.map((r) => [r.orderId, r.reemitted])).toEqual([['A', true]]);
    // A whole-order confirmation covers the order under any later number too.
    const other = '1ZV7A8903252058235';
    const relabelled = run({
      packages: [pkg('A', other)],
      events: [{ ...scan, trackingNumber: other }],
      ledger: rec('released'),
    });
    expect(relabelled.release).toEqual([]);
    expect(relabelled.hold).toMatchObject([{ orderId: 'A', trackingNumber: other, reason: 'already-confirmed' }]);
  });

  it.each<[string, Partial<GatePackageInput>, number]>([
    ['a package naming no items carries the whole order: a new number is not confirmed again', {}, 0],
    ['a package naming its item and quantity: a new number without items is not confirmed again', ITEM, 0],
  ])('released with the order’s items, then relabelled: %s', (_, item, again) => {
    const orders = [order('A', { orderItemId: 'I1', quantityToShip: 2 })];
    const first = run({ orders, packages: [pkg('A', UPS, item)], events: [scan] }).release;
    expect(first.map((r) => [r.trackingNumber, r.lines])).toEqual([[UPS, [{ orderItemId: 'I1', quantity: 2 }]]]);
    const ledger = new Ledger(first.map((r) => ledgerRecord(r, 'released', '2026-10-15T20:00:00Z')));
    const other = '1ZV7A8903252058235';
    const relabelled = run({
      orders,
      packages: [pkg('A', other)],
      events: [{ ...scan, trackingNumber: other }],
      ledger,
    });
    expect(relabelled.release).toHaveLength(again);
    expect(relabelled.hold).toEqual([
      expect.objectContaining({
        orderId: 'A',
        trackingNumber: other,
        reason: 'already-confirmed',
        confirmed: { trackingNumber: UPS, on: '2026-10-15' },
      }),
    ]);
    expect(relabelled.overdue).toEqual([]);
    // --reemit sends the new number, as it sends a package the ledger has under its own number.
    const reemitted = run({
      orders,
      packages: [pkg('A', other)],
      events: [{ ...scan, trackingNumber: other }],
      ledger,
      reemit: ['A'],
    }).release;
    expect(reemitted.map((r) => [r.trackingNumber, r.reemitted])).toEqual([[other, true]]);
  });

  it('both numbers assigned after a release: the ledger wins over "several numbers", and --reemit sends the new one', () => {
    const orders = [order('A', { orderItemId: 'I1', quantityToShip: 2 })];
    const first = run({ orders, packages: [pkg('A', UPS)], events: [scan] }).release;
    const ledger = new Ledger(first.map((r) => ledgerRecord(r, 'released', '2026-10-15T20:00:00Z')));
    const other = '1ZV7A8903252058235';
    // Past the latest ship date: before the fix, "several numbers" made it overdue.
    const c = {
      orders,
      packages: [pkg('A', UPS), pkg('A', other)],
      events: [scan, { ...scan, trackingNumber: other }],
      ledger,
      asOf: '2026-10-17T08:00:00-07:00',
    };
    const d = run(c);
    expect([d.release, d.overdue]).toEqual([[], []]);
    expect(d.skipped).toEqual([{ orderId: 'A', trackingNumber: UPS, why: 'in-ledger', status: 'released' }]);
    expect(d.hold).toMatchObject([
      { orderId: 'A', trackingNumber: other, reason: 'already-confirmed', confirmed: { trackingNumber: UPS } },
    ]);
    // --reemit sends the new number only (the old one is confirmed already), with the order's items.
    const again = run({ ...c, reemit: ['A'] }).release;
    expect(again.map((r) => [r.trackingNumber, r.reemitted, r.lines])).toEqual([
      [other, true, [{ orderItemId: 'I1', quantity: 2 }]],
    ]);
    // Without a ledger record for either, two numbers without items still say which items each carries.
    expect(run({ ...c, ledger: new Ledger() }).overdue).toMatchObject([{ reason: 'several-numbers-without-items' }]);
  });

  it('an already-confirmed relabel past the latest ship date stays held, not overdue', () => {
    const ledger = new Ledger([
      ledgerRecord(
        run({ packages: [pkg('A', UPS, ITEM)], events: [scan], orders: [order('A', ITEM_ORDER)] }).release[0],
        'accepted',
        '2026-10-16T06:30:00Z',
      ),
    ]);
    const other = '1ZV7A8903252058235';
    const d = run({
      orders: [order('A', ITEM_ORDER)],
      packages: [pkg('A', other)],
      events: [{ ...scan, trackingNumber: other }],
      ledger,
      asOf: '2026-10-18T08:00:00-07:00',
    });
    expect([d.release, d.overdue]).toEqual([[], []]);
    // 06:30 UTC is the evening before in Los Angeles: the day is the marketplace's.
    expect(d.hold).toMatchObject([
      { reason: 'already-confirmed', confirmed: { trackingNumber: UPS, on: '2026-10-15' } },
    ]);
  });

  it.each<[string, number, Array<Partial<GatePackageInput>>, Partial<GatePackageInput>, unknown[] | undefined]>([
    [
      'another item of the order goes',
      2,
      [ITEM],
      { orderItemId: 'I2', quantity: 1 },
      [{ orderItemId: 'I2', quantity: 1 }],
    ],
    ['the same item, fully released, is held', 2, [ITEM], { orderItemId: 'I1', quantity: 2 }, undefined],
    ['the same item named without quantity, fully released, is held', 2, [ITEM], { orderItemId: 'I1' }, undefined],
    [
      'the same item, partly released, goes for what is left',
      5,
      [{ orderItemId: 'I1', quantity: 2 }],
      { orderItemId: 'I1', quantity: 9 },
      [{ orderItemId: 'I1', quantity: 3 }],
    ],
    [
      'two earlier packages add up',
      5,
      [
        { orderItemId: 'I1', quantity: 2 },
        { orderItemId: 'I1', quantity: 3 },
      ],
      { orderItemId: 'I1', quantity: 1 },
      undefined,
    ],
  ])('item-level releases, then a new package: %s', (_, toShip, earlier, later, lines) => {
    const orders = [
      order('A', { orderItemId: 'I1', quantityToShip: toShip }),
      order('A', { orderItemId: 'I2', quantityToShip: 1 }),
    ];
    const ledger = new Ledger(
      earlier.map((item, i) => ({
        v: 1 as const,
        at: '2026-10-15T20:00:00Z',
        orderId: 'A',
        trackingNumber: `EARLIER${i}`,
        status: 'accepted' as const,
        wholeOrder: false,
        items: [{ orderItemId: item.orderItemId!, quantity: item.quantity! }],
      })),
    );
    const d = run({ orders, packages: [pkg('A', UPS, later)], events: [scan], ledger });
    if (lines) expect(d.release.map((r) => r.lines)).toEqual([lines]);
    else {
      expect(d.release).toEqual([]);
      expect(d.hold).toMatchObject([{ reason: 'already-confirmed', confirmed: { trackingNumber: 'EARLIER0' } }]);
    }
  });

  it('an older ledger record without items is read, and taken to cover the order', () => {
    const old = { v: 1 as const, at: '2026-10-15T20:00:00Z', orderId: 'A', trackingNumber: 'OLD1' };
    const ledger = new Ledger([{ ...old, status: 'released', wholeOrder: false }]);
    const d = run({ packages: [pkg('A', UPS, { orderItemId: 'I2', quantity: 1 })], events: [scan], ledger });
    expect(d.release).toEqual([]);
    expect(d.hold).toMatchObject([{ reason: 'already-confirmed', confirmed: { trackingNumber: 'OLD1' } }]);
  });

  it('one number assigned to two orders: both released, and said', () => {
    const d = run({
      orders: [order('B'), order('A'), order('C')],
      packages: [pkg('B'), pkg('A'), pkg('C', 'LX234679980CN')],
      events: [scan],
    });
    expect(d.release.map((r) => [r.orderId, r.trackingNumber])).toEqual([
      ['A', UPS],
      ['B', UPS],
    ]);
    expect(d.sharedNumbers).toEqual([{ trackingNumber: UPS, orderIds: ['A', 'B'] }]);
    expect(run({ events: [scan] }).sharedNumbers).toEqual([]);
  });

  it('orders no longer waiting are not the gate’s: shipped, cancelled, pending or Amazon-fulfilled', () => {
    const orders = [
      order('A'),
      { ...order('A'), awaitingShipment: undefined, status: 'shipped' as const },
      { ...order('P'), awaitingShipment: undefined, status: 'pending' as const },
      { ...order('F'), awaitingShipment: undefined, status: 'unshipped' as const, channel: 'AFN' as const },
    ];
    const d = run({
      orders,
      packages: [pkg('A'), pkg('P'), pkg('F')],
      events: [scan, { ...scan, trackingNumber: 'P1' }],
    });
    expect([d.release, d.hold, d.overdue]).toEqual([[], [], []]);
    expect(d.skipped.map((s) => [s.orderId, s.why]).sort()).toEqual([
      ['A', 'not-awaiting'],
      ['F', 'not-awaiting'],
      ['P', 'not-awaiting'],
    ]);
  });
});
