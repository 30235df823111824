import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/engine/collect.js';
import { EXCLUSION, join } from '../../src/engine/join.js';
import type { Handling } from '../../src/knowledge/ship-by.js';
import type { ConfirmationRecord, OrderRecord, TrackingEvent } from '../../src/model/records.js';
import type { Shipment } from '../../src/model/shipment.js';
import { parseStamp } from '../../src/read/time.js';

const LA = 'America/Los_Angeles';
const at = (text: string, zone = LA) => parseStamp(text, { hint: { zone, source: 'setting' } });
const handling: Handling = { days: 2, operatingDays: [1, 2, 3, 4, 5], holidays: [], sameDayCutoff: '14:00', zone: LA };
const src = (line: number) => ({ file: 'f.txt', line });

const order = (orderId: string, over: Partial<OrderRecord> = {}): OrderRecord => ({
  orderId,
  purchasedAt: at('2026-10-05T10:00:00-07:00'),
  status: 'shipped',
  channel: 'MFN',
  items: 1,
  source: src(2),
  ...over,
});
const conf = (orderId: string, trackingNumber: string, when: string, line = 2): ConfirmationRecord => ({
  orderId,
  trackingNumber,
  confirmedAt: at(when),
  carrier: 'USPS',
  source: src(line),
});
const event = (
  trackingNumber: string,
  when: string,
  possession: boolean,
  description = possession ? 'Accepted at USPS Origin Facility' : 'Shipping Label Created',
): TrackingEvent => ({
  trackingNumber,
  at: at(when),
  description,
  class: possession ? 'physical' : 'information',
  possession,
  source: src(9),
});

function collect(orders: OrderRecord[], confs: ConfirmationRecord[], events: TrackingEvent[] = []): Collector {
  const c = new Collector();
  orders.forEach((o) => c.order(o));
  confs.forEach((r) => c.confirmation(r));
  events.forEach((e) => c.event(e));
  return c;
}

describe('Collector', () => {
  it('merges the item rows of an order and keeps what each report adds', () => {
    const c = collect([order('A', { items: 2 }), order('A', { items: 1, latestShipDate: at('2026-10-07') })], []);
    const a = c.orderById('A')!;
    expect(a.items).toBe(3);
    expect(a.itemRows).toBe(2);
    expect(a.latestShipDate?.localDate).toBe('2026-10-07');
  });

  it('folds events per number: first possession and last, whatever order they arrive in', () => {
    const c = collect(
      [],
      [],
      [
        event('N1', '2026-10-07T09:00:00-07:00', true, 'Departed'),
        event('N1', '2026-10-05T09:00:00-07:00', false),
        event('N1', '2026-10-06T09:00:00-07:00', true, 'Accepted'),
        event('N1', '2026-10-09T09:00:00-07:00', true, 'Delivered'),
      ],
    );
    const f = c.trackingFacts('N1')!;
    expect(f.events).toBe(4);
    expect(f.firstPossession?.description).toBe('Accepted');
    expect(f.lastEvent?.description).toBe('Delivered');
    expect(c.newestEventMs).toBe(Date.parse('2026-10-09T09:00:00-07:00'));
  });

  it('gives kept events their text, source and how their time was read, in JSON too, with no empty keys', () => {
    const c = collect(
      [],
      [],
      [
        event('N1', '2026-10-06T09:00:00-07:00', true, 'Accepted'),
        event('N1', '2026-10-07 10:30', false, 'Out for delivery'),
      ],
    );
    const json = JSON.parse(JSON.stringify(c.trackingFacts('N1')));
    expect(json).toEqual({
      events: 2,
      firstPossession: {
        at: {
          raw: '2026-10-06T09:00:00-07:00',
          epochMs: Date.parse('2026-10-06T16:00:00Z'),
          precision: 'datetime',
          zone: '-07:00',
          zoneSource: 'offset',
          localDate: '2026-10-06',
        },
        description: 'Accepted',
        class: 'physical',
        source: { file: 'f.txt', line: 9 },
      },
      lastEvent: {
        at: {
          raw: '2026-10-07 10:30',
          epochMs: Date.parse('2026-10-07T17:30:00Z'),
          precision: 'datetime',
          zone: LA,
          zoneSource: 'setting',
          localDate: '2026-10-07',
        },
        description: 'Out for delivery',
        class: 'information',
        source: { file: 'f.txt', line: 9 },
      },
    });
    expect(c.trackingFacts('N1')?.lastEvent?.at.raw).toBe('2026-10-07 10:30');
  });
});

describe('join', () => {
  it('one shipment per order and tracking number, confirmed at its earliest row', () => {
    const c = collect(
      [order('A', { items: 2 })],
      [
        conf('A', 'N1', '2026-10-06T12:00:00-07:00', 3),
        conf('A', 'N1', '2026-10-06T10:00:00-07:00', 2),
        conf('A', 'N2', '2026-10-07T10:00:00-07:00', 4),
      ],
    );
    const joined = join(c, handling);
    const shipments = [...joined];
    expect(shipments.map((s) => [s.orderId, s.trackingNumber, s.confirmations.length])).toEqual([
      ['A', 'N1', 2],
      ['A', 'N2', 1],
    ]);
    expect(shipments[0].confirmedAt.raw).toBe('2026-10-06T10:00:00-07:00');
    expect(shipments[0].order?.latestShipDate?.localDate).toBe('2026-10-07');
    expect(shipments[0].order?.latestShipDateComputed).toBe(true);
  });

  it('leaves out AFN and cancelled orders, counted once per order, and shipments outside the window', () => {
    const c = collect(
      [
        order('A'),
        order('B', { channel: 'AFN' }),
        order('C', { status: 'cancelled' }),
        order('D', { channel: 'AFN' }),
        order('E'),
      ],
      [
        conf('A', 'N1', '2026-10-06T10:00:00-07:00'),
        conf('B', 'N2', '2026-10-06T10:00:00-07:00'),
        conf('B', 'N3', '2026-10-06T10:00:00-07:00'),
        conf('C', 'N4', '2026-10-06T10:00:00-07:00'),
        conf('E', 'N5', '2026-11-06T10:00:00-08:00'),
      ],
    );
    const joined = join(c, handling, { toMs: Date.parse('2026-11-01T00:00:00-07:00') });
    const shipments = [...joined];
    const { excluded } = joined;
    expect(shipments.map((s) => s.orderId)).toEqual(['A']);
    expect(excluded).toEqual({ [EXCLUSION.afn]: 2, [EXCLUSION.cancelled]: 1, [EXCLUSION.window]: 1 });
  });

  it('marks a tracking number used on several orders, and not an empty one', () => {
    const c = collect(
      [order('A'), order('B'), order('C'), order('D')],
      [
        conf('A', 'N1', '2026-10-06T10:00:00-07:00'),
        conf('B', 'N1', '2026-10-06T11:00:00-07:00'),
        conf('C', '', '2026-10-06T12:00:00-07:00'),
        conf('D', '', '2026-10-06T13:00:00-07:00'),
      ],
    );
    const joined = join(c, handling);
    const shipments = [...joined];
    expect(shipments.map((s) => [s.orderId, s.sharedWith])).toEqual([
      ['A', ['B']],
      ['B', ['A']],
      ['C', []],
      ['D', []],
    ]);
  });

  it('attaches tracking facts and recognises the number; confirmations without an order still count', () => {
    const c = collect(
      [],
      [conf('X', '1Z999AA10123456784', '2026-10-06T10:00:00-07:00')],
      [event('1Z999AA10123456784', '2026-10-06T12:00:00-07:00', true)],
    );
    const joined = join(c, handling);
    const shipments = [...joined];
    const { withoutOrder } = joined;
    expect(withoutOrder).toBe(1);
    expect(shipments[0].tracking?.firstPossession?.description).toBe('Accepted at USPS Origin Facility');
    expect(shipments[0].recognition).toMatchObject({ format: 'ups', carrier: 'UPS', checkDigit: 'valid' });
  });

  it('lists unconfirmed seller-fulfilled orders as awaiting shipment', () => {
    const c = collect(
      [order('A', { status: 'unshipped' }), order('B', { status: 'unshipped', channel: 'AFN' }), order('C')],
      [conf('C', 'N', '2026-10-06T10:00:00-07:00')],
    );
    expect(join(c, handling).awaiting.map((o) => o.orderId)).toEqual(['A']);
  });
});

describe('Collector at scale', () => {
  it('keeps the right first scan and last event while rebuilding its stamp store (more events than packages)', () => {
    const c = new Collector();
    const base = Date.parse('2026-10-05T00:00:00Z');
    // 200 000 events over 10 numbers, each number's events in time order: the last event is overwritten
    // at every row, which makes the store rebuild itself several times.
    for (let k = 0; k < 20_000; k++) {
      for (let n = 0; n < 10; n++) {
        const ms = base + k * 60_000 + n;
        c.event({
          trackingNumber: `N${n}`,
          at: {
            raw: `row ${k} of N${n}`,
            epochMs: ms,
            precision: 'datetime',
            zone: 'UTC',
            zoneSource: 'offset',
            localDate: '',
          },
          description: k === 3 ? 'Accepted' : 'In transit',
          class: 'physical',
          possession: k >= 3,
          source: { file: 't.csv', line: 2 + k * 10 + n },
        });
      }
    }
    expect(c.trackingCount).toBe(10);
    const f = c.trackingFacts('N7')!;
    expect(f.events).toBe(20_000);
    expect([f.firstPossession?.at.raw, f.firstPossession?.description, f.firstPossession?.source.line]).toEqual([
      'row 3 of N7',
      'Accepted',
      39,
    ]);
    expect([f.lastEvent?.at.raw, f.lastEvent?.at.epochMs, f.lastEvent?.source.line]).toEqual([
      'row 19999 of N7',
      base + 19_999 * 60_000 + 7,
      2 + 199_990 + 7,
    ]);
  });
});

describe('Collector.absorb (tracking read in another thread)', () => {
  it.each([false, true])(
    'gives the same shipments as reading the tracking rows into the same collector (part: %s)',
    (asPart) => {
      const orders = [order('A'), order('B'), order('C')];
      const confs = [
        conf('A', 'N1', '2026-10-06T10:00:00-07:00'),
        conf('B', 'N2', '2026-10-06T11:00:00-07:00'),
        conf('C', 'N3', '2026-10-06T12:00:00-07:00', 4),
      ];
      const events = [
        event('N2', '2026-10-06T09:00:00-07:00', false),
        event('N2', '2026-10-06T18:00:00-07:00', true),
        event('N1', '2026-10-07T08:00:00-07:00', true, 'Picked up'),
        event('N1', '2026-10-06T08:00:00-07:00', true, 'Accepted'),
        event('ONLY-TRACKED', '2026-10-08T08:00:00-07:00', true),
      ];
      const summary = {
        trackingNumber: 'N3',
        status: 'In transit',
        statusClass: { class: 'physical' as const, possession: true },
        firstScanAt: at('2026-10-06T20:00:00-07:00'),
        source: src(5),
      };

      const together = collect(orders, confs, [
        ...events,
        event('N1', '2026-10-05T08:00:00-07:00', true, 'Earlier scan, listed last'),
      ]);
      together.package(summary);

      const apart = collect(orders, confs);
      const other = new Collector({ part: asPart });
      // N1 comes back after another number: a part collector numbers it twice, and absorb puts it together.
      [...events, event('N1', '2026-10-05T08:00:00-07:00', true, 'Earlier scan, listed last')].forEach((e) =>
        other.event(e),
      );
      other.package(summary);
      // As it would cross between threads.
      apart.absorb(structuredClone(other.trackingPart()));

      const view = (c: Collector) => JSON.stringify([...join(c, handling)]);
      expect(view(apart)).toBe(view(together));
      expect([apart.trackingCount, apart.eventsSeen, apart.packagesSeen, apart.newestEventMs]).toEqual([
        together.trackingCount,
        together.eventsSeen,
        together.packagesSeen,
        together.newestEventMs,
      ]);
      expect(apart.trackingFacts('N1')?.firstPossession?.description).toBe('Earlier scan, listed last');
      expect(apart.trackingFacts('N1')?.events).toBe(3);
      expect(apart.trackingFacts('N3')?.summaryFirstScan?.at.raw).toBe('2026-10-06T20:00:00-07:00');
    },
  );

  it('parts of one file taken in one after another equal the file read whole: ties, lines and all', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.constantFrom('N1', 'N2', 'N3', 'N4'),
            // Few distinct minutes, so that ties between parts are common.
            minute: fc.integer({ min: 0, max: 5 }),
            possession: fc.boolean(),
            word: fc.constantFrom('Accepted', 'Departed', 'Arrived', 'Label'),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
        fc.boolean(),
        (rows, cutsAt, asPart) => {
          const events = rows.map((r, i): TrackingEvent => ({
            ...event(r.n, `2026-10-06T08:0${r.minute}:00-07:00`, r.possession, `${r.word} (row ${i})`),
            source: src(i + 2),
          }));
          const together = collect([order('A')], [conf('A', 'N1', '2026-10-06T07:00:00-07:00')], events);
          const apart = collect([order('A')], [conf('A', 'N1', '2026-10-06T07:00:00-07:00')]);
          const cuts = [...new Set(cutsAt.map((c) => Math.min(c, events.length)))].sort((a, b) => a - b);
          [0, ...cuts].forEach((from, k) => {
            const to = k < cuts.length ? cuts[k] : events.length;
            const part = new Collector({ part: asPart });
            // Each part counts its lines from its own start, as a thread reading from a cut does.
            events.slice(from, to).forEach((e) => part.event({ ...e, source: src(e.source.line - from) }));
            apart.absorb(structuredClone(part.trackingPart()), from);
          });
          for (const n of ['N1', 'N2', 'N3', 'N4'])
            expect(JSON.stringify(apart.trackingFacts(n))).toBe(JSON.stringify(together.trackingFacts(n)));
          expect([apart.trackingCount, apart.eventsSeen, apart.newestEventMs]).toEqual([
            together.trackingCount,
            together.eventsSeen,
            together.newestEventMs,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const UPS = '1Z999AA10123456784';
const CHINA_POST = 'LZ000001482CN';

describe('Shipments.each', () => {
  it('gives each stored shipment as `at` gives it at its audit place, and each stays valid after the pass', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            order: fc.constantFrom('A', 'B', 'C', 'X'),
            // Numbers of different formats, so that each shipment's recognition differs from the one before.
            n: fc.constantFrom(UPS, CHINA_POST, 'N3', ''),
            minute: fc.integer({ min: 0, max: 9 }),
            dated: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(
          fc.record({
            n: fc.constantFrom(UPS, CHINA_POST, 'N4'),
            minute: fc.integer({ min: 0, max: 9 }),
            possession: fc.boolean(),
          }),
          { maxLength: 10 },
        ),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        (confRows, eventRows, visits) => {
          // Orders with and without a given ship date; X has no order row at all.
          const orders = [
            order('A'),
            order('B', { latestShipDate: at('2026-10-07') }),
            order('C', { purchasedAt: undefined }),
          ];
          const confs = confRows.map((r, i) => ({
            ...conf(r.order, r.n, r.dated ? '2026-10-06' : `2026-10-06T0${r.minute}:00:00-07:00`, i + 2),
            ...(r.n === 'N3' && { trackingRaw: 'n3 ' }),
          }));
          const events = eventRows.map((e) =>
            event(e.n, `2026-10-0${(e.minute % 3) + 5}T1${e.minute}:00:00-07:00`, e.possession),
          );
          const c = collect(orders, confs, events);
          c.package({
            trackingNumber: CHINA_POST,
            status: 'In transit',
            statusClass: { class: 'physical', possession: true },
            firstScanAt: at('2026-10-06T20:00:00-07:00'),
            source: src(5),
          });
          const joined = join(c, handling);
          const stored: Array<[Shipment, number]> = [];
          joined.each((s, rank) => stored.push([s, rank]));
          // Every audit place is some stored shipment's, once.
          expect(stored.map(([, rank]) => rank).sort((a, b) => a - b)).toEqual([...Array(joined.count).keys()]);
          // Each shipment handed out stays what it was after the pass has moved on.
          for (const v of visits) {
            const [s, rank] = stored[v % joined.count];
            expect(JSON.stringify(s)).toBe(JSON.stringify(joined.at(rank)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
