import { describe, expect, it } from 'vitest';
import { createZoneInferrer, inferZone, US_STATE_ZONES, zoneFromHeaderLanguage } from '../../src/knowledge/zones.js';

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
  ['Charleston, West Virginia, United States', undefined, 'America/New_York', 'location "Charleston, West Virginia, United States"'],
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
  // Nothing tells, or two answers are possible
  ['Dover, DE', undefined, undefined, undefined],
  ['LEIPZIG DE 04435', undefined, undefined, undefined],
  ['TORONTO, ON, CA', undefined, undefined, undefined],
  ['CA', undefined, undefined, undefined],
  ['US', '到达美国', undefined, undefined],
  ['美国洛杉矶', '到达', undefined, undefined],
  ['RIO DE JANEIRO', undefined, undefined, undefined],
  ['MEXICO CITY', 'Arrived', undefined, undefined],
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
