import { rule } from '../../src/rules/late-confirmation.js';
import { order, shipment, stamp, testRule } from './build.js';

// Latest ship date as the order report gives it: the end of a day in the marketplace zone.
const latestShipDate = stamp('2026-10-06T23:59:59-07:00');
const lsdDay = stamp('2026-10-06T00:00:00-07:00', 'date');
const confirmed = (at: string, lsd = latestShipDate, computed = false) =>
  shipment({
    confirmedAt: at.length === 10 ? stamp(`${at}T00:00:00-07:00`, 'date') : stamp(at),
    order: order({ latestShipDate: lsd, latestShipDateComputed: computed }),
  });

testRule(rule, {
  valid: [
    { name: 'no order facts', shipment: shipment() },
    { name: 'order without a latest ship date', shipment: shipment({ order: order() }) },
    { name: 'confirmed the day before', shipment: confirmed('2026-10-05T10:00:00-07:00') },
    { name: 'confirmed at the latest ship date itself', shipment: confirmed('2026-10-06T23:59:59-07:00') },
    { name: 'date-only confirmation on the latest ship day', shipment: confirmed('2026-10-06') },
    {
      name: 'date-only latest ship date, confirmed at its last minute',
      shipment: confirmed('2026-10-06T23:59:00-07:00', lsdDay),
    },
  ],
  invalid: [
    {
      name: 'confirmed 2 h late',
      shipment: confirmed('2026-10-07T01:59:59-07:00'),
      message: 'confirmed 2.0 h after the latest ship date 2026-10-06T23:59:59-07:00',
    },
    {
      name: 'date-only confirmation the day after',
      shipment: confirmed('2026-10-07'),
      message: 'confirmed on 2026-10-07 (date only) after the latest ship date 2026-10-06T23:59:59-07:00',
    },
    {
      name: 'latest ship date computed from handling time',
      shipment: confirmed('2026-10-08T09:00:00-07:00', lsdDay, true),
      message: 'confirmed 33.0 h after the latest ship date 2026-10-06 -07:00 (computed from handling time)',
    },
  ],
});
