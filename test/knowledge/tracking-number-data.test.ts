/**
 * jkeen/tracking_number_data's own test suite (MIT), read at run time from every courier file of
 * ../shared/real-samples/tracking-number-data/: each definition's valid numbers must be recognised as its
 * courier with a good check digit (or as the courier of another definition whose pattern the data set also
 * matches to the number), and its invalid numbers must not be accepted by the format that stands for it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  POSTAL,
  S10_POSTS,
  TRACKING_FORMATS,
  normalizeTrackingNumber,
  notATrackingNumber,
  recognizeTrackingNumber,
} from '../../src/knowledge/tracking-numbers.js';
import { KNOWN_IN_FULL } from '../../src/knowledge/carrier-numbers.js';
import { rule as invalidTrackingNumber } from '../../src/rules/invalid-tracking-number.js';
import { ctx, shipment } from '../rules/build.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const DATA = path.resolve(repoRoot, '../shared/real-samples/tracking-number-data');

interface Definition {
  name: string;
  regex: string | string[];
  test_numbers?: { valid?: string[]; invalid?: string[] };
}
interface CourierFile {
  name: string;
  courier_code: string;
  tracking_numbers: Definition[];
}

const POSTS = [...new Set(Object.values(S10_POSTS)), POSTAL];

/** Each definition of the data set → the carriers (our names) and the formats (our ids) that stand for it. */
const OURS: { courier: string; definition: RegExp; carriers: string[]; formats: string[] }[] = [
  { courier: 'amazon', definition: /^Amazon Logistics$/, carriers: ['Amazon Shipping'], formats: ['amazon-tba'] },
  {
    courier: 'amazon',
    definition: /^Amazon International$/,
    carriers: ['Amazon Shipping'],
    formats: ['amazon-international'],
  },
  { courier: 'canada_post', definition: /./, carriers: ['Canada Post'], formats: ['canada-post-16'] },
  { courier: 'canpar', definition: /./, carriers: ['Canpar'], formats: ['canpar'] },
  { courier: 'dhl', definition: /^DHL Express$/, carriers: ['DHL'], formats: ['dhl-express'] },
  { courier: 'dhl', definition: /Piece ID/, carriers: ['DHL'], formats: ['dhl-express-piece'] },
  { courier: 'dhl', definition: /^DHL E-Commerce$/, carriers: ['DHL eCommerce'], formats: ['dhl-ecommerce'] },
  { courier: 'dhl', definition: /^DHL E-Commerce \(14\)$/, carriers: ['DHL eCommerce'], formats: ['dhl-ecommerce-14'] },
  { courier: 'dpd', definition: /./, carriers: ['DPD'], formats: ['dpd'] },
  { courier: 'fedex', definition: /Express \(12\)/, carriers: ['FedEx'], formats: ['fedex-12'] },
  { courier: 'fedex', definition: /Express \(34\)|GSN/, carriers: ['FedEx'], formats: ['fedex-34'] },
  { courier: 'fedex', definition: /ASTRA/, carriers: ['FedEx'], formats: ['fedex-astra-32'] },
  { courier: 'fedex', definition: /^FedEx Ground$/, carriers: ['FedEx'], formats: ['fedex-15'] },
  { courier: 'fedex', definition: /SSCC-18/, carriers: ['FedEx'], formats: ['fedex-sscc-18'] },
  { courier: 'fedex', definition: /Ground 96/, carriers: ['FedEx'], formats: ['fedex-96'] },
  { courier: 'gofo', definition: /./, carriers: ['GOFO Express'], formats: ['gofo'] },
  { courier: 'landmark', definition: /./, carriers: ['Landmark Global'], formats: ['landmark'] },
  { courier: 'lasership', definition: /LX/, carriers: ['Lasership'], formats: ['lasership-lx'] },
  { courier: 'lasership', definition: /1LS/, carriers: ['Lasership'], formats: ['lasership-1ls'] },
  { courier: 'old_dominion', definition: /./, carriers: ['Old Dominion'], formats: ['old-dominion'] },
  { courier: 'ontrac', definition: /./, carriers: ['OnTrac'], formats: ['ontrac'] },
  { courier: 'purolator', definition: /\(12\)/, carriers: ['Purolator'], formats: ['purolator-12'] },
  { courier: 'purolator', definition: /alpha/, carriers: ['Purolator'], formats: ['purolator-alpha'] },
  { courier: 's10', definition: /./, carriers: POSTS, formats: ['s10'] },
  { courier: 'speedee', definition: /./, carriers: ['Spee-Dee'], formats: ['speedee'] },
  { courier: 'ups', definition: /^UPS$/, carriers: ['UPS'], formats: ['ups'] },
  { courier: 'ups', definition: /Waybill/, carriers: ['UPS'], formats: ['ups-waybill'] },
  { courier: 'usps', definition: /./, carriers: ['USPS'], formats: ['usps-impb'] },
  { courier: 'yodel', definition: /./, carriers: ['Yodel'], formats: ['yodel'] },
  { courier: 'yunexpress', definition: /./, carriers: ['Yun Express'], formats: ['yunexpress'] },
];

function ours(courier: string, definition: string) {
  return OURS.find((o) => o.courier === courier && o.definition.test(definition));
}

const present = existsSync(DATA);
const files: CourierFile[] = present
  ? readdirSync(DATA)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(DATA, f), 'utf8')) as CourierFile)
  : [];

// The data set's own patterns, anchored, over the number as written (they allow spaces between characters).
const PATTERNS = files.flatMap((file) =>
  file.tracking_numbers.map((d) => ({
    courier: file.courier_code,
    definition: d.name,
    pattern: new RegExp(`^(?:${Array.isArray(d.regex) ? d.regex.join('') : d.regex})$`),
  })),
);

/** Our carriers for every definition of the data set whose pattern matches the number as written. */
function sharers(raw: string): Set<string> {
  const out = new Set<string>();
  for (const p of PATTERNS) {
    if (!p.pattern.test(raw)) continue;
    for (const c of ours(p.courier, p.definition)?.carriers ?? []) out.add(c);
  }
  return out;
}

const cases = files.flatMap((file) =>
  file.tracking_numbers.flatMap((d) => [
    ...(d.test_numbers?.valid ?? []).map((n) => ({ file: file.courier_code, definition: d.name, n, valid: true })),
    ...(d.test_numbers?.invalid ?? []).map((n) => ({ file: file.courier_code, definition: d.name, n, valid: false })),
  ]),
);

describe('jkeen/tracking_number_data test numbers', () => {
  it('the data set is there (CI lays ../shared beside the clone), with its couriers', () => {
    expect(present, DATA).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(18);
    expect(cases.length).toBeGreaterThan(250);
  });

  it('every definition of the data set has a format of ours', () => {
    const formats = new Set(TRACKING_FORMATS.map((f) => f.id));
    for (const file of files) {
      for (const d of file.tracking_numbers) {
        const o = ours(file.courier_code, d.name);
        expect(o, `${file.courier_code}: ${d.name}`).toBeDefined();
        for (const f of o!.formats) expect(formats).toContain(f);
      }
    }
  });

  it.each(cases.filter((c) => c.valid).map((c) => [c.file, c.definition, c.n] as const))(
    '%s, %s: %j is recognised, check good',
    (courier, definition, raw) => {
      const r = recognizeTrackingNumber(normalizeTrackingNumber(raw));
      const allowed = new Set([...ours(courier, definition)!.carriers, ...sharers(raw)]);
      expect(r.checkDigit).not.toBe('invalid');
      expect(r.carrier, JSON.stringify(r)).toBeDefined();
      // As written (spaced, dashed), a real number never looks like a sentence, a formula or a placeholder.
      expect(notATrackingNumber(raw)).toBeUndefined();
      expect([...allowed]).toContain(r.carrier);
    },
  );

  it.each(cases.filter((c) => !c.valid).map((c) => [c.file, c.definition, c.n] as const))(
    '%s, %s: %j is not accepted by its format',
    (courier, definition, raw) => {
      const r = recognizeTrackingNumber(normalizeTrackingNumber(raw));
      const formats = ours(courier, definition)!.formats;
      const accepted = r.format !== undefined && formats.includes(r.format) && r.checkDigit !== 'invalid';
      expect(accepted, JSON.stringify(r)).toBe(false);
    },
  );
});

describe('carriers whose formats are known in full', () => {
  // Their every valid number, confirmed with them, must not be called "fits none of their formats".
  const theirs = cases.filter(
    (c) => c.valid && KNOWN_IN_FULL.some((k) => ours(c.file, c.definition)!.carriers.includes(k.carrier)),
  );
  it('the data set has numbers of each of them', () => {
    for (const k of KNOWN_IN_FULL) {
      expect(
        theirs.filter((c) => ours(c.file, c.definition)!.carriers.includes(k.carrier)).length,
        k.carrier,
      ).toBeGreaterThan(3);
    }
  });
  it.each(theirs.map((c) => [ours(c.file, c.definition)!.carriers[0], c.n] as const))(
    '%s: %j confirmed with its carrier is not "fits none"',
    (carrier, raw) => {
      const s = shipment({ trackingNumber: normalizeTrackingNumber(raw), trackingRaw: raw, carrier });
      expect(invalidTrackingNumber.check(s, ctx(invalidTrackingNumber))?.message ?? '').not.toMatch(/fits none/);
    },
  );
});

describe('what the data set does not say, but the audit needs', () => {
  it.each([
    // All one digit: placeholders typed to get past a required field, not numbers (the data set lists them
    // as invalid Amazon numbers; FedEx's check digit alone would pass them).
    ['000000000000', 'fedex-12'],
    ['000000000000000', 'fedex-15'],
    ['00000000000000000000', 'usps-impb'],
    ['1111111111', 'dhl-express'],
    // A USPS 20-digit number one digit off: no longer a FedEx SmartPost number (the data set dropped that form).
    ['03071790000523483742', 'usps-impb'],
    ['61299998820821171811', 'usps-impb'],
    // Two letters that are no ISO country end no S10 number.
    ['RB123456785XX', 's10'],
    ['RB123456785UK', 's10'],
    ['RB123456785EU', 's10'],
  ])('%s is invalid (%s)', (n, format) => {
    expect(recognizeTrackingNumber(n)).toMatchObject({ format, checkDigit: 'invalid' });
  });

  it.each([
    ['RB123456785CV', 's10'],
    ['RB123456785CF', 's10'],
    ['LX123456785CN', 's10'],
    ['TBC000000000000', 'amazon-tba'],
    ['TBM502887274000', 'amazon-tba'],
    ['1027590111820004833500785458233610', 'fedex-34'],
  ])('%s is recognised (%s)', (n, format) => {
    expect(recognizeTrackingNumber(n)).toMatchObject({ format });
    expect(recognizeTrackingNumber(n).checkDigit).not.toBe('invalid');
  });

  it('a format without a check digit does not rescue a number an earlier format rejects', () => {
    // S10 shape with a wrong check digit: a mistyped postal number, not a DHL eCommerce one.
    expect(recognizeTrackingNumber('LX123456786CN')).toMatchObject({ format: 's10', checkDigit: 'invalid' });
    // A UPS waybill shape failing its check is not an Amazon international number.
    expect(recognizeTrackingNumber('A1506235622')).toMatchObject({ format: 'ups-waybill', checkDigit: 'invalid' });
  });
});
