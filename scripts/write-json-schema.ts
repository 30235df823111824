// Regenerates docs/<command>-output.schema.json from the zod schemas the tests validate against.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from '../src/report/json-schema.js';

for (const { file, schema } of PUBLISHED_SCHEMAS) {
  writeFileSync(new URL(`../docs/${file}`, import.meta.url), `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`);
}
