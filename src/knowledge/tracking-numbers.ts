/**
 * Tracking-number normalisation and format recognition.
 *
 * Formats and check-digit algorithms follow the public definitions of jkeen/tracking_number_data (MIT);
 * the examples in the tests are that project's test numbers where it has them.
 */

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

// ---------------------------------------------------------------------------------------------------------
// Check digits. The exported builders take the data characters and return the check digit; the `*Ok`
// twins validate a whole normalised number in place, without slicing, because they run once per shipment.

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

function s10Sum(s: string, start: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digit(s, start + i) * S10_WEIGHTS[i];
  return sum;
}

// UPU S10: 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
function s10FromSum(sum: number): number {
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** UPU S10 check digit over the 8 serial digits. */
export function s10CheckDigit(serial8: string): number {
  return s10FromSum(s10Sum(serial8, 0));
}

// UPS letters count as (char code − 3) mod 10: A=2, B=3, ... (the published table).
function upsSum(s: string, start: number): number {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = s.charCodeAt(start + i);
    const v = code <= 57 ? code - 48 : (code - 3) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  }
  return sum;
}

/** UPS check digit over the 15 characters between `1Z` and the check digit. */
export function upsCheckDigit(body15: string): number {
  return (10 - (upsSum(body15, 0) % 10)) % 10;
}

// Mod 10 weighted 3,1,3,1... from the rightmost data digit leftwards: USPS IMpb and FedEx Ground (15 and
// 96-prefixed 22) use the same sum. `implied` adds the sum of digits the number leaves out (below).
function mod10w3(s: string, start: number, end: number, implied = 0): number {
  let sum = implied;
  let three = true;
  for (let i = end - 1; i >= start; i--) {
    sum += three ? digit(s, i) * 3 : digit(s, i);
    three = !three;
  }
  return (10 - (sum % 10)) % 10;
}

// A 20-digit IMpb may drop its 2-digit application identifier, which still counts in the sum: after 19 data
// digits its two digits weigh 3 and 1. USPS omits 91; FedEx SmartPost omits 92.
const IMPLIED_91 = 9 * 3 + 1;
const IMPLIED_92 = 9 * 3 + 2;

/** USPS IMpb check digit over the data digits (everything before the check digit). */
export function uspsCheckDigit(dataDigits: string): number {
  return mod10w3(dataDigits, 0, dataDigits.length);
}

// FedEx Express: weights 1,3,7 repeating from the rightmost data digit leftwards, sum mod 11, then mod 10.
// For 11 digits that is the published 3,1,7,3,1,7,... from the left; the 34-digit forms use it over 13.
const FEDEX_WEIGHTS = [1, 3, 7];

function fedexMod11(s: string, start: number, end: number): number {
  let sum = 0;
  for (let i = end - 1, w = 0; i >= start; i--, w = w === 2 ? 0 : w + 1) sum += digit(s, i) * FEDEX_WEIGHTS[w];
  return (sum % 11) % 10;
}

/** FedEx Express 12-digit check digit over the first 11 digits. */
export function fedex12CheckDigit(digits11: string): number {
  return fedexMod11(digits11, 0, 11);
}

// DHL Express: the whole number mod 7, folded digit by digit so 11 digits never leave exact integers.
function mod7(s: string, start: number, end: number): number {
  let r = 0;
  for (let i = start; i < end; i++) r = (r * 10 + digit(s, i)) % 7;
  return r;
}

/** DHL Express check digit: the digits before the check digit, read as a number, mod 7. */
export function dhlCheckDigit(digits: string): number {
  return mod7(digits, 0, digits.length);
}

const lastDigit = (n: string): number => digit(n, n.length - 1);
const s10Ok = (n: string): boolean => s10FromSum(s10Sum(n, 2)) === digit(n, 10);
const upsOk = (n: string): boolean => (10 - (upsSum(n, 2) % 10)) % 10 === lastDigit(n);
const uspsOk = (n: string): boolean =>
  mod10w3(n, 0, n.length - 1) === lastDigit(n) || (n.length === 20 && mod10w3(n, 0, 19, IMPLIED_91) === lastDigit(n));
const smartPost20Ok = (n: string): boolean => mod10w3(n, 0, 19, IMPLIED_92) === lastDigit(n);
// FedEx 96…(22) checks only the 14 digits before the check digit (shipper id + package id).
const fedex96Ok = (n: string): boolean => mod10w3(n, n.length - 15, n.length - 1) === lastDigit(n);
const fedex15Ok = (n: string): boolean => mod10w3(n, 0, 14) === lastDigit(n);
const fedex12Ok = (n: string): boolean => fedexMod11(n, 0, 11) === lastDigit(n);
// FedEx 34-digit forms check the 13-digit serial before the check digit.
const fedex34Ok = (n: string): boolean => fedexMod11(n, n.length - 14, n.length - 1) === lastDigit(n);
const dhlOk = (n: string): boolean => mod7(n, 0, n.length - 1) === lastDigit(n);

// ---------------------------------------------------------------------------------------------------------
// Formats

/** Carrier of an S10 number whose country code is not in `S10_POSTS`: some UPU member post. */
export const POSTAL = 'postal';

/** S10 country code → the post that issued the number, for the posts in the carrier table. */
export const S10_POSTS: Readonly<Record<string, string>> = {
  US: 'USPS',
  CN: 'China Post',
  GB: 'Royal Mail',
  JP: 'Japan Post',
  DE: 'Deutsche Post',
  FR: 'La Poste',
  IT: 'Poste Italiane',
  AU: 'Australia Post',
  CA: 'Canada Post',
  SG: 'Singapore Post',
};

// Keyed by the two char codes so the lookup needs no substring.
const S10_BY_CODE = new Map<number, string>(
  Object.entries(S10_POSTS).map(([cc, post]) => [cc.charCodeAt(0) * 256 + cc.charCodeAt(1), post]),
);

export interface TrackingFormat {
  id: string;
  /** Canonical carrier name (see carriers.ts), or `POSTAL` when it depends on the number (S10). */
  carrier: string;
  description: string;
  /** Anchored, over a normalised number. */
  pattern: RegExp;
  /** Absent: the format has no check digit, so its pattern alone decides. */
  check?: (n: string) => boolean;
  /** When the carrier is read off the number itself. */
  carrierOf?: (n: string) => string;
  example: string;
}

const IMPB = /^(?:\d{20}|9[1-5]\d{20}|9[1-5]\d{24})$/;

/**
 * Order matters only where patterns overlap; `recognizeTrackingNumber` takes the first match whose check
 * passes, else the first match at all (as invalid). Lettered formats come first: their prefixes are
 * unambiguous. Then the all-digit formats, longest first. As written, the all-digit patterns do not
 * overlap (a 22-digit number is USPS when it starts 91–95 and FedEx when it starts 96; 10–11 digits are
 * DHL only, 12 FedEx only) except at 20 digits, where USPS and FedEx SmartPost share the shape and only
 * the implied application identifier in the check tells them apart; USPS comes first, so a number valid
 * both ways is USPS. A 22-digit SmartPost number (92…) is an IMpb that USPS delivers and tracks: it is
 * recognised as USPS.
 */
export const TRACKING_FORMATS: readonly TrackingFormat[] = [
  {
    id: 'ups',
    carrier: 'UPS',
    description: 'UPS: 1Z + 6 shipper + 2 service + 7 package characters + check digit',
    pattern: /^1Z[0-9A-Z]{15}\d$/,
    check: upsOk,
    example: '1Z5R89390357567127',
  },
  {
    id: 'amazon-tba',
    carrier: 'Amazon Shipping',
    description: 'Amazon Logistics: TBA + 12 digits, no check digit',
    pattern: /^TBA\d{12}$/,
    example: 'TBA502887274000',
  },
  {
    id: 'yunexpress',
    carrier: 'Yun Express',
    description: 'YunExpress: YT + 16 digits, no check digit',
    pattern: /^YT\d{16}$/,
    example: 'YT2229521272164446',
  },
  {
    id: 's10',
    carrier: POSTAL,
    description: 'UPU S10: 2-letter service, 8-digit serial, check digit, 2-letter country of the issuing post',
    pattern: /^[A-Z]{2}\d{9}[A-Z]{2}$/,
    check: s10Ok,
    carrierOf: (n) => S10_BY_CODE.get(n.charCodeAt(11) * 256 + n.charCodeAt(12)) ?? POSTAL,
    example: 'RB123456785GB',
  },
  {
    id: 'fedex-34',
    carrier: 'FedEx',
    description: 'FedEx 34 digits (Express barcode 100…, Ground GSN 96…): mod 11 over the 13-digit serial',
    pattern: /^(?:100\d{31}|96\d{32})$/,
    check: fedex34Ok,
    example: '1001921334250001000300779017972697',
  },
  {
    id: 'usps-impb',
    carrier: 'USPS',
    description: 'USPS IMpb: 22 or 26 digits starting 91–95, or 20 digits; mod 10 weighted 3,1 from the right',
    pattern: IMPB,
    check: uspsOk,
    example: '9400111201080805483016',
  },
  {
    id: 'fedex-smartpost-20',
    carrier: 'FedEx',
    description: 'FedEx SmartPost 20 digits: an IMpb without its leading 92, which the check digit still counts',
    pattern: /^\d{20}$/,
    check: smartPost20Ok,
    example: '61299998820821171811',
  },
  {
    id: 'fedex-96',
    carrier: 'FedEx',
    description: 'FedEx Ground 22 digits starting 96: mod 10 over the last 14 data digits',
    pattern: /^96\d{20}$/,
    check: fedex96Ok,
    example: '9611020987654312345672',
  },
  {
    id: 'fedex-15',
    carrier: 'FedEx',
    description: 'FedEx Ground 15 digits: mod 10 weighted 3,1 from the right',
    pattern: /^\d{15}$/,
    check: fedex15Ok,
    example: '041441760228964',
  },
  {
    id: 'fedex-12',
    carrier: 'FedEx',
    description: 'FedEx Express 12 digits: weights 3,1,7 over the first 11, mod 11, mod 10',
    pattern: /^\d{12}$/,
    check: fedex12Ok,
    example: '986578788855',
  },
  {
    id: 'dhl-express',
    carrier: 'DHL',
    description: 'DHL Express waybill, 10 or 11 digits: the number before the check digit mod 7',
    pattern: /^\d{10,11}$/,
    check: dhlOk,
    example: '3318810025',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Normalisation

// Whitespace of any kind, ASCII and Unicode dashes, soft hyphen, zero-width characters.
const SEPARATORS = /[\s\-\u00AD\u2010-\u2015\u200B-\u200D\u2212\uFEFF]/g;
// Text markers: Excel's leading apostrophe, the ="…" formula ERPs write to keep digits as text, and plain
// quotes, which survive as literal characters in Amazon's unquoted flat files.
const EXCEL_WRAPPER = /^'|^=?"|"$/g;
const NON_ASCII = /[^\x00-\x7F]/;
const ALL_DIGITS = /^\d+$/;
// Most numbers arrive clean; they skip the string rebuilding.
const CLEAN = /^[0-9A-Z]*$/;

/**
 * Trim, fold full-width forms (Japanese and Chinese input), upper-case, drop spaces, dashes and Excel's
 * text markers, and strip the `420` + ZIP routing prefix that a barcode scan puts before a USPS IMpb.
 * The prefix is stripped only when what remains is a valid IMpb by its check digit, so a number that merely
 * starts with 420 is left alone; ZIP+4 is tried before ZIP5 because a 420+ZIP5 reading of a 420+ZIP+4
 * number leaves a 26-digit remainder that could also look like an IMpb.
 */
export function normalizeTrackingNumber(raw: string): string {
  let s = raw;
  if (!CLEAN.test(s)) {
    s = s.trim();
    if (NON_ASCII.test(s)) s = s.normalize('NFKC');
    s = s.replace(EXCEL_WRAPPER, '').toUpperCase().replace(SEPARATORS, '');
  }
  if (s.length >= 28 && s.startsWith('420') && ALL_DIGITS.test(s)) {
    for (const zip of [9, 5]) {
      const rest = s.slice(3 + zip);
      if (IMPB.test(rest) && uspsOk(rest)) return rest;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// Recognition

export interface Recognition {
  format?: string;
  carrier?: string;
  checkDigit: 'valid' | 'invalid' | 'none';
}

type Outcomes = Readonly<Record<Recognition['checkDigit'], Readonly<Recognition>>>;

const outcomes = (format: string, carrier: string): Outcomes =>
  Object.freeze({
    valid: Object.freeze({ format, carrier, checkDigit: 'valid' as const }),
    invalid: Object.freeze({ format, carrier, checkDigit: 'invalid' as const }),
    none: Object.freeze({ format, carrier, checkDigit: 'none' as const }),
  });

// Results are shared frozen objects, one per format, carrier and check outcome: recognition runs once per
// shipment and allocates nothing once each carrier has been seen.
const OUTCOMES = TRACKING_FORMATS.map((f) => new Map<string, Outcomes>([[f.carrier, outcomes(f.id, f.carrier)]]));
const UNRECOGNISED: Readonly<Recognition> = Object.freeze({ checkDigit: 'none' });

function outcomesFor(i: number, carrier: string): Outcomes {
  let o = OUTCOMES[i].get(carrier);
  if (!o) OUTCOMES[i].set(carrier, (o = outcomes(TRACKING_FORMATS[i].id, carrier)));
  return o;
}

/** The format of a normalised number (see `TRACKING_FORMATS` for how overlaps are decided). */
export function recognizeTrackingNumber(normalized: string): Readonly<Recognition> {
  let failed: Readonly<Recognition> | undefined;
  for (let i = 0; i < TRACKING_FORMATS.length; i++) {
    const f = TRACKING_FORMATS[i];
    if (!f.pattern.test(normalized)) continue;
    const o = outcomesFor(i, f.carrierOf ? f.carrierOf(normalized) : f.carrier);
    if (!f.check) return o.none;
    if (f.check(normalized)) return o.valid;
    failed ??= o.invalid;
  }
  return failed ?? UNRECOGNISED;
}

/**
 * A long numeric tracking number that Excel turned into a number shows as `9.40011E+21`: its digits are
 * lost and nothing can match it. Readers reject such a row with the reason rather than audit a wrong number.
 */
const EXCEL_SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

export function mangledBySpreadsheet(raw: string): boolean {
  return EXCEL_SCIENTIFIC.test(raw.trim());
}
