import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventClass, TrackingEvent } from '../../../src/model/records.js';
import type { Precision, ZoneHint, ZoneSource } from '../../../src/model/timestamp.js';
import { formatInZone } from '../../../src/model/zone.js';
import { API_SHAPES, parseJsonDocuments, parseXmlDocument } from '../../../src/read/api/index.js';
import { readInput, type InputReport } from '../../../src/read/index.js';
import { ROOT } from '../../helpers/cli.js';

/** Real responses saved from the carriers' APIs (see their README): read in place, never copied. */
export const REAL = resolve(ROOT, '../shared/real-samples');
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'assumed' };

export async function readReal(name: string): Promise<{ report: InputReport; events: TrackingEvent[] }> {
  const file = resolve(REAL, name);
  // CI has the folder beside the clone: a missing one is a failure, not a skip.
  expect(existsSync(file), `${file} is missing`).toBe(true);
  const events: TrackingEvent[] = [];
  const report = await readInput(file, { event: (e) => events.push(e) }, { marketplaceZone: LA });
  return { report, events };
}

/** [instant as ISO with offset (a plain date when date-only), precision, zone source, code, class] */
type Row = [string, Precision, ZoneSource, string | undefined, EventClass];

const asRow = (e: TrackingEvent): Row => [
  e.at!.precision === 'date' ? e.at!.localDate : formatInZone(e.at!.epochMs, e.at!.zone),
  e.at!.precision,
  e.at!.zoneSource,
  e.code,
  e.class,
];

interface Case {
  file: string;
  title: string;
  rows: Row[];
  numbers: string[];
  rejected: number;
}

const CASES: Case[] = [
  {
    // eventTimestamp is local with no offset; GMTOffset gives it. The second element is the API
    // documentation's placeholder object ("string" everywhere; its timestamp carries its own Z).
    file: 'usps-v3-tracking-karrio.json',
    title: 'USPS Tracking API v3 (JSON)',
    rows: [
      ['2024-11-22T13:58:00-05:00', 'datetime', 'offset', '01', 'delivered'],
      ['2024-11-22T09:10:00-05:00', 'datetime', 'offset', 'OF', 'physical'],
      ['2024-11-22T08:59:00-05:00', 'datetime', 'offset', '07', 'physical'],
      ['2024-11-20T01:13:00-05:00', 'datetime', 'offset', 'A1', 'physical'],
      ['2024-11-20T01:11:00-05:00', 'datetime', 'offset', 'TL', 'physical'],
      ['2024-11-19T18:07:00-05:00', 'datetime', 'offset', 'TL', 'physical'],
      ['2024-11-19T12:11:00-05:00', 'datetime', 'offset', 'TL', 'physical'],
      ['2024-11-19T06:16:00-05:00', 'datetime', 'offset', 'T1', 'physical'],
      ['2024-11-18T18:02:00-05:00', 'datetime', 'offset', '10', 'physical'],
      ['2024-11-18T17:01:00-05:00', 'datetime', 'offset', 'SF', 'physical'],
      ['2024-11-18T11:10:00-05:00', 'datetime', 'offset', '03', 'physical'],
      ['2024-11-15T11:32:00-05:00', 'datetime', 'offset', 'GX', 'information'],
      ['2019-08-24T14:15:22+00:00', 'datetime', 'offset', 'string', 'unknown'],
    ],
    numbers: ['9400109104250532908587', 'STRING'],
    rejected: 0,
  },
  {
    // EventDate + EventTime, local, no zone: the event's state places it (IL, MO, TX are all Central).
    file: 'usps-webtools-trackresponse.xml',
    title: 'USPS Web Tools TrackResponse (XML)',
    rows: [
      ['2015-04-28T09:01:00-05:00', 'datetime', 'inferred', '01', 'delivered'],
      ['2015-04-28T08:29:00-05:00', 'datetime', 'inferred', 'OF', 'physical'],
      ['2015-04-28T08:19:00-05:00', 'datetime', 'inferred', 'PC', 'physical'],
      ['2015-04-28T07:03:00-05:00', 'datetime', 'inferred', '07', 'physical'],
      ['2015-04-28T04:05:00-05:00', 'datetime', 'inferred', 'EF', 'physical'],
      ['2015-04-27T16:04:00-05:00', 'datetime', 'inferred', '10', 'physical'],
      ['2015-04-26T00:18:00-05:00', 'datetime', 'inferred', 'EF', 'physical'],
      ['2015-04-25T19:19:00-05:00', 'datetime', 'inferred', '10', 'physical'],
      ['2015-04-25T18:04:00-05:00', 'datetime', 'inferred', 'OA', 'physical'],
      ['2015-04-23T23:36:00-05:00', 'datetime', 'inferred', 'GX', 'information'],
    ],
    numbers: ['9102901000462189604217'],
    rejected: 0,
  },
  {
    // date + time, local; PARAMUS NJ places the delivery, the label event has only "US": assumed zone.
    // The shipment-level warning stands beside a package with data: nothing is rejected.
    file: 'ups-track-api-json-karrio.json',
    title: 'UPS Track API (JSON)',
    rows: [
      ['2022-01-26T16:30:00-05:00', 'datetime', 'inferred', 'D', 'delivered'],
      ['2022-01-26T15:16:41-08:00', 'datetime', 'assumed', 'M', 'information'],
    ],
    numbers: ['1Z1442YY7229014688'],
    rejected: 0,
  },
  {
    file: 'ups-xml-trackresponse.xml',
    title: 'UPS Tracking API TrackResponse (XML)',
    rows: [
      ['2013-12-12T04:38:00-06:00', 'datetime', 'inferred', 'X', 'exception'],
      ['2013-12-09T16:17:00-05:00', 'datetime', 'inferred', 'D', 'delivered'],
      ['2013-12-09T06:00:00-05:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-06T10:12:00-05:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-05T21:30:00-05:00', 'datetime', 'inferred', 'X', 'exception'],
      ['2013-12-05T06:16:00-05:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-04T05:54:00-06:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-03T22:58:00-06:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-03T20:43:00-06:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-03T20:06:00-06:00', 'datetime', 'inferred', 'I', 'physical'],
      ['2013-12-03T16:54:11-08:00', 'datetime', 'assumed', 'M', 'information'],
    ],
    numbers: ['1Z4189020353476816'],
    rejected: 0,
  },
  {
    // The documentation example: one result with a scan (and a sample error beside it, which does not
    // take the scan away), one TRACKING.TRACKINGNUMBER.NOTFOUND result: rejected, with its number.
    file: 'fedex-track-api-json-karrio.json',
    title: 'FedEx Track API (JSON)',
    rows: [['2018-02-02T12:01:00-07:00', 'datetime', 'offset', 'PU', 'physical']],
    numbers: ['123456789012'],
    rejected: 1,
  },
  {
    // ISO with offsets, except the pickup "2014-01-03T00:00:00": a day (CAMBRIDGE, OH), not midnight.
    file: 'fedex-trackreply-v7.xml',
    title: 'FedEx Web Services TrackReply (SOAP XML)',
    rows: [
      ['2014-01-08T12:53:10-08:00', 'datetime', 'offset', 'DL', 'delivered'],
      ['2014-01-08T06:33:00-08:00', 'datetime', 'offset', 'OD', 'physical'],
      ['2014-01-08T05:46:00-08:00', 'datetime', 'offset', 'AR', 'physical'],
      ['2014-01-08T02:15:57-08:00', 'datetime', 'offset', 'IT', 'physical'],
      ['2014-01-07T21:54:07-08:00', 'datetime', 'offset', 'DP', 'physical'],
      ['2014-01-07T20:14:00-08:00', 'datetime', 'offset', 'AR', 'physical'],
      ['2014-01-04T14:30:17-05:00', 'datetime', 'offset', 'DP', 'physical'],
      ['2014-01-04T00:43:00-05:00', 'datetime', 'offset', 'AR', 'physical'],
      ['2014-01-03T15:03:00-05:00', 'datetime', 'offset', 'OC', 'information'],
      ['2014-01-03', 'date', 'inferred', 'PU', 'physical'],
    ],
    numbers: ['403934084723025'],
    rejected: 0,
  },
];

describe('carrier API responses, real samples', () => {
  it.each(CASES)('$file: every event with its instant, precision, zone source, code and class', async (c) => {
    const { report, events } = await readReal(c.file);
    expect(events.map(asRow)).toEqual(c.rows);
    expect([...new Set(events.map((e) => e.trackingNumber))]).toEqual(c.numbers);
    expect(report).toMatchObject({
      kind: 'tracking-api',
      title: c.title,
      rowsRead: c.rows.length + c.rejected,
      rowsRejected: c.rejected,
    });
    const carrier = c.title.split(' ')[0];
    expect(new Set(events.map((e) => e.carrier))).toEqual(new Set([carrier]));
  });

  it('names the line where the number first appears, and the problem with its own words', async () => {
    const fedex = await readReal('fedex-track-api-json-karrio.json');
    const text = readFileSync(resolve(REAL, 'fedex-track-api-json-karrio.json'), 'utf8').split('\n');
    expect(text[fedex.events[0].source.line - 1]).toContain('"123456789012"');
    expect(fedex.report.problems).toHaveLength(1);
    const p = fedex.report.problems[0];
    expect(p.message).toBe(
      '39936862321: FedEx error: TRACKING.TRACKINGNUMBER.NOTFOUND Tracking number cannot be found. ' +
        'Please correct the tracking number and try again.',
    );
    expect(text[p.line - 1]).toContain('"39936862321"');
    const usps = await readReal('usps-webtools-trackresponse.xml');
    expect(new Set(usps.events.map((e) => e.source.line))).toEqual(new Set([4]));
  });

  it('keeps the raw text and says where each zone came from', async () => {
    const v3 = (await readReal('usps-v3-tracking-karrio.json')).events[10];
    expect(v3.at).toMatchObject({ raw: '2024-11-18T11:10:00', zone: '-05:00', zoneNote: 'GMTOffset "-05:00"' });
    expect(v3.description).toBe('USPS in possession of item');
    expect(v3.location).toBe('JAMAICA, NY 11430');
    const pickup = (await readReal('fedex-trackreply-v7.xml')).events[9];
    expect(pickup.at).toMatchObject({
      raw: '2014-01-03T00:00:00',
      precision: 'date',
      localDate: '2014-01-03',
      zone: 'America/New_York',
    });
    expect(pickup.at!.zoneNote).toBe('location "CAMBRIDGE, OH 43725, US"');
    const ups = (await readReal('ups-xml-trackresponse.xml')).events[9];
    expect(ups.at).toMatchObject({
      raw: '20131203 200600',
      zone: 'America/Chicago',
      zoneNote: 'location "WINONA, MN, US"',
    });
  });

  it('lists event descriptions no table entry knows', async () => {
    // USPS "Sorting Complete" (PC) is in the events table; the v3 sample's documentation placeholder is not.
    expect((await readReal('usps-webtools-trackresponse.xml')).report.unclassified).toEqual({});
    expect((await readReal('usps-v3-tracking-karrio.json')).report.unclassified).toEqual({ string: 1 });
  });
});

describe('shape recognition', () => {
  /** Each response in a file (an array's elements when the array itself is no response) with the shapes it matches. */
  function matching(name: string): string[][] {
    const file = resolve(REAL, name);
    const text = readFileSync(file, 'utf8');
    if (name.endsWith('.xml'))
      return [
        API_SHAPES.filter((s) => s.format === 'xml' && s.matches(parseXmlDocument(file, text).doc)).map((s) => s.id),
      ];
    const doc = parseJsonDocuments(file, text).docs[0].doc;
    const json = API_SHAPES.filter((s) => s.format === 'json');
    const units = json.some((s) => s.matches(doc)) || !Array.isArray(doc) ? [doc] : doc;
    return units.map((u) => json.filter((s) => s.matches(u)).map((s) => s.id));
  }

  it.each<[string, string[][]]>([
    ['usps-v3-tracking-karrio.json', [['usps-v3-json'], ['usps-v3-json']]],
    ['usps-webtools-trackresponse.xml', [['usps-webtools-xml']]],
    ['ups-track-api-json-karrio.json', [['ups-track-json']]],
    ['ups-xml-trackresponse.xml', [['ups-xml']]],
    ['fedex-track-api-json-karrio.json', [['fedex-track-json']]],
    ['fedex-trackreply-v7.xml', [['fedex-trackreply-xml']]],
  ])('%s is matched by exactly one shape', (name, shapes) => {
    expect(matching(name)).toEqual(shapes);
  });

  it.each([
    'sp-api-orders-2026-searchOrders-example.json',
    'sp-api-orders-v0-getOrders-example.json',
    'sp-api-orders-2026-getOrder-example.json',
  ])('the Orders API response %s is no carrier shape and still goes to the orders reader', async (name) => {
    const file = resolve(REAL, name);
    const doc = parseJsonDocuments(file, readFileSync(file, 'utf8')).docs[0].doc;
    expect(API_SHAPES.filter((s) => s.matches(doc)).map((s) => s.id)).toEqual([]);
    const report = await readInput(file, {}, { marketplaceZone: LA });
    expect(report.kind).toBe('orders-api-json');
  });
});
