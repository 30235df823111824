import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { explainJsonSchema } from '../../src/report/json-schema.js';
import { expectMatchesSchema } from '../helpers/schema.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SAMPLE = 'fixtures/sample-month';

/** The first order of the confirmation file that no finding names. */
function pickCompliant(flagged: Set<string>): string {
  const rows = readFileSync(`${ROOT}/${SAMPLE}/confirmations.txt`, 'utf8').split('\n').slice(1);
  const id = rows.map((r) => r.split('\t')[0]).find((o) => o && !flagged.has(o));
  if (!id) throw new Error('no compliant order in the sample');
  return id;
}

describe('shipaudit explain', () => {
  it('gives the timeline of an early-confirmed order with classifications, zones and findings', () => {
    const r = runCli(['explain', '112-4756840-7412467', SAMPLE]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Order 112-4756840-7412467');
    const body = lines.slice(3, 8).map((l) => l.replace(/\s+/g, ' '));
    expect(body[0]).toMatch(/^2026-10-07T07:34:23-07:00 purchased Shipped MFN all-orders\.txt:31$/);
    expect(body[1]).toMatch(
      /scan: information LY635554678CN "电子信息已收到" \[Asia\/Shanghai, inferred: Chinese-language event\]/,
    );
    expect(body[2]).toMatch(/^2026-10-07 \(date only\) confirmed shipped China Post LY635554678CN/);
    expect(body[3]).toMatch(/^2026-10-09 \(date only\) latest ship date computed from handling time/);
    expect(body[4]).toMatch(
      /^2026-10-10T18:42:00-07:00 scan: physical, carrier has it LY635554678CN "已收寄" @ 广东省深圳市/,
    );
    expect(r.stdout).toMatch(/error\s+confirmed-before-handover: confirmed 66\.7 h before the first carrier scan/);
    expect(r.stdout).toMatch(/warning\s+late-handover:/);
  });

  it('JSON: the timeline entries in order, and the findings', () => {
    const j = JSON.parse(runCli(['explain', '112-5862620-5087427', SAMPLE, '--format', 'json']).stdout);
    expectMatchesSchema(explainJsonSchema, j);
    expect(j.timeline.map((e: { what: string }) => e.what)).toEqual([
      'purchased',
      'scan: information',
      'scan: information',
      'confirmed shipped',
      'latest ship date',
    ]);
    expect(j.findings.map((f: { rule: string }) => f.rule)).toEqual(['no-carrier-scan']);
  });

  it('a compliant order: exit 0 and says so', () => {
    const audit = JSON.parse(runCli(['audit', SAMPLE, '--format', 'json']).stdout);
    const flagged = new Set<string>(audit.findings.map((f: { orderId: string }) => f.orderId));
    const id = pickCompliant(flagged);
    const r = runCli(['explain', id, SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No rule is broken by this order.');
  });

  it('an order in none of the files: exit 2', () => {
    const r = runCli(['explain', '999-0000000-0000000', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shipaudit: order 999-0000000-0000000 is in none of the files\n');
  });
});

describe('shipaudit rules', () => {
  it('lists every rule with severity and options; JSON gives the metadata', () => {
    const text = runCli(['rules']).stdout;
    expect(text).toMatch(/^confirmed-before-handover\s+error\s+/m);
    expect(text).toMatch(/option graceHours \(default 24\)/);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(json.schemaVersion).toBe(1);
    const metas = json.rules;
    expect(metas.map((m: { id: string }) => m.id)).toEqual([
      'confirmed-before-handover',
      'no-carrier-scan',
      'late-confirmation',
      'late-handover',
      'missing-tracking',
      'tracking-not-found',
      'invalid-tracking-number',
      'carrier-mismatch',
      'duplicate-tracking-number',
    ]);
  });
});

describe('help', () => {
  it.each([['audit'], ['inspect'], ['explain'], ['rules']])(
    '%s --help explains every option with an example',
    (cmd) => {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: shipaudit/);
      if (cmd !== 'rules') expect(r.stdout).toMatch(/Example/);
    },
  );
});
