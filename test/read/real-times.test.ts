import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrackingEvent } from '../../src/model/records.js';
import type { Precision, ZoneHint, ZoneSource } from '../../src/model/timestamp.js';
import { formatInZone } from '../../src/model/zone.js';
import { readInput, type InputReport } from '../../src/read/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The converted real event histories in ../shared/real-samples/converted, read by the CSV/XLSX readers.
 * Each row below is worked out by hand from the file: the line, the instant the scan names (ISO with the
 * offset of the zone it happened in), its precision, and where that zone came from. The marketplace zone is
 * Los Angeles, so a time that nothing places shows up as -08:00/-07:00 "assumed".
 */
const SAMPLES = path.resolve(ROOT, '../shared/real-samples/converted');
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'assumed', note: 'default' };

type Expect = [line: number, iso: string, precision: Precision, source: ZoneSource, zone: string];

const FILES: Array<[file: string, rows: number, events: Expect[]]> = [
  [
    // A GMT Offset column beside a local Event Time: the offset column wins over the location.
    'usps-v3-events-with-gmtoffset.csv',
    12,
    [
      [2, '2024-11-22T13:58:00-05:00', 'datetime', 'offset', '-05:00'],
      [12, '2024-11-18T11:10:00-05:00', 'datetime', 'offset', '-05:00'],
      [13, '2024-11-15T11:32:00-05:00', 'datetime', 'offset', '-05:00'],
    ],
  ],
  [
    // The same history without offsets: each scan in its location's zone (Florida, New York: EST in November).
    'usps-v3-events-local.csv',
    12,
    [
      [2, '2024-11-22T13:58:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [5, '2024-11-20T01:13:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [12, '2024-11-18T11:10:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      // "In Transit to Next Facility" has no location: nothing places it.
      [6, '2024-11-20T01:11:00-08:00', 'datetime', 'assumed', 'America/Los_Angeles'],
    ],
  ],
  [
    // Excel re-saved it US style: 11/22/2024 is month first (22 can't be a month); 24-hour clock.
    'usps-v3-events-excel-us-resaved.csv',
    12,
    [
      [2, '2024-11-22T13:58:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [3, '2024-11-22T09:10:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [12, '2024-11-18T11:10:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [13, '2024-11-15T11:32:00-05:00', 'datetime', 'inferred', 'America/New_York'],
    ],
  ],
  [
    // Real Excel date cells: the wall clock the sheet shows, placed in the location's zone, not UTC.
    'usps-v3-events-excel-datecells.xlsx',
    12,
    [
      [2, '2024-11-22T13:58:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [10, '2024-11-18T18:02:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [12, '2024-11-18T11:10:00-05:00', 'datetime', 'inferred', 'America/New_York'],
    ],
  ],
  [
    // Web Tools: "April 28, 2015" + "9:01 am" in two columns; Illinois and Texas are Central (CDT in April).
    'usps-webtools-events-split.csv',
    10,
    [
      [2, '2015-04-28T09:01:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
      [8, '2015-04-26T00:18:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
      [10, '2015-04-25T18:04:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
      [11, '2015-04-23T23:36:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
    ],
  ],
  [
    'usps-webtools-events.csv',
    10,
    [
      [2, '2015-04-28T09:01:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
      [10, '2015-04-25T18:04:00-05:00', 'datetime', 'inferred', 'America/Chicago'],
    ],
  ],
  [
    // UPS XML: Date YYYYMMDD + Time HHMMSS, local; Minnesota Central, North Carolina Eastern (December).
    'ups-xml-activities.csv',
    11,
    [
      [2, '2013-12-12T04:38:00-06:00', 'datetime', 'inferred', 'America/Chicago'],
      [3, '2013-12-09T16:17:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [11, '2013-12-03T20:06:00-06:00', 'datetime', 'inferred', 'America/Chicago'],
      // "BILLING INFORMATION RECEIVED" at "US" only: six zones, none chosen.
      [12, '2013-12-03T16:54:11-08:00', 'datetime', 'assumed', 'America/Los_Angeles'],
    ],
  ],
  [
    'ups-rest-activities.csv',
    2,
    [
      [2, '2022-01-26T16:30:00-05:00', 'datetime', 'inferred', 'America/New_York'],
      [3, '2022-01-26T15:16:41-08:00', 'datetime', 'assumed', 'America/Los_Angeles'],
    ],
  ],
  [
    // FedEx: offsets on every event but the pickup, "2014-01-03T00:00:00": a day (Cambridge, Ohio), not midnight.
    'fedex-xml-events.csv',
    10,
    [
      [2, '2014-01-08T12:53:10-08:00', 'datetime', 'offset', '-08:00'],
      [9, '2014-01-04T00:43:00-05:00', 'datetime', 'offset', '-05:00'],
      [11, '2014-01-03', 'date', 'inferred', 'America/New_York'],
    ],
  ],
  [
    'aftership-v4-checkpoints.csv',
    14,
    [
      [2, '2018-07-23T01:21:39-05:00', 'datetime', 'offset', '-05:00'],
      [3, '2018-07-23T16:58:00+08:00', 'datetime', 'offset', '+08:00'],
      [15, '2018-07-25T10:10:00+09:00', 'datetime', 'offset', '+09:00'],
    ],
  ],
  [
    // 17TRACK legacy: zone-less local times at European post offices (CET in March).
    '17track-legacy-events.csv',
    4,
    [
      [2, '2022-03-08T14:11:00+01:00', 'datetime', 'inferred', 'Europe/Paris'],
      [3, '2022-03-08T02:36:00+01:00', 'datetime', 'inferred', 'Europe/Madrid'],
      [4, '2022-03-08T01:41:00+01:00', 'datetime', 'inferred', 'Europe/Rome'],
      [5, '2022-03-07T22:06:00-08:00', 'datetime', 'assumed', 'America/Los_Angeles'],
    ],
  ],
];

async function read(file: string): Promise<{ report: InputReport; events: TrackingEvent[] }> {
  const events: TrackingEvent[] = [];
  const report = await readInput(path.join(SAMPLES, file), { event: (e) => events.push(e) }, { marketplaceZone: LA });
  return { report, events };
}

describe('times in the converted real samples', () => {
  beforeAll(() => {
    // CI has the folder beside the clone: its absence is a failure, not a reason to skip.
    expect(existsSync(SAMPLES), `${SAMPLES} is missing`).toBe(true);
  });

  describe.each(FILES)('%s', (file, rows, expected) => {
    it.each(expected)('line %i → %s (%s, %s, %s)', async (line, iso, precision, source, zone) => {
      const { report, events } = await read(file);
      expect(report.rowsRead).toBe(rows);
      expect(report.rowsRejected).toBe(0);
      const at = events.find((e) => e.source.line === line)?.at;
      expect(at).toBeDefined();
      expect(at!.precision).toBe(precision);
      expect(at!.zoneSource).toBe(source);
      expect(at!.zone).toBe(zone);
      if (precision === 'date') {
        expect(at!.localDate).toBe(iso);
        // A date-only scan's instant is the start of its day in its zone, and the day is 24 h long.
        expect(formatInZone(at!.epochMs, zone)).toBe(`${iso}T00:00:00-05:00`);
        expect(at!.dayLengthMs).toBe(86_400_000);
      } else {
        expect(formatInZone(at!.epochMs, zone)).toBe(iso);
      }
    });
  });

  it('rejects every row of usps-v3-events-excel-sci-notation.csv, saying what Excel did and what to do', async () => {
    const { report, events } = await read('usps-v3-events-excel-sci-notation.csv');
    expect(events).toEqual([]);
    expect(report.rowsRead).toBe(12);
    expect(report.rowsRejected).toBe(12);
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(report.problems[0].message).toBe(
      'tracking number "9.40011E+21" was turned into a number by a spreadsheet, written in scientific notation, ' +
        'and its digits are lost: export the file again without opening it in Excel, ' +
        'or import or format the column as Text before saving',
    );
  });
});
