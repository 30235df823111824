import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditJsonSchema } from '../../src/report/json-schema.js';
import { expectMatchesSchema } from '../helpers/schema.js';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';

/**
 * The sample month, end to end through the built CLI. The expected answers come from the fixture
 * generator's own scenario (fixtures/sample-month.expected.json), not from shipaudit.
 */
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/sample-month.expected.json'), 'utf8'));
const SAMPLE = 'fixtures/sample-month';

interface Json {
  summary: Record<string, any>;
  findings: Array<Record<string, any>>;
  [k: string]: any;
}

describe('audit of the sample month', () => {
  let tmp: string;
  let json: Json;
  let jsonRun: CliResult;
  let textRun: CliResult;
  let csv: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'shipaudit-audit-'));
    jsonRun = runCli(['audit', SAMPLE, '--format', 'json', '--evidence', join(tmp, 'evidence.csv')]);
    json = JSON.parse(jsonRun.stdout);
    csv = readFileSync(join(tmp, 'evidence.csv'), 'utf8');
    textRun = runCli(['audit', SAMPLE]);
  });

  it('exits 1 (errors found) with nothing on stderr', () => {
    expect(jsonRun.code).toBe(1);
    expect(jsonRun.stderr).toBe('');
    expect(textRun.code).toBe(1);
  });

  it('matches the documented JSON schema', () => {
    expectMatchesSchema(auditJsonSchema, json);
  });

  it('finds exactly the planted findings, rule by rule and order by order', () => {
    const counts = Object.fromEntries(
      Object.entries(expected.rules).map(([rule, v]: [string, any]) => [rule, v.shipments]),
    );
    expect(json.summary.findingsByRule).toEqual(counts);
    for (const [rule, v] of Object.entries<any>(expected.rules)) {
      const ids = [...new Set(json.findings.filter((f) => f.rule === rule).map((f) => f.orderId))].sort();
      expect(ids, rule).toEqual([...v.orderIds].sort());
    }
  });

  it('audits the MFN shipments and counts what it left out', () => {
    expect(json.summary.shipments).toBe(expected.shipments.mfnConfirmedPackages);
    expect(json.summary.excluded).toEqual({
      afn: expected.shipments.excludedOrders.afn.length,
      cancelled: expected.shipments.excludedOrders.cancelled.length,
    });
    expect(json.asOf).toBe('2026-11-24T15:38:00-08:00');
    expect(json.asOfSource).toBe('newest tracking event');
    expect(json.unclassifiedEvents).toEqual([
      { description: 'Package arrived at consolidation hub', count: 3 },
      { description: '包裹已交第三方代理', count: 2 },
      { description: 'Item handed to partner agent', count: 1 },
    ]);
    expect(json.inputs.find((i: any) => i.file.endsWith('README.txt')).skipped).toMatch(/not a recognised input/);
  });

  it('treats the grace edges and date-only confirmations as the scenario says', () => {
    const early = (orderId: string) =>
      json.findings.find((f) => f.rule === 'confirmed-before-handover' && f.orderId === orderId);
    for (const c of expected.boundaryCases) {
      if (c.violation === 'no') expect(early(c.orderId), c.case).toBeUndefined();
      else expect(early(c.orderId)?.lagHours, c.case).toBeCloseTo(c.gapHours, 1);
    }
    const dateOnly = early('112-4756840-7412467')!;
    expect(dateOnly).toMatchObject({
      trackingNumber: 'LY635554678CN',
      carrier: 'China Post',
      confirmedAt: '2026-10-07',
      firstCarrierScanAt: '2026-10-10T18:42:00-07:00',
      firstScanEvent: '已收寄',
      lagHours: 66.7,
      latestShipDateComputed: true,
    });
    expect(dateOnly.evidence.confirmedAt.precision).toBe('date');
    expect(dateOnly.evidence.firstCarrierScanAt.zone).toMatch(/^Asia\/Shanghai, inferred/);
  });

  it('gives one finding value by value', () => {
    const f = json.findings.find((x) => x.rule === 'confirmed-before-handover' && x.trackingNumber === 'LX059317561CN');
    expect(f).toMatchObject({
      severity: 'error',
      orderId: '111-7625964-1065606',
      confirmedAt: '2026-10-01T23:47:00-07:00',
      firstCarrierScanAt: '2026-10-06T18:06:00-07:00',
      latestShipDate: '2026-10-05',
      lagHours: 114.3,
      sources: {
        confirmation: { file: `${SAMPLE}/confirmations.txt`, line: 2 },
        firstScan: { file: `${SAMPLE}/tracking.csv`, line: 6 },
      },
    });
    const late = json.findings
      .filter((x) => x.rule === 'late-confirmation')
      .map((x) => [x.orderId, x.confirmedAt, x.latestShipDate]);
    expect(late).toEqual(
      // The scenario gives the deadline as an instant, the last moment of the day in Los Angeles (PST, −8 h, in November).
      expected.rules['late-confirmation'].shipmentsDetail.map((d: any) => [
        d.orderId,
        d.confirmed,
        new Date(Date.parse(d.latestShipDate) - 8 * 3_600_000).toISOString().slice(0, 10),
      ]),
    );
  });

  it('shows the switch of carrier in the weekly figures', () => {
    const weeks = json.byWeek.map((w: any) => [w.key, w.earlyConfirmations]);
    expect(weeks.slice(0, 5).map((w: any) => w[1])).toEqual(Object.values(expected.earlyConfirmationsPerWeek));
    expect(weeks.slice(5).every((w: any) => w[1] === 0)).toBe(true);
    expect(json.byCarrier.map((c: any) => [c.key, c.earlyConfirmations])).toEqual([
      ['China Post', 47],
      ['USPS', 0],
      ['UPS', 0],
    ]);
  });

  it('prints the verdict first, then the figures, and names the evidence file', () => {
    const lines = textRun.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^✖ 47 of 204 shipments were confirmed before the carrier had them \(error\)\. 3 were confirmed late \(error\)\./,
    );
    expect(textRun.stdout).toContain("Figures against Amazon's targets");
    expect(textRun.stdout).toMatch(/Early confirmation rate\s+23\.7%\s+47 of 198\s+0%\s+✖/);
    expect(textRun.stdout).toContain('2026-W45 (Nov 02)');
    expect(textRun.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes the evidence CSV for Excel: BOM, CRLF, one row per affected shipment, no buyer data', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows[0]).toBe(
      'Order ID,Tracking Number,Carrier,Purchase Date,Latest Ship Date,Latest Ship Date Source,Ship Confirmation Time,Confirmation Precision,First Carrier Scan Time,First Scan Event,First Scan Event (English),First Scan Location,Hours Confirmation Before Scan,Issues,Severity,Details,Time Zone Notes,Source: Confirmation,Source: First Scan,Source: Order',
    );
    const shipments = new Set(json.findings.map((f) => `${f.orderId}/${f.trackingNumber}`));
    expect(rows.length - 2).toBe(shipments.size);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(rows[1]).toMatch(
      /^111-7625964-1065606,LX059317561CN,China Post,2026-10-01T18:26:29-07:00,2026-10-05,computed from handling time,2026-10-01T23:47:00-07:00,date and time,2026-10-06T18:06:00-07:00,已收寄,accepted \(posted\),广东省东莞市,114.3,confirmed-before-handover; late-handover,error,/,
    );
    expect(rows[0]).not.toMatch(/name|address|phone|e-?mail|buyer|recipient/i);
  });

  it('never changes its input files', () => {
    const before = readdirSync(join(ROOT, SAMPLE)).map((f) => readFileSync(join(ROOT, SAMPLE, f), 'utf8'));
    runCli(['audit', SAMPLE, '--evidence', join(tmp, 'again.csv')]);
    const after = readdirSync(join(ROOT, SAMPLE)).map((f) => readFileSync(join(ROOT, SAMPLE, f), 'utf8'));
    expect(after).toEqual(before);
  });
});

describe('output to a reader that goes away', () => {
  it("stops quietly when the pipe closes before the output is written (`| head`), with the audit's exit code", async () => {
    const child = spawn(
      process.execPath,
      [`${ROOT}/bin/shipaudit.js`, 'audit', 'fixtures/sample-month', '--format', 'json'],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

describe('audit options and exit codes', () => {
  it('--fail-on never exits 0; --fail-on warning exits 1 on warnings only', () => {
    expect(runCli(['audit', SAMPLE, '--fail-on', 'never']).code).toBe(0);
    const nov = ['audit', SAMPLE, '--from', '2026-11-20', '--to', '2026-11-24', '--format', 'json'];
    const onlyWarnings = JSON.parse(runCli(nov).stdout).summary.findingsBySeverity;
    expect(onlyWarnings.error).toBe(0);
    expect(runCli(nov).code).toBe(0);
    expect(runCli([...nov, '--fail-on', 'warning']).code).toBe(onlyWarnings.warning > 0 ? 1 : 0);
  });

  it('the window selects shipments by confirmation day in the marketplace zone', () => {
    const r = JSON.parse(runCli(['audit', SAMPLE, '--from', '2026-11-03', '--format', 'json']).stdout);
    expect(r.summary.findingsByRule['confirmed-before-handover']).toBe(0);
    expect(r.summary.excluded['outside-window']).toBeGreaterThan(100);
    expect(r.window).toEqual({ from: '2026-11-03' });
  });

  it('--grace changes the judgement: 2 days lets the 25 h and 45.9 h cases pass', () => {
    const r = JSON.parse(runCli(['audit', SAMPLE, '--grace', '2d', '--format', 'json']).stdout);
    expect(r.graceHours).toBe(48);
    const ids = r.findings.filter((f: any) => f.rule === 'confirmed-before-handover').map((f: any) => f.orderId);
    expect(ids).not.toContain('112-1033308-3711438');
    expect(ids).not.toContain('113-7852643-8529115');
    expect(ids.length).toBeLessThan(47);
  });

  it('--as-of moves the clock: before the data, the unscanned forwarder parcels are not yet overdue', () => {
    const late = JSON.parse(runCli(['audit', SAMPLE, '--as-of', '2026-12-31', '--format', 'json']).stdout);
    expect(late.asOfSource).toBe('option');
    expect(late.summary.findingsByRule['no-carrier-scan']).toBe(2);
  });

  it.each([
    [['audit', SAMPLE, '--format', 'xml'], /--format: expected text or json/],
    [['audit', SAMPLE, '--from', '10/01/2026'], /--from: expected a date as YYYY-MM-DD/],
    [['audit', SAMPLE, '--grace', 'soon'], /--grace: expected a duration/],
    [['audit', SAMPLE, '--marketplace-tz', 'Mars/Olympus'], /--marketplace-tz: unknown time zone "Mars\/Olympus"/],
    [['audit', SAMPLE, '--from', '2027-01-01'], /no shipments to audit between 2027-01-01 and the end/],
    [['audit', 'fixtures/sample-month/all-orders.txt'], /no shipping confirmations found/],
    [['audit', 'no-such-folder'], /no-such-folder: no such file or folder/],
    [['audit', 'fixtures/sample-month/README.txt', SAMPLE], /README\.txt:1: unrecognised file/],
  ])('%j → exit 2 with one line', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('audits with part of the data', () => {
  const only = (...files: string[]) => files.map((f) => `${SAMPLE}/${f}`);

  it('without tracking data, says what it could not check and still finds late confirmations', () => {
    const r = runCli([
      'audit',
      ...only('all-orders.txt', 'confirmations.txt'),
      '--format',
      'json',
      '--as-of',
      '2026-11-24T18:00:00-08:00',
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.summary.hasTrackingData).toBe(false);
    expect(j.summary.findingsByRule['confirmed-before-handover']).toBe(0);
    expect(j.summary.findingsByRule['tracking-not-found']).toBe(0);
    expect(j.summary.findingsByRule['late-confirmation']).toBe(3);
    expect(j.summary.validTrackingRate.value).toBeNull();
    expect(j.notes.join(' ')).toMatch(/No tracking data was given/);
    expect(runCli(['audit', ...only('all-orders.txt', 'confirmations.txt')]).stdout).toMatch(
      /No tracking data was given/,
    );
  });

  it('without an order report, checks hand-over but not ship-by dates', () => {
    const j = JSON.parse(runCli(['audit', ...only('confirmations.txt', 'tracking.csv'), '--format', 'json']).stdout);
    expect(j.summary.hasOrderData).toBe(false);
    expect(j.summary.findingsByRule['confirmed-before-handover']).toBe(47);
    expect(j.summary.findingsByRule['late-confirmation']).toBe(0);
    expect(j.notes.join(' ')).toMatch(/No order report was given/);
  });
});

// A "not collected yet" line before the real acceptance must not stand in for it: it holds the words of a
// collection scan (揽收), and taken as one it would hide the early confirmation.
describe('a negated collection before the acceptance', () => {
  it('the first physical scan is the acceptance, five days later: confirmed before hand-over', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-negated-'));
    writeFileSync(
      join(tmp, 'tracking.csv'),
      'Tracking Number,Carrier,Event Time,Event Description,Location\n' +
        '9400111899562038471156,USPS,2026-10-07 08:00,您的快件尚未揽收,广东省深圳市\n' +
        '9400111899562038471156,USPS,2026-10-12 15:00,已收寄,广东省深圳市\n',
    );
    const r = runCli([
      'audit',
      'fixtures/formats/confirmation-upload.txt',
      join(tmp, 'tracking.csv'),
      '--format',
      'json',
    ]);
    const j = JSON.parse(r.stdout);
    const mine = j.findings.filter((f: { orderId: string }) => f.orderId === '111-7302846-9154027');
    expect(mine.map((f: { rule: string }) => f.rule)).toEqual(['confirmed-before-handover']);
    expect(mine[0]).toMatchObject({ firstScanEvent: '已收寄', lagHours: 128.3 });
    expect(j.unclassifiedEvents).toEqual([]);
  });
});

describe('buyer personal data', () => {
  it('an order report full of buyer data leaves none of it in the report, the JSON or the evidence', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-pii-'));
    copyFileSync(join(ROOT, 'fixtures/formats/order-report.txt'), join(tmp, 'order-report.txt'));
    const report = readFileSync(join(tmp, 'order-report.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const header = report[0].split('\t');
    const col = (name: string) => header.indexOf(name);
    const rows = report.slice(1).map((l) => l.split('\t'));
    const confirmations = [
      'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
      ...rows.map(
        (r, i) =>
          `${r[col('order-id')]}\t${r[col('order-item-id')]}\t1\t2026-10-20T10:00:00-07:00\tUSPS\t\t94001118995620384711${String(i).padStart(2, '0')}\tGround`,
      ),
    ];
    writeFileSync(join(tmp, 'confirmations.txt'), `${confirmations.join('\n')}\n`);
    const personal = rows.flatMap((r) =>
      ['buyer-email', 'buyer-name', 'buyer-phone-number', 'recipient-name', 'ship-address-1', 'ship-phone-number']
        .map((c) => r[col(c)])
        .filter((v) => v && v.length > 3),
    );
    expect(personal.length).toBeGreaterThan(5);
    const text = runCli(['audit', tmp, '--evidence', join(tmp, 'out', 'evidence.csv')]);
    const jsonOut = runCli(['audit', tmp, '--format', 'json']);
    expect(existsSync(join(tmp, 'out', 'evidence.csv'))).toBe(true);
    const evidence = readFileSync(join(tmp, 'out', 'evidence.csv'), 'utf8');
    expect(evidence.split('\r\n').length).toBeGreaterThan(2);
    for (const value of personal) {
      expect(text.stdout).not.toContain(value);
      expect(jsonOut.stdout).not.toContain(value);
      expect(evidence).not.toContain(value);
    }
  });
});
