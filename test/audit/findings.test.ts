import { describe, expect, it } from 'vitest';
import { auditDetailed } from '../../src/audit/run.js';
import { auditOptions, loadSettings } from '../../src/cli/settings.js';
import { loadShipments } from '../../src/engine/index.js';
import { findingsByShipment, type Finding } from '../../src/model/finding.js';
import type { AuditResult } from '../../src/model/result.js';
import { evidenceCsvChunks, formatEvidenceCsv } from '../../src/report/evidence-csv.js';
import { auditJson, auditJsonChunks } from '../../src/report/json.js';
import { worstFirst, worstOf } from '../../src/report/text.js';
import { auditJsonLayout } from '../report/audit-json-layout.js';

/** The audit of a fixture folder, in-process, as `shipaudit audit` makes it. */
async function auditOf(dir: string, asOf?: string): Promise<AuditResult> {
  const settings = await loadSettings({});
  const loaded = await loadShipments([dir], settings);
  const opts = auditOptions(settings, { inputs: loaded.inputs, unclassified: loaded.unclassified });
  return auditDetailed(loaded, { ...opts, ...(asOf && { asOfMs: Date.parse(asOf) }) }).result;
}

const FOLDERS: Array<[string, string | undefined]> = [
  ['fixtures/sample-month', undefined],
  ['fixtures/formats', '2026-11-28T00:00:00Z'],
  ['fixtures/appeal-no-improvement', undefined],
];

describe.each(FOLDERS)("an audit's findings made when read: %s", (dir, asOf) => {
  it('has findings to check (the fixture is not clean)', async () => {
    const { findings, summary } = await auditOf(dir, asOf);
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.length).toBe(summary.findingsBySeverity.error + summary.findingsBySeverity.warning);
  });

  it('gives the same finding by index, from the end and by iteration, and nothing past either end', async () => {
    const { findings } = await auditOf(dir, asOf);
    const listed = [...findings];
    expect(listed).toHaveLength(findings.length);
    listed.forEach((f, i) => {
      expect(findings.at(i)).toEqual(f);
      expect(findings.at(i - findings.length)).toEqual(f);
    });
    expect(findings.at(findings.length)).toBeUndefined();
    expect(findings.at(-findings.length - 1)).toBeUndefined();
  });

  it('counts by rule and severity what it lists', async () => {
    const { findings, summary } = await auditOf(dir, asOf);
    const byRule: Record<string, number> = {};
    for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    for (const [rule, n] of Object.entries(summary.findingsByRule)) expect(byRule[rule] ?? 0).toBe(n);
  });

  it("lists findings in audit order: by confirmation time, a shipment's together", async () => {
    const listed = [...(await auditOf(dir, asOf)).findings];
    const shipments = findingsByShipment(listed);
    // Grouped and sorted as the evidence files order them, then laid out again: the same list.
    const regrouped: Finding[] = [];
    for (const g of shipments) regrouped.push(...listed.filter((f) => g.includes(f)));
    expect(regrouped).toEqual(listed);
  });

  it('writes the JSON in batches as the whole result would lay out', async () => {
    const result = await auditOf(dir, asOf);
    const whole = auditJsonLayout(auditJson(result));
    for (const perBatch of [1, 3, 32]) {
      const text = Buffer.concat([...auditJsonChunks(result, perBatch)]).toString('utf8');
      expect(text).toBe(whole);
    }
  });

  it('writes the evidence CSV row by row as the whole list would format', async () => {
    const { findings } = await auditOf(dir, asOf);
    expect([...evidenceCsvChunks(findings)].join('')).toBe(formatEvidenceCsv([...findings]));
  });
});

describe('worstOf: the worst offenders without sorting them all', () => {
  const f = (orderId: string, rule: string, severity: Finding['severity'], lagHours?: number, tn = ''): Finding =>
    ({ orderId, rule, severity, lagHours, trackingNumber: tn }) as Finding;
  // Ties (same order, rule, severity and lag, other tracking numbers) keep their order, as a stable sort does.
  const list = [
    f('B', 'late-handover', 'warning', 5),
    f('A', 'confirmed-before-handover', 'error', 40),
    f('C', 'no-carrier-scan', 'warning'),
    f('D', 'confirmed-before-handover', 'error', 40, '1'),
    f('D', 'confirmed-before-handover', 'error', 40, '2'),
    f('E', 'late-confirmation', 'error'),
    f('A', 'late-confirmation', 'error', 40),
    f('D', 'confirmed-before-handover', 'error', 40, '3'),
    f('F', 'late-handover', 'warning', 80),
  ];
  it.each([0, 1, 2, 4, 5, 9, 20])('top %i is the stable sort cut there', (top) => {
    const sorted = [...list].sort(worstFirst).slice(0, top);
    expect(worstOf(list, top).map((x) => `${x.orderId}${x.trackingNumber} ${x.rule}`)).toEqual(
      sorted.map((x) => `${x.orderId}${x.trackingNumber} ${x.rule}`),
    );
  });
});
