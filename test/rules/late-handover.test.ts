import { rule } from '../../src/rules/late-handover.js';
import { event, order, scannedAt, shipment, stamp, testRule } from './build.js';

const latestShipDate = stamp('2026-10-06T23:59:59-07:00');
const onTimeConfirmation = stamp('2026-10-05T10:00:00-07:00');
const scanned = (at: string | ReturnType<typeof stamp>, computed = false) =>
  shipment({
    confirmedAt: onTimeConfirmation,
    order: order({ latestShipDate, latestShipDateComputed: computed }),
    tracking: scannedAt(at),
  });

testRule(rule, {
  valid: [
    { name: 'no scan', shipment: shipment({ order: order({ latestShipDate }) }) },
    { name: 'no latest ship date', shipment: shipment({ tracking: scannedAt('2026-10-09T10:00:00-07:00') }) },
    { name: 'scanned on the latest ship day', shipment: scanned('2026-10-06T18:00:00-07:00') },
    { name: 'scanned at the latest ship date itself', shipment: scanned('2026-10-06T23:59:59-07:00') },
    {
      name: 'date-only scan on the latest ship day counts from its start',
      shipment: shipment({
        order: order({ latestShipDate }),
        tracking: { events: 0, summaryFirstScan: event(stamp('2026-10-06T00:00:00-07:00', 'date'), 'first scan') },
      }),
    },
  ],
  invalid: [
    {
      // The early confirmation hides it: Amazon's Late Shipment Rate never sees this one.
      name: 'confirmed on time, scanned 3 days late',
      shipment: scanned('2026-10-09T23:59:59-07:00'),
      message:
        'first carrier scan 72.0 h after the latest ship date 2026-10-06T23:59:59-07:00 ' +
        '(Accepted at USPS Origin Facility, 2026-10-09T23:59:59-07:00)',
    },
    {
      name: 'latest ship date computed from handling time',
      shipment: scanned('2026-10-07T01:00:00-07:00', true),
      message: /^first carrier scan 1\.0 h after the latest ship date \S+ \(computed from handling time\) \(/,
    },
    {
      name: 'date-only scan the day after',
      shipment: shipment({
        order: order({ latestShipDate }),
        tracking: { events: 0, summaryFirstScan: event(stamp('2026-10-07T00:00:00-07:00', 'date'), 'first scan') },
      }),
      message:
        'first carrier scan on 2026-10-07 (date only) after the latest ship date 2026-10-06T23:59:59-07:00 (first scan, 2026-10-07 -07:00)',
    },
  ],
});
