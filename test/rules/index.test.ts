import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveOptions, ruleById, RULES } from '../../src/rules/index.js';

const ruleFiles = readdirSync(new URL('../../src/rules/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'helpers.ts'].includes(f))
  .map((f) => f.slice(0, -3));

describe('RULES', () => {
  it('lists every rule file once, each named after its id', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(ruleFiles.sort());
  });

  it('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.meta.id)).size).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: meta is complete', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(['error', 'warning']).toContain(rule.meta.severity);
    expect(rule.meta.description).toMatch(/^[A-Z].{20,}\.$/);
    for (const [name, o] of Object.entries(rule.meta.options)) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(['number', 'string', 'boolean']).toContain(typeof o.default);
      expect(o.description).not.toBe('');
    }
    expect(ruleById(id)).toBe(rule);
  });

  it('gives both grace rules a 24 h default', () => {
    for (const id of ['confirmed-before-handover', 'no-carrier-scan']) {
      expect(resolveOptions(ruleById(id)!.meta)).toEqual({ graceHours: 24 });
    }
  });
});

describe('ruleById', () => {
  it('returns undefined for an unknown id', () => {
    expect(ruleById('no-such-rule')).toBeUndefined();
  });
});

describe('resolveOptions', () => {
  it.each([
    [{}, { graceHours: 24 }],
    [{ graceHours: 0 }, { graceHours: 0 }],
    [{ graceHours: 48, unknown: 1 }, { graceHours: 48 }],
  ])('%j → %j', (given, resolved) => {
    expect(resolveOptions(ruleById('confirmed-before-handover')!.meta, given)).toEqual(resolved);
  });
});
