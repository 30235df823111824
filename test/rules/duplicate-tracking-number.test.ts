import { rule } from '../../src/rules/duplicate-tracking-number.js';
import { shipment, testRule } from './build.js';

const others = (n: number) => Array.from({ length: n }, (_, i) => `111-000000${i}-0000000`);

testRule(rule, {
  valid: [
    { name: 'number on one order only', shipment: shipment() },
    { name: 'empty numbers are not duplicates', shipment: shipment({ trackingNumber: '', sharedWith: others(2) }) },
  ],
  invalid: [
    {
      name: 'one other order',
      shipment: shipment({ sharedWith: others(1) }),
      message: 'tracking number also confirmed on 1 other order: 111-0000000-0000000',
    },
    {
      name: 'five other orders, all listed',
      shipment: shipment({ sharedWith: others(5) }),
      message:
        'tracking number also confirmed on 5 other orders: ' +
        '111-0000000-0000000, 111-0000001-0000000, 111-0000002-0000000, 111-0000003-0000000, 111-0000004-0000000',
    },
    {
      name: 'seven other orders: five listed and a count',
      shipment: shipment({ sharedWith: others(7) }),
      message:
        /^tracking number also confirmed on 7 other orders: (111-\d{7}-0000000, ){4}111-0000004-0000000 and 2 more$/,
    },
  ],
});
