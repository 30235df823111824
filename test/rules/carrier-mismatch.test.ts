import { rule } from '../../src/rules/carrier-mismatch.js';
import { shipment, testRule } from './build.js';

const confirmedAs = (carrier: string | undefined, trackingNumber: string) => shipment({ carrier, trackingNumber });

testRule(rule, {
  valid: [
    { name: 'USPS number confirmed as USPS', shipment: confirmedAs('USPS', '9400111201080805483016') },
    { name: 'China Post S10 confirmed as EUB', shipment: confirmedAs('EUB', 'RB123456785CN') },
    { name: 'China Post S10 confirmed as Yanwen', shipment: confirmedAs('Yanwen', 'RB123456785CN') },
    { name: 'China Post S10 confirmed as 4PX', shipment: confirmedAs('4PX', 'RB123456785CN') },
    {
      name: 'PostNL S10 (no table post) confirmed as Yun Express',
      shipment: confirmedAs('Yun Express', 'RB123456785NL'),
    },
    { name: 'Singapore Post S10 confirmed as Yanwen', shipment: confirmedAs('Yanwen', 'RB123456785SG') },
    { name: 'USPS last mile confirmed as Yun Express', shipment: confirmedAs('Yun Express', '9400111201080805483016') },
    {
      name: 'USPS last mile confirmed as DHL eCommerce',
      shipment: confirmedAs('DHL eCommerce', '9400111201080805483016'),
    },
    { name: 'USPS last mile confirmed as UPS (SurePost)', shipment: confirmedAs('UPS', '9400111201080805483016') },
    { name: 'USPS last mile confirmed as FedEx (SmartPost)', shipment: confirmedAs('FedEx', '9400111201080805483016') },
    { name: 'Royal Mail S10 confirmed as Parcelforce', shipment: confirmedAs('Parcelforce', 'RB123456785GB') },
    { name: 'Deutsche Post S10 confirmed as DHL', shipment: confirmedAs('DHL', 'RB123456785DE') },
    { name: 'confirmed as Other', shipment: confirmedAs('Other', '1Z5R89390357567127') },
    { name: 'no confirmed carrier', shipment: confirmedAs(undefined, '1Z5R89390357567127') },
    { name: 'carrier text not in the table', shipment: confirmedAs('Cainiao', '1Z5R89390357567127') },
    { name: 'number of no known format', shipment: confirmedAs('USPS', 'ABC123') },
    {
      name: 'failed check digit (invalid-tracking-number decides)',
      shipment: confirmedAs('USPS', '1Z5R89390357567128'),
    },
    // By chance one 12-digit number in ten passes FedEx's check; Yamato's own numbers are 12 digits.
    {
      name: '12 digits passing the FedEx check, confirmed as Yamato',
      shipment: confirmedAs('Yamato Transport', '986578788855'),
    },
    // A DHL Paket SSCC that happens to pass the IMpb check.
    { name: '20-digit DHL Paket number confirmed as DHL', shipment: confirmedAs('DHL', '00340434161094042557') },
    // Formerly a "valid FedEx SmartPost number": a USPS number one digit off (invalid-tracking-number says so).
    { name: 'USPS 20 digits one digit off, confirmed as USPS', shipment: confirmedAs('USPS', '03071790000523483742') },
    // Fails FedEx's check, passes Purolator's: a mistyped FedEx number, not a Purolator one.
    { name: '12 digits confirmed as FedEx, Purolator-shaped', shipment: confirmedAs('FedEx', '320595463938') },
    { name: 'DPD number written without its check character', shipment: confirmedAs('DPD', '09980000020033') },
    { name: 'Evri 16 digits confirmed as Hermes', shipment: confirmedAs('Hermes', '0073938000549297') },
  ],
  invalid: [
    {
      name: 'USPS confirmed with a 1Z number',
      shipment: confirmedAs('USPS', '1Z5R89390357567127'),
      message: 'confirmed as USPS, but 1Z5R89390357567127 is a UPS number (ups)',
    },
    {
      name: 'USPS confirmed with a China Post S10 (a US seller’s LX…CN)',
      shipment: confirmedAs('USPS', 'RB123456785CN'),
      message: 'confirmed as USPS, but RB123456785CN is a China Post number (s10)',
    },
    {
      name: 'USPS confirmed with another post’s S10',
      shipment: confirmedAs('USPS', 'RB123456785NL'),
      message: 'confirmed as USPS, but RB123456785NL is a postal number (s10)',
    },
    {
      name: 'USPS confirmed with a TBA number (no check digit, unmistakable prefix)',
      shipment: confirmedAs('USPS', 'TBA502887274000'),
      message: /is a Amazon Shipping number \(amazon-tba\)$/,
    },
    {
      name: 'China Post confirmed with a USPS IMpb',
      shipment: confirmedAs('China Post', '9400111201080805483016'),
      message: /USPS number/,
    },
    {
      name: 'USPS confirmed with a 12-digit FedEx number',
      shipment: confirmedAs('USPS', '986578788855'),
      message: /FedEx number \(fedex-12\)/,
    },
    {
      name: 'USPS confirmed with an OnTrac number',
      shipment: confirmedAs('USPS', 'C11031500001879'),
      message: /OnTrac number \(ontrac\)$/,
    },
    {
      name: 'UPS confirmed with an Amazon TBM number',
      shipment: confirmedAs('UPS', 'TBM502887274000'),
      message: /Amazon Shipping number/,
    },
    {
      name: 'USPS confirmed with a Canada Post number',
      shipment: confirmedAs('USPS', '0073938000549297'),
      message: /Canada Post/,
    },
    {
      name: 'raw text shown when it differs',
      shipment: shipment({
        carrier: 'FedEx',
        trackingNumber: '1Z5R89390357567127',
        trackingRaw: '1z 5r8 939 0357 5671 27',
      }),
      message: 'confirmed as FedEx, but 1z 5r8 939 0357 5671 27 is a UPS number (ups)',
    },
  ],
});
