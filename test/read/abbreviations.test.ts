import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../../src/model/records.js';
import { readInput } from '../../src/read/index.js';

/**
 * A zone abbreviation in an event's time is read for the carrier that wrote it: CST is US Central for
 * USPS, UPS and FedEx, China Standard Time for China Post or a Chinese-language event, and undecided
 * otherwise (the time is then placed as if no zone were written, and the note says why).
 */
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-abbr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = [
  'Tracking Number,Carrier,Event Time,Event,Location',
  '9400109104250532908587,USPS,2024-11-18 11:10 CST,USPS in possession of item,',
  'LX059317561CN,China Post,2024-11-18 11:10 CST,Posting/Collection,',
  'LX059317562CN,,2024-11-18 11:10 CST,已揽收,',
  'ABC123,,2024-11-18 11:10 CST,Arrived,',
  '9400109104250532908587,USPS,2024-11-19 08:00 EST,Departed,',
  'ABC123,,2024-11-19 08:00 PST,Departed,',
].join('\n');

describe('zone abbreviations in a tracking export', () => {
  it.each([
    // line, instant (UTC), zone, note
    [2, '2024-11-18T17:10:00Z', '-06:00', 'zone abbreviation "CST"'],
    [3, '2024-11-18T03:10:00Z', '+08:00', 'zone abbreviation "CST"'],
    [4, '2024-11-18T03:10:00Z', '+08:00', 'zone abbreviation "CST"'],
    [
      5,
      '2024-11-18T19:10:00Z',
      'America/Los_Angeles',
      'CST is ambiguous (China or US Central); assumed America/Los_Angeles ' +
        '(no offset, location or language in the row; marketplace zone used)',
    ],
    [6, '2024-11-19T13:00:00Z', '-05:00', 'zone abbreviation "EST"'],
    [7, '2024-11-19T16:00:00Z', '-08:00', 'zone abbreviation "PST"'],
  ])('line %i → %s in %s', async (line, utc, zone, note) => {
    const file = join(dir, 'events.csv');
    writeFileSync(file, CSV);
    const events: TrackingEvent[] = [];
    const report = await readInput(
      file,
      { event: (e) => events.push(e) },
      {
        marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed', note: 'default' },
      },
    );
    expect(report.rowsRejected).toBe(0);
    const at = events.find((e) => e.source.line === line)!.at!;
    expect(at.epochMs).toBe(Date.parse(utc));
    expect(at.zone).toBe(zone);
    expect(at.zoneNote).toBe(note);
  });
});
