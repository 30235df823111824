import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runBuiltCli } from '../helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The built CLI end to end (`npm test` builds first), compared with `shipaudit audit --format json`. */

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = 'fixtures/sample-month';
const NO_IMPROVEMENT = 'fixtures/appeal-no-improvement';
const FIX = '2026-11-03';
// `.shipaudit-pack` marks a folder shipaudit wrote: only such a folder may be replaced with --force.
const PACK_FILES = [
  '.shipaudit-pack',
  'READ-ME-FIRST.txt',
  'evidence.csv',
  'evidence.xlsx',
  'plan-of-action.md',
  'plan-of-action.txt',
  'report.html',
  'report.pdf',
];

const tmp = mkdtempSync(join(tmpdir(), 'shipaudit-appeal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** CI installs Debian's chromium (.ci/run): there report.pdf is always printed; the test fails without it. */
function cli(...args: string[]) {
  return cliEnv({}, ...args);
}

function cliEnv(env: NodeJS.ProcessEnv, ...args: string[]) {
  return runBuiltCli(args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
}

interface AuditJson {
  summary: {
    shipments: number;
    earlyConfirmationRate: { count: number; of: number; value: number | null };
    lagHours: { median: number | null; p90: number | null };
    findingsByRule: Record<string, number>;
  };
  findings: Array<{
    rule: string;
    orderId: string;
    trackingNumber: string;
    carrier: string | null;
    confirmedAt: string;
    lagHours: number | null;
  }>;
}

function auditJson(...args: string[]): AuditJson {
  const r = cli('audit', ...args, '--format', 'json', '--fail-on', 'never');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/**
 * Every text in the pack: the workbook's cells as shown (rich text and links included; its XML is zipped,
 * so a byte search would miss them) and
 * the PDF's text as pdftotext reads it (its bytes are compressed, and digits in them match by chance).
 */
async function packText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.pdf')) {
      const r = spawnSync('pdftotext', ['-layout', join(dir, f), '-'], { encoding: 'utf8' });
      expect(r.status, `pdftotext (apt-get install poppler-utils): ${r.error ?? r.stderr}`).toBe(0);
      expect(r.stdout).toContain('Shipment confirmations before and after');
      parts.push(r.stdout);
      continue;
    }
    if (!f.endsWith('.xlsx')) {
      parts.push(readFileSync(join(dir, f), 'utf8'));
      continue;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, f));
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void parts.push(c.text))));
  }
  return parts.join('\n');
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const h = (v: number | null) => (v === null ? 'n/a' : v.toFixed(1));
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

describe('shipaudit appeal on the sample month, fix on 2026-11-03', () => {
  const out = join(tmp, 'pack');
  let run: ReturnType<typeof cli>;
  let poa: string;
  let full: AuditJson;
  let before: AuditJson;
  let after: AuditJson;

  beforeAll(() => {
    run = cli('appeal', SAMPLE, '--fixed-on', FIX, '--out', out);
    poa = readFileSync(join(out, 'plan-of-action.txt'), 'utf8');
    full = auditJson(SAMPLE);
    before = auditJson(SAMPLE, '--to', '2026-11-02');
    after = auditJson(SAMPLE, '--from', FIX);
  });

  it('writes the pack, whole, and prints the note', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(PACK_FILES);
    expect(readdirSync(tmp)).toEqual(['pack']); // no temporary folder left beside it
    expect(run.stdout).toContain(`Appeal pack written to ${out}`);
    expect(run.stdout).toContain(readFileSync(join(out, 'READ-ME-FIRST.txt'), 'utf8'));
  });

  it('prints report.pdf with Chromium and lists it, and only it, among the attachments', () => {
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(run.stderr).toBe('');
    expect(poa).toMatch(/^- report\.pdf: report\.html printed for the reviewer/m);
    expect(poa).not.toMatch(/^- report\.html/m);
    expect(readFileSync(join(out, 'READ-ME-FIRST.txt'), 'utf8')).toContain('Open report.pdf and check it');
  });

  it('without a Chromium: no report.pdf, not listed, and stderr and the note say how to print', () => {
    const dir = join(tmp, 'no-pdf');
    const r = cliEnv({ SHIPAUDIT_CHROMIUM: 'none' }, 'appeal', SAMPLE, '--fixed-on', FIX, '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(PACK_FILES.filter((f) => f !== 'report.pdf'));
    expect(r.stderr).toBe(
      'shipaudit: report.pdf not written: SHIPAUDIT_CHROMIUM=none. Open report.html in Chrome or Edge and print it ' +
        'to PDF (A4, "Save as PDF", margins: default).\n',
    );
    // The POA still lists report.pdf among its attachments, to be printed from report.html as the note says.
    expect(readFileSync(join(dir, 'plan-of-action.txt'), 'utf8')).toContain(
      '; print report.html to PDF before attaching it (READ-ME-FIRST.txt)',
    );
    expect(readFileSync(join(dir, 'READ-ME-FIRST.txt'), 'utf8')).toContain(
      'report.pdf was not written on this computer (printing is switched off: SHIPAUDIT_CHROMIUM=none).',
    );
    const missing = cliEnv(
      { SHIPAUDIT_CHROMIUM: join(tmp, 'no-such-browser') },
      'appeal',
      SAMPLE,
      '--fixed-on',
      FIX,
      '--out',
      join(tmp, 'no-pdf-2'),
    );
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain(
      `report.pdf not written: SHIPAUDIT_CHROMIUM=${join(tmp, 'no-such-browser')} is not an executable file.`,
    );
    rmSync(dir, { recursive: true });
    rmSync(join(tmp, 'no-pdf-2'), { recursive: true });
  });

  it('has the before/after table of the audit run on each period', () => {
    const row = (label: string, b: string, a: string) =>
      expect(poa).toMatch(
        new RegExp(`^${label.replace(/[()]/g, '\\$&')} +${b.replace('.', '\\.')} +${a.replace('.', '\\.')}$`, 'm'),
      );
    const [B, A] = [before.summary, after.summary];
    row('Shipments confirmed', String(B.shipments), String(A.shipments));
    row('With a known first carrier scan', String(B.earlyConfirmationRate.of), String(A.earlyConfirmationRate.of));
    row(
      'Confirmed more than 24 h before the first scan',
      String(B.earlyConfirmationRate.count),
      String(A.earlyConfirmationRate.count),
    );
    row('Early-confirmation rate', pct(B.earlyConfirmationRate.value), pct(A.earlyConfirmationRate.value));
    row('Median hours, confirmation to first scan', h(B.lagHours.median), h(A.lagHours.median));
    row('90th percentile hours, confirmation to first scan', h(B.lagHours.p90), h(A.lagHours.p90));
    row(
      'Late shipments (confirmed after the latest ship date)',
      String(B.findingsByRule['late-confirmation']),
      String(A.findingsByRule['late-confirmation']),
    );
    expect(B.shipments + A.shipments).toBe(full.summary.shipments);
  });

  it('takes the root cause from the findings of the full audit', () => {
    const early = full.findings.filter((f) => f.rule === 'confirmed-before-handover' && f.confirmedAt < FIX);
    const gaps = early.map((f) => f.lagHours!);
    const carriers = [...new Set(early.map((f) => f.carrier))];
    expect(early.length).toBe(before.summary.earlyConfirmationRate.count);
    expect(poa).toContain(
      `${early.length} of our ${before.summary.earlyConfirmationRate.of} shipments with a known first carrier scan (${pct(before.summary.earlyConfirmationRate.value)}; ${new Set(early.map((f) => f.orderId)).size} orders)`,
    );
    expect(poa).toContain(`a median of ${h(median(gaps))} hours before the first carrier scan`);
    expect(poa).toContain(`the longest gap was ${h(Math.max(...gaps))} hours`);
    expect(poa).toContain(
      `Carriers involved: ${carriers.map((c) => `${c} (${early.filter((f) => f.carrier === c).length})`).join(', ')}.`,
    );
    expect(poa).toContain(`(${full.summary.shipments} shipments)`);
    // No scanned shipment since the fix was early, but some were never scanned or had no number: they are
    // counted from the audit's findings, and no improvement is claimed while they stand.
    expect(after.summary.earlyConfirmationRate.count).toBe(0);
    const unverified = new Set(
      full.findings
        .filter((f) => f.confirmedAt >= FIX && (f.rule === 'no-carrier-scan' || f.rule === 'missing-tracking'))
        .map((f) => f.orderId),
    ).size;
    expect(unverified).toBeGreaterThan(0);
    expect(poa).toContain(
      `The data does not yet show an improvement after ${FIX}: ${unverified} shipments confirmed since ${FIX} have no carrier scan to judge them by`,
    );
  });

  it('states its placeholders and never fills them', () => {
    const markers = poa.match(/\[\[SELLER TO FILL: [^\]]+\]\]/g) ?? [];
    expect(markers.length).toBeGreaterThan(5);
    expect(poa.split('\n')[0]).toBe(
      `${markers.length} placeholders left: replace every "SELLER TO FILL" marker below before sending. Paste from the line after the dashes.`,
    );
    expect(readFileSync(join(out, 'plan-of-action.md'), 'utf8').match(/\[\[SELLER TO FILL: [^\]]+\]\]/g)).toHaveLength(
      markers.length,
    );
    expect(readFileSync(join(out, 'READ-ME-FIRST.txt'), 'utf8')).toContain(
      `Replace the ${markers.length} "[[SELLER TO FILL: ...]]" placeholders`,
    );
  });

  it('writes the evidence CSV of the audit with the side of the fix', () => {
    const lines = readFileSync(join(out, 'evidence.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const shipments = new Set(full.findings.map((f) => `${f.orderId} ${f.trackingNumber}`));
    expect(lines[0].endsWith(`,Before or After Fix (${FIX})`)).toBe(true);
    // The Chinese scan texts come with their English for the reviewer, never without it.
    expect(lines[0]).toContain(',First Scan Event,First Scan Event (English),First Scan Location,');
    expect(lines.filter((l) => l.includes(',已收寄,accepted (posted),')).length).toBeGreaterThan(30);
    expect(lines.filter((l) => l.includes(',已收寄,,'))).toEqual([]);
    expect(lines).toHaveLength(shipments.size + 1);
    const sides = lines.slice(1).map((l) => l.split(',').at(-1));
    const afterShipments = new Set(
      full.findings.filter((f) => f.confirmedAt >= FIX).map((f) => `${f.orderId} ${f.trackingNumber}`),
    );
    expect(sides.filter((s) => s === 'after')).toHaveLength(afterShipments.size);
    expect(sides.filter((s) => s === 'before')).toHaveLength(shipments.size - afterShipments.size);
  });

  it('names no buyer: no postal code or city of the order report is in the pack', async () => {
    const rows = readFileSync(join(ROOT, SAMPLE, 'all-orders.txt'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    const [head, ...data] = rows;
    const values = new Set(
      data.flatMap((r) => [
        r[head.indexOf('ship-postal-code')],
        `${r[head.indexOf('ship-city')]}, ${r[head.indexOf('ship-state')]}`,
      ]),
    );
    const text = await packText(out);
    expect([...values].filter((v) => v && text.includes(v))).toEqual([]);
  });

  it('refuses to overwrite the pack without --force; with it replaces the pack’s files and keeps the seller’s', () => {
    writeFileSync(join(out, 'my-notes.txt'), 'x');
    const refused = cli('appeal', SAMPLE, '--fixed-on', FIX, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `shipaudit: ${out} already exists: choose another --out, or add --force to replace the pack's own files in it\n`,
    );
    expect(existsSync(join(out, 'my-notes.txt'))).toBe(true);

    const forced = cli(
      'appeal',
      SAMPLE,
      '--fixed-on',
      FIX,
      '--out',
      out,
      '--force',
      '--lang',
      'zh',
      '--seller-name',
      'Lingdong Tech',
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...PACK_FILES, 'my-notes.txt'].sort());
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('x');
    expect(readdirSync(tmp)).toEqual(['pack']);
    expect(readFileSync(join(out, 'READ-ME-FIRST.txt'), 'utf8')).toContain('申诉材料包（整改日期 2026-11-03）');
    const text = readFileSync(join(out, 'plan-of-action.txt'), 'utf8');
    expect(text).toContain('Seller: Lingdong Tech');
    expect(text).toContain('1. ROOT CAUSE'); // the Plan of Action stays English
  });

  it.each([
    [['--fixed-on', '3 Nov 2026'], 'shipaudit: --fixed-on: expected a date as YYYY-MM-DD, got "3 Nov 2026"\n'],
    [['--fixed-on', FIX, '--lang', 'fr'], 'shipaudit: --lang: expected en or zh, got "fr"\n'],
    [
      ['--fixed-on', '2026-09-01'],
      'shipaudit: no shipments confirmed before --fixed-on 2026-09-01: the pack compares the period before the fix with the period after it\n',
    ],
  ])('rejects %j with exit 2', (args, message) => {
    const r = cli('appeal', SAMPLE, ...args, '--out', join(tmp, 'never'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('shipaudit appeal when the "after" period is not better', () => {
  const out = join(tmp, 'no-improvement');
  let run: ReturnType<typeof cli>;

  beforeAll(() => {
    run = cli('appeal', NO_IMPROVEMENT, '--fixed-on', FIX, '--out', out);
  });

  it('still writes the pack (exit 0) and says plainly that the data shows no improvement', () => {
    expect(run.code, run.stderr).toBe(0);
    const before = auditJson(NO_IMPROVEMENT, '--to', '2026-11-02').summary.earlyConfirmationRate;
    const after = auditJson(NO_IMPROVEMENT, '--from', FIX).summary.earlyConfirmationRate;
    expect([before.count, before.of, after.count, after.of]).toEqual([4, 10, 6, 12]);
    const sentence = `The data does not yet show an improvement after ${FIX}: the early-confirmation rate since ${FIX} (${pct(after.value)}) is not lower than before (${pct(before.value)}).`;
    for (const f of ['plan-of-action.txt', 'plan-of-action.md', 'report.html'])
      expect(readFileSync(join(out, f), 'utf8'), f).toContain(sentence);
    const poa = readFileSync(join(out, 'plan-of-action.txt'), 'utf8');
    expect(poa).not.toContain('none of the');
    expect(poa).not.toContain('fell from');
    expect(run.stdout).toContain(`The data does NOT yet show an improvement after ${FIX}`);
  });

  it('names no buyer: no name, e-mail, phone or street of the order report is in the pack', async () => {
    const [head, ...data] = readFileSync(join(ROOT, NO_IMPROVEMENT, 'order-report.txt'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    const personal = [
      'buyer-email',
      'buyer-name',
      'buyer-phone-number',
      'recipient-name',
      'ship-address-1',
      'ship-phone-number',
      'ship-postal-code',
    ];
    const values = new Set(data.flatMap((r) => personal.map((c) => r[head.indexOf(c)])).filter((v) => v));
    expect(values.size).toBeGreaterThan(10);
    const text = await packText(out);
    expect([...values].filter((v) => text.includes(v))).toEqual([]);
  });
});

// ../shared/real-samples/audit-us with the fix on 2015-01-01: nothing before it was early (2013, 2014), and the
// one early confirmation (2024) is after it. The root cause must not ask why earlier shipments were early.
describe('shipaudit appeal when only shipments after the fix were early', () => {
  it('names them, asks why they were, and labels the period by its confirmation days', () => {
    const out = join(tmp, 'after-only');
    const r = cliEnv(
      { SHIPAUDIT_CHROMIUM: 'none' },
      'appeal',
      '../shared/real-samples/audit-us',
      '--fixed-on',
      '2015-01-01',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const poa = readFileSync(join(out, 'plan-of-action.txt'), 'utf8');
    expect(poa).toContain(
      'Between 2013-12-03 and 2014-01-02, none of our 2 shipments with a known first carrier scan was confirmed more than 24 hours',
    );
    expect(poa).toContain(
      'Since 2015-01-01, 1 shipment was confirmed more than 24 hours before the carrier\'s first physical scan; it is marked "after" in the evidence.',
    );
    expect(poa).toContain(
      'Why this happened: [[SELLER TO FILL: explain why the shipments since 2015-01-01 were confirmed before the parcels were handed to the carrier]]',
    );
    expect(poa).not.toContain('explain why shipments were confirmed before');
    expect(poa).toMatch(/^Period \(confirmation dates\)\s+2013-12-03 to 2014-01-02\s+2015-04-24 to 2024-11-15$/m);
  });
});
