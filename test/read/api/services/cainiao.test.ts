import { describe, expect, it } from 'vitest';
import { CAINIAO } from '../../../../src/read/api/services/cainiao.js';
import { SERVICE_SHAPES } from '../../../../src/read/api/services/index.js';
import { testContext } from '../context.js';

/**
 * The current detail.json shape, `{module: [...], success}`, field for field as in a redacted real response
 * published with a Home Assistant AliExpress/Cainiao integration's test fixtures (a diagnostics export of
 * 2026-08-24; `real_active_sample`): `time` epoch ms, `timeStr`, `timeZone` (GMT+2, GMT+3, GMT+8), `desc`,
 * `standerdDesc`, `descTitle`, `actionCode`, `group`. The number is a placeholder. Its `timeStr` is Beijing
 * time in every detail, whatever `timeZone` says (14:18:40 with GMT+2 is the epoch 06:18:40Z in GMT+8).
 * Field names agree with the model classes of JoeyFrancisTribbiani/stock (aliexpressbot/model/logistic/
 * cainiao/DetailList.java, Module.java). The last detail (GWMS_ACCEPT, no timeZone) is added for the test,
 * its wording from the actionCode list another public client scraped from detail.json.
 */
const ACTIVE = {
  mailNo: 'RC000000002EE',
  originCountry: 'Mainland China',
  destCountry: 'Ukraine',
  status: 'CLEAR_CUSTOMS',
  statusDesc: 'In customs ',
  mailNoSource: 'AE',
  detailList: [
    {
      time: 1787465920000,
      timeStr: '2026-08-23 14:18:40',
      desc: 'Leaving customs',
      standerdDesc: 'Departed from customs',
      descTitle: 'Carrier note:',
      timeZone: 'GMT+2',
      actionCode: 'CC_HO_OUT_SUCCESS',
      group: { nodeCode: 'AE_GROUP_EX_CLEARING_CUSTOMS', nodeDesc: 'At customs' },
    },
    {
      time: 1783018517000,
      timeStr: '2026-07-03 02:55:17',
      desc: 'Outbound in sorting center',
      standerdDesc: '[Xiaoshan District] Departed from sorting center',
      descTitle: 'Carrier note:',
      timeZone: 'GMT+8',
      actionCode: 'SC_OUTBOUND_SUCCESS',
    },
    {
      time: 1782922591000,
      timeStr: '2026-07-02 00:16:31',
      desc: 'Accepted by carrier',
      standerdDesc: 'Received by logistics company',
      descTitle: 'Carrier note:',
      timeZone: 'GMT+8',
      actionCode: 'PU_PICKUP_SUCCESS',
    },
    {
      time: 1782860400000,
      timeStr: '2026-07-01 07:00:00',
      desc: '',
      standerdDesc: 'Shipment information received by warehouse electronically',
      descTitle: 'Carrier note:',
      timeZone: '',
      actionCode: 'GWMS_ACCEPT',
    },
  ],
};

/** Cainiao's answer for a number it does not know: verbatim from the live endpoint (same fixtures). */
const UNKNOWN = { mailNo: 'LP00000000000', mailNoSource: 'EXTERNAL', detailList: [] };

const CURRENT = { module: [ACTIVE, UNKNOWN], success: true };

/**
 * The older detail.json generation, `{data: [{mailNo, section1, section2, latestTrackingInfo…}], success}`
 * with details `{desc, status, time, timeZone}` where `time` is a local text (typings published for it:
 * `declare module Cainiao { Detail, Section, Datum, CainiaoResult }`). Values written for the test.
 */
const OLDER = {
  success: true,
  timeSeconds: 0.2,
  data: [
    {
      mailNo: 'LP00123456789CN',
      originCountry: 'China',
      destCountry: 'United States',
      status: 'TRANSITING',
      section1: {
        companyName: 'Cainiao',
        detailList: [
          { time: '2019-05-06 08:15:00', timeZone: 'GMT+8', desc: '已揽收', status: 'ACCEPT' },
          { time: '2019-05-05 21:40:12', timeZone: '', desc: '快件电子信息已收到', status: 'WAIT_ACCEPT' },
        ],
      },
      section2: { companyName: 'USPS', detailList: [] },
    },
  ],
};

describe('Cainiao global detail.json, current generation', () => {
  it('reads each detail: the epoch is the instant, shown in the zone text; the code is the actionCode', () => {
    const ctx = testContext({ lines: { RC000000002EE: 3 } });
    CAINIAO.read(CURRENT, ctx);
    const rows = ctx.events.map((e) => [e.at?.epochMs, e.at?.zone, e.at?.raw, e.code, e.class, e.source.line]);
    expect(rows).toEqual([
      [1787465920000, '+02:00', '1787465920000 GMT+2', 'CC_HO_OUT_SUCCESS', expect.any(String), 3],
      [1783018517000, '+08:00', '2026-07-03 02:55:17 GMT+8', 'SC_OUTBOUND_SUCCESS', 'physical', 3],
      [1782922591000, '+08:00', '2026-07-02 00:16:31 GMT+8', 'PU_PICKUP_SUCCESS', 'physical', 3],
      [1782860400000, '+08:00', '2026-07-01 07:00:00', 'GWMS_ACCEPT', 'information', 3],
    ]);
    expect(ctx.events[2]).toMatchObject({
      trackingNumber: 'RC000000002EE',
      description: 'Received by logistics company',
      possession: true,
    });
  });

  it('says so when timeStr is not the moment in timeZone (real: Beijing time labelled GMT+2)', () => {
    const ctx = testContext();
    CAINIAO.read(CURRENT, ctx);
    expect(ctx.events[0].at?.zoneNote).toBe(
      'the local time "2026-08-23 14:18:40" is not this moment in GMT+2; it matches the epoch in +08:00; ' +
        'the epoch is kept',
    );
    expect(ctx.events[0].at?.localDate).toBe('2026-08-23');
    expect(ctx.events[1].at?.zoneNote).toBeUndefined();
  });

  it('makes a number Cainiao does not know a problem', () => {
    const ctx = testContext();
    CAINIAO.read(CURRENT, ctx);
    expect(ctx.problems).toEqual([
      { trackingNumber: 'LP00000000000', message: 'Cainiao has no tracking events for this number (not found)' },
    ]);
  });

  it('reads a saved single module entry, and a detail whose time is unreadable is a problem', () => {
    const entry = structuredClone(ACTIVE);
    entry.detailList[1].time = 0;
    expect(CAINIAO.matches(entry)).toBe(true);
    const ctx = testContext();
    CAINIAO.read(entry, ctx);
    expect(ctx.events).toHaveLength(3);
    expect(ctx.problems).toEqual([
      {
        trackingNumber: 'RC000000002EE',
        message: 'event "[Xiaoshan District] Departed from sorting center": not an epoch time "0"',
      },
    ]);
  });
});

describe('Cainiao global detail.json, older generation', () => {
  it("reads the sections' local times in their zone text, else by the event language", () => {
    const ctx = testContext();
    CAINIAO.read(OLDER, ctx);
    expect(ctx.events.map((e) => [e.at?.epochMs, e.at?.zone, e.at?.zoneSource, e.class])).toEqual([
      [Date.UTC(2019, 4, 6, 0, 15), '+08:00', 'offset', 'physical'],
      [Date.UTC(2019, 4, 5, 13, 40, 12), 'Asia/Shanghai', 'inferred', 'information'],
    ]);
    expect(ctx.events[0]).toMatchObject({ trackingNumber: 'LP00123456789CN', description: '已揽收' });
    expect(ctx.problems).toEqual([]);
  });
});

describe('which shape takes a Cainiao document', () => {
  const docs: [string, unknown][] = [
    ['current', CURRENT],
    ['a single module entry', ACTIVE],
    ['older', OLDER],
  ];
  it.each(docs)('%s → cainiao-global, and no other shape', (_, doc) => {
    expect(SERVICE_SHAPES.filter((s) => s.matches(doc)).map((s) => s.id)).toEqual(['cainiao-global']);
  });
});
