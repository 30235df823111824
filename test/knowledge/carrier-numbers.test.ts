import { describe, expect, it } from 'vitest';
import {
  carrierOwnsShape,
  isPrivateNumber,
  isSharedShape,
  NUMBER_USES,
  numberFitsCarrier,
  SHARED_SHAPES,
} from '../../src/knowledge/carrier-numbers.js';
import { CARRIERS } from '../../src/knowledge/carriers.js';
import { POSTAL, S10_POSTS, TRACKING_FORMATS } from '../../src/knowledge/tracking-numbers.js';

const CARRIER_NAMES = new Set(CARRIERS.map((c) => c.name));
const NUMBER_CARRIERS = new Set([...TRACKING_FORMATS.map((f) => f.carrier), ...Object.values(S10_POSTS), POSTAL]);
const FORMAT_IDS = new Set(TRACKING_FORMATS.map((f) => f.id));

describe('NUMBER_USES', () => {
  it.each(NUMBER_USES.map((u) => [u.numbers.join(', '), u] as const))('%s: names carriers that exist', (_, use) => {
    for (const n of use.numbers) expect(NUMBER_CARRIERS).toContain(n);
    for (const c of use.usedBy) expect(CARRIER_NAMES).toContain(c);
    expect(use.why).not.toBe('');
  });
});

describe('SHARED_SHAPES', () => {
  it.each(SHARED_SHAPES.map((s) => [s.format, s] as const))('%s: a real format, owners that exist', (format, shape) => {
    expect(FORMAT_IDS).toContain(format);
    // The IMpb entry covers only the 20-digit form; the format's example has 22 digits.
    expect(shape.pattern.test(TRACKING_FORMATS.find((f) => f.id === format)!.example)).toBe(format !== 'usps-impb');
    for (const c of shape.ownedBy) expect(CARRIER_NAMES).toContain(c);
  });
});

describe('numberFitsCarrier', () => {
  it.each([
    ['USPS', 'USPS', true],
    ['China Post', 'China Post', true],
    ['China Post', 'EUB', true],
    ['China Post', 'Yanwen', true],
    ['China Post', 'Yun Express', true],
    ['China Post', '4PX', true],
    [POSTAL, '4PX', true],
    ['Singapore Post', 'Yanwen', true],
    ['USPS', 'Yun Express', true],
    ['USPS', '4PX', true],
    ['USPS', 'Yanwen', true],
    ['USPS', 'DHL eCommerce', true],
    ['USPS', 'UPS', true],
    ['USPS', 'FedEx', true],
    ['Royal Mail', 'Parcelforce', true],
    ['Deutsche Post', 'DHL', true],
    ['DHL eCommerce', 'Yun Express', true],
    ['DHL eCommerce', 'USPS', false],
    // Postal S10 numbers carry the issuing post's country: a US seller's LX…CN is not a USPS number.
    ['China Post', 'USPS', false],
    [POSTAL, 'USPS', false],
    ['Royal Mail', 'USPS', false],
    ['UPS', 'USPS', false],
    ['UPS', 'Yanwen', false],
    ['USPS', 'China Post', false],
    ['USPS', 'OnTrac', false],
    ['USPS', 'Amazon Shipping', false],
    ['Amazon Shipping', 'USPS', false],
    ['Parcelforce', 'Royal Mail', false],
    ['FedEx', 'UPS', false],
  ] as const)('%s number confirmed as %s → %s', (number, confirmed, fits) => {
    expect(numberFitsCarrier(number, confirmed)).toBe(fits);
  });
});

describe('shared shapes', () => {
  it.each([
    ['3318810025', true],
    ['986578788855', true],
    ['041441760228964', true],
    ['00340434161094042557', true],
    ['9400111201080805483016', false],
    ['1Z5R89390357567127', false],
    ['RB123456785CN', false],
    ['TBA502887274000', false],
  ])('isSharedShape(%s) → %s', (n, shared) => {
    expect(isSharedShape(n)).toBe(shared);
  });

  it.each([
    ['986578788855', 'Yamato Transport', true],
    ['986578788855', 'Sagawa Express', true],
    ['986578788855', 'USPS', false],
    ['986578788855', 'FedEx', false],
    ['00340434161094042557', 'DHL', true],
    ['9400111201080805483016', 'DHL', false],
    ['33188100250', 'GLS', true],
    ['RB123456785CN', 'China Post', false],
  ])('carrierOwnsShape(%s, %s) → %s', (n, carrier, owns) => {
    expect(carrierOwnsShape(n, carrier)).toBe(owns);
  });
});

describe('private numbers in the S10 shape', () => {
  it.each([
    ['UG123456785YP', 'Yanwen', true],
    ['UG123456785YP', '4PX', true],
    ['UG123456785YP', 'USPS', false],
    ['UG123456785YP', 'China Post', false],
    ['RB123456785CN', 'Yanwen', false], // a real country: a China Post number, judged as one
    ['RB123456785XX', 'Yun Express', true],
  ])('isPrivateNumber(%s, %s) → %s', (n, carrier, yes) => {
    expect(isPrivateNumber(n, carrier)).toBe(yes);
  });
});
