import { describe, expect, it } from 'vitest';
import { ordersDue, shipmentsAtRisk } from '../../src/check/at-risk.js';
import type { TrackingFacts } from '../../src/model/shipment.js';
import { event, order, scannedAt, shipment, stamp } from '../rules/build.js';

const ASOF = '2026-11-10T06:00:00-08:00';
const opts = {
  asOfMs: Date.parse(ASOF),
  zone: 'America/Los_Angeles',
  graceHours: 24,
  graceLeftHours: 6,
  shipWithinHours: 24,
  hasTrackingData: true,
};
const labelOnly: TrackingFacts = (() => {
  const e = event('2026-11-09T10:25:00-08:00', 'Shipping Label Created, USPS Awaiting Item', 'information');
  return { events: 1, lastEvent: e };
})();

describe('shipmentsAtRisk', () => {
  it.each([
    ['confirmed 17.5 h ago: 6.5 h of grace left, not yet', '2026-11-09T12:30:00-08:00', labelOnly, undefined],
    ['confirmed 18.0 h ago: 6.0 h left, not yet', '2026-11-09T12:00:00-08:00', labelOnly, undefined],
    ['confirmed 19.5 h ago: 4.5 h left', '2026-11-09T10:30:00-08:00', labelOnly, 4.5],
    ['confirmed exactly 24 h ago: 0 h left, still at risk', '2026-11-09T06:00:00-08:00', labelOnly, 0],
    [
      'confirmed 24.5 h ago: past the grace, the no-carrier-scan finding says it',
      '2026-11-09T05:30:00-08:00',
      labelOnly,
      undefined,
    ],
    ['not in the tracking files yet, 20 h after confirmation', '2026-11-09T10:00:00-08:00', undefined, 4],
    ['scanned', '2026-11-09T10:30:00-08:00', scannedAt('2026-11-09T12:00:00-08:00'), undefined],
    [
      'possession known from a package status without a time',
      '2026-11-09T10:30:00-08:00',
      { events: 0, possessionWithoutTime: true },
      undefined,
    ],
    ['confirmed after the as-of', '2026-11-10T07:00:00-08:00', labelOnly, undefined],
  ])('%s', (_, confirmed, tracking, hoursLeft) => {
    const list = shipmentsAtRisk([shipment({ confirmedAt: stamp(confirmed), tracking })], opts);
    expect(list.map((s) => s.hoursLeft)).toEqual(hoursLeft === undefined ? [] : [hoursLeft]);
  });

  it('says how long, which carrier and what the carrier last said', () => {
    const [s] = shipmentsAtRisk(
      [shipment({ confirmedAt: stamp('2026-11-09T10:30:00-08:00'), tracking: labelOnly })],
      opts,
    );
    expect(s).toEqual({
      level: 'warning',
      orderId: '111-0000000-0000001',
      trackingNumber: '9400111201080805483016',
      carrier: 'USPS',
      confirmedAt: '2026-11-09T10:30:00-08:00',
      hoursSinceConfirmation: 19.5,
      graceHours: 24,
      hoursLeft: 4.5,
      lastEvent: { description: 'Shipping Label Created, USPS Awaiting Item', at: '2026-11-09T10:25:00-08:00' },
    });
  });

  it('a date-only confirmation counts from the end of its day', () => {
    // 2026-11-09 ends 2026-11-09T23:59:59.999-08:00: 6.0 h before the as-of, so 18.0 h of grace are left.
    const list = shipmentsAtRisk(
      [shipment({ confirmedAt: stamp('2026-11-09T00:00:00-08:00', 'date'), tracking: labelOnly })],
      { ...opts, asOfMs: Date.parse('2026-11-10T18:00:00-08:00') },
    );
    expect(list.map((s) => s.hoursLeft)).toEqual([6]);
  });

  it('without any tracking data nothing is listed: the input warning says why', () => {
    expect(
      shipmentsAtRisk([shipment({ confirmedAt: stamp('2026-11-09T10:00:00-08:00') })], {
        ...opts,
        hasTrackingData: false,
      }),
    ).toEqual([]);
  });

  it('the package with the least grace left comes first', () => {
    const list = shipmentsAtRisk(
      [
        shipment({ orderId: 'B', confirmedAt: stamp('2026-11-09T11:00:00-08:00'), tracking: labelOnly }),
        shipment({ orderId: 'A', confirmedAt: stamp('2026-11-09T07:00:00-08:00'), tracking: labelOnly }),
      ],
      opts,
    );
    expect(list.map((s) => [s.orderId, s.hoursLeft])).toEqual([
      ['A', 1],
      ['B', 5],
    ]);
  });
});

describe('ordersDue', () => {
  it.each([
    ['due tonight: 18.0 h left', '2026-11-10T23:59:59-08:00', 'warning', 18],
    ['due in exactly 24 h', '2026-11-11T06:00:00-08:00', 'warning', 24],
    ['due in 42 h: not yet', '2026-11-11T23:59:59-08:00', undefined, undefined],
    ['past its latest ship date 6 h ago', '2026-11-09T23:59:59-08:00', 'error', -6],
  ])('%s', (_, lsd, level, hoursLeft) => {
    const list = ordersDue([order({ orderId: '113-1', latestShipDate: stamp(lsd), awaitingShipment: true })], opts);
    expect(list.map((o) => [o.level, o.hoursLeft])).toEqual(level ? [[level, hoursLeft]] : []);
  });

  it('an order with no latest ship date (no order report, no handling time) is skipped', () => {
    expect(ordersDue([order({ awaitingShipment: true })], opts)).toEqual([]);
  });

  it('lists the computed latest ship date as such, overdue first', () => {
    const list = ordersDue(
      [
        order({ orderId: 'later', latestShipDate: stamp('2026-11-10T23:59:59-08:00'), latestShipDateComputed: true }),
        order({ orderId: 'late', latestShipDate: stamp('2026-11-09T23:59:59-08:00') }),
      ],
      opts,
    );
    expect(list).toEqual([
      {
        level: 'error',
        orderId: 'late',
        latestShipDate: '2026-11-09T23:59:59-08:00',
        latestShipDateComputed: false,
        hoursLeft: -6,
      },
      {
        level: 'warning',
        orderId: 'later',
        latestShipDate: '2026-11-10T23:59:59-08:00',
        latestShipDateComputed: true,
        hoursLeft: 18,
      },
    ]);
  });
});
