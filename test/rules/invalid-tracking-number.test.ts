import { rule } from '../../src/rules/invalid-tracking-number.js';
import { shipment, testRule } from './build.js';

const number = (trackingNumber: string, carrier?: string) => shipment({ trackingNumber, carrier });

testRule(rule, {
  valid: [
    { name: 'valid USPS IMpb', shipment: number('9400111201080805483016', 'USPS') },
    { name: 'valid S10', shipment: number('RB123456785CN', 'China Post') },
    { name: 'no known format', shipment: number('ABC123', 'Other') },
    { name: 'no check digit in the format (TBA)', shipment: number('TBA502887274000', 'Amazon Shipping') },
    { name: 'empty number', shipment: number('', 'USPS') },
    // Yamato and Sagawa numbers are 12 digits: failing FedEx's check only says they are not FedEx's.
    { name: '12 digits confirmed as Yamato', shipment: number('986578788856', 'Yamato Transport') },
    { name: '11 digits confirmed as GLS', shipment: number('33188100260', 'GLS') },
    { name: '12 digits with no carrier', shipment: number('986578788856') },
    { name: '20 digits confirmed as DHL (DHL Paket numbering)', shipment: number('12345678901234567893', 'DHL') },
    { name: '15 digits confirmed as Other', shipment: number('041441760228965', 'Other') },
  ],
  invalid: [
    {
      name: 'IMpb with a wrong check digit',
      shipment: shipment({ trackingNumber: '9400111201080805483017', trackingRaw: '9400 1112 0108 0805 4830 17' }),
      message: '9400 1112 0108 0805 4830 17 has the usps-impb format of USPS but fails its check digit',
    },
    {
      name: 'S10 with a wrong check digit, whatever the carrier',
      shipment: number('RB123456784CN', 'USPS'),
      message: 'RB123456784CN has the s10 format of China Post but fails its check digit',
    },
    { name: 'UPS with a wrong check digit, no carrier', shipment: number('1Z5R89390357567128'), message: /1Z5R89390357567128 has the ups format/ },
    { name: '12 digits confirmed as FedEx', shipment: number('986578788856', 'FedEx'), message: /fedex-12 format of FedEx/ },
    { name: '10 digits confirmed as DHL', shipment: number('3318810026', 'DHL'), message: /dhl-express format of DHL/ },
    { name: '20 digits confirmed as a forwarder that uses USPS last mile', shipment: number('12345678901234567893', 'Yanwen'), message: /usps-impb/ },
  ],
});
