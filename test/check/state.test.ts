import { describe, expect, it } from 'vitest';
import { emptyState, parseState, serializeState } from '../../src/check/state.js';

const valid = {
  version: 1,
  reported: { 'no-carrier-scan|113-1|T1': { first: '2026-11-10T06:00:00-08:00', last: '2026-11-11T06:00:00-08:00' } },
  history: [{ asOf: '2026-11-10T06:00:00-08:00', metrics: { lsr10: 0.036, lsr30: 0.012, vtr: 0.976, early: null } }],
};

describe('parseState', () => {
  it('reads back what it writes', () => {
    expect(parseState(serializeState(valid as never))).toEqual({ ok: true, state: valid });
    expect(parseState(serializeState(emptyState()))).toEqual({
      ok: true,
      state: { version: 1, reported: {}, history: [] },
    });
  });

  it.each([
    ['cut off mid-write', '{"version": 1, "reported": {', /^not valid JSON/],
    ['empty', '', /^not valid JSON/],
    ['another version', JSON.stringify({ ...valid, version: 2 }), /^version: /],
    [
      'a rate above 1',
      JSON.stringify({
        ...valid,
        history: [{ asOf: valid.history[0].asOf, metrics: { ...valid.history[0].metrics, vtr: 97.6 } }],
      }),
      /^history\.0\.metrics\.vtr: /,
    ],
    [
      'a date that is not one',
      JSON.stringify({ ...valid, reported: { k: { first: 'yesterday', last: 'today' } } }),
      /^reported\.k\.first: expected an ISO date-time/,
    ],
    ['an unknown key', JSON.stringify({ ...valid, extra: true }), /^\(top level\): /],
    ['an array', '[]', /^\(top level\): /],
  ])('%s → a reason, never a throw', (_, text, reason) => {
    const r = parseState(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
