import type { ZoneHint } from '../model/timestamp.js';

/**
 * Where a carrier event happened, as far as its zone goes. Carrier feeds often write the local time of the
 * scan without an offset; the location (or the language of the description) is then the best evidence of
 * the zone, and the note travels with the stamp so the report can say what the guess rested on.
 */

/**
 * US states, DC and Puerto Rico → the IANA zone where most of the state lives. States that span two zones
 * get their main one, so a scan in the minority part is an hour off: FL (panhandle is Central), IN (a few
 * north-west and south-west counties Central), KY (west is Central), TN (east is Eastern), MI (four
 * Upper-Peninsula counties Central), TX (El Paso is Mountain), KS, NE, ND, SD (west is Mountain),
 * ID (north is Pacific), OR (Malheur is Mountain). AZ keeps no DST except the Navajo Nation (ignored).
 */
const US_STATES: ReadonlyArray<readonly [code: string, name: string, zone: string]> = [
  ['AL', 'ALABAMA', 'America/Chicago'],
  ['AK', 'ALASKA', 'America/Anchorage'],
  ['AZ', 'ARIZONA', 'America/Phoenix'],
  ['AR', 'ARKANSAS', 'America/Chicago'],
  ['CA', 'CALIFORNIA', 'America/Los_Angeles'],
  ['CO', 'COLORADO', 'America/Denver'],
  ['CT', 'CONNECTICUT', 'America/New_York'],
  ['DE', 'DELAWARE', 'America/New_York'],
  ['DC', 'DISTRICT OF COLUMBIA', 'America/New_York'],
  ['FL', 'FLORIDA', 'America/New_York'],
  ['GA', 'GEORGIA', 'America/New_York'],
  ['HI', 'HAWAII', 'Pacific/Honolulu'],
  ['ID', 'IDAHO', 'America/Boise'],
  ['IL', 'ILLINOIS', 'America/Chicago'],
  ['IN', 'INDIANA', 'America/Indiana/Indianapolis'],
  ['IA', 'IOWA', 'America/Chicago'],
  ['KS', 'KANSAS', 'America/Chicago'],
  ['KY', 'KENTUCKY', 'America/New_York'],
  ['LA', 'LOUISIANA', 'America/Chicago'],
  ['ME', 'MAINE', 'America/New_York'],
  ['MD', 'MARYLAND', 'America/New_York'],
  ['MA', 'MASSACHUSETTS', 'America/New_York'],
  ['MI', 'MICHIGAN', 'America/Detroit'],
  ['MN', 'MINNESOTA', 'America/Chicago'],
  ['MS', 'MISSISSIPPI', 'America/Chicago'],
  ['MO', 'MISSOURI', 'America/Chicago'],
  ['MT', 'MONTANA', 'America/Denver'],
  ['NE', 'NEBRASKA', 'America/Chicago'],
  ['NV', 'NEVADA', 'America/Los_Angeles'],
  ['NH', 'NEW HAMPSHIRE', 'America/New_York'],
  ['NJ', 'NEW JERSEY', 'America/New_York'],
  ['NM', 'NEW MEXICO', 'America/Denver'],
  ['NY', 'NEW YORK', 'America/New_York'],
  ['NC', 'NORTH CAROLINA', 'America/New_York'],
  ['ND', 'NORTH DAKOTA', 'America/Chicago'],
  ['OH', 'OHIO', 'America/New_York'],
  ['OK', 'OKLAHOMA', 'America/Chicago'],
  ['OR', 'OREGON', 'America/Los_Angeles'],
  ['PA', 'PENNSYLVANIA', 'America/New_York'],
  ['RI', 'RHODE ISLAND', 'America/New_York'],
  ['SC', 'SOUTH CAROLINA', 'America/New_York'],
  ['SD', 'SOUTH DAKOTA', 'America/Chicago'],
  ['TN', 'TENNESSEE', 'America/Chicago'],
  ['TX', 'TEXAS', 'America/Chicago'],
  ['UT', 'UTAH', 'America/Denver'],
  ['VT', 'VERMONT', 'America/New_York'],
  ['VA', 'VIRGINIA', 'America/New_York'],
  ['WA', 'WASHINGTON', 'America/Los_Angeles'],
  ['WV', 'WEST VIRGINIA', 'America/New_York'],
  ['WI', 'WISCONSIN', 'America/Chicago'],
  ['WY', 'WYOMING', 'America/Denver'],
  ['PR', 'PUERTO RICO', 'America/Puerto_Rico'],
];

/** State code or upper-cased full name → IANA zone. */
export const US_STATE_ZONES: Record<string, string> = Object.fromEntries(
  US_STATES.flatMap(([code, name, zone]) => [
    [code, zone],
    [name, zone],
  ]),
);

/**
 * Places outside the US, most specific first (Hong Kong before China: "HONG KONG, CN" is Hong Kong).
 * - codes: ISO 3166 country codes, matched only as the last word of a location, because two letters inside
 *   a name mean other things ("RIO DE JANEIRO" is not Germany). A country that spans several zones has no
 *   code here (Canada, Australia: by province or state below; "CA" is California too).
 * - names: whole words anywhere (Latin script) or substrings (Chinese/Japanese script): the country in
 *   English and its own language, and the cities carriers' hubs and sellers' warehouses are in.
 * A country with one zone (or one zone nearly everyone lives in: Mexico's centre, Spain's mainland,
 * Portugal's mainland) gets that zone; a scan in the Canaries, the Azores or Baja California is an hour off.
 */
const PLACES: ReadonlyArray<{ zone: string; codes: string[]; names: string[] }> = [
  { zone: 'Asia/Hong_Kong', codes: ['HK'], names: ['HONG KONG', 'HONGKONG', '香港'] },
  {
    zone: 'Asia/Tokyo',
    codes: ['JP'],
    names: ['JAPAN', 'TOKYO', 'OSAKA', 'NARITA', 'SAPPORO', '日本', '東京', '大阪'],
  },
  {
    // One zone (UTC+8, no DST) for all of mainland China. The cities are where sellers and forwarders ship from.
    zone: 'Asia/Shanghai',
    codes: ['CN', 'PRC'],
    names: [
      'CHINA',
      '中国',
      'SHENZHEN',
      '深圳',
      'GUANGZHOU',
      '广州',
      'SHANGHAI',
      '上海',
      'BEIJING',
      '北京',
      'YIWU',
      '义乌',
      'DONGGUAN',
      '东莞',
      'HANGZHOU',
      '杭州',
      'XIAMEN',
      '厦门',
      'NINGBO',
      '宁波',
      'FUZHOU',
      '福州',
      'SUZHOU',
      '苏州',
      'JINHUA',
      '金华',
      'FOSHAN',
      '佛山',
      'ZHONGSHAN',
      '中山',
      'QUANZHOU',
      '泉州',
      'TIANJIN',
      '天津',
      'QINGDAO',
      '青岛',
      'WUHAN',
      '武汉',
      'CHENGDU',
      '成都',
      'GUANGDONG',
      '广东',
      'ZHEJIANG',
      '浙江',
      'FUJIAN',
      '福建',
      'JIANGSU',
      '江苏',
    ],
  },
  {
    zone: 'Europe/London',
    codes: ['GB', 'UK'],
    names: [
      // Cities that US towns are named after too (Manchester, Birmingham) are left to the code after them.
      'UNITED KINGDOM',
      'GREAT BRITAIN',
      'ENGLAND',
      'SCOTLAND',
      'WALES',
      'LONDON',
      'HEATHROW',
      'COVENTRY',
      'DONCASTER',
      'PETERBOROUGH',
      'DAVENTRY',
    ],
  },
  { zone: 'Europe/Dublin', codes: ['IE'], names: ['IRELAND'] },
  {
    zone: 'Europe/Berlin',
    codes: ['DE'],
    names: [
      'GERMANY',
      'DEUTSCHLAND',
      'BERLIN',
      'FRANKFURT',
      'HAMBURG',
      'MUNICH',
      'MUENCHEN',
      'KOELN',
      'COLOGNE',
      'LEIPZIG',
      'DUESSELDORF',
      'STUTTGART',
      'HANNOVER',
      'DORTMUND',
      'BREMEN',
      'NUERNBERG',
    ],
  },
  { zone: 'Europe/Paris', codes: ['FR'], names: ['FRANCE', 'PARIS', 'ROISSY', 'LYON', 'MARSEILLE', 'TOULOUSE'] },
  { zone: 'Europe/Rome', codes: ['IT'], names: ['ITALY', 'ITALIA', 'ROMA', 'MILANO', 'TORINO', 'BOLOGNA'] },
  { zone: 'Europe/Madrid', codes: ['ES'], names: ['SPAIN', 'ESPANA', 'MADRID', 'BARCELONA', 'ZARAGOZA'] },
  { zone: 'Europe/Amsterdam', codes: ['NL'], names: ['NETHERLANDS', 'NEDERLAND', 'HOLLAND', 'AMSTERDAM', 'ROTTERDAM'] },
  { zone: 'Europe/Brussels', codes: ['BE'], names: ['BELGIUM', 'BELGIQUE', 'BELGIE', 'BRUSSELS', 'ANTWERPEN'] },
  { zone: 'Europe/Luxembourg', codes: ['LU'], names: ['LUXEMBOURG'] },
  { zone: 'Europe/Vienna', codes: ['AT'], names: ['AUSTRIA', 'OSTERREICH', 'VIENNA', 'WIEN'] },
  { zone: 'Europe/Zurich', codes: ['CH'], names: ['SWITZERLAND', 'SCHWEIZ', 'SUISSE', 'ZURICH', 'GENEVA', 'BASEL'] },
  { zone: 'Europe/Stockholm', codes: ['SE'], names: ['SWEDEN', 'SVERIGE', 'STOCKHOLM', 'GOTHENBURG'] },
  { zone: 'Europe/Copenhagen', codes: ['DK'], names: ['DENMARK', 'DANMARK', 'COPENHAGEN'] },
  { zone: 'Europe/Oslo', codes: ['NO'], names: ['NORWAY', 'NORGE', 'OSLO'] },
  { zone: 'Europe/Helsinki', codes: ['FI'], names: ['FINLAND', 'SUOMI', 'HELSINKI'] },
  { zone: 'Europe/Warsaw', codes: ['PL'], names: ['POLAND', 'POLSKA', 'WARSAW', 'WARSZAWA', 'POZNAN', 'WROCLAW'] },
  { zone: 'Europe/Prague', codes: ['CZ'], names: ['CZECHIA', 'CZECH REPUBLIC', 'PRAGUE', 'PRAHA'] },
  { zone: 'Europe/Bratislava', codes: ['SK'], names: ['SLOVAKIA', 'BRATISLAVA'] },
  { zone: 'Europe/Budapest', codes: ['HU'], names: ['HUNGARY', 'BUDAPEST'] },
  { zone: 'Europe/Lisbon', codes: ['PT'], names: ['PORTUGAL', 'LISBON', 'LISBOA', 'PORTO'] },
  { zone: 'Europe/Athens', codes: ['GR'], names: ['GREECE', 'ATHENS'] },
  { zone: 'Europe/Bucharest', codes: ['RO'], names: ['ROMANIA', 'BUCHAREST'] },
  { zone: 'Europe/Sofia', codes: ['BG'], names: ['BULGARIA', 'SOFIA'] },
  { zone: 'Europe/Zagreb', codes: ['HR'], names: ['CROATIA', 'ZAGREB'] },
  { zone: 'Europe/Ljubljana', codes: ['SI'], names: ['SLOVENIA', 'LJUBLJANA'] },
  { zone: 'Europe/Vilnius', codes: ['LT'], names: ['LITHUANIA', 'VILNIUS'] },
  { zone: 'Europe/Riga', codes: ['LV'], names: ['LATVIA', 'RIGA'] },
  { zone: 'Europe/Tallinn', codes: ['EE'], names: ['ESTONIA', 'TALLINN'] },
  { zone: 'America/Mexico_City', codes: ['MX'], names: ['MEXICO', 'MEXICO CITY', 'GUADALAJARA', 'MONTERREY'] },
];

/**
 * Canadian provinces and territories → zone (the main one where a province spans two: Ontario's
 * north-west is Central, Nunavut spans three). None of these codes is a US state's, so "TORONTO, ON" is
 * Canada; a final "CA" after one of them means Canada, not California.
 */
const CANADA: Record<string, string> = {
  AB: 'America/Edmonton',
  ALBERTA: 'America/Edmonton',
  BC: 'America/Vancouver',
  'BRITISH COLUMBIA': 'America/Vancouver',
  MB: 'America/Winnipeg',
  MANITOBA: 'America/Winnipeg',
  NB: 'America/Moncton',
  'NEW BRUNSWICK': 'America/Moncton',
  NL: 'America/St_Johns',
  NEWFOUNDLAND: 'America/St_Johns',
  NS: 'America/Halifax',
  'NOVA SCOTIA': 'America/Halifax',
  NT: 'America/Yellowknife',
  'NORTHWEST TERRITORIES': 'America/Yellowknife',
  NU: 'America/Iqaluit',
  NUNAVUT: 'America/Iqaluit',
  ON: 'America/Toronto',
  ONTARIO: 'America/Toronto',
  PE: 'America/Halifax',
  'PRINCE EDWARD ISLAND': 'America/Halifax',
  QC: 'America/Toronto',
  QUEBEC: 'America/Toronto',
  PQ: 'America/Toronto',
  SK: 'America/Regina',
  SASKATCHEWAN: 'America/Regina',
  YT: 'America/Whitehorse',
  YUKON: 'America/Whitehorse',
};
/**
 * Province names and codes that are also a US place, Australia's Northern Territory or a country's code
 * (NL Netherlands, SK Slovakia, PE Peru): a province only with "CA"/"CANADA" after it.
 */
const CANADA_NEEDS_COUNTRY = new Set(['ONTARIO', 'NT', 'NL', 'SK', 'PE']);
const CANADA_TAIL = / (?:CA|CAN|CANADA)$/;
/** A Canadian postal code, "L5T 2T2" or "L5T2T2", split into words by the location's word split. */
const CANADA_POSTCODE_TAIL = / [A-Z]\d[A-Z] ?\d[A-Z]\d$/;

/**
 * Australian states and territories → zone. NSW, VIC, QLD, TAS and ACT are Australian wherever they stand;
 * SA, WA and NT are also South Africa, Washington and Canada's Northwest Territories: only with "AU" or
 * "AUSTRALIA" after them.
 */
const AUSTRALIA: Record<string, string> = {
  NSW: 'Australia/Sydney',
  'NEW SOUTH WALES': 'Australia/Sydney',
  ACT: 'Australia/Sydney',
  VIC: 'Australia/Melbourne',
  VICTORIA: 'Australia/Melbourne',
  QLD: 'Australia/Brisbane',
  QUEENSLAND: 'Australia/Brisbane',
  TAS: 'Australia/Hobart',
  TASMANIA: 'Australia/Hobart',
  SA: 'Australia/Adelaide',
  'SOUTH AUSTRALIA': 'Australia/Adelaide',
  WA: 'Australia/Perth',
  'WESTERN AUSTRALIA': 'Australia/Perth',
  NT: 'Australia/Darwin',
  'NORTHERN TERRITORY': 'Australia/Darwin',
};
const AUSTRALIA_NEEDS_COUNTRY = new Set(['SA', 'WA', 'NT', 'VICTORIA', 'ACT']);
const AUSTRALIA_TAIL = / (?:AU|AUS|AUSTRALIA)$/;
const AUSTRALIA_POSTCODE_TAIL = / \d{4}$/;
/** Cities that name their state's zone when no state is written ("SYDNEY AU", "Melbourne"). */
const AUSTRALIAN_CITIES: Record<string, string> = {
  SYDNEY: 'Australia/Sydney',
  MELBOURNE: 'Australia/Melbourne',
  BRISBANE: 'Australia/Brisbane',
  PERTH: 'Australia/Perth',
  ADELAIDE: 'Australia/Adelaide',
};
const CANADIAN_CITIES: Record<string, string> = {
  TORONTO: 'America/Toronto',
  MISSISSAUGA: 'America/Toronto',
  BRAMPTON: 'America/Toronto',
  MONTREAL: 'America/Toronto',
  VANCOUVER: 'America/Vancouver',
  CALGARY: 'America/Edmonton',
  WINNIPEG: 'America/Winnipeg',
};

/**
 * The zone a Canadian or Australian location names by its province or state ("TORONTO, ON, CA",
 * "MISSISSAUGA ON L5T 2T2", "SYDNEY NSW AU", "SYDNEY NSW 2000"), or by a city with the country after it
 * ("SYDNEY AU"). Undefined when it is neither.
 */
function provinceZone(words: string[]): string | undefined {
  for (const [regions, needs, tail, postcode, cities] of [
    [CANADA, CANADA_NEEDS_COUNTRY, CANADA_TAIL, CANADA_POSTCODE_TAIL, CANADIAN_CITIES],
    [AUSTRALIA, AUSTRALIA_NEEDS_COUNTRY, AUSTRALIA_TAIL, AUSTRALIA_POSTCODE_TAIL, AUSTRALIAN_CITIES],
  ] as const) {
    let s = ` ${words.join(' ')}`;
    const country = tail.test(s);
    if (country) s = s.replace(tail, '');
    const code = postcode.test(s);
    if (code) s = s.replace(postcode, '');
    const rest = s.trim().split(' ');
    for (let n = Math.min(LONGEST_NAME_WORDS, rest.length - 1); n >= 1; n--) {
      const candidate = rest.slice(-n).join(' ');
      const zone = regions[candidate];
      if (zone && (country || !needs.has(candidate))) return zone;
    }
    if (country && rest.length >= 1 && cities[rest[0]]) return cities[rest[0]];
  }
  return undefined;
}

/**
 * Final codes that are a US state and a country of PLACES at once → the ZIPs of the state. "DOVER, DE"
 * (FedEx style) and "LEIPZIG, DE" look the same, six hours apart, and German postcodes have five digits too:
 * only "US" or a ZIP of the state settles it; otherwise better no answer than a guess.
 */
const STATE_OR_COUNTRY = new Map([['DE', /^19[7-9]/]]);

/** Chinese forwarders name US-side locations in Chinese ("美国洛杉矶"): Han script alone must not mean China. */
const US_IN_CHINESE = ['美国', '美國'];

const US_TAIL = / (?:US|USA|UNITED STATES(?: OF AMERICA)?)$/;
const ZIP_TAIL = / (\d{5})(?: \d{4})?$/;
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

const LATIN = /^[A-Z ]+$/;
const LONGEST_NAME_WORDS = 3;
/** A location that names a place yet can't give its zone: the event's language must not decide either. */
const UNDECIDABLE = Symbol('undecidable');

/** The zone a US-style location names ("LOS ANGELES, CA 90001", "Chicago IL US", "Austin, Texas"). */
/**
 * USPS names its plants after the city: "LOS ANGELES CA INTERNATIONAL DISTRIBUTION CENTER",
 * "SAN BERNARDINO CA NETWORK DISTRIBUTION CENTER". These trailing words are dropped before the state is read.
 */
const FACILITY_WORDS = new Set([
  'INTERNATIONAL',
  'NETWORK',
  'REGIONAL',
  'DISTRIBUTION',
  'PROCESSING',
  'CENTER',
  'CENTRE',
  'FACILITY',
  'HUB',
  'ANNEX',
  'GATEWAY',
  'SORT',
  'PLANT',
  'ISC',
  'NDC',
  'RDC',
  'P&DC',
  'PDC',
]);

function usStateZone(words: string[]): string | typeof UNDECIDABLE | undefined {
  let end = words.length;
  while (end > 1 && FACILITY_WORDS.has(words[end - 1])) end--;
  let s = ` ${words.slice(0, end).join(' ')}`;
  const us = US_TAIL.test(s);
  if (us) s = s.replace(US_TAIL, '');
  const zip = ZIP_TAIL.exec(s)?.[1];
  if (zip) s = s.replace(ZIP_TAIL, '');
  const rest = s.trim().split(' ');
  for (let n = Math.min(LONGEST_NAME_WORDS, rest.length); n >= 1; n--) {
    const candidate = rest.slice(-n).join(' ');
    const zone = US_STATE_ZONES[candidate];
    if (!zone) continue;
    if (candidate.length > 2 || us) return zone;
    const stateZips = STATE_OR_COUNTRY.get(candidate);
    if (stateZips) return zip && stateZips.test(zip) ? zone : UNDECIDABLE;
    if (zip) return zone;
    // A bare two-letter word proves little: it needs a ZIP, "US", or a city before it.
    if (rest.length === 1) return undefined;
    if (candidate === 'CA' && CANADA[rest[rest.length - 2]]) return UNDECIDABLE;
    return zone;
  }
  // "US" alone rules China out but spans six zones.
  return us ? UNDECIDABLE : undefined;
}

function placeZone(location: string, words: string[], namesOnly = false): string | undefined {
  const lastWord = words.filter((w) => !/^\d+$/.test(w)).pop();
  const phrase = ` ${words.join(' ')} `;
  for (const place of PLACES) {
    if (!namesOnly && lastWord && place.codes.includes(lastWord)) return place.zone;
    for (const name of place.names) {
      if (LATIN.test(name) ? phrase.includes(` ${name} `) : location.includes(name)) return place.zone;
    }
  }
  return undefined;
}

function zoneOfLocation(location: string): string | typeof UNDECIDABLE | undefined {
  if (KANA.test(location)) return 'Asia/Tokyo';
  const words = location
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const han = HAN.test(location);
  if (han && US_IN_CHINESE.some((name) => location.includes(name))) return UNDECIDABLE;
  const province = han ? undefined : provinceZone(words);
  if (province) return province;
  const us = han ? undefined : usStateZone(words);
  if (us === UNDECIDABLE) {
    // "FRANKFURT, DE": a code that is a state and a country at once, settled by a city of that country.
    const last = words.filter((w) => !/^\d+$/.test(w)).pop() ?? '';
    return STATE_OR_COUNTRY.has(last) ? (placeZone(location, words, true) ?? UNDECIDABLE) : UNDECIDABLE;
  }
  if (us !== undefined) return us;
  return placeZone(location, words) ?? (han ? 'Asia/Shanghai' : undefined);
}

/** A hint, UNDECIDABLE (the location rules the language out too), or undefined (it says nothing). */
function locationHint(location: string): ZoneHint | typeof UNDECIDABLE | undefined {
  const zone = zoneOfLocation(location);
  return typeof zone === 'string' ? { zone, source: 'inferred', note: `location "${location}"` } : zone;
}

const CHINESE_EVENT: ZoneHint = { zone: 'Asia/Shanghai', source: 'inferred', note: 'Chinese-language event' };
const JAPANESE_EVENT: ZoneHint = { zone: 'Asia/Tokyo', source: 'inferred', note: 'Japanese-language event' };

/**
 * Kana marks Japanese; other Han text is taken as Chinese. A Japanese event written in kanji alone
 * ("引受") is therefore read as Chinese: an hour off, and the note says on what ground.
 */
function descriptionHint(description: string | undefined): ZoneHint | undefined {
  if (!description) return undefined;
  if (KANA.test(description)) return JAPANESE_EVENT;
  if (HAN.test(description)) return CHINESE_EVENT;
  return undefined;
}

function decide(location: ZoneHint | typeof UNDECIDABLE | undefined, description: string | undefined) {
  if (location === UNDECIDABLE) return undefined;
  return location ?? descriptionHint(description);
}

/**
 * The zone an event's location or language suggests, or undefined when nothing tells.
 * The location wins over the language: Chinese forwarders describe US-side scans in Chinese too.
 */
export function inferZone(input: { location?: string; description?: string }): ZoneHint | undefined {
  const location = input.location?.trim();
  return decide(location ? locationHint(location) : undefined, input.description);
}

const MEMO_LIMIT = 100_000;

/** inferZone with the location's answer remembered: a feed repeats a few thousand locations millions of times. */
export function createZoneInferrer(): (input: { location?: string; description?: string }) => ZoneHint | undefined {
  const byLocation = new Map<string, ZoneHint | typeof UNDECIDABLE | null>();
  return (input) => {
    const location = input.location?.trim();
    if (!location) return descriptionHint(input.description);
    let hint = byLocation.get(location);
    if (hint === undefined) {
      hint = locationHint(location) ?? null;
      if (byLocation.size >= MEMO_LIMIT) byLocation.clear();
      byLocation.set(location, hint);
    }
    return decide(hint ?? undefined, input.description);
  };
}

/**
 * An export whose column headers are Chinese (or Japanese) comes from an ERP run in that country, and ERPs
 * show their times in the local clock without an offset: Dianxiaomi's 标记发货时间 is Beijing time.
 */
export function zoneFromHeaderLanguage(headers: readonly string[]): ZoneHint | undefined {
  const text = headers.join(' ');
  if (KANA.test(text))
    return { zone: 'Asia/Tokyo', source: 'inferred', note: 'Japanese column headers (export made in Japan)' };
  if (HAN.test(text))
    return { zone: 'Asia/Shanghai', source: 'inferred', note: 'Chinese column headers (ERP export made in China)' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Zone abbreviations in time texts ("2024-11-22 13:58 EST", "January 25, 2012 6:58 pm CST").

/** Where a carrier works, as far as what its zone abbreviations mean. */
export type AbbreviationRegion = 'us' | 'cn' | 'au' | 'in' | 'eu';

/**
 * Carriers (Amazon's carrier codes, as carriers.ts names them) → the region whose abbreviations they write.
 * A carrier missing here writes abbreviations that are read only where they mean one thing everywhere.
 */
export const CARRIER_REGIONS: Readonly<Record<string, AbbreviationRegion>> = {
  USPS: 'us',
  UPS: 'us',
  FedEx: 'us',
  OnTrac: 'us',
  Lasership: 'us',
  'DHL eCommerce': 'us',
  'China Post': 'cn',
  EUB: 'cn',
  Yanwen: 'cn',
  'Yun Express': 'cn',
  '4PX': 'cn',
  'SF Express': 'cn',
  'Australia Post': 'au',
  'Royal Mail': 'eu',
  Parcelforce: 'eu',
  'Deutsche Post': 'eu',
  'La Poste': 'eu',
  'Poste Italiane': 'eu',
};

/**
 * Abbreviation → what it stands for: a fixed offset (`-05:00`), or an IANA zone for the generic names that
 * follow DST (`ET`). `everywhere` where it has one meaning in carrier data; `byRegion` where it depends on
 * who wrote it, with `meanings` for the note when the region does not settle it. UTC, GMT and Z are read by
 * the time parser itself.
 */
export const ZONE_ABBREVIATIONS: Readonly<
  Record<string, { everywhere?: string; byRegion?: Partial<Record<AbbreviationRegion, string>>; meanings?: string }>
> = {
  // North America
  EST: { everywhere: '-05:00', byRegion: { au: '+10:00' } },
  EDT: { everywhere: '-04:00', byRegion: { au: '+11:00' } },
  CST: { byRegion: { us: '-06:00', cn: '+08:00' }, meanings: 'China or US Central' },
  CDT: { everywhere: '-05:00' },
  MST: { everywhere: '-07:00' },
  MDT: { everywhere: '-06:00' },
  PST: { everywhere: '-08:00' },
  PDT: { everywhere: '-07:00' },
  AKST: { everywhere: '-09:00' },
  AKDT: { everywhere: '-08:00' },
  HST: { everywhere: '-10:00' },
  AST: { byRegion: { us: '-04:00' }, meanings: 'Atlantic or Arabia' },
  ET: { everywhere: 'America/New_York' },
  CT: { byRegion: { us: 'America/Chicago' }, meanings: 'US Central or China' },
  MT: { everywhere: 'America/Denver' },
  PT: { everywhere: 'America/Los_Angeles' },
  // Europe
  UT: { everywhere: '+00:00' },
  WET: { everywhere: '+00:00' },
  WEST: { everywhere: '+01:00' },
  BST: { everywhere: '+01:00' },
  CET: { everywhere: '+01:00' },
  CEST: { everywhere: '+02:00' },
  MEZ: { everywhere: '+01:00' },
  MESZ: { everywhere: '+02:00' },
  EET: { everywhere: '+02:00' },
  EEST: { everywhere: '+03:00' },
  MSK: { everywhere: '+03:00' },
  IST: { byRegion: { in: '+05:30', eu: '+01:00' }, meanings: 'India, Ireland or Israel' },
  // Asia and Oceania
  JST: { everywhere: '+09:00' },
  KST: { everywhere: '+09:00' },
  HKT: { everywhere: '+08:00' },
  SGT: { everywhere: '+08:00' },
  AWST: { everywhere: '+08:00' },
  ACST: { everywhere: '+09:30' },
  ACDT: { everywhere: '+10:30' },
  AEST: { everywhere: '+10:00' },
  AEDT: { everywhere: '+11:00' },
  NZST: { everywhere: '+12:00' },
  NZDT: { everywhere: '+13:00' },
};

const US_ZONES = new Set(Object.values(US_STATE_ZONES));

/** A zone of the United States (by its states' zones). */
export function isUsZone(zone: string): boolean {
  return US_ZONES.has(zone);
}

/** What a zone abbreviation means for a region: a zone, or the meanings it can't choose between. */
export function readAbbreviation(
  abbreviation: string,
  region: AbbreviationRegion | undefined,
): { zone: string } | { ambiguous: string } | undefined {
  const entry = ZONE_ABBREVIATIONS[abbreviation];
  if (!entry) return undefined;
  const zone = (region && entry.byRegion?.[region]) ?? entry.everywhere;
  return zone ? { zone } : { ambiguous: entry.meanings ?? 'several zones' };
}

/**
 * The region an event's abbreviations are read for: its carrier's, else the country its location or
 * language placed it in (a Chinese-language event → China; a US location → the US).
 */
export function abbreviationRegion(
  carrier: string | undefined,
  hint: ZoneHint | undefined,
): AbbreviationRegion | undefined {
  const byCarrier = carrier === undefined ? undefined : CARRIER_REGIONS[carrier];
  if (byCarrier || !hint || hint.source !== 'inferred') return byCarrier;
  if (hint.zone === 'Asia/Shanghai') return 'cn';
  return US_ZONES.has(hint.zone) ? 'us' : undefined;
}

/**
 * Zone abbreviations a user may type where an IANA name belongs (not carrier texts: ZONE_ABBREVIATIONS). Runtimes accept some of them ("EST" as a
 * fixed -05:00 all year, "PST8PDT" as an old US rule), which silently puts half the year an hour off; the
 * settings refuse them and suggest the zone meant.
 */
export const ZONE_NAME_SUGGESTIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EST5EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  CST6CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  MST7MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PST8PDT: 'America/Los_Angeles',
  HST: 'Pacific/Honolulu',
  AKST: 'America/Anchorage',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  MET: 'Europe/Berlin',
  EET: 'Europe/Athens',
  WET: 'Europe/Lisbon',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  HKT: 'Asia/Hong_Kong',
  SGT: 'Asia/Singapore',
  'CHINA STANDARD TIME': 'Asia/Shanghai',
  CHINA: 'Asia/Shanghai',
  PRC: 'Asia/Shanghai',
};
