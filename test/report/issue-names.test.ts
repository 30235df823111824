import { describe, expect, it } from 'vitest';
import { ISSUE_NAMES, issueName } from '../../src/report/issue-names.js';
import { RULES } from '../../src/rules/index.js';

describe('ISSUE_NAMES', () => {
  it.each(RULES.map((r) => r.meta.id))('%s has a plain-English name', (id) => {
    expect(ISSUE_NAMES[id]).toMatch(/^[A-Z][a-z ]+$/);
    expect(issueName(id)).not.toBe(id);
  });

  it('names only rules that exist, each name once, short enough for one line of the printed table', () => {
    expect(Object.keys(ISSUE_NAMES).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    const names = Object.values(ISSUE_NAMES);
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(30);
  });

  it('shows an unknown rule by its id', () => {
    expect(issueName('some-config-rule')).toBe('some-config-rule');
  });
});
