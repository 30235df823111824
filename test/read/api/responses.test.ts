import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../../../src/model/records.js';
import type { ZoneHint } from '../../../src/model/timestamp.js';
import { formatInZone } from '../../../src/model/zone.js';
import { readInput, InputError, type InputReport, type ReadOptions } from '../../../src/read/index.js';
import { ROOT } from '../../helpers/cli.js';

/** Real responses saved from the carriers' APIs, as in carriers.test.ts (importing a test file runs its tests
 * again here, or not, depending on which worker loaded it first). */
const REAL = resolve(ROOT, '../shared/real-samples');

const dir = mkdtempSync(join(tmpdir(), 'shipaudit-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'assumed' };

async function read(
  name: string,
  content: string,
  opts: Partial<ReadOptions> = {},
): Promise<{ report: InputReport; events: TrackingEvent[] }> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const events: TrackingEvent[] = [];
  const report = await readInput(file, { event: (e) => events.push(e) }, { marketplaceZone: LA, ...opts });
  return { report, events };
}

const problems = (r: InputReport) => r.problems.map((p) => `${p.line}: ${p.message}`);
const iso = (e: TrackingEvent) =>
  e.at!.precision === 'date' ? e.at!.localDate : formatInZone(e.at!.epochMs, e.at!.zone);

// Small responses in the services' documented shapes.
const USPS_V3_OK = {
  trackingNumber: '9400100000000000000000',
  trackingEvents: [
    {
      eventType: 'USPS in possession of item',
      eventTimestamp: '2024-11-25T18:26:00',
      GMTTimestamp: '2024-11-26T00:26:14Z',
      GMTOffset: '-06:00',
      eventCity: 'NEW BERLIN',
      eventState: 'WI',
      eventZIP: '53151',
      eventCode: '03',
    },
    // No offset fields at all beside events that have them: USPS writes the day of a pre-shipment notice.
    {
      eventType: 'Pre-Shipment, USPS Awaiting Item',
      eventTimestamp: '2024-11-23T00:00:00',
      eventCity: null,
      eventCode: 'MA',
    },
    // GMTTimestamp without GMTOffset: the offset is the difference between the two.
    {
      eventType: 'Departed Post Office',
      eventTimestamp: '2024-11-25T18:31:00',
      GMTTimestamp: '2024-11-26T00:31:21Z',
      eventCode: 'SF',
    },
  ],
};
const USPS_V3_NOT_FOUND = {
  apiVersion: '/tracking/v3',
  error: {
    code: '400',
    message: '12: A status update is not yet available on your package. - ',
    errors: [{ title: '12: A status update is not yet available on your package. - ', detail: '', code: '150001' }],
  },
};
const UPS_NOT_FOUND = {
  trackResponse: {
    shipment: [
      {
        inquiryNumber: '1Z5629230309413682',
        warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }],
      },
    ],
  },
};
const UPS_REFUSED = { response: { errors: [{ code: '250003', message: 'Invalid Access License number' }] } };
const UPS_WITH_GMT = {
  trackResponse: {
    shipment: [
      {
        inquiryNumber: '1Z1202R66698804005',
        package: [
          {
            trackingNumber: '1Z1202R66698804005',
            activity: [
              {
                location: { address: { city: 'Lummen', countryCode: 'BE', country: 'BE' }, slic: '3484' },
                status: { type: 'P', description: 'Pickup Scan ', code: 'PU', statusCode: '038' },
                date: '20240318',
                time: '154403',
                gmtDate: '20240318',
                gmtOffset: '+01:00',
                gmtTime: '14:44:03',
              },
            ],
          },
        ],
      },
    ],
  },
};
const FEDEX_REFUSED = {
  transactionId: '624deea6-b709-470c-8c39-4b5511281492',
  errors: [
    { code: 'NOT.AUTHORIZED.ERROR', message: 'Access token expired. Please modify your request and try again.' },
  ],
};

describe('error responses are reported per number, and the read goes on', () => {
  it.each<[string, string, string[], number]>([
    [
      'usps-v3-not-found.json',
      JSON.stringify(USPS_V3_NOT_FOUND, null, 2),
      ['1: USPS error 150001: 12: A status update is not yet available on your package.'],
      0,
    ],
    [
      'ups-not-found.json',
      JSON.stringify(UPS_NOT_FOUND),
      ['1: 1Z5629230309413682: UPS: TW0001 Tracking Information Not Found'],
      0,
    ],
    ['ups-refused.json', JSON.stringify(UPS_REFUSED), ['1: UPS error: 250003 Invalid Access License number'], 0],
    [
      'fedex-refused.json',
      JSON.stringify(FEDEX_REFUSED),
      ['1: FedEx error: NOT.AUTHORIZED.ERROR Access token expired. Please modify your request and try again.'],
      0,
    ],
    [
      'usps-webtools-mixed.xml',
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TrackResponse>',
        '  <TrackInfo ID="9400100000000000000001">',
        '    <Error><Number>-2147219302</Number><Description>The Postal Service could not locate the tracking ' +
          'information for your request.</Description></Error>',
        '  </TrackInfo>',
        '  <TrackInfo ID="9400100000000000000002">',
        '    <TrackSummary>There is no record of that mail item. Please try again later.</TrackSummary>',
        '  </TrackInfo>',
        '  <TrackInfo ID="9400100000000000000003">',
        '    <TrackSummary><EventTime></EventTime><EventDate>April 25, 2015</EventDate>' +
          '<Event>Accepted at USPS Origin Facility</Event>',
        '      <EventCity>ARGYLE</EventCity><EventState>TX</EventState><EventZIPCode>76226</EventZIPCode>' +
          '<EventCode>OA</EventCode></TrackSummary>',
        '  </TrackInfo>',
        '</TrackResponse>',
      ].join('\n'),
      [
        '3: 9400100000000000000001: USPS error -2147219302: ' +
          'The Postal Service could not locate the tracking information for your request.',
        '6: 9400100000000000000002: no tracking events: There is no record of that mail item. Please try again later.',
      ],
      1,
    ],
    [
      'usps-webtools-error.xml',
      '<?xml version="1.0"?>\n<Error>\n  <Number>80040B1A</Number>\n' +
        '  <Description>Authorization failure.  Perhaps username and/or password is incorrect.</Description>\n' +
        '  <Source>USPSCOM::DoAuth</Source>\n</Error>',
      ['1: USPS error 80040B1A: Authorization failure.  Perhaps username and/or password is incorrect.'],
      0,
    ],
    [
      'ups-xml-error.xml',
      '<?xml version="1.0"?>\n<TrackResponse><Response><ResponseStatusCode>0</ResponseStatusCode>' +
        '<ResponseStatusDescription>Failure</ResponseStatusDescription><Error><ErrorSeverity>Hard</ErrorSeverity>' +
        '<ErrorCode>151018</ErrorCode><ErrorDescription>Invalid tracking number</ErrorDescription></Error></Response>' +
        '</TrackResponse>',
      ['1: UPS error: 151018 Invalid tracking number'],
      0,
    ],
    [
      'fedex-soap-not-found.xml',
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>',
        '<v7:TrackReply xmlns:v7="http://fedex.com/ws/track/v7">',
        '  <v7:HighestSeverity>SUCCESS</v7:HighestSeverity>',
        '  <v7:CompletedTrackDetails>',
        '    <v7:TrackDetails>',
        '      <v7:Notification><v7:Severity>ERROR</v7:Severity><v7:Source>trck</v7:Source><v7:Code>9040</v7:Code>',
        '        <v7:Message>This tracking number cannot be found. Please check the number or contact the sender.' +
          '</v7:Message></v7:Notification>',
        '      <v7:TrackingNumber>123456789013</v7:TrackingNumber>',
        '    </v7:TrackDetails>',
        '  </v7:CompletedTrackDetails>',
        '</v7:TrackReply></soapenv:Body></soapenv:Envelope>',
      ].join('\n'),
      [
        '9: 123456789013: FedEx error: 9040 ' +
          'This tracking number cannot be found. Please check the number or contact the sender.',
      ],
      0,
    ],
    [
      'fedex-soap-refused.xml',
      '<TrackReply xmlns="http://fedex.com/ws/track/v7"><HighestSeverity>ERROR</HighestSeverity>' +
        '<Notifications><Severity>ERROR</Severity>' +
        '<Source>prof</Source><Code>1000</Code><Message>Authentication Failed</Message></Notifications></TrackReply>',
      ['1: FedEx error: 1000 Authentication Failed'],
      0,
    ],
  ])('%s', async (name, content, expected, events) => {
    const { report, events: got } = await read(name, content);
    expect(problems(report)).toEqual(expected);
    expect(report).toMatchObject({
      kind: 'tracking-api',
      rowsRejected: expected.length,
      rowsRead: expected.length + events,
    });
    expect(got).toHaveLength(events);
  });

  it('a USPS event with an empty EventTime is a day', async () => {
    const xml = readFileSync(join(dir, 'usps-webtools-mixed.xml'), 'utf8');
    const { events } = await read('usps-webtools-day.xml', xml);
    expect(events[0].at).toMatchObject({
      precision: 'date',
      localDate: '2015-04-25',
      zone: 'America/Chicago',
      zoneSource: 'inferred',
    });
    expect(events[0]).toMatchObject({ code: 'OA', class: 'physical', trackingNumber: '9400100000000000000003' });
  });
});

describe('times from separate fields', () => {
  it('USPS v3: GMTOffset, a bare midnight among offsets as a day, and an offset from GMTTimestamp', async () => {
    const { events } = await read('usps-v3-times.json', JSON.stringify(USPS_V3_OK));
    expect(events.map((e) => [iso(e), e.at!.precision, e.at!.zoneSource, e.at!.zoneNote, e.class])).toEqual([
      ['2024-11-25T18:26:00-06:00', 'datetime', 'offset', 'GMTOffset "-06:00"', 'physical'],
      [
        '2024-11-23',
        'date',
        'assumed',
        'no offset, zone or location in the response; marketplace zone used',
        'information',
      ],
      [
        '2024-11-25T18:31:00-06:00',
        'datetime',
        'offset',
        'offset -06:00 from GMTTimestamp "2024-11-26T00:31:21Z"',
        'physical',
      ],
    ]);
  });

  it('UPS Track API: gmtOffset places the local date and time', async () => {
    const { events } = await read('ups-gmt.json', JSON.stringify(UPS_WITH_GMT));
    expect(events.map((e) => [iso(e), e.at!.zoneSource, e.at!.zoneNote, e.code, e.class])).toEqual([
      ['2024-03-18T15:44:03+01:00', 'offset', 'gmtOffset "+01:00"', 'P', 'physical'],
    ]);
  });

  it('a file zone from the config wins over the location', async () => {
    const xml = readFileSync(resolve(REAL, 'ups-xml-trackresponse.xml'), 'utf8');
    const { events } = await read('ups-file-zone.xml', xml, { fileZone: 'America/New_York' });
    expect(events[0].at).toMatchObject({ zone: 'America/New_York', zoneSource: 'setting' });
    expect(iso(events[0])).toBe('2013-12-12T04:38:00-05:00');
  });
});

describe('files of several responses', () => {
  it('an array of responses of different APIs', async () => {
    const { report, events } = await read(
      'mixed-array.json',
      JSON.stringify([USPS_V3_OK, UPS_WITH_GMT, UPS_NOT_FOUND], null, 2),
    );
    expect(report.title).toBe('USPS Tracking API v3 (JSON) + UPS Track API (JSON)');
    expect(report.delimiter).toBe('json');
    expect(events.map((e) => e.trackingNumber)).toEqual([
      '9400100000000000000000',
      '9400100000000000000000',
      '9400100000000000000000',
      '1Z1202R66698804005',
    ]);
    expect(report.rowsRejected).toBe(1);
  });

  it('JSON lines: each line a response, a broken line rejected with its line', async () => {
    const lines = [
      JSON.stringify(USPS_V3_OK),
      '',
      JSON.stringify(UPS_WITH_GMT),
      '{"trackResponse": {"shipm',
      JSON.stringify({ unrelated: true }),
    ];
    const { report, events } = await read('responses.jsonl', lines.join('\n'));
    expect(report.delimiter).toBe('jsonl');
    expect(events.map((e) => e.source.line)).toEqual([1, 1, 1, 3]);
    expect(problems(report)).toEqual([
      expect.stringMatching(/^4: not valid JSON: /),
      '5: a document of no known shape (not a tracking response this file otherwise holds)',
    ]);
  });

  it('a cut-off pretty-printed response is an error, not JSON lines', async () => {
    const whole = readFileSync(resolve(REAL, 'usps-v3-tracking-karrio.json'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('"eventType": "Departed Post Office"'));
    const err = await read('cut.json', cut).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail).toBe(
      'ends before it is complete: the JSON is cut off (an interrupted download or copy?)',
    );
    expect((err as InputError).line).toBe(cut.trimEnd().split('\n').length);
  });

  it.each<[string, string, string]>([
    [
      'rate.xml',
      '<?xml version="1.0"?>\n<RateV4Response><Package ID="1"/></RateV4Response>',
      'unrecognised XML: root element <RateV4Response>',
    ],
    [
      'soap-other.xml',
      '<s:Envelope xmlns:s="x"><s:Body><RateReply/></s:Body></s:Envelope>',
      'unrecognised XML: root element <RateReply>',
    ],
    ['broken.xml', '<TrackResponse><TrackInfo ID="1">', 'not well-formed XML: '],
    ['other.json', '{"meta": {"code": 200}}', 'JSON of no known shape: '],
  ])('%s is a one-line error', async (name, content, detail) => {
    const err = await read(name, content).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).detail.startsWith(detail), (err as InputError).detail).toBe(true);
    expect((err as InputError).message).not.toContain('\n');
  });
});
