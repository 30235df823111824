// Regenerates docs/audit-output.schema.json from the zod schema the tests validate against.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { auditJsonSchema } from '../src/report/json-schema.js';

writeFileSync(new URL('../docs/audit-output.schema.json', import.meta.url), `${JSON.stringify(z.toJSONSchema(auditJsonSchema), null, 2)}\n`);
