import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * Asserts that a command's JSON matches its published schema: valid, version 1 first, and no top-level key
 * the schema does not document (zod would pass an undocumented key silently).
 */
export function expectMatchesSchema(schema: z.ZodObject, json: Record<string, unknown>): void {
  const parsed = schema.safeParse(json);
  expect(parsed.success ? 'valid' : parsed.error.issues.slice(0, 3)).toBe('valid');
  expect(Object.keys(json)[0]).toBe('schemaVersion');
  expect(json.schemaVersion).toBe(1);
  const documented = Object.keys(schema.shape);
  expect(Object.keys(json).filter((k) => !documented.includes(k))).toEqual([]);
}
