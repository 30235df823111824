import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from '../../src/report/json-schema.js';

describe('documented JSON schemas', () => {
  it.each(PUBLISHED_SCHEMAS.map((p) => [p.file, p.schema] as const))(
    'docs/%s is generated from the schema the tests use (npx tsx scripts/write-json-schema.ts)',
    (file, schema) => {
      const committed = JSON.parse(readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8'));
      expect(committed).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(schema))));
      expect(committed.properties.schemaVersion).toMatchObject({ const: 1 });
      expect(committed.required[0]).toBe('schemaVersion');
    },
  );

  it('lists summary.excluded by stable keys', () => {
    const audit = JSON.parse(readFileSync(new URL('../../docs/audit-output.schema.json', import.meta.url), 'utf8'));
    expect(Object.keys(audit.properties.summary.properties.excluded.properties)).toEqual([
      'afn',
      'cancelled',
      'outside-window',
    ]);
  });
});

describe('audit JSON in pieces', () => {
  it('the pieces join to the indented document with each finding compact on its own line', async () => {
    const { auditJson, auditJsonChunks, formatAuditJson } = await import('../../src/report/json.js');
    const { resultFixture } = await import('./result-fixture.js');
    const { auditJsonLayout } = await import('./audit-json-layout.js');
    const result = resultFixture();
    const whole = auditJsonLayout(auditJson(result));
    expect(result.findings.length).toBeGreaterThan(3);
    // The same document as before, only laid out otherwise; a finding's line parses alone (after its comma).
    expect(JSON.parse(whole)).toEqual(JSON.parse(JSON.stringify(auditJson(result))));
    const lines = whole.split('\n').filter((l) => l.startsWith('    {"rule":'));
    expect(lines.length).toBe(result.findings.length);
    expect(lines.map((l) => JSON.parse(l.replace(/,$/, '')).orderId)).toEqual(
      Array.from(result.findings, (f) => f.orderId),
    );
    const text = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString('utf8');
    expect(text([...auditJsonChunks(result)])).toBe(whole);
    expect(formatAuditJson(result)).toBe(whole);
    // Batches of one, two and three findings: every seam is crossed. Each piece is whole UTF-8 characters.
    for (const perBatch of [1, 2, 3]) {
      const pieces = [...auditJsonChunks(result, perBatch)];
      expect(text(pieces)).toBe(whole);
      expect(pieces.length).toBe(2 + Math.ceil(result.findings.length / perBatch));
      for (const p of pieces) expect(Buffer.from(p).toString('utf8').includes('\ufffd')).toBe(false);
    }
    const none = { ...result, findings: [] };
    expect(text([...auditJsonChunks(none)])).toBe(`${JSON.stringify(auditJson(none), null, 2)}\n`);
    expect(text([...auditJsonChunks(none)])).toBe(auditJsonLayout(auditJson(none)));
  });
});
