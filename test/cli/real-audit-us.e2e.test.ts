import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * The end-to-end set in ../shared/real-samples/audit-us: an All Orders report and a confirmation upload
 * (real headers, invented rows) for four orders, each shipped with a real carrier history converted to CSV.
 * Every order is on Amazon.com, so the marketplace zone is Los Angeles; the confirmations are date-only
 * (ship-date), so each counts from the END of its day in Los Angeles. The handling time is the default
 * 2 operating days, Monday to Friday, so the latest ship date is computed.
 *
 * Worked out by hand from the files:
 *
 * 111-2024111-0000001, USPS 9400109104250532908587 (usps-v3-events-local.csv, local times without offset)
 *   purchased 2024-11-14T20:05Z (Thu 12:05 PST); latest ship date Mon 2024-11-18 (Fri 15 + Mon 18).
 *   Confirmed 2024-11-15 → end of day 2024-11-16T07:59:59Z. "Shipping Label Created" 11/15 11:32 is information.
 *   First physical scan: "USPS in possession of item", JAMAICA, NY, 2024-11-18 11:10 EST = 16:10Z.
 *   Gap 16:10Z Nov 18 − 08:00Z Nov 16 = 56 h 10 min = 56.2 h > 24 h grace → confirmed-before-handover.
 *   The scan (08:10 PST on the 18th) is within the latest ship date → no late-handover.
 *
 * 112-2015042-0000002, USPS 9102901000462189604217 (usps-webtools-events-split.csv, "April 25, 2015" + "6:04 pm")
 *   purchased 2015-04-23T15:10Z (Thu); latest ship date Mon 2015-04-27. Confirmed 2015-04-24 → end
 *   2015-04-25T06:59:59Z. First physical scan: "Accepted at USPS Origin Sort Facility", ARGYLE, TX,
 *   2015-04-25 18:04 CDT = 23:04Z. Gap 16.1 h, within the grace → no finding.
 *
 * 113-2013120-0000003, UPS 1Z4189020353476816 (ups-xml-activities.csv, YYYYMMDD + HHMMSS, local)
 *   purchased 2013-12-02T18:00Z (Mon); latest ship date Wed 2013-12-04. Confirmed 2013-12-03 → end
 *   2013-12-04T07:59:59Z. "BILLING INFORMATION RECEIVED" is information; first physical scan "ORIGIN SCAN",
 *   WINONA, MN, 2013-12-03 20:06 CST = 2013-12-04T02:06Z: 5.9 h BEFORE the end of the confirmation day
 *   → no finding.
 *
 * 114-2014010-0000004, FedEx 403934084723025 (fedex-xml-events.csv, offsets on all but the pickup)
 *   purchased 2014-01-02T17:30Z (Thu); latest ship date Mon 2014-01-06. Confirmed 2014-01-02 → end
 *   2014-01-03T07:59:59Z. First physical scan "Picked up", CAMBRIDGE, OH, "2014-01-03T00:00:00": a day, whose
 *   start (05:00Z) is 3 h before the end of the confirmation day: the pickup may have come after the
 *   confirmation, so nothing is proven → no finding.
 *
 * So: one error (111), an early-confirmation rate of 1 in 4, lags 56.2, 16.1, -5.9 and -3.0 h (median 6.6).
 * The newest event read is the USPS delivery, 2024-11-22 13:58 EST: the audit's clock. Four event texts
 * are in no table (UPS refund and delay notices, UPS billing information, USPS "Sorting Complete").
 */
const SET = path.resolve(ROOT, '../shared/real-samples/audit-us');

describe('audit of ../shared/real-samples/audit-us', () => {
  it('the folder is there (CI has it beside the clone)', () => {
    expect(existsSync(SET)).toBe(true);
  });

  const r = runCli(['audit', SET, '--format', 'json']);
  const j = JSON.parse(r.stdout);

  it('finds the one early confirmation and nothing else, exit 1', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(j.marketplaceZone).toBe('America/Los_Angeles');
    expect(j.asOf).toBe('2024-11-22T10:58:00-08:00');
    expect(j.asOfSource).toBe('newest tracking event');
    expect(j.summary.shipments).toBe(4);
    expect(j.summary.rowsRejected).toBe(0);
    expect(j.summary.withPhysicalScan).toBe(4);
    const nonZero = Object.fromEntries(Object.entries(j.summary.findingsByRule).filter(([, n]) => n !== 0));
    expect(nonZero).toEqual({ 'confirmed-before-handover': 1 });
  });

  it('the early confirmation, with its evidence', () => {
    const [f] = j.findings;
    expect(f).toMatchObject({
      rule: 'confirmed-before-handover',
      orderId: '111-2024111-0000001',
      trackingNumber: '9400109104250532908587',
      carrier: 'USPS',
      purchasedAt: '2024-11-14T12:05:00-08:00',
      latestShipDate: '2024-11-18',
      latestShipDateComputed: true,
      confirmedAt: '2024-11-15',
      firstCarrierScanAt: '2024-11-18T08:10:00-08:00',
      lagHours: 56.2,
      lagPrecision: 'date',
      firstScanEvent: 'USPS in possession of item',
      firstScanLocation: 'JAMAICA, NY 11430',
    });
    expect(f.evidence.firstCarrierScanAt).toEqual({
      raw: '2024-11-18T11:10:00',
      precision: 'datetime',
      zone: 'America/New_York, inferred: location "JAMAICA, NY 11430"',
    });
    expect(f.sources.firstScan).toEqual({ file: path.join(SET, 'usps-v3-events-local.csv'), line: 12 });
  });

  // Excel shows 22 digits as 9.40011E+21 and saves them as 9400109104250530000000: the number is written
  // as ="…" so that the assistant who opens the evidence sees it whole.
  it('the evidence CSV keeps the USPS number as text for Excel', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'shipaudit-real-')), 'evidence.csv');
    expect(runCli(['audit', SET, '--evidence', out]).code).toBe(1);
    const [header, row] = readFileSync(out, 'utf8').split('\r\n');
    expect(header.startsWith('\uFEFFOrder ID,Tracking Number,Carrier,')).toBe(true);
    expect(row.startsWith('111-2024111-0000001,"=""9400109104250532908587""",USPS,')).toBe(true);
    // An English scan text needs no gloss: the English column after it stays empty.
    expect(header).toContain(',First Scan Event,First Scan Event (English),First Scan Location,');
    expect(row).toContain(',USPS in possession of item,,"JAMAICA, NY 11430",');
  });

  it('the figures: 1 early of 4, the lags of all four', () => {
    expect(j.summary.earlyConfirmationRate).toMatchObject({ count: 1, of: 4 });
    expect(j.summary.lagHours).toEqual({ count: 4, median: 6.6, p90: 56.2, max: 56.2 });
    const byCarrier = Object.fromEntries(
      j.byCarrier.map((c: any) => [c.key, [c.shipments, c.earlyConfirmations, c.lagHours.median]]),
    );
    expect(byCarrier).toEqual({ USPS: [2, 1, 36.2], UPS: [1, 0, -5.9], FedEx: [1, 0, -3] });
  });

  it('classifies every event text of the real histories (none left unknown)', () => {
    expect(j.unclassifiedEvents).toEqual([]);
  });

  it('the FedEx pickup is a day in the timeline, not midnight', () => {
    const e = JSON.parse(runCli(['explain', '114-2014010-0000004', SET, '--format', 'json']).stdout);
    const pickup = e.timeline.find((t: any) => t.detail.includes('"Picked up"'));
    expect(pickup.when).toBe('2014-01-03 (date only)');
    expect(e.findings ?? []).toEqual([]);
  });

  // 112's 16.1 h is the next largest gap; the UPS and FedEx shipments were not confirmed first at all.
  it('a grace of 16 h flags 112 too, and nothing else', () => {
    const g = JSON.parse(runCli(['audit', SET, '--format', 'json', '--grace', '16h']).stdout);
    expect(g.findings.map((f: any) => f.orderId)).toEqual(['112-2015042-0000002', '111-2024111-0000001']);
  });
});
