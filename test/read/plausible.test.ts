import { describe, expect, it } from 'vitest';
import type { ConfirmationRecord, OrderRecord } from '../../src/model/records.js';
import type { Stamp } from '../../src/model/timestamp.js';
import { RowError } from '../../src/read/context.js';
import { plausibleDates } from '../../src/read/plausible.js';

const stamp = (iso: string): Stamp => ({
  raw: iso,
  epochMs: Date.parse(iso),
  precision: 'datetime',
  zone: 'UTC',
  zoneSource: 'offset',
  localDate: iso.slice(0, 10),
});
const CLOCK = Date.parse('2026-11-10T12:00:00Z');
const LATER = "is more than 24 h after the audit's clock";

describe('plausibleDates', () => {
  it.each<[string, Partial<OrderRecord>, string | undefined]>([
    ['a purchase date of 2026', { purchasedAt: stamp('2026-11-01T10:00:00Z') }, undefined],
    ['a purchase date of 1900', { purchasedAt: stamp('1900-01-01T00:00:00Z') }, 'purchase date "1900-01-01T00:00:00Z"'],
    ['a purchase date two days after the clock', { purchasedAt: stamp('2026-11-12T13:00:00Z') }, LATER],
    ['a latest ship date weeks ahead (to ship)', { latestShipDate: stamp('2026-12-20T00:00:00Z') }, undefined],
    ['a latest ship date of 1970', { latestShipDate: stamp('1970-01-01T00:00:00Z') }, 'latest ship date "1970-01-01'],
  ])('order with %s', (_name, fields, error) => {
    const got: OrderRecord[] = [];
    const sink = plausibleDates({ order: (r) => got.push(r) }, CLOCK + 86_400_000);
    const order = { orderId: '1', source: { file: 'f', line: 2 }, ...fields };
    if (error === undefined) {
      sink.order!(order);
      expect(got).toEqual([order]);
    } else {
      expect(() => sink.order!(order)).toThrow(RowError);
      expect(() => sink.order!(order)).toThrow(error);
      expect(got).toEqual([]);
    }
  });

  it('a confirmation dated 1900 is rejected; events pass untouched', () => {
    const events: unknown[] = [];
    const sink = plausibleDates({ confirmation: () => undefined, event: (e) => events.push(e) }, CLOCK);
    const confirmedAt = stamp('1900-01-01T00:00:00Z');
    const source = { file: 'f', line: 3 };
    const conf = { orderId: '1', trackingNumber: '', confirmedAt, source } as ConfirmationRecord;
    expect(() => sink.confirmation!(conf)).toThrow('ship date "1900-01-01T00:00:00Z" is before 2000-01-01');
    sink.event!({ trackingNumber: 'X' } as never);
    expect(events).toHaveLength(1);
  });
});

describe('plausibleDates passes every kind of record on', () => {
  // A record kind the guard forgets is silently dropped: the gate's assignments once were.
  class Sink {
    seen: string[] = [];
    order() {
      this.seen.push('order');
    }
    confirmation() {
      this.seen.push('confirmation');
    }
    event() {
      this.seen.push('event');
    }
    package() {
      this.seen.push('package');
    }
    assignment() {
      this.seen.push('assignment');
    }
  }
  it('forwards each method of a class-instance sink, with its this', () => {
    const sink = new Sink();
    const guarded = plausibleDates(sink, CLOCK);
    const methods = Object.getOwnPropertyNames(Sink.prototype).filter((m) => m !== 'constructor');
    const record = { orderId: 'x', trackingNumber: 'y', confirmedAt: stamp('2026-11-01T00:00:00Z') };
    for (const m of methods) (guarded as Record<string, (r: object) => void>)[m](record);
    expect(sink.seen).toEqual(methods);
  });
  it('a confirmation without a moment is rejected, never handed on (a reader that let one through)', () => {
    const got: ConfirmationRecord[] = [];
    const sink = plausibleDates({ confirmation: (r) => got.push(r) }, CLOCK);
    const conf = { orderId: '1', trackingNumber: 'X', source: { file: 'f', line: 4 } } as ConfirmationRecord;
    expect(() => sink.confirmation!(conf)).toThrow(RowError);
    expect(() => sink.confirmation!(conf)).toThrow('no ship date: a confirmation needs the moment it was made');
    expect(got).toEqual([]);
  });
});
