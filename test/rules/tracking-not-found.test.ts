import { rule } from '../../src/rules/tracking-not-found.js';
import { scannedAt, shipment, testRule } from './build.js';

testRule(rule, {
  valid: [
    { name: 'tracking data for the number', shipment: shipment({ tracking: scannedAt('2026-10-05T12:00:00-07:00') }) },
    {
      name: 'a summary row without events',
      shipment: shipment({ tracking: { events: 0, latestStatus: 'Label created' } }),
    },
    { name: 'no tracking files given at all', shipment: shipment(), ctx: { hasTrackingData: false } },
    { name: 'no tracking number (missing-tracking decides)', shipment: shipment({ trackingNumber: '' }) },
    {
      name: 'a number failing its check digit (invalid-tracking-number decides)',
      shipment: shipment({
        trackingNumber: 'RB123456784GB',
        recognition: { format: 's10', carrier: 'Royal Mail', checkDigit: 'invalid' },
      }),
    },
  ],
  invalid: [
    {
      name: 'number absent from the tracking files',
      shipment: shipment(),
      message: 'no tracking data for 9400111201080805483016: the hand-over cannot be verified',
    },
    {
      name: 'raw text shown',
      shipment: shipment({ trackingRaw: '="9400111201080805483016"' }),
      message: 'no tracking data for ="9400111201080805483016": the hand-over cannot be verified',
    },
  ],
});
