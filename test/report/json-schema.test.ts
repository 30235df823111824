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
