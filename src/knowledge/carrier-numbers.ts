/**
 * Which carriers' tracking numbers a confirmed carrier may legitimately carry, and which number shapes are
 * too common to pin a number on one carrier. The carrier-mismatch and invalid-tracking-number rules read
 * these tables; a reviewer who knows a channel better changes a row here, not a rule.
 */
import { POSTAL, S10_COUNTRIES, S10_POSTS } from './tracking-numbers.js';

export interface NumberUse {
  /** Carriers whose number format (as `recognizeTrackingNumber` names it) is meant. */
  numbers: readonly string[];
  /** Confirmed carriers (canonical names) that hand such numbers to Amazon in the normal course. */
  usedBy: readonly string[];
  why: string;
}

/** Chinese cross-border forwarders with an Amazon carrier code. */
const FORWARDERS = ['Yanwen', 'Yun Express', '4PX'];

/** Every carrier name an S10 number can be recognised as: the posts we name, and any other UPU post. */
const POSTS = [...new Set(Object.values(S10_POSTS)), POSTAL];

export const NUMBER_USES: readonly NumberUse[] = [
  {
    numbers: ['China Post'],
    usedBy: ['EUB'],
    why: 'ePacket (e邮宝) is China Post’s product and carries its LX/LY…CN numbers',
  },
  {
    numbers: POSTS,
    usedBy: FORWARDERS,
    why:
      'forwarders inject small parcels into posts (中国邮政小包, 新加坡小包, 荷兰小包, 瑞典小包, 香港小包…) ' +
      'and hand on the post’s S10 number',
  },
  {
    numbers: ['USPS'],
    usedBy: [...FORWARDERS, 'DHL eCommerce', 'UPS', 'FedEx'],
    why:
      'USPS delivers the last mile of forwarders’ US lines, DHL eCommerce, UPS Mail Innovations / SurePost / ' +
      'Ground Saver and FedEx SmartPost / Ground Economy, under an IMpb number. OnTrac is left out: it delivers ' +
      'its own parcels',
  },
  {
    numbers: ['DHL eCommerce'],
    usedBy: FORWARDERS,
    why:
      'DHL eCommerce carries forwarders’ parcels under its own numbers (GM…, CN…, 14 digits), which have no ' +
      'check digit to tell them from a forwarder’s',
  },
  {
    numbers: ['Royal Mail'],
    usedBy: ['Parcelforce'],
    why: 'Parcelforce is Royal Mail Group’s parcel arm; its international numbers are S10 …GB',
  },
  {
    numbers: ['Deutsche Post'],
    usedBy: ['DHL'],
    why: 'Amazon.de sellers code Deutsche Post DHL parcels "DHL"; Warenpost / Päckchen International carry S10 …DE',
  },
];

const FITS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const use of NUMBER_USES) {
    for (const n of use.numbers) {
      const set = map.get(n) ?? new Set<string>();
      for (const c of use.usedBy) set.add(c);
      map.set(n, set);
    }
  }
  return map;
})();

/** May a shipment confirmed with `confirmedCarrier` carry a number of `numberCarrier`'s format? */
export function numberFitsCarrier(numberCarrier: string, confirmedCarrier: string): boolean {
  return numberCarrier === confirmedCarrier || (FITS.get(numberCarrier)?.has(confirmedCarrier) ?? false);
}

export interface SharedShape {
  /** The format in `TRACKING_FORMATS` whose shape this is. */
  format: string;
  pattern: RegExp;
  /** Carriers (canonical names) whose own numbers have this shape. */
  ownedBy: readonly string[];
  why: string;
}

/**
 * All-digit shapes that other carriers' own numbering shares. A number of such a shape that passes the
 * format's check may still be another carrier's (a mod-10 check passes one number in ten by chance), and one
 * that fails it is most likely not of that format at all rather than mistyped. The lettered formats (1Z, S10,
 * TBA, YT) and the long IMpb forms are distinctive and are not listed.
 */
export const SHARED_SHAPES: readonly SharedShape[] = [
  {
    format: 'dhl-express',
    pattern: /^\d{10,11}$/,
    ownedBy: ['Aramex', 'GLS', 'Japan Post'],
    why: 'Aramex waybills and GLS parcel numbers are 10–11 digits; some Japan Post domestic numbers 11',
  },
  {
    format: 'fedex-12',
    pattern: /^\d{12}$/,
    ownedBy: ['Yamato Transport', 'Sagawa Express', 'Japan Post', 'SF Express', 'GLS', 'DHL', 'Deutsche Post'],
    why: 'Yamato, Sagawa and Japan Post domestic numbers are 12 digits, as are older SF waybills, DHL Paket and GLS',
  },
  {
    format: 'fedex-15',
    pattern: /^\d{15}$/,
    ownedBy: [],
    why: 'a common length in domestic numbering of carriers outside the table',
  },
  {
    format: 'fedex-sscc-18',
    pattern: /^\d{18}$/,
    ownedBy: [],
    why: 'a GS1 SSCC: any shipper’s parcel or pallet label may carry one',
  },
  {
    format: 'canada-post-16',
    pattern: /^\d{16}$/,
    ownedBy: ['Hermes'],
    why: 'Evri (Hermes UK) parcel numbers are 16 digits',
  },
  {
    format: 'dhl-ecommerce-14',
    pattern: /^\d{14}$/,
    ownedBy: ['DPD'],
    why: 'a DPD parcel number written without its check character is 14 digits',
  },
  {
    format: 'usps-impb',
    pattern: /^\d{20}$/,
    ownedBy: ['DHL', 'Deutsche Post'],
    why: 'DHL Paket numbers (00340…) are 20-digit SSCCs, the shape of an IMpb without its application identifier',
  },
];

function sharedShape(normalized: string): SharedShape | undefined {
  return SHARED_SHAPES.find((s) => s.pattern.test(normalized));
}

/** Does the number's shape say little about its carrier (see `SHARED_SHAPES`)? */
export function isSharedShape(normalized: string): boolean {
  return sharedShape(normalized) !== undefined;
}

/** Is this a shape that `carrier`'s own numbering also has? */
export function carrierOwnsShape(normalized: string, carrier: string): boolean {
  return sharedShape(normalized)?.ownedBy.includes(carrier) ?? false;
}

/**
 * Shapes of a lettered format that carriers also give their own numbers, outside that format's rules: such a
 * number confirmed with one of those carriers is theirs, not a broken number of the format.
 */
const PRIVATE_NUMBERS: readonly { format: string; pattern: RegExp; usedBy: readonly string[]; why: string }[] = [
  {
    format: 's10',
    // The S10 shape ending in two letters that are no ISO country.
    pattern: new RegExp(`^[A-Z]{2}\\d{9}(?!(?:${[...S10_COUNTRIES].join('|')})$)[A-Z]{2}$`),
    usedBy: FORWARDERS,
    why: 'forwarders number their own parcels in the S10 shape with a private ending (Yanwen …YP, YunExpress …YQ)',
  },
];

/** Is this one of `carrier`'s own numbers in another format's shape (see `PRIVATE_NUMBERS`)? */
export function isPrivateNumber(normalized: string, carrier: string): boolean {
  return PRIVATE_NUMBERS.some((p) => p.usedBy.includes(carrier) && p.pattern.test(normalized));
}

export interface KnownInFull {
  /** Canonical carrier name. */
  carrier: string;
  /** Its number formats, in words, for the finding's message. */
  formats: string;
}

/**
 * Carriers whose every parcel tracking-number format is in `TRACKING_FORMATS` (each checked against the
 * formats of the public test suite of jkeen/tracking_number_data). A number confirmed with one of them that
 * fits no format at all, neither its own nor one it may carry (`NUMBER_USES`), is mistyped or made up
 * ("12345"): Amazon's Valid Tracking Rate counts it as invalid. For any other carrier a shape the table does
 * not know may be one of its own numbers, and nothing is said. Freight PRO numbers are not parcel numbers.
 */
export const KNOWN_IN_FULL: readonly KnownInFull[] = [
  { carrier: 'USPS', formats: 'IMpb (20, 22 or 26 digits, 420 + ZIP before it), S10 (EA123456785US)' },
  { carrier: 'UPS', formats: '1Z + 16 characters, or a letter + 10 digits (waybill)' },
  { carrier: 'FedEx', formats: '12, 15, 18, 22, 32 or 34 digits' },
  { carrier: 'Amazon Shipping', formats: 'TBA, TBC or TBM + 12 digits, or A, C or F + 10 digits' },
];

const IN_FULL: ReadonlyMap<string, KnownInFull> = new Map(KNOWN_IN_FULL.map((k) => [k.carrier, k]));

/** The carrier's formats in words when the table holds all of them, else undefined. */
export function formatsKnownInFull(carrier: string): string | undefined {
  return IN_FULL.get(carrier)?.formats;
}
