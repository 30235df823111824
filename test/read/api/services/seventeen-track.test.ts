import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_SHAPES } from '../../../../src/read/api/services/index.js';
import {
  SEVENTEEN_TRACK_PUSH,
  SEVENTEEN_TRACK_V22,
  SEVENTEEN_TRACK_WEB,
} from '../../../../src/read/api/services/seventeen-track.js';
import { ROOT } from '../../../helpers/cli.js';
import { testContext } from '../context.js';

const SAMPLES = path.resolve(ROOT, '../shared/real-samples');
const sample = (name: string): unknown => JSON.parse(readFileSync(path.join(SAMPLES, name), 'utf8'));

/**
 * A gettrackinfo response in the shape of 17TRACK's API v2.2 documentation (asset.17track.net/api/document/
 * v2.2_en, "gettrackinfo": `data.accepted[].track_info.tracking.providers[].events[]` with `time_iso`,
 * `time_utc`, `time_raw {date, time, timezone}`, `description`, `location`, `stage`, `sub_status`, `address`;
 * `data.rejected[].error {code, message}` with the documented code -18019902 "not registered"). The values are
 * written for the test: a China Post parcel with each way 17TRACK gives a time.
 */
const V22 = {
  code: 0,
  data: {
    accepted: [
      {
        number: 'RR123456785CN',
        carrier: 3011,
        param: null,
        tag: '',
        track_info: {
          latest_status: { status: 'InTransit', sub_status: 'InTransit_Other', sub_status_descr: null },
          latest_event: {
            time_iso: '2022-03-03T09:10:00+08:00',
            time_utc: '2022-03-03T01:10:00Z',
            description: 'Departed from sorting center',
            location: 'SHENZHEN',
            stage: 'Departure',
          },
          tracking: {
            providers_hash: 1291006848,
            providers: [
              {
                provider: { key: 3011, name: 'China Post', alias: 'China Post', country: 'CN' },
                latest_sync_status: 'Success',
                events: [
                  {
                    // time_raw with its zone, agreeing with time_utc
                    time_iso: '2022-03-03T09:10:00+08:00',
                    time_utc: '2022-03-03T01:10:00Z',
                    time_raw: { date: '2022-03-03', time: '09:10:00', timezone: '+08:00' },
                    description: 'Departed from sorting center',
                    location: 'SHENZHEN',
                    stage: 'Departure',
                    sub_status: 'InTransit_Other',
                    address: { country: 'CN', state: null, city: 'SHENZHEN' },
                  },
                  {
                    // no zone in time_raw: time_iso's offset decides
                    time_iso: '2022-03-02T18:34:00+08:00',
                    time_utc: '2022-03-02T10:34:00Z',
                    time_raw: { date: '2022-03-02', time: '18:34:00', timezone: null },
                    description: '中国邮政已收取邮件',
                    location: 'Shenzhen, CN',
                    stage: 'PickedUp',
                    sub_status: 'InTransit_PickedUp',
                  },
                  {
                    // no zone anywhere and no time_utc: placed by the address
                    time_iso: '2022-03-01T10:00:00',
                    time_utc: null,
                    time_raw: { date: '2022-03-01', time: '10:00', timezone: '' },
                    description: 'Electronic information received',
                    location: null,
                    stage: 'InfoReceived',
                    sub_status: 'InfoReceived',
                    address: { country: 'CN', state: 'Guangdong', city: null },
                  },
                ],
              },
            ],
          },
        },
      },
    ],
    rejected: [
      {
        number: '9400 1000 0000 0000 0000 00',
        error: { code: -18019902, message: 'The tracking number is not registered yet. Register first.' },
      },
    ],
  },
};

/**
 * A push (webhook) payload as 17TRACK's v2.2 documentation describes it (`event: "TRACKING_UPDATED"`, `data`
 * with `number`, `carrier`, `param`, `tag`, `track_info`; the same structure in the request sample of PCBWay's
 * published Track17Notify receiver, api-partner.pcbway.com). Values written for the test: a USPS parcel whose
 * time_raw zone disagrees with time_utc by an hour.
 */
const PUSH = {
  event: 'TRACKING_UPDATED',
  data: {
    number: '9400111899223197428490',
    carrier: 21051,
    param: null,
    tag: '',
    track_info: {
      latest_status: { status: 'InfoReceived', sub_status: 'InfoReceived' },
      tracking: {
        providers: [
          {
            provider: { key: 21051, name: 'USPS' },
            events: [
              {
                time_iso: '2024-03-02T18:34:23-05:00',
                time_utc: '2024-03-02T22:34:23Z',
                time_raw: { date: '2024-03-02', time: '18:34:23', timezone: '-05:00' },
                description: 'Shipping Label Created, USPS Awaiting Item',
                location: 'ANTIOCH, CA 94509',
                stage: 'InfoReceived',
                sub_status: 'InfoReceived',
              },
            ],
          },
        ],
      },
    },
  },
};

describe('17TRACK API v2.2 gettrackinfo', () => {
  it('reads each event with the most explicit time, code and carrier', () => {
    const ctx = testContext({ lines: { RR123456785CN: 7 } });
    SEVENTEEN_TRACK_V22.read(V22, ctx);
    const rows = ctx.events.map((e) => [
      e.trackingNumber,
      e.at?.epochMs,
      e.at?.raw,
      e.at?.zone,
      e.at?.zoneSource,
      e.code,
      e.carrier,
      e.class,
      e.source.line,
    ]);
    expect(rows).toEqual([
      [
        'RR123456785CN',
        Date.UTC(2022, 2, 3, 1, 10),
        '2022-03-03 09:10:00 +08:00',
        '+08:00',
        'offset',
        'InTransit_Other',
        'China Post',
        expect.any(String),
        7,
      ],
      [
        'RR123456785CN',
        Date.UTC(2022, 2, 2, 10, 34),
        '2022-03-02T18:34:00+08:00',
        '+08:00',
        'offset',
        'InTransit_PickedUp',
        'China Post',
        'physical',
        7,
      ],
      [
        'RR123456785CN',
        Date.UTC(2022, 2, 1, 2, 0),
        '2022-03-01T10:00:00',
        'Asia/Shanghai',
        'inferred',
        'InfoReceived',
        'China Post',
        'information',
        7,
      ],
    ]);
    expect(ctx.events[0]).toMatchObject({ description: 'Departed from sorting center', location: 'SHENZHEN' });
    expect(ctx.events[2]).toMatchObject({ location: 'Guangdong, CN', possession: false });
    expect(ctx.events[2].at?.zoneNote).toBe('location "Guangdong, CN"');
    expect(ctx.events.every((e) => e.source.file === 'response.json')).toBe(true);
  });

  it("turns a rejected number into a problem in 17TRACK's words", () => {
    const ctx = testContext();
    SEVENTEEN_TRACK_V22.read(V22, ctx);
    expect(ctx.problems).toEqual([
      {
        trackingNumber: '9400100000000000000000',
        message: '17TRACK -18019902: The tracking number is not registered yet. Register first.',
      },
    ]);
  });

  it("passes 17TRACK's latest status on as a package summary", () => {
    const ctx = testContext();
    SEVENTEEN_TRACK_V22.read(V22, ctx);
    expect(ctx.packages).toHaveLength(1);
    expect(ctx.packages[0]).toMatchObject({
      trackingNumber: 'RR123456785CN',
      status: 'InTransit_Other',
      carrier: 'China Post',
      latestEvent: 'Departed from sorting center',
      latestEventAt: { epochMs: Date.UTC(2022, 2, 3, 1, 10), zone: '+08:00' },
    });
  });

  it('reports a failed request (bad key) once, with no number', () => {
    const failed = { code: 401, data: { errors: [{ code: -18010002, message: 'Invalid security key.' }] } };
    expect(SEVENTEEN_TRACK_V22.matches(failed)).toBe(true);
    const ctx = testContext();
    SEVENTEEN_TRACK_V22.read(failed, ctx);
    expect(ctx.problems).toEqual([{ trackingNumber: undefined, message: '17TRACK -18010002: Invalid security key.' }]);
    expect(ctx.events).toEqual([]);
  });

  it('makes a time it cannot read a problem for that event, and goes on', () => {
    const doc = structuredClone(V22);
    const events = doc.data.accepted[0].track_info.tracking.providers[0].events;
    events[0].time_raw.timezone = 'Beijing';
    const ctx = testContext();
    SEVENTEEN_TRACK_V22.read(doc, ctx);
    expect(ctx.events).toHaveLength(2);
    expect(ctx.problems[0]).toEqual({
      trackingNumber: 'RR123456785CN',
      message: 'event "Departed from sorting center": unrecognised time zone "Beijing"',
    });
  });
});

describe('17TRACK API v2.2 time fields', () => {
  const event = (fields: Record<string, unknown>) => {
    const doc = structuredClone(V22);
    doc.data.rejected = [];
    const provider = doc.data.accepted[0].track_info.tracking.providers[0] as { events: unknown[] };
    provider.events = [{ description: 'Departed from sorting center', location: 'SHENZHEN', ...fields }];
    const ctx = testContext();
    SEVENTEEN_TRACK_V22.read(doc, ctx);
    return ctx;
  };
  const raw = { date: '2022-03-03', time: '09:10:00', timezone: '+08:00' };
  const cases: [string, Record<string, unknown>, number | undefined, string | undefined][] = [
    ['time_raw with its zone', { time_raw: raw }, Date.UTC(2022, 2, 3, 1, 10), '+08:00'],
    [
      'an unreadable time_utc only loses the check',
      { time_raw: raw, time_utc: 'soon' },
      Date.UTC(2022, 2, 3, 1, 10),
      '+08:00',
    ],
    ['time_utc alone', { time_utc: '2022-03-03T01:10:00Z' }, Date.UTC(2022, 2, 3, 1, 10), 'UTC'],
    [
      'time_iso without offset beside time_utc: time_utc',
      { time_iso: '2022-03-03T09:10:00', time_utc: '2022-03-03T01:10:00Z' },
      Date.UTC(2022, 2, 3, 1, 10),
      'UTC',
    ],
    [
      'time_iso without offset alone: placed by the location',
      { time_iso: '2022-03-03T09:10:00' },
      Date.UTC(2022, 2, 3, 1, 10),
      'Asia/Shanghai',
    ],
    ['no time at all: a problem', {}, undefined, undefined],
  ];
  it.each(cases)('%s', (_, fields, epochMs, zone) => {
    const ctx = event(fields);
    if (epochMs === undefined) {
      expect(ctx.events).toEqual([]);
      expect(ctx.problems.map((p) => p.message)).toEqual(['event "Departed from sorting center": no time']);
    } else {
      expect(ctx.problems).toEqual([]);
      expect(ctx.events[0].at).toMatchObject({ epochMs, zone });
    }
  });
});

describe('17TRACK API v2.2 push payload', () => {
  it('reads the events; a time_raw zone disagreeing with time_utc is kept and noted', () => {
    const ctx = testContext();
    SEVENTEEN_TRACK_PUSH.read(PUSH, ctx);
    expect(ctx.events).toHaveLength(1);
    const [e] = ctx.events;
    expect(e).toMatchObject({
      trackingNumber: '9400111899223197428490',
      carrier: 'USPS',
      code: 'InfoReceived',
      class: 'information',
      possession: false,
      location: 'ANTIOCH, CA 94509',
    });
    expect(e.at).toMatchObject({ epochMs: Date.UTC(2024, 2, 2, 23, 34, 23), zone: '-05:00', zoneSource: 'offset' });
    expect(e.at?.zoneNote).toBe('time_utc says 2024-03-02T22:34:23Z, 1 h earlier; the explicit offset is kept');
    expect(ctx.packages[0]).toMatchObject({ status: 'InfoReceived', carrier: 'USPS' });
  });

  it('matches TRACKING_STOPPED too, which carries no events', () => {
    const stopped = { event: 'TRACKING_STOPPED', data: { number: 'RR123456785CN', carrier: 3011 } };
    expect(SEVENTEEN_TRACK_PUSH.matches(stopped)).toBe(true);
    const ctx = testContext();
    SEVENTEEN_TRACK_PUSH.read(stopped, ctx);
    expect([ctx.events, ctx.problems, ctx.packages]).toEqual([[], [], []]);
  });
});

describe('17TRACK legacy web format (real: py17track fixture)', () => {
  it('reads every z1 event with a zone-less time placed by its location', () => {
    const ctx = testContext();
    SEVENTEEN_TRACK_WEB.read(sample('17track-web-gettrackinfo-py17track.json'), ctx);
    // five accepted entries of one number: 4 + 3 + 2 + 1 + 0 events, one of them with an empty time
    expect(ctx.events).toHaveLength(9);
    const first = ctx.events[0];
    expect(first).toMatchObject({
      trackingNumber: '1234567890987654321',
      description: 'Arrival at Destination Post',
      location: 'Paris',
      carrier: 'FedEx',
    });
    expect(first.at).toMatchObject({
      raw: '2022-03-08 14:11',
      // "Paris" places it in Europe/Paris (UTC+1 in March)
      epochMs: Date.UTC(2022, 2, 8, 13, 11),
      zone: 'Europe/Paris',
      zoneSource: 'inferred',
    });
    expect(ctx.events[2]).toMatchObject({ location: 'Milano, Italy' });
    expect(ctx.events.map((e) => e.at?.raw)).toContain('2022-03-07 22:06');
  });

  it('makes the one empty time a problem for that event, not a crash', () => {
    const ctx = testContext();
    SEVENTEEN_TRACK_WEB.read(sample('17track-web-gettrackinfo-py17track.json'), ctx);
    expect(ctx.problems).toEqual([
      { trackingNumber: '1234567890987654321', message: 'event "Arrival at Destination Post": empty time' },
    ]);
  });

  it('places a zone-less time by the event location when it tells (marked inferred)', () => {
    const doc = {
      ret: 1,
      msg: 'Ok',
      dat: [
        {
          no: 'RR123456785CN',
          track: { w1: 3011, w2: 0, z1: [{ a: '2024-10-03 14:21', c: 'Shenzhen', d: 'CN', z: '已收寄' }], z2: [] },
        },
      ],
    };
    expect(SEVENTEEN_TRACK_WEB.matches(doc)).toBe(true);
    const ctx = testContext();
    SEVENTEEN_TRACK_WEB.read(doc, ctx);
    expect(ctx.events[0]).toMatchObject({ carrier: 'China Post', class: 'physical', location: 'Shenzhen, CN' });
    expect(ctx.events[0].at).toMatchObject({
      epochMs: Date.UTC(2024, 9, 3, 6, 21),
      zone: 'Asia/Shanghai',
      zoneSource: 'inferred',
    });
  });
});

describe('which shape takes which document', () => {
  const docs: [string, () => unknown, string][] = [
    ['v2.2 gettrackinfo', () => V22, '17track-v2.2'],
    ['v2.2 push', () => PUSH, '17track-v2.2-push'],
    ['legacy web (real)', () => sample('17track-web-gettrackinfo-py17track.json'), '17track-web'],
  ];
  it.each(docs)('%s → %s, and no other shape', (_, doc, id) => {
    expect(SERVICE_SHAPES.filter((s) => s.matches(doc())).map((s) => s.id)).toEqual([id]);
  });

  it('a v2.2 register response (numbers accepted, no track_info) is not a tracking response', () => {
    const register = { code: 0, data: { accepted: [{ number: 'RR123456785CN', carrier: 3011 }], rejected: [] } };
    expect(SERVICE_SHAPES.filter((s) => s.matches(register))).toEqual([]);
  });
});
