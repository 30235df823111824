import { describe, expect, it } from 'vitest';
import { canonicalCarrier } from '../../src/knowledge/carriers.js';
import {
  abbreviationRegion,
  CARRIER_REGIONS,
  createZoneInferrer,
  inferZone,
  US_STATE_ZONES,
  ZONE_ABBREVIATIONS,
  zoneFromHeaderLanguage,
} from '../../src/knowledge/zones.js';
import { isValidZone } from '../../src/model/zone.js';

describe('US_STATE_ZONES', () => {
  it.each([
    ['CA', 'America/Los_Angeles'],
    ['NY', 'America/New_York'],
    ['AZ', 'America/Phoenix'],
    ['HI', 'Pacific/Honolulu'],
    ['AK', 'America/Anchorage'],
    ['IN', 'America/Indiana/Indianapolis'],
    ['TX', 'America/Chicago'],
    ['DC', 'America/New_York'],
    ['PR', 'America/Puerto_Rico'],
    ['CALIFORNIA', 'America/Los_Angeles'],
    ['NEW MEXICO', 'America/Denver'],
    ['DISTRICT OF COLUMBIA', 'America/New_York'],
  ])('%s → %s', (key, zone) => {
    expect(US_STATE_ZONES[key]).toBe(zone);
  });

  it('covers 50 states, DC and PR, by code and by name, all with zones this runtime knows', () => {
    const codes = Object.keys(US_STATE_ZONES).filter((k) => k.length === 2);
    expect(codes).toHaveLength(52);
    expect(Object.keys(US_STATE_ZONES)).toHaveLength(104);
    for (const zone of new Set(Object.values(US_STATE_ZONES))) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
    }
  });
});

const CHINESE_EVENT = 'Chinese-language event';
const SH = 'Asia/Shanghai';

// [location, description, zone (undefined: nothing tells), note]
const CASES: Array<[string | undefined, string | undefined, string | undefined, string | undefined]> = [
  // China, by location
  ['SHENZHEN, CN', undefined, SH, 'location "SHENZHEN, CN"'],
  ['  Shenzhen ', 'Departed', SH, 'location "Shenzhen"'],
  ['GUANGZHOU HUB', undefined, SH, 'location "GUANGZHOU HUB"'],
  ['Yiwu, Zhejiang', undefined, SH, 'location "Yiwu, Zhejiang"'],
  ['CN 518000', undefined, SH, 'location "CN 518000"'],
  ['P.R. CHINA', undefined, SH, 'location "P.R. CHINA"'],
  ['广东省深圳市', undefined, SH, 'location "广东省深圳市"'],
  ['义乌', undefined, SH, 'location "义乌"'],
  // China, by language
  [undefined, '已揽收', SH, CHINESE_EVENT],
  ['', '快件电子信息已收到', SH, CHINESE_EVENT],
  ['RIO DE JANEIRO', '到达', SH, CHINESE_EVENT],
  // United States
  ['LOS ANGELES, CA 90001', undefined, 'America/Los_Angeles', 'location "LOS ANGELES, CA 90001"'],
  ['LOS ANGELES, CA 90001-1234', undefined, 'America/Los_Angeles', 'location "LOS ANGELES, CA 90001-1234"'],
  ['Chicago IL US', undefined, 'America/Chicago', 'location "Chicago IL US"'],
  ['ONTARIO, CA, US', undefined, 'America/Los_Angeles', 'location "ONTARIO, CA, US"'],
  ['Chicago, IL', undefined, 'America/Chicago', 'location "Chicago, IL"'],
  ['PHOENIX, AZ 85001', undefined, 'America/Phoenix', 'location "PHOENIX, AZ 85001"'],
  ['Austin, Texas', undefined, 'America/Chicago', 'location "Austin, Texas"'],
  [
    'Charleston, West Virginia, United States',
    undefined,
    'America/New_York',
    'location "Charleston, West Virginia, United States"',
  ],
  ['INDIANAPOLIS IN 46201', undefined, 'America/Indiana/Indianapolis', 'location "INDIANAPOLIS IN 46201"'],
  ['SAN JUAN, PR 00901', undefined, 'America/Puerto_Rico', 'location "SAN JUAN, PR 00901"'],
  ['CHINA GROVE, NC 28023', undefined, 'America/New_York', 'location "CHINA GROVE, NC 28023"'],
  ['Dover, DE 19901', undefined, 'America/New_York', 'location "Dover, DE 19901"'],
  ['LOS ANGELES, CA', '已到达美国', 'America/Los_Angeles', 'location "LOS ANGELES, CA"'],
  // Other countries
  ['HONG KONG', undefined, 'Asia/Hong_Kong', 'location "HONG KONG"'],
  ['HONG KONG, CN', undefined, 'Asia/Hong_Kong', 'location "HONG KONG, CN"'],
  ['香港', '已揽收', 'Asia/Hong_Kong', 'location "香港"'],
  ['TOKYO, JP', undefined, 'Asia/Tokyo', 'location "TOKYO, JP"'],
  ['東京都', undefined, 'Asia/Tokyo', 'location "東京都"'],
  ['日本', undefined, 'Asia/Tokyo', 'location "日本"'],
  [undefined, 'お届け済み', 'Asia/Tokyo', 'Japanese-language event'],
  ['LONDON, GB', undefined, 'Europe/London', 'location "LONDON, GB"'],
  ['Manchester UK', undefined, 'Europe/London', 'location "Manchester UK"'],
  ['Leipzig, Germany', undefined, 'Europe/Berlin', 'location "Leipzig, Germany"'],
  ['FRANKFURT DE, Deutschland', undefined, 'Europe/Berlin', 'location "FRANKFURT DE, Deutschland"'],
  // "DE" is Delaware and Germany: a German city settles it, a German postcode alone does not
  ['Frankfurt, DE', undefined, 'Europe/Berlin', 'location "Frankfurt, DE"'],
  ['LEIPZIG DE 04435', undefined, 'Europe/Berlin', 'location "LEIPZIG DE 04435"'],
  ['HAMBURG, GERMANY', undefined, 'Europe/Berlin', 'location "HAMBURG, GERMANY"'],
  ['Paris', undefined, 'Europe/Paris', 'location "Paris"'],
  ['ROISSY CHARLES DE GAULLE CEDEX FR', undefined, 'Europe/Paris', 'location "ROISSY CHARLES DE GAULLE CEDEX FR"'],
  ['Madrid ES', undefined, 'Europe/Madrid', 'location "Madrid ES"'],
  ['Milano, Italy', undefined, 'Europe/Rome', 'location "Milano, Italy"'],
  ['AMSTERDAM NL', undefined, 'Europe/Amsterdam', 'location "AMSTERDAM NL"'],
  ['Warszawa, PL', undefined, 'Europe/Warsaw', 'location "Warszawa, PL"'],
  ['DUBLIN, IE', undefined, 'Europe/Dublin', 'location "DUBLIN, IE"'],
  // Canada by province ("CA" after a province is Canada), Australia by state, Mexico, Japan
  ['TORONTO, ON, CA', undefined, 'America/Toronto', 'location "TORONTO, ON, CA"'],
  ['MISSISSAUGA ON L5T 2T2', undefined, 'America/Toronto', 'location "MISSISSAUGA ON L5T 2T2"'],
  ['VANCOUVER, BC V6B 1A1, CANADA', undefined, 'America/Vancouver', 'location "VANCOUVER, BC V6B 1A1, CANADA"'],
  ['CALGARY AB', undefined, 'America/Edmonton', 'location "CALGARY AB"'],
  ['MONTREAL QC H4S 1A1', undefined, 'America/Toronto', 'location "MONTREAL QC H4S 1A1"'],
  ['SYDNEY NSW AU', undefined, 'Australia/Sydney', 'location "SYDNEY NSW AU"'],
  ['Melbourne VIC 3000', undefined, 'Australia/Melbourne', 'location "Melbourne VIC 3000"'],
  ['PERTH WA 6000 AU', undefined, 'Australia/Perth', 'location "PERTH WA 6000 AU"'],
  ['BRISBANE AU', undefined, 'Australia/Brisbane', 'location "BRISBANE AU"'],
  ['Guadalajara, MX', undefined, 'America/Mexico_City', 'location "Guadalajara, MX"'],
  ['MEXICO CITY', 'Arrived', 'America/Mexico_City', 'location "MEXICO CITY"'],
  ['Tokyo, JP', undefined, 'Asia/Tokyo', 'location "Tokyo, JP"'],
  // Nothing tells, or two answers are possible
  ['Dover, DE', undefined, undefined, undefined],
  ['CA', undefined, undefined, undefined],
  ['ONTARIO, CA', undefined, undefined, undefined],
  ['PERTH WA', undefined, 'America/Los_Angeles', 'location "PERTH WA"'],
  ['AUSTRALIA', undefined, undefined, undefined],
  ['US', '到达美国', undefined, undefined],
  ['美国洛杉矶', '到达', undefined, undefined],
  ['RIO DE JANEIRO', undefined, undefined, undefined],
  [undefined, 'Delivered', undefined, undefined],
  [undefined, undefined, undefined, undefined],
];

describe.each([
  ['inferZone', inferZone],
  ['createZoneInferrer', createZoneInferrer()],
])('%s', (_, infer) => {
  it.each(CASES)('location %j, description %j → %s', (location, description, zone, note) => {
    const hint = infer({ location, description });
    expect(hint).toEqual(zone === undefined ? undefined : { zone, source: 'inferred', note });
  });
});

describe('createZoneInferrer', () => {
  it('remembers a location, yet lets the description decide when the location says nothing', () => {
    const infer = createZoneInferrer();
    const first = infer({ location: 'SHENZHEN, CN' });
    expect(infer({ location: 'SHENZHEN, CN', description: 'Departed' })).toBe(first);
    expect(infer({ location: 'Somewhere', description: 'Departed' })).toBeUndefined();
    expect(infer({ location: 'Somewhere', description: '已揽收' })?.note).toBe(CHINESE_EVENT);
  });
});

describe('zoneFromHeaderLanguage', () => {
  it.each([
    [['订单号', '亚马逊订单号', '跟踪号', '标记发货时间'], 'Asia/Shanghai'],
    [['注文番号', 'お問い合わせ伝票番号', '出荷日'], 'Asia/Tokyo'],
    [['Order Number', 'Ship Date', 'Tracking Number'], undefined],
  ])('%j → %s', (headers, zone) => {
    expect(zoneFromHeaderLanguage(headers)?.zone).toBe(zone);
    if (zone) expect(zoneFromHeaderLanguage(headers)?.source).toBe('inferred');
  });
});

describe('USPS facility names', () => {
  it.each([
    ['LOS ANGELES CA INTERNATIONAL DISTRIBUTION CENTER', 'America/Los_Angeles'],
    ['SAN BERNARDINO CA NETWORK DISTRIBUTION CENTER', 'America/Los_Angeles'],
    ['CHICAGO IL NETWORK DISTRIBUTION CENTER', 'America/Chicago'],
    ['JAMAICA NY INTERNATIONAL DISTRIBUTION CENTER', 'America/New_York'],
  ])('%s → %s', (location, zone) => {
    expect(inferZone({ location })).toMatchObject({ zone, source: 'inferred' });
  });
});

/**
 * Every location in ../shared/real-samples (the converted CSVs' Location or City/State/ZIP/Country columns
 * as the reader joins them, and the city/state/country parts of the JSON and XML responses written the way a
 * carrier export writes them), with the zone a person would place a local time of that place in.
 */
describe('locations in the real samples', () => {
  it.each([
    // converted/usps-*: USPS v3 and Web Tools
    ['HERNANDO, FL 34442', 'America/New_York'],
    ['LECANTO, FL 34461', 'America/New_York'],
    ['JACKSONVILLE FL DISTRIBUTION CENTER', 'America/New_York'],
    ['QUEENS NY DISTRIBUTION CENTER', 'America/New_York'],
    ['JAMAICA, NY 11430', 'America/New_York'],
    ['SPRINGFIELD GARDENS, NY 11413', 'America/New_York'],
    ['HANNA CITY, IL 61536', 'America/Chicago'],
    ['HAZELWOOD, MO 63042', 'America/Chicago'],
    ['COPPELL, TX 75099', 'America/Chicago'],
    ['ARGYLE, TX 76226', 'America/Chicago'],
    // converted/ups-*: City, State, Country joined
    ['WINONA, MN, US', 'America/Chicago'],
    ['EAGAN, MN, US', 'America/Chicago'],
    ['GREENSBORO, NC, US', 'America/New_York'],
    ['ASHEBORO, NC, US', 'America/New_York'],
    ['PARAMUS, NJ, US', 'America/New_York'],
    ['US', undefined],
    // converted/fedex-xml-events.csv and fedex-trackreply-v7.xml
    ['Spokane, WA', 'America/Los_Angeles'],
    ['SPOKANE, WA', 'America/Los_Angeles'],
    ['Spokane Valley, WA 99206', 'America/Los_Angeles'],
    ['PASCO, WA', 'America/Los_Angeles'],
    ['TROUTDALE, OR', 'America/Los_Angeles'],
    ['GROVE CITY, OH', 'America/New_York'],
    ['CAMBRIDGE, OH', 'America/New_York'],
    // converted/aftership-v4-checkpoints.csv
    ['DONGGUAN CN', 'Asia/Shanghai'],
    ['GUANGZHOU CN', 'Asia/Shanghai'],
    ['NARITA-SHI JP', 'Asia/Tokyo'],
    ['SAPPORO JP', 'Asia/Tokyo'],
    // converted/17track-legacy-events.csv
    ['Paris', 'Europe/Paris'],
    ['Spain', 'Europe/Madrid'],
    ['Milano, Italy', 'Europe/Rome'],
    ['DEL', undefined],
    // ups-track-api-json-karrio.json, sp-api examples
    ['PARAMUS, NJ 07652, US', 'America/New_York'],
    ['SEATTLE, WA 98101, US', 'America/Los_Angeles'],
    ['Bellevue, WA 98004', 'America/Los_Angeles'],
    ['Manchester, M1 2AB, GB', 'Europe/London'],
    ['Birmingham, B12 0XY, GB', 'Europe/London'],
  ])('%s → %s', (location, zone) => {
    expect(inferZone({ location })?.zone).toBe(zone);
    expect(createZoneInferrer()({ location })?.zone).toBe(zone);
  });
});

describe('ZONE_ABBREVIATIONS and CARRIER_REGIONS', () => {
  it.each(Object.entries(ZONE_ABBREVIATIONS))('%s stands for real zones, with meanings if ambiguous', (_, entry) => {
    const zones = [entry.everywhere, ...Object.values(entry.byRegion ?? {})].filter((z) => z !== undefined);
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) expect(isValidZone(zone)).toBe(true);
    if (entry.everywhere === undefined) expect(entry.meanings).toMatch(/ or /);
  });

  it('names carriers by their canonical names', () => {
    for (const carrier of Object.keys(CARRIER_REGIONS)) expect(canonicalCarrier(carrier)).toBe(carrier);
  });

  it.each([
    ['USPS', undefined, 'us'],
    ['China Post', undefined, 'cn'],
    [undefined, { zone: 'Asia/Shanghai', source: 'inferred' as const, note: 'Chinese-language event' }, 'cn'],
    [undefined, { zone: 'America/Chicago', source: 'inferred' as const, note: 'location "CHICAGO, IL"' }, 'us'],
    ['Other', { zone: 'America/Chicago', source: 'assumed' as const }, undefined],
    [undefined, { zone: 'Europe/Paris', source: 'inferred' as const }, undefined],
  ])('carrier %s, hint %j → %s', (carrier, hint, region) => {
    expect(abbreviationRegion(carrier, hint)).toBe(region);
  });
});
