import { rule } from '../../src/rules/missing-tracking.js';
import { shipment, testRule } from './build.js';

testRule(rule, {
  valid: [
    { name: 'a tracking number', shipment: shipment() },
    { name: 'a number of no known format', shipment: shipment({ trackingNumber: 'ABC123', carrier: 'Other' }) },
  ],
  invalid: [
    {
      name: 'empty, with a carrier',
      shipment: shipment({ trackingNumber: '' }),
      message: 'confirmed without a tracking number (carrier USPS)',
    },
    {
      name: 'empty, without a carrier',
      shipment: shipment({ trackingNumber: '', carrier: undefined }),
      message: 'confirmed without a tracking number',
    },
  ],
});
