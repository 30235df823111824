import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** Real responses saved from the carriers' APIs; CI has the folder beside the clone (missing = failure). */
const REAL = resolve(ROOT, '../shared/real-samples');
const real = (name: string) => {
  const file = resolve(REAL, name);
  expect(existsSync(file), `${file} is missing`).toBe(true);
  return file;
};

interface Inspected {
  files: Array<{
    kind: string;
    title: string;
    rowsRead: number;
    rowsRejected: number;
    problems: Array<{ line: number; message: string }>;
  }>;
  failures: unknown[];
}

describe("shipaudit inspect on carriers' saved API responses", () => {
  it.each<[string, string, number, number, number]>([
    // file, title, events read, rejected, exit code (a rejected number makes inspect exit 2)
    ['usps-v3-tracking-karrio.json', 'USPS Tracking API v3 (JSON)', 13, 0, 0],
    ['usps-webtools-trackresponse.xml', 'USPS Web Tools TrackResponse (XML)', 10, 0, 0],
    ['ups-track-api-json-karrio.json', 'UPS Track API (JSON)', 2, 0, 0],
    ['ups-xml-trackresponse.xml', 'UPS Tracking API TrackResponse (XML)', 11, 0, 0],
    // the documentation example's second number is TRACKING.TRACKINGNUMBER.NOTFOUND: that one only is rejected
    ['fedex-track-api-json-karrio.json', 'FedEx Track API (JSON)', 1, 1, 2],
    ['fedex-trackreply-v7.xml', 'FedEx Web Services TrackReply (SOAP XML)', 10, 0, 0],
  ])('%s: %s', (name, title, events, rejected, code) => {
    const file = real(name);
    const text = runCli(['inspect', file]);
    // Exit 2 comes with its line on stderr.
    expect(text.stderr).toBe(
      rejected > 0 ? `shipaudit: 1 row rejected, in ${file} (1): each is listed with its line in the output\n` : '',
    );
    expect(text.code).toBe(code);
    expect(text.stdout).toContain(`  Kind:      ${title} (tracking-api)`);
    expect(text.stdout).toContain(
      `  Rows:      ${events + rejected} read, ${rejected > 0 ? `${rejected} rejected` : '0 rejected'}`,
    );
    const json = JSON.parse(runCli(['inspect', file, '--format', 'json']).stdout) as Inspected;
    expect(json.failures).toEqual([]);
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({
      kind: 'tracking-api',
      title,
      rowsRead: events + rejected,
      rowsRejected: rejected,
    });
  });
});

interface AuditJson {
  asOf: string;
  summary: { findingsByRule: Record<string, number>; shipments: number };
  findings: Array<{
    rule: string;
    orderId: string;
    trackingNumber: string;
    confirmedAt: string;
    firstCarrierScanAt: string | null;
    lagHours: number | null;
    firstScanEvent: string | null;
    sources: Record<string, { file: string; line: number }>;
  }>;
  inputs: Array<{ file: string; kind: string; rowsRead: number; rowsRejected: number; skipped?: string }>;
  unclassifiedEvents: Array<{ description: string; count: number }>;
}

describe("shipaudit audit with carriers' API responses", () => {
  const files = () => [
    real('audit-us/all-orders.txt'),
    real('audit-us/confirmations.txt'),
    real('usps-v3-tracking-karrio.json'),
    real('ups-xml-trackresponse.xml'),
    real('fedex-trackreply-v7.xml'),
  ];

  /*
   * Worked out by hand from the files (marketplace zone America/Los_Angeles, assumed; grace 24 h; handling
   * 2 operating days; date-only confirmations count as the end of their day):
   * - 111-2024111-0000001, USPS 9400109104250532908587: confirmed 2024-11-15 (ends 11-16 00:00 PST). The label
   *   (GX, 11-15 11:32 -05:00) is information only; the first physical scan is "USPS in possession of item"
   *   2024-11-18T11:10:00-05:00 = 08:10 PST: 56 h 10 min after the confirmation → confirmed-before-handover,
   *   56.2 h. Purchased Thu 11-14 12:05 PST, latest ship date Mon 11-18: the scan is in time, no late hand-over.
   * - 112-2015042-0000002, USPS 9102901000462189604217: only the Web Tools XML has this number and it is not
   *   among the files → tracking-not-found.
   * - 113-2013120-0000003, UPS 1Z4189020353476816: confirmed 2013-12-03; "BILLING INFORMATION RECEIVED" (M)
   *   is information; the first physical scan is the ORIGIN SCAN 20131203 200600 at WINONA, MN (Central),
   *   = 18:06 PST on the day of the confirmation: 5.9 h before its end → no finding.
   * - 114-2014010-0000004, FedEx 403934084723025: confirmed 2014-01-02; "Shipment information sent to FedEx"
   *   (OC) is information; the pickup (PU) is the day 2014-01-03 at CAMBRIDGE, OH: the day after → no finding.
   * - asOf is the newest event: the USPS delivery 2024-11-22T13:58:00-05:00 = 10:58 PST.
   * - the USPS v3 file's second element is the API documentation's placeholder: one event "string", unclassified.
   */
  it('finds the early confirmation and the missing tracking, and nothing else', () => {
    const r = runCli(['audit', ...files(), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as AuditJson;
    expect(j.asOf).toBe('2024-11-22T10:58:00-08:00');
    expect(j.summary.shipments).toBe(4);
    expect(Object.fromEntries(Object.entries(j.summary.findingsByRule).filter(([, n]) => n > 0))).toEqual({
      'confirmed-before-handover': 1,
      'tracking-not-found': 1,
    });
    const early = j.findings.find((f) => f.rule === 'confirmed-before-handover')!;
    expect(early).toMatchObject({
      orderId: '111-2024111-0000001',
      trackingNumber: '9400109104250532908587',
      confirmedAt: '2024-11-15',
      firstCarrierScanAt: '2024-11-18T08:10:00-08:00',
      lagHours: 56.2,
      firstScanEvent: 'USPS in possession of item',
    });
    // The scan's source names the API file and a line of it that holds the number.
    expect(early.sources.firstScan).toEqual({ file: real('usps-v3-tracking-karrio.json'), line: 210 });
    expect(j.findings.find((f) => f.rule === 'tracking-not-found')).toMatchObject({ orderId: '112-2015042-0000002' });
    expect(j.inputs.map((i) => [i.kind, i.rowsRead, i.rowsRejected])).toEqual([
      ['all-orders', 4, 0],
      ['confirmation-upload', 4, 0],
      ['tracking-api', 13, 0],
      ['tracking-api', 11, 0],
      ['tracking-api', 10, 0],
    ]);
    expect(j.unclassifiedEvents).toEqual([{ description: 'string', count: 1 }]);
  });

  it('with a delimited tracking file in the second thread, the API files are read beside it, same verdict', () => {
    // The UPS history as a converted CSV goes to the thread; the API responses stay on the main thread.
    const args = [
      'audit',
      ...files().filter((f) => !f.endsWith('.xml') || f.includes('fedex')),
      real('audit-us/ups-xml-activities.csv'),
    ];
    const threaded = runCli([...args, '--format', 'json'], { env: { SHIPAUDIT_THREAD_MIN_MB: '0' } });
    const plain = runCli([...args, '--format', 'json'], { env: { SHIPAUDIT_THREAD_MIN_MB: '100000' } });
    expect(threaded.stderr).toBe('');
    expect(threaded.code).toBe(1);
    expect(threaded.stdout).toBe(plain.stdout);
    const j = JSON.parse(threaded.stdout) as AuditJson;
    expect(j.inputs.map((i) => `${i.kind}:${i.rowsRead}`)).toEqual([
      'all-orders:4',
      'confirmation-upload:4',
      'tracking-api:13',
      'tracking-api:10',
      'tracking-events:11',
    ]);
    expect(j.findings.map((f) => `${f.rule} ${f.orderId}`).sort()).toEqual([
      'confirmed-before-handover 111-2024111-0000001',
      'tracking-not-found 112-2015042-0000002',
    ]);
  });

  it("explain shows the order's API events with their zones", () => {
    const r = runCli(['explain', '113-2013120-0000003', ...files()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        '2013-12-03T18:06:00-08:00 +scan: physical, carrier has it +1Z4189020353476816 "ORIGIN SCAN" ' +
          '@ WINONA, MN, US \\[America/Chicago, inferred',
      ),
    );
    expect(r.stdout).toMatch(/scan: information +1Z4189020353476816 "BILLING INFORMATION RECEIVED"/);
  });
});

describe('a folder of saved responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-api-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read as any input folder; an XML of no known shape is passed over with the reason', () => {
    writeFileSync(
      join(dir, 'usps-111.json'),
      JSON.stringify({
        trackingNumber: '9400109104250532908587',
        trackingEvents: [
          {
            eventType: 'USPS in possession of item',
            eventTimestamp: '2024-11-15T16:10:00',
            GMTOffset: '-05:00',
            eventCity: 'JAMAICA',
            eventState: 'NY',
            eventZIP: '11430',
            eventCode: '03',
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'rates.xml'), '<?xml version="1.0"?>\n<RateV4Response/>\n');
    const r = runCli([
      'audit',
      real('audit-us/all-orders.txt'),
      real('audit-us/confirmations.txt'),
      dir,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as AuditJson;
    const byName = Object.fromEntries(j.inputs.map((i) => [i.file.split('/').pop(), i]));
    expect(byName['usps-111.json']).toMatchObject({ kind: 'tracking-api', rowsRead: 1, rowsRejected: 0 });
    expect(JSON.stringify(byName['rates.xml'])).toContain('unrecognised XML: root element <RateV4Response>');
    // Scanned 13:10 PST on the day of the confirmation: not early.
    expect(j.findings.filter((f) => f.orderId === '111-2024111-0000001').map((f) => f.rule)).toEqual([]);
  });

  it('a cut-off response named on the command line stops the run with one line', () => {
    const file = join(dir, 'cut.json');
    writeFileSync(file, '{\n  "trackingNumber": "9400109104250532908587",\n  "trackingEvents": [\n    {\n');
    const r = runCli(['inspect', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `shipaudit: ${file}:4: ends before it is complete: the JSON is cut off (an interrupted download or copy?)\n`,
    );
  });
});
