import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_SHAPES } from '../../../../src/read/api/services/index.js';
import { ROOT } from '../../../helpers/cli.js';

const SAMPLES = path.resolve(ROOT, '../shared/real-samples');

describe('SERVICE_SHAPES', () => {
  it('has unique ids, all JSON', () => {
    const ids = SERVICE_SHAPES.map((s) => s.id);
    expect(ids).toEqual(['17track-v2.2', '17track-v2.2-push', '17track-web', 'aftership', 'cainiao-global']);
    expect(SERVICE_SHAPES.every((s) => s.format === 'json')).toBe(true);
  });

  // The carriers' and Amazon's real responses belong to other readers: no service shape may claim them.
  const others = readdirSync(SAMPLES).filter(
    (f) => f.endsWith('.json') && !f.startsWith('17track') && !f.startsWith('aftership'),
  );
  it('the real samples list other JSON responses', () => {
    expect(others.length).toBeGreaterThanOrEqual(5);
  });
  it.each(others)('%s is claimed by no service shape', (file) => {
    const doc: unknown = JSON.parse(readFileSync(path.join(SAMPLES, file), 'utf8'));
    const docs = Array.isArray(doc) ? doc : [doc];
    for (const d of docs) expect(SERVICE_SHAPES.filter((s) => s.matches(d)).map((s) => s.id)).toEqual([]);
  });

  it.each([null, 42, 'text', [], {}, { code: 0 }, { data: {} }, { meta: {} }, { module: [] }])(
    '%j is claimed by no service shape',
    (doc) => {
      expect(SERVICE_SHAPES.filter((s) => s.matches(doc))).toEqual([]);
    },
  );
});
