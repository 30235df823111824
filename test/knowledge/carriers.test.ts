import { describe, expect, it } from 'vitest';
import { CARRIERS, canonicalCarrier, carrierKey } from '../../src/knowledge/carriers.js';

const AMAZON_CODES = [
  'USPS',
  'UPS',
  'FedEx',
  'DHL',
  'DHL eCommerce',
  'OnTrac',
  'Lasership',
  'Canada Post',
  'Royal Mail',
  'Parcelforce',
  'DPD',
  'GLS',
  'Hermes',
  'Deutsche Post',
  'La Poste',
  'Poste Italiane',
  'SDA',
  'Australia Post',
  'Japan Post',
  'Yamato Transport',
  'Sagawa Express',
  'China Post',
  'EUB',
  'Yanwen',
  'Yun Express',
  '4PX',
  'SF Express',
  'Singapore Post',
  'Aramex',
  'Amazon Shipping',
  'Other',
];

const spellings = CARRIERS.flatMap((c) => [c.name, ...c.aliases].map((s) => [s, c.name] as const));

describe('CARRIERS', () => {
  it('names exactly the Amazon carrier codes, once each', () => {
    expect(CARRIERS.map((c) => c.name)).toEqual(AMAZON_CODES);
  });

  it('gives every spelling a distinct key', () => {
    const keys = spellings.map(([s]) => carrierKey(s));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('');
  });
});

describe('canonicalCarrier', () => {
  it.each(spellings)('%s → %s', (spelling, name) => {
    expect(canonicalCarrier(spelling)).toBe(name);
    expect(canonicalCarrier(spelling.toUpperCase())).toBe(name);
    expect(canonicalCarrier(`  ${spelling.toLowerCase()} `)).toBe(name);
  });

  it.each([
    ['United States Postal Service', 'USPS'],
    ['U.S.P.S.', 'USPS'],
    ['ＵＳＰＳ', 'USPS'],
    ['Fedex Ground', 'FedEx'],
    ['FEDEX-GROUND', 'FedEx'],
    ['fed ex', 'FedEx'],
    ['DHL Express', 'DHL'],
    ['dhl e-commerce', 'DHL eCommerce'],
    ['YunExpress', 'Yun Express'],
    ['Yun-Express', 'Yun Express'],
    ['云途', 'Yun Express'],
    ['燕文', 'Yanwen'],
    ['递四方', '4PX'],
    ['4px', '4PX'],
    ['中国邮政', 'China Post'],
    ['China EMS', 'China Post'],
    ['EMS', 'China Post'],
    ['ePacket', 'EUB'],
    ['E邮宝', 'EUB'],
    ['顺丰', 'SF Express'],
    ['S.F. Express', 'SF Express'],
    ['ヤマト運輸', 'Yamato Transport'],
    ['日本郵便', 'Japan Post'],
    ['佐川急便', 'Sagawa Express'],
    ['Evri', 'Hermes'],
    ['Colissimo', 'La Poste'],
    ['LaserShip', 'Lasership'],
    ['On Trac', 'OnTrac'],
    ['AMZL', 'Amazon Shipping'],
    ['other', 'Other'],
  ])('%s → %s', (text, name) => {
    expect(canonicalCarrier(text)).toBe(name);
  });

  it.each([undefined, '', '   ', '-', 'Cainiao', 'Hong Kong Post', 'USPS Cainiao'])('%s is unknown', (text) => {
    expect(canonicalCarrier(text)).toBeUndefined();
  });

  it('answers the same for a repeated spelling (memoised)', () => {
    expect(canonicalCarrier('Cainiao')).toBeUndefined();
    expect(canonicalCarrier('fedex')).toBe('FedEx');
    expect(canonicalCarrier('fedex')).toBe('FedEx');
  });
});
