import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIERS } from '../../src/knowledge/carriers.js';
import {
  NUMBER_ONLY_CARRIERS,
  POSTAL,
  S10_COUNTRIES,
  S10_POSTS,
  TRACKING_FORMATS,
  recognizeAs,
  dhlCheckDigit,
  fedex12CheckDigit,
  normalizeTrackingNumber,
  recognizeTrackingNumber,
  s10CheckDigit,
  upsCheckDigit,
  uspsCheckDigit,
  mangledBySpreadsheet,
} from '../../src/knowledge/tracking-numbers.js';

// Public test numbers from jkeen/tracking_number_data unless noted.
const VALID: [string, string, string][] = [
  ['RB123456785GB', 's10', 'Royal Mail'],
  ['RB123456785US', 's10', 'USPS'],
  ['EE123456785CN', 's10', 'China Post'],
  ['LK123456785CN', 's10', 'China Post'],
  ['RR123456785JP', 's10', 'Japan Post'],
  ['RB123456785CV', 's10', POSTAL],
  ['1Z999AA10123456784', 'ups', 'UPS'],
  ['1Z5R89390357567127', 'ups', 'UPS'],
  ['1Z879E930346834440', 'ups', 'UPS'],
  ['1Z410E7W0392751591', 'ups', 'UPS'],
  ['1Z8V92A70367203024', 'ups', 'UPS'],
  ['9400111201080805483016', 'usps-impb', 'USPS'],
  ['9361289878700317633795', 'usps-impb', 'USPS'],
  ['9405803699300124287899', 'usps-impb', 'USPS'],
  ['9505511069605048600624', 'usps-impb', 'USPS'],
  ['9101123456789000000013', 'usps-impb', 'USPS'],
  ['9400111899223197428497', 'usps-impb', 'USPS'], // computed
  ['92748931507708513018050063', 'usps-impb', 'USPS'],
  ['03071790000523483741', 'usps-impb', 'USPS'],
  ['71123456789123456787', 'usps-impb', 'USPS'],
  ['71969010756003077385', 'usps-impb', 'USPS'], // valid only with its implied 91
  ['9261292700768711948021', 'usps-impb', 'USPS'], // FedEx SmartPost, delivered by USPS
  ['986578788855', 'fedex-12', 'FedEx'],
  ['477179081230', 'fedex-12', 'FedEx'],
  ['799531274483', 'fedex-12', 'FedEx'],
  ['790535312317', 'fedex-12', 'FedEx'],
  ['974367662710', 'fedex-12', 'FedEx'],
  ['123456789012', 'fedex-12', 'FedEx'], // computed: weighted sum 178, mod 11 = 2, mod 10 = 2
  ['041441760228964', 'fedex-15', 'FedEx'],
  ['568283610012000', 'fedex-15', 'FedEx'],
  ['568283610012734', 'fedex-15', 'FedEx'],
  ['9611020987654312345672', 'fedex-96', 'FedEx'],
  ['1001921334250001000300779017972697', 'fedex-34', 'FedEx'],
  ['1002297871540001000300790695517286', 'fedex-34', 'FedEx'],
  ['9622001560001234567100794808390594', 'fedex-34', 'FedEx'],
  ['3318810025', 'dhl-express', 'DHL'],
  ['8487135506', 'dhl-express', 'DHL'],
  ['1099255990', 'dhl-express', 'DHL'],
  ['73891051146', 'dhl-express', 'DHL'],
];

const NO_CHECK: [string, string, string][] = [
  ['TBA502887274000', 'amazon-tba', 'Amazon Shipping'],
  ['TBA000000000000', 'amazon-tba', 'Amazon Shipping'],
  ['YT2229521272164446', 'yunexpress', 'Yun Express'],
];

const BAD_CHECK: [string, string, string][] = [
  ['RB123456786US', 's10', 'USPS'],
  ['EE123456784CN', 's10', 'China Post'],
  ['1Z1111111111111111', 'ups', 'UPS'],
  ['1Z999AA10123456783', 'ups', 'UPS'],
  ['9400111899223197428490', 'usps-impb', 'USPS'], // the brief's example: its check digit is 7
  ['9261292700768711948020', 'usps-impb', 'USPS'],
  ['9200000000000000000000', 'usps-impb', 'USPS'],
  ['03071790000523483745', 'usps-impb', 'USPS'], // wrong plain, with implied 91 and with implied 92
  // Formerly taken for FedEx SmartPost (implied 92); the data set dropped that form: a USPS number, mistyped.
  ['61299998820821171811', 'usps-impb', 'USPS'],
  ['03071790000523483742', 'usps-impb', 'USPS'],
  ['996578788855', 'fedex-12', 'FedEx'],
  ['568283610012732', 'fedex-15', 'FedEx'],
  ['9600000000000000000001', 'fedex-96', 'FedEx'],
  ['1001901781990001000300617767839438', 'fedex-34', 'FedEx'],
  ['9622001560001234567100794808390595', 'fedex-34', 'FedEx'],
  ['3318810010', 'dhl-express', 'DHL'],
  ['3318810034', 'dhl-express', 'DHL'],
];

const NO_MATCH = [
  '',
  'RB12345678GB', // S10 serial one digit short
  'RB1234567855GB',
  '1Z999AA1012345678', // UPS one short
  '1Z999AA101234567845',
  'TBA50288727400', // TBA + 11 digits
  'TBA50288727400A',
  'YT222952127216444', // YT + 15 digits
  '123456789', // 9 digits
  '1234567890123', // 13 digits
  '12345678901234567', // 17 digits
  '123456789012345678901', // 21 digits
  '9700000000000000000000', // 22 digits, neither 91–95 nor 96
  'ABCDEFGHIJ',
];

describe('recognizeTrackingNumber', () => {
  it.each(VALID)('%s is %s (%s), check valid', (n, format, carrier) => {
    expect(recognizeTrackingNumber(n)).toEqual({ format, carrier, checkDigit: 'valid' });
  });

  it.each(NO_CHECK)('%s is %s (%s), no check digit', (n, format, carrier) => {
    expect(recognizeTrackingNumber(n)).toEqual({ format, carrier, checkDigit: 'none' });
  });

  it.each(BAD_CHECK)('%s looks like %s (%s) with a wrong check digit', (n, format, carrier) => {
    expect(recognizeTrackingNumber(n)).toEqual({ format, carrier, checkDigit: 'invalid' });
  });

  it.each(NO_MATCH)('%j matches no format', (n) => {
    expect(recognizeTrackingNumber(n)).toEqual({ checkDigit: 'none' });
  });

  it('lets the check decide between formats of the same shape', () => {
    // 20 digits: the same body is USPS with check 1 (plain) or 3 (implied 91); 2 (SmartPost's implied 92) is
    // no longer a format of its own.
    expect(recognizeTrackingNumber('03071790000523483741')).toMatchObject({ format: 'usps-impb', checkDigit: 'valid' });
    expect(recognizeTrackingNumber('03071790000523483743')).toMatchObject({ format: 'usps-impb', checkDigit: 'valid' });
    expect(recognizeTrackingNumber('03071790000523483742')).toMatchObject({
      format: 'usps-impb',
      checkDigit: 'invalid',
    });
    // 12 digits: FedEx's check first, then Purolator's Luhn; judged as FedEx's own, the second is mistyped.
    expect(recognizeTrackingNumber('986578788855')).toMatchObject({ format: 'fedex-12', checkDigit: 'valid' });
    expect(recognizeTrackingNumber('320595463938')).toMatchObject({ format: 'purolator-12', checkDigit: 'valid' });
    expect(recognizeAs('320595463938', 'FedEx')).toMatchObject({ format: 'fedex-12', checkDigit: 'invalid' });
    expect(recognizeAs('320595463938', 'USPS')).toBeUndefined();
    expect(recognizeAs('RB123456785CN', 'China Post')).toMatchObject({ format: 's10', checkDigit: 'valid' });
    expect(recognizeAs('RB123456785CN', 'Royal Mail')).toBeUndefined();
  });
});

describe('TRACKING_FORMATS', () => {
  const canonical = new Set(CARRIERS.map((c) => c.name));
  const postal = new Set(CARRIERS.filter((c) => c.postal).map((c) => c.name));

  it('has unique ids and canonical carriers', () => {
    expect(new Set(TRACKING_FORMATS.map((f) => f.id)).size).toBe(TRACKING_FORMATS.length);
    for (const f of TRACKING_FORMATS) {
      const known = f.carrier === POSTAL || canonical.has(f.carrier) || NUMBER_ONLY_CARRIERS.includes(f.carrier);
      expect(known, f.id).toBe(true);
    }
    for (const c of NUMBER_ONLY_CARRIERS) expect(canonical.has(c), c).toBe(false);
  });

  // Numbers are tried only against formats that start as they do (a letter or a digit), as the example does.
  it.each(TRACKING_FORMATS.map((f) => [f.id, f] as const))('%s starts as its example does', (_id, f) => {
    const letterFirst = /^[A-Z]/.test(f.example);
    for (const c of letterFirst ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      expect(f.pattern.test(c + f.example.slice(1)), c).toBe(false);
    }
  });

  it('knows the 249 ISO country codes, and no reserved one', () => {
    expect(S10_COUNTRIES.size).toBe(249);
    for (const cc of ['US', 'CN', 'GB', 'CV', 'CF', 'SS', 'BQ']) expect(S10_COUNTRIES.has(cc), cc).toBe(true);
    for (const cc of ['XX', 'UK', 'EU', 'XK', 'AN', 'YU', 'ZZ']) expect(S10_COUNTRIES.has(cc), cc).toBe(false);
  });

  it('maps S10 countries to posts of the carrier table', () => {
    for (const post of Object.values(S10_POSTS)) expect(postal.has(post)).toBe(true);
  });

  it.each(TRACKING_FORMATS.map((f) => [f.id, f] as const))('%s recognises its own example', (id, f) => {
    expect(f.pattern.test(f.example)).toBe(true);
    expect(recognizeTrackingNumber(f.example)).toMatchObject({ format: id, checkDigit: f.check ? 'valid' : 'none' });
  });
});

describe('check-digit builders', () => {
  it.each([
    ['s10CheckDigit', () => s10CheckDigit('12345678'), 5],
    ['s10CheckDigit, remainder 0 → 5', () => s10CheckDigit('00000000'), 5],
    ['s10CheckDigit, remainder 1 → 0', () => s10CheckDigit('00060000'), 0], // 6·2 = 12, 12 mod 11 = 1
    ['upsCheckDigit', () => upsCheckDigit('999AA1012345678'), 4],
    ['uspsCheckDigit', () => uspsCheckDigit('940011189922319742849'), 7],
    ['fedex12CheckDigit', () => fedex12CheckDigit('98657878885'), 5],
    ['dhlCheckDigit', () => dhlCheckDigit('331881002'), 5],
    ['dhlCheckDigit, 10 data digits', () => dhlCheckDigit('7389105114'), 6],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toBe(expected);
  });

  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const letters = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: n, maxLength: n });

  // Every number built with a builder is recognised as valid; any other final digit as invalid.
  it.each([
    [
      's10',
      fc
        .tuple(letters(2), digits(8), fc.constantFrom(...S10_COUNTRIES))
        .map(([a, s, c]) => [`${a}${s}`, s10CheckDigit(s), c] as const),
    ],
    [
      'ups',
      fc
        .tuple(digits(6), letters(2), digits(7))
        .map(([a, b, c]) => [`1Z${a}${b}${c}`, upsCheckDigit(a + b + c), ''] as const),
    ],
    ['usps-impb', digits(19).map((d) => [`94${d}`, uspsCheckDigit(`94${d}`), ''] as const)],
    ['fedex-12', digits(11).map((d) => [d, fedex12CheckDigit(d), ''] as const)],
    ['dhl-express', fc.oneof(digits(9), digits(10)).map((d) => [d, dhlCheckDigit(d), ''] as const)],
  ])('%s: builder and recognizer agree', (format, arb) => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 9 }), ([body, check, tail], shift) => {
        // All one digit (000000000000) is a placeholder, never valid: see tracking-number-data.test.ts.
        fc.pre(!/^(\d)\1+$/.test(`${body}${check}`));
        const good = recognizeTrackingNumber(`${body}${check}${tail}`);
        expect(good).toMatchObject({ format, checkDigit: 'valid' });
        // Another carrier's format of the same shape may accept the other digit (Purolator's Luhn after
        // FedEx's check): judged by this format's carrier, it is invalid.
        const other = `${body}${(check + shift) % 10}${tail}`;
        expect(recognizeAs(other, good.carrier!)).toMatchObject({ format, checkDigit: 'invalid' });
      }),
    );
  });
});

describe('normalizeTrackingNumber', () => {
  const IMPB = '9400111899223197428497';
  it.each([
    [' 9400 1112 0108 0805 4830 16 ', '9400111201080805483016'],
    ['1z-999-aa1-012-345-678-4', '1Z999AA10123456784'],
    ['rb123456785gb', 'RB123456785GB'],
    ['9400\t1112\u00A00108\u20130805 4830 16', '9400111201080805483016'],
    ["'9400111201080805483016", '9400111201080805483016'],
    ['="9400111201080805483016"', '9400111201080805483016'],
    ['"9400111201080805483016"', '9400111201080805483016'],
    ['ＹＴ２２２９５２１２７２１６４４４６', 'YT2229521272164446'],
    [`420 90210 ${IMPB}`, IMPB],
    [`42090210-1234${IMPB}`, IMPB],
    ['420 90210 9400 1118 9922 3197 4284 97', IMPB],
    ['4201028200009261290113185417468510', '9261290113185417468510'],
    ['420221539101026837331000039521', '9101026837331000039521'],
    ['4209021003071790000523483741', '03071790000523483741'],
    // Read as ZIP5, the rest (9409 + IMpb) is a valid 26-digit IMpb too; ZIP+4 wins.
    [`4209021094099${IMPB.slice(1)}`, IMPB],
    // Not stripped: the rest fails the IMpb check, or is too short to be one.
    ['420902109400111899223197428490', '420902109400111899223197428490'],
    ['4201028200009261290113185417468511', '4201028200009261290113185417468511'],
    ['4209021012', '4209021012'],
    ['', ''],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeTrackingNumber(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789azAZ -'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(text, fc.constant(`42090210${IMPB}`)), (raw) => {
        const once = normalizeTrackingNumber(raw);
        expect(normalizeTrackingNumber(once)).toBe(once);
      }),
    );
  });
});

describe('mangledBySpreadsheet', () => {
  it.each([
    ['9.40011E+21', true],
    ['9,40011E+21', true],
    ['1.23457E+11', true],
    ['9E21', true],
    [' 9.4001118995620E+21 ', true],
    ['9400111899223197428497', false],
    ['1ZE12345E+1234567', false],
    ['EE123456785CN', false],
  ])('%j → %s', (raw, mangled) => {
    expect(mangledBySpreadsheet(raw)).toBe(mangled);
  });
});
