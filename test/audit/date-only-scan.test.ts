import { describe, expect, it } from 'vitest';
import { Collector, joinCollected } from '../../src/engine/index.js';
import { audit, type AuditOptions } from '../../src/audit/run.js';
import type { TrackingEvent } from '../../src/model/records.js';
import { findingJson } from '../../src/report/json.js';
import { midnightAsDay, parseStamp } from '../../src/read/time.js';

/**
 * A first scan known by its day only (a FedEx pickup "2014-01-03T00:00:00" with no offset, Cambridge,
 * Ohio) is compared the way a date-only confirmation is: it may have happened at any moment of its day,
 * so only the start of the day is certain. The audit must neither flag a confirmation that may have come
 * after the pickup nor hide one that certainly came well before it.
 */
const NY = { zone: 'America/New_York', source: 'inferred' as const, note: 'location "CAMBRIDGE, OH"' };
const at = (text: string) => midnightAsDay(parseStamp(text, { hint: NY }));
const options = (graceHours: number): AuditOptions => ({
  version: 'test',
  marketplaceZone: NY.zone,
  handling: { days: 2, operatingDays: [1, 2, 3, 4, 5], holidays: [], sameDayCutoff: '14:00', zone: NY.zone },
  graceHours,
  window: {},
  asOfMs: Date.parse('2014-01-10T00:00:00Z'),
  rules: { 'confirmed-before-handover': { options: { graceHours } } },
  inputs: [],
  unclassified: {},
});
const NUMBER = '403934084723025';

function shipment(confirmed: string, scans: Array<[string, string]>): Collector {
  const c = new Collector();
  const source = { file: 'c.txt', line: 2 };
  c.confirmation({ orderId: 'A', trackingNumber: NUMBER, confirmedAt: at(confirmed), carrier: 'FedEx', source });
  scans.forEach(([when, description], i) => {
    const e: TrackingEvent = {
      trackingNumber: NUMBER,
      at: at(when),
      description,
      carrier: 'FedEx',
      class: 'physical',
      possession: true,
      source: { file: 'fedex.csv', line: i + 2 },
    };
    c.event(e);
  });
  return c;
}

describe('a date-only first scan', () => {
  it.each([
    // confirmation, scans, grace, flagged, lag (the least it can be)
    ['2014-01-02T10:00:00', [['2014-01-03T00:00:00', 'Picked up']], 12, true, 14],
    ['2014-01-02T10:00:00', [['2014-01-03T00:00:00', 'Picked up']], 24, false, 14],
    // Same day: the pickup may have come after 10:00, so nothing is proven, whatever the grace
    ['2014-01-03T10:00:00', [['2014-01-03T00:00:00', 'Picked up']], 0, false, -10],
    // A timed scan later on the pickup day doesn't make the gap longer: the pickup may have been just before it
    [
      '2014-01-02T07:00:00',
      [
        ['2014-01-03T08:00:00', 'Arrived'],
        ['2014-01-03T00:00:00', 'Picked up'],
      ],
      24,
      false,
      17,
    ],
    // A timed scan the day before the pickup day is the first scan, and stays exact
    [
      '2014-01-01T07:00:00',
      [
        ['2014-01-03T00:00:00', 'Picked up'],
        ['2014-01-02T18:00:00', 'Arrived'],
      ],
      24,
      true,
      35,
    ],
    // Three days early by the day alone: flagged however the day is read
    ['2013-12-31T10:00:00', [['2014-01-03T00:00:00', 'Picked up']], 24, true, 62],
  ] as const)('confirmed %s, scans %j, grace %i h → flagged %s, lag %d h', (confirmed, scans, grace, flagged, lag) => {
    const r = audit(
      joinCollected(shipment(confirmed, scans as unknown as Array<[string, string]>), options(grace).handling),
      options(grace),
    );
    const found = [...r.findings].filter((f) => f.rule === 'confirmed-before-handover');
    expect(found.length).toBe(flagged ? 1 : 0);
    expect(r.summary.lagHours.max).toBe(lag);
    if (flagged) {
      const json = findingJson(found[0]);
      expect(json.lagHours).toBe(lag);
      const dateOnly = found[0].firstCarrierScanAt?.iso === '2014-01-03';
      expect(json.lagPrecision).toBe(dateOnly ? 'date' : 'datetime');
      if (dateOnly) {
        expect(json.evidence.firstCarrierScanAt).toEqual({
          raw: '2014-01-03T00:00:00',
          precision: 'date',
          zone: 'America/New_York, inferred: location "CAMBRIDGE, OH"',
        });
        expect(found[0].message).toMatch(/date-only scan: compared with the start of that day/);
      }
    }
  });
});
