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
 * - codes: matched only as the last word of a location, because two letters inside a name mean other
 *   things ("RIO DE JANEIRO" is not Germany).
 * - names: whole words anywhere (Latin script) or substrings (Chinese/Japanese script).
 */
const PLACES: ReadonlyArray<{ zone: string; codes: string[]; names: string[] }> = [
  { zone: 'Asia/Hong_Kong', codes: ['HK'], names: ['HONG KONG', 'HONGKONG', '香港'] },
  { zone: 'Asia/Tokyo', codes: ['JP'], names: ['JAPAN', 'TOKYO', 'OSAKA', '日本', '東京', '大阪'] },
  {
    // One zone (UTC+8, no DST) for all of mainland China. The cities are where sellers and forwarders ship from.
    zone: 'Asia/Shanghai',
    codes: ['CN', 'PRC'],
    names: [
      'CHINA', '中国',
      'SHENZHEN', '深圳', 'GUANGZHOU', '广州', 'SHANGHAI', '上海', 'BEIJING', '北京',
      'YIWU', '义乌', 'DONGGUAN', '东莞', 'HANGZHOU', '杭州', 'XIAMEN', '厦门', 'NINGBO', '宁波',
      'FUZHOU', '福州', 'SUZHOU', '苏州', 'JINHUA', '金华', 'FOSHAN', '佛山', 'ZHONGSHAN', '中山',
      'QUANZHOU', '泉州', 'TIANJIN', '天津', 'QINGDAO', '青岛', 'WUHAN', '武汉', 'CHENGDU', '成都',
      'GUANGDONG', '广东', 'ZHEJIANG', '浙江', 'FUJIAN', '福建', 'JIANGSU', '江苏',
    ],
  },
  { zone: 'Europe/London', codes: ['GB', 'UK'], names: ['UNITED KINGDOM', 'GREAT BRITAIN', 'ENGLAND', 'LONDON'] },
  { zone: 'Europe/Berlin', codes: ['DE'], names: ['GERMANY', 'DEUTSCHLAND'] },
];

/** Canadian province codes: before a final "CA" they mean Canada, not California. */
const CANADIAN_PROVINCES = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);

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
  'INTERNATIONAL', 'NETWORK', 'REGIONAL', 'DISTRIBUTION', 'PROCESSING', 'CENTER', 'CENTRE', 'FACILITY', 'HUB',
  'ANNEX', 'GATEWAY', 'SORT', 'PLANT', 'ISC', 'NDC', 'RDC', 'P&DC', 'PDC',
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
    if (candidate === 'CA' && CANADIAN_PROVINCES.has(rest[rest.length - 2])) return UNDECIDABLE;
    return zone;
  }
  // "US" alone rules China out but spans six zones.
  return us ? UNDECIDABLE : undefined;
}

function placeZone(location: string, words: string[]): string | undefined {
  const lastWord = words.filter((w) => !/^\d+$/.test(w)).pop();
  const phrase = ` ${words.join(' ')} `;
  for (const place of PLACES) {
    if (lastWord && place.codes.includes(lastWord)) return place.zone;
    for (const name of place.names) {
      if (LATIN.test(name) ? phrase.includes(` ${name} `) : location.includes(name)) return place.zone;
    }
  }
  return undefined;
}

function zoneOfLocation(location: string): string | typeof UNDECIDABLE | undefined {
  if (KANA.test(location)) return 'Asia/Tokyo';
  const words = location.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const han = HAN.test(location);
  if (han && US_IN_CHINESE.some((name) => location.includes(name))) return UNDECIDABLE;
  const us = han ? undefined : usStateZone(words);
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
  if (KANA.test(text)) return { zone: 'Asia/Tokyo', source: 'inferred', note: 'Japanese column headers (export made in Japan)' };
  if (HAN.test(text)) return { zone: 'Asia/Shanghai', source: 'inferred', note: 'Chinese column headers (ERP export made in China)' };
  return undefined;
}

/**
 * Zone abbreviations a user may type where an IANA name belongs. Runtimes accept some of them ("EST" as a
 * fixed -05:00 all year, "PST8PDT" as an old US rule), which silently puts half the year an hour off; the
 * settings refuse them and suggest the zone meant.
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York', EST5EDT: 'America/New_York',
  CST: 'America/Chicago', CDT: 'America/Chicago', CT: 'America/Chicago', CST6CDT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', MT: 'America/Denver', MST7MDT: 'America/Denver',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles', PST8PDT: 'America/Los_Angeles',
  HST: 'Pacific/Honolulu', AKST: 'America/Anchorage',
  GMT: 'Europe/London', BST: 'Europe/London', CET: 'Europe/Berlin', CEST: 'Europe/Berlin', MET: 'Europe/Berlin',
  EET: 'Europe/Athens', WET: 'Europe/Lisbon', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', HKT: 'Asia/Hong_Kong', SGT: 'Asia/Singapore',
  'CHINA STANDARD TIME': 'Asia/Shanghai', CHINA: 'Asia/Shanghai', PRC: 'Asia/Shanghai',
};
