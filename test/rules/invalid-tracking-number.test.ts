import { normalizeTrackingNumber } from '../../src/knowledge/tracking-numbers.js';
import { rule } from '../../src/rules/invalid-tracking-number.js';
import { shipment, testRule } from './build.js';

const number = (trackingNumber: string, carrier?: string) => shipment({ trackingNumber, carrier });
// As read from a file: the raw text kept, the number normalised.
const raw = (trackingRaw: string, carrier?: string) =>
  shipment({ trackingNumber: normalizeTrackingNumber(trackingRaw), trackingRaw, carrier });

testRule(rule, {
  valid: [
    { name: 'valid USPS IMpb', shipment: number('9400111201080805483016', 'USPS') },
    { name: 'valid S10', shipment: number('RB123456785CN', 'China Post') },
    { name: 'no known format', shipment: number('ABC123', 'Other') },
    // A shape no format knows, confirmed with a carrier whose formats the table does not hold in full.
    { name: 'five digits confirmed as Yun Express', shipment: number('12345', 'Yun Express') },
    { name: 'five digits, no carrier', shipment: number('12345') },
    { name: 'five digits confirmed as China Post', shipment: number('12345', 'China Post') },
    // Carriers known in full may carry another's numbers (SurePost, SmartPost): not "fits none".
    { name: 'a USPS IMpb confirmed as UPS (SurePost)', shipment: number('9400111201080805483016', 'UPS') },
    { name: 'a USPS IMpb confirmed as FedEx (SmartPost)', shipment: number('9400111201080805483016', 'FedEx') },
    { name: 'no check digit in the format (TBA)', shipment: number('TBA502887274000', 'Amazon Shipping') },
    { name: 'empty number', shipment: number('', 'USPS') },
    // Yamato and Sagawa numbers are 12 digits: failing FedEx's check only says they are not FedEx's.
    { name: '12 digits confirmed as Yamato', shipment: number('986578788856', 'Yamato Transport') },
    { name: '11 digits confirmed as GLS', shipment: number('33188100260', 'GLS') },
    { name: '12 digits with no carrier', shipment: number('986578788856') },
    { name: '20 digits confirmed as DHL (DHL Paket numbering)', shipment: number('12345678901234567893', 'DHL') },
    { name: '15 digits confirmed as Other', shipment: number('041441760228965', 'Other') },
    // Real numbers of the public test suite, as sellers type them (spaced).
    { name: 'a spaced LaserShip number', shipment: raw('LX 176 35035', 'Lasership') },
    { name: 'a spaced LaserShip 1LSCX number (one two-letter word)', shipment: raw('1LS CX VE00 58631Y', 'Lasership') },
    { name: 'a spaced Amazon TBC number', shipment: raw('TBC 000000000000', 'Amazon Shipping') },
    { name: 'a spaced S10 number', shipment: raw('LX 059 317 561 CN', 'China Post') },
    { name: 'a spaced Purolator number', shipment: raw('KYV 009956937', 'Other') },
    {
      name: 'full-width characters (Japanese input)',
      shipment: raw('ＹＴ２２２９５２１２７２１６４４４６', 'Yun Express'),
    },
    { name: 'the ERP text marker ="…"', shipment: raw('="9400111201080805483016"', 'USPS') },
    { name: 'the ERP text marker ="…" around a UPS number', shipment: raw('="1Z5R89390357567127"', 'UPS') },
    { name: 'a number with hyphens that is no order ID', shipment: raw('9400-1112-0108-0805-4830-16', 'USPS') },
    { name: 'a Purolator number confirmed as Other', shipment: number('320595463938', 'Other') },
    { name: 'a 12-digit FedEx number that Purolator’s Luhn also passes', shipment: number('986578788855', 'FedEx') },
    // Forwarders' own numbers in the S10 shape end in no country: theirs, not a broken S10 number.
    { name: 'S10 shape with a private ending, confirmed as Yanwen', shipment: number('UG123456785YP', 'Yanwen') },
    { name: 'S10 shape, private ending, confirmed as Yun Express', shipment: number('NX123456785YQ', 'Yun Express') },
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
    {
      name: 'UPS with a wrong check digit, no carrier',
      shipment: number('1Z5R89390357567128'),
      message: /1Z5R89390357567128 has the ups format/,
    },
    {
      name: '12 digits confirmed as FedEx',
      shipment: number('986578788856', 'FedEx'),
      message: /fedex-12 format of FedEx/,
    },
    { name: '10 digits confirmed as DHL', shipment: number('3318810026', 'DHL'), message: /dhl-express format of DHL/ },
    {
      name: '20 digits confirmed as a forwarder that uses USPS last mile',
      shipment: number('12345678901234567893', 'Yanwen'),
      message: /usps-impb/,
    },
    // A USPS 20-digit number one digit off: no longer taken for a FedEx SmartPost number.
    {
      name: 'USPS 20 digits one digit off',
      shipment: number('03071790000523483742', 'USPS'),
      message: '03071790000523483742 has the usps-impb format of USPS but fails its check digit',
    },
    {
      name: '12 digits confirmed as FedEx, failing its check (Purolator’s Luhn passes: a mistyped FedEx number)',
      shipment: number('320595463938', 'FedEx'),
      message: '320595463938 has the fedex-12 format of FedEx but fails its check digit',
    },
    {
      name: 'S10 with a wrong check digit, confirmed as a forwarder',
      shipment: number('RB123456784CN', 'Yanwen'),
      message: 'RB123456784CN has the s10 format of China Post but fails its check digit',
    },
    {
      name: 'S10 ending in no country, confirmed as USPS',
      shipment: number('UG123456785YP', 'USPS'),
      message: /s10 format of postal/,
    },
    {
      name: 'S10 ending in no country',
      shipment: number('RB123456785XX', 'China Post'),
      message: "RB123456785XX has the s10 format of postal but its country code XX is not a UPU member's",
    },
    {
      // Check digit 4 is wrong (8·1+6·2+4·3+2·4+3·5+5·6+9·7+7·8 = 204 → 5) and XX is no country: the digit first.
      name: 'S10 ending in no country, its check digit wrong too',
      shipment: number('RB123456784XX', 'China Post'),
      message: 'RB123456784XX has the s10 format of postal but fails its check digit',
    },
    // Text that cannot be a tracking number, whatever the carrier.
    {
      name: 'a spreadsheet HYPERLINK formula',
      shipment: raw(
        '=HYPERLINK("https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111201080805483016",' +
          '"9400111201080805483016")',
        'USPS',
      ),
      message: /^=HYPERLINK\(.* cannot be a tracking number: a spreadsheet formula$/,
    },
    {
      name: 'a formula pointing at a cell',
      shipment: raw('=A2', 'USPS'),
      message: '=A2 cannot be a tracking number: a spreadsheet formula',
    },
    { name: 'a formula pointing at an absolute cell', shipment: raw('=$B$2', 'UPS'), message: /formula$/ },
    { name: 'a formula pointing at another sheet', shipment: raw('=Sheet1!C3', 'UPS'), message: /formula$/ },
    { name: 'a formula joining cells', shipment: raw('=B2&C2', 'FedEx'), message: /: a spreadsheet formula$/ },
    {
      name: 'an arithmetic formula',
      shipment: raw('=1+1', 'UPS'),
      message: '=1+1 cannot be a tracking number: a spreadsheet formula',
    },
    {
      name: 'a formula of digits alone',
      shipment: raw('=9400111201080805483016', 'USPS'),
      message: /: a spreadsheet formula$/,
    },
    { name: 'a negated cell', shipment: raw('= -A2', 'Other'), message: /: a spreadsheet formula$/ },
    // A number of no shape at all, confirmed with a carrier whose every format is known.
    {
      name: 'five digits confirmed as USPS',
      shipment: number('12345', 'USPS'),
      message:
        '12345 fits none of USPS’s number formats: IMpb (20, 22 or 26 digits, 420 + ZIP before it), S10 (EA123456785US)',
    },
    {
      name: 'a 1Z number cut short, confirmed as UPS',
      shipment: number('1Z5R8939035756', 'UPS'),
      message: /^1Z5R8939035756 fits none of UPS’s number formats: 1Z/,
    },
    {
      name: 'nine digits confirmed as FedEx',
      shipment: number('123456789', 'FedEx'),
      message: /fits none of FedEx’s number formats: 12, 15/,
    },
    {
      name: 'a TBA number a digit short',
      shipment: number('TBA50288727400', 'Amazon Shipping'),
      message: /fits none of Amazon Shipping’s/,
    },
    { name: 'shown as the file gave it', shipment: raw('123 45', 'USPS'), message: /^123 45 fits none of USPS’s/ },
    {
      name: 'the Amazon order ID in the tracking column',
      shipment: raw('111-2024111-0000001', 'USPS'),
      message: '111-2024111-0000001 cannot be a tracking number: an Amazon order ID',
    },
    {
      name: 'a web address',
      shipment: raw('https://www.ups.com/track?tracknum=1Z5R89390357567127', 'UPS'),
      message: 'https://www.ups.com/track?tracknum=1Z5R89390357567127 cannot be a tracking number: a web address',
    },
    {
      name: 'a sentence around a number',
      shipment: raw('Shipped via USPS 9400111201080805483016', 'USPS'),
      message: 'Shipped via USPS 9400111201080805483016 cannot be a tracking number: words, not a number',
    },
    {
      name: 'spaces inside words',
      shipment: raw('TRACK ING 9400111201080805483016', 'USPS'),
      message: /words, not a number$/,
    },
    { name: 'a note without digits', shipment: raw('Tracking number to follow', 'USPS'), message: /: no digits$/ },
    { name: 'N/A', shipment: raw('N/A', 'Other'), message: 'N/A cannot be a tracking number: no digits' },
    {
      name: 'a Chinese label before the number',
      shipment: raw('运单号：9400111201080805483016', 'USPS'),
      message: '运单号：9400111201080805483016 cannot be a tracking number: Chinese or Japanese text, not a number',
    },
    { name: 'a Japanese note', shipment: raw('未発送', 'Japan Post'), message: /: no digits$/ },
    {
      name: 'scientific notation from a spreadsheet',
      shipment: raw('9.40011E+21', 'USPS'),
      message: /^9\.40011E\+21 cannot be a tracking number: a number a spreadsheet turned into/,
    },
    { name: 'twelve zeros confirmed as FedEx', shipment: number('000000000000', 'FedEx'), message: /placeholder/ },
    { name: 'fifteen zeros confirmed as Other', shipment: number('000000000000000', 'Other'), message: /placeholder/ },
    { name: 'a spaced placeholder, no carrier', shipment: raw('0000 0000 0000'), message: /placeholder/ },
  ],
});
