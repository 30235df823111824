import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AFTERSHIP } from '../../../../src/read/api/services/aftership.js';
import { SERVICE_SHAPES } from '../../../../src/read/api/services/index.js';
import { ROOT } from '../../../helpers/cli.js';
import { testContext } from '../context.js';

const SAMPLES = path.resolve(ROOT, '../shared/real-samples');
const V4 = (): unknown => JSON.parse(readFileSync(path.join(SAMPLES, 'aftership-v4-get-tracking.json'), 'utf8'));

/**
 * A tracking as AfterShip's current API returns it (2024-04 and later: `data` is the tracking itself, no
 * `tracking` wrapper; `GET /trackings` gives `data.trackings[]`), fields as in its reference and the v4 sample:
 * `tracking_number`, `slug`, `tag`, `subtag`, `subtag_message`, `checkpoints[]`. Values written for the test:
 * a USPS label whose first scan came two days later, one checkpoint without an offset.
 */
const usps = {
  id: 'a1b2c3',
  tracking_number: '9400 1118 9922 3197 4284 90',
  slug: 'usps',
  tag: 'InTransit',
  subtag: 'InTransit_002',
  subtag_message: 'Acceptance scan',
  checkpoints: [
    {
      slug: 'usps',
      checkpoint_time: '2024-05-01T09:02:00-07:00',
      message: 'Shipping Label Created, USPS Awaiting Item',
      tag: 'InfoReceived',
      subtag: 'InfoReceived_001',
      location: null,
      city: 'LOS ANGELES',
      state: 'CA',
      zip: '90001',
      country_iso3: 'USA',
    },
    {
      slug: 'usps',
      checkpoint_time: '2024-05-03T18:40:00',
      message: 'USPS in possession of item',
      tag: 'InTransit',
      subtag: 'InTransit_002',
      location: 'LOS ANGELES, CA 90001',
      country_iso3: 'USA',
    },
  ],
};
const CURRENT_ONE = { meta: { code: 200, message: 'OK', type: 'OK' }, data: usps };
const CURRENT_LIST = {
  meta: { code: 200, message: 'OK', type: 'OK' },
  data: {
    pagination: { total: 2, page: 1, limit: 100, has_next_page: false },
    trackings: [usps, { tracking_number: '111111111111', slug: 'fedex', tag: 'Pending', checkpoints: [] }],
  },
};
/** AfterShip's error envelope (documented: meta.code 4004 "Tracking does not exist.", type NotFound, empty data). */
const NOT_FOUND = { meta: { code: 4004, message: 'Tracking does not exist.', type: 'NotFound' }, data: {} };

describe('AfterShip v4 (real: aftership-sdk-java GetTrackingResult)', () => {
  it('reads the 14 checkpoints with their own offsets, subtag as the code', () => {
    const ctx = testContext({ lines: { '111111111111': 12 } });
    AFTERSHIP.read(V4(), ctx);
    expect(ctx.events).toHaveLength(14);
    const rows = ctx.events.slice(0, 3).map((e) => [e.at?.epochMs, e.at?.zone, e.code, e.class, e.location]);
    expect(rows).toEqual([
      [Date.parse('2018-07-23T06:21:39Z'), '-05:00', 'InfoReceived_001', 'information', undefined],
      [Date.parse('2018-07-23T08:58:00Z'), '+08:00', 'InTransit_002', 'physical', 'DONGGUAN CN'],
      [Date.parse('2018-07-23T12:45:00Z'), '+08:00', 'InTransit_007', 'physical', 'DONGGUAN CN'],
    ]);
    expect(ctx.events[13]).toMatchObject({ code: 'Delivered_001', class: 'delivered', location: 'SAPPORO JP' });
    expect(ctx.events[13].at).toMatchObject({ raw: '2018-07-25T10:10:00+09:00', zone: '+09:00' });
    for (const e of ctx.events) {
      expect(e).toMatchObject({ trackingNumber: '111111111111', carrier: 'FedEx', source: { line: 12 } });
    }
    expect(ctx.problems).toEqual([]);
  });

  it("passes the tracking's tag and subtag on as a package summary", () => {
    const ctx = testContext();
    AFTERSHIP.read(V4(), ctx);
    expect(ctx.packages).toHaveLength(1);
    expect(ctx.packages[0]).toMatchObject({
      trackingNumber: '111111111111',
      carrier: 'FedEx',
      status: 'Delivered_001',
    });
    expect(ctx.packages[0].statusClass?.class).toBe('delivered');
  });
});

describe('AfterShip current API', () => {
  it('reads one tracking given as data itself; a checkpoint without offset is placed by its location', () => {
    const ctx = testContext();
    AFTERSHIP.read(CURRENT_ONE, ctx);
    expect(ctx.events.map((e) => [e.trackingNumber, e.code, e.class, e.carrier, e.location])).toEqual([
      ['9400111899223197428490', 'InfoReceived_001', 'information', 'USPS', 'LOS ANGELES, CA, USA'],
      ['9400111899223197428490', 'InTransit_002', 'physical', 'USPS', 'LOS ANGELES, CA 90001'],
    ]);
    expect(ctx.events[0].at).toMatchObject({ epochMs: Date.parse('2024-05-01T16:02:00Z'), zoneSource: 'offset' });
    expect(ctx.events[1].at).toMatchObject({
      raw: '2024-05-03T18:40:00',
      epochMs: Date.parse('2024-05-04T01:40:00Z'),
      zone: 'America/Los_Angeles',
      zoneSource: 'inferred',
    });
  });

  it('reads every tracking of a list', () => {
    const ctx = testContext();
    AFTERSHIP.read(CURRENT_LIST, ctx);
    expect(ctx.events).toHaveLength(2);
    expect(ctx.packages.map((p) => [p.trackingNumber, p.status, p.carrier])).toEqual([
      ['9400111899223197428490', 'InTransit_002', 'USPS'],
      ['111111111111', 'Pending', 'FedEx'],
    ]);
  });

  it.each([
    ['fedex', 'FedEx'],
    ['china-ems', 'China Post'],
    ['yunexpress', 'Yun Express'],
    ['dhl-global-mail', 'DHL eCommerce'],
    ['some-new-courier', 'some-new-courier'],
  ])('slug %s → carrier %s', (slug, carrier) => {
    const doc = structuredClone(CURRENT_ONE);
    doc.data.slug = slug;
    for (const cp of doc.data.checkpoints) cp.slug = slug;
    const ctx = testContext();
    AFTERSHIP.read(doc, ctx);
    expect(ctx.events.map((e) => e.carrier)).toEqual([carrier, carrier]);
    expect(ctx.packages[0].carrier).toBe(carrier);
  });

  it('turns the tag into the code where a checkpoint has no subtag', () => {
    const doc = structuredClone(CURRENT_ONE);
    delete (doc.data.checkpoints[1] as { subtag?: string }).subtag;
    const ctx = testContext();
    AFTERSHIP.read(doc, ctx);
    expect(ctx.events[1].code).toBe('InTransit');
  });

  it("makes an error envelope a problem in AfterShip's words", () => {
    const ctx = testContext();
    AFTERSHIP.read(NOT_FOUND, ctx);
    expect(ctx.problems).toEqual([{ trackingNumber: undefined, message: 'AfterShip 4004: Tracking does not exist.' }]);
    expect(ctx.events).toEqual([]);
  });

  it('makes a checkpoint without a time a problem for that checkpoint', () => {
    const doc = structuredClone(CURRENT_ONE);
    (doc.data.checkpoints[0] as { checkpoint_time: string | null }).checkpoint_time = null;
    const ctx = testContext();
    AFTERSHIP.read(doc, ctx);
    expect(ctx.events).toHaveLength(1);
    expect(ctx.problems).toEqual([
      {
        trackingNumber: '9400111899223197428490',
        message: 'event "Shipping Label Created, USPS Awaiting Item": checkpoint_time is empty',
      },
    ]);
  });
});

describe('which shape takes an AfterShip document', () => {
  const docs: [string, () => unknown][] = [
    ['v4 (real)', V4],
    ['current, one tracking', () => CURRENT_ONE],
    ['current, a list', () => CURRENT_LIST],
    ['error envelope', () => NOT_FOUND],
  ];
  it.each(docs)('%s → aftership, and no other shape', (_, doc) => {
    expect(SERVICE_SHAPES.filter((s) => s.matches(doc())).map((s) => s.id)).toEqual(['aftership']);
  });
});
