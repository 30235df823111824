import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditJsonSchema } from '../../src/report/json-schema.js';

describe('documented JSON schema', () => {
  it('docs/audit-output.schema.json is generated from the schema the tests use (npx tsx scripts/write-json-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/audit-output.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(auditJsonSchema))));
  });
});

describe('audit JSON in pieces', () => {
  it('the pieces join to exactly JSON.stringify(auditJson(result), null, 2)', async () => {
    const { auditJson, auditJsonChunks } = await import('../../src/report/json.js');
    const { resultFixture } = await import('./result-fixture.js');
    const result = resultFixture();
    const whole = `${JSON.stringify(auditJson(result), null, 2)}\n`;
    expect(result.findings.length).toBeGreaterThan(3);
    expect([...auditJsonChunks(result)].join('')).toBe(whole);
    // Batches of one, two and three findings, in pieces of about 200 characters: every seam is crossed.
    for (const perBatch of [1, 2, 3]) {
      const pieces = [...auditJsonChunks(result, 200, perBatch)];
      expect(pieces.join('')).toBe(whole);
      expect(pieces.length).toBeGreaterThan(2);
    }
    const none = { ...result, findings: [] };
    expect([...auditJsonChunks(none)].join('')).toBe(`${JSON.stringify(auditJson(none), null, 2)}\n`);
  });
});
