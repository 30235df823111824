import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/knowledge/events.js';

/**
 * Bench set B's generator against the classifier: the texts it calls unknown are unknown to the
 * classifier, every other text is known, and the DuckDB query's possession pattern (oracle-b.mjs) says
 * "possession" exactly where the classifier does. Otherwise the oracle would agree with the audit by luck.
 */
interface Knobs {
  orders: number;
  out: string;
  seed?: number;
  quoting?: string;
  variety?: string;
  orderFiles?: number;
  findings?: number;
  zones?: string;
}
const bench = (name: string) => pathToFileURL(resolve('bench', name)).href;
let dir: string;
let generateB: (k: Knobs) => Promise<{ early: number; late: number; parcels: number; unknownTexts: string[] }>;
let UNKNOWN: string[];
let POSSESSION: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'generate-b-'));
  ({ generateB, UNKNOWN } = await import(bench('generate-b.mjs')));
  ({ POSSESSION } = await import(bench('oracle-b.mjs')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Distinct (carrier, event text) pairs of a generated tracking export, quoted or not. */
function events(file: string): Array<[string, string]> {
  const seen = new Map<string, [string, string]>();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (!line) continue;
    const cells = [...line.matchAll(/(?:"((?:[^"]|"")*)"|([^,]*))(?:,|$)/g)].map((m) =>
      (m[1] ?? m[2] ?? '').replaceAll('""', '"'),
    );
    seen.set(`${cells[1]}\u0000${cells[3]}`, [cells[1], cells[3]]);
  }
  return [...seen.values()];
}

describe('generate-b.mjs', () => {
  const classify = createClassifier();
  it.each<[string, Partial<Knobs>]>([
    ['B (all quoted, high variety, offsets)', {}],
    [
      'C (nothing quoted, zones inferred, one order file)',
      { quoting: 'none', zones: 'inferred', findings: 0.05, orderFiles: 1 },
    ],
    ['some quoting, low variety', { quoting: 'some', variety: 'low' }],
  ])(
    '%s: unknown texts are unknown, the rest known, and the query finds possession where the classifier does',
    async (name, knobs) => {
      const out = join(dir, name.split(' ')[0] + String(Object.keys(knobs).length));
      const e = await generateB({ orders: 1500, out, ...knobs });
      const pairs = events(join(out, 'tracking.csv'));
      expect(pairs.length).toBeGreaterThan(10);
      const unknown = new Set(e.unknownTexts);
      const pattern = new RegExp(POSSESSION);
      for (const [carrier, text] of pairs) {
        const v = classify({ description: text, carrier: carrier === 'YunExpress' ? 'Yun Express' : carrier });
        if (unknown.has(text)) expect([text, v.class]).toEqual([text, 'unknown']);
        else expect([text, v.class === 'unknown']).toEqual([text, false]);
        expect([text, pattern.test(text)]).toEqual([text, v.possession]);
      }
      if (knobs.variety === 'low') expect(e.unknownTexts).toEqual([]);
      else expect(e.unknownTexts.length).toBe(UNKNOWN.length);
      // About the shares the knobs ask for (1 500 orders: loose bounds).
      const share = (e.early + e.late) / e.parcels;
      const asked = knobs.findings ?? 0.23;
      expect(share).toBeGreaterThan(asked * 0.6);
      expect(share).toBeLessThan(asked * 1.6);
    },
  );
});
