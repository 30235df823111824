import { describe, expect, it } from 'vitest';
import { emptyState, isStateStart, parseState, serializeState } from '../../src/check/state.js';

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
    ['a JSON file of the user', '{"my": "precious data"}', /^version: /],
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

/**
 * Which unusable files are state files shipaudit wrote (set aside and rebuilt) and which are not (refused,
 * never moved): judged by how the file starts, so that one cut short is still known.
 */
describe('parseState: whether an unusable file is ours', () => {
  const written = serializeState(valid as never);
  it.each<[string, string, boolean]>([
    ['cut off mid-write', written.slice(0, 40), true],
    ['cut off just after "reported"', '{\n  "version": 1,\n  "reported":', true],
    ['compacted since', '{"version":1,"reported":{"k":{"first":"yesterday"}}}', true],
    ['with a byte-order mark and CRLFs', `\uFEFF${written.replaceAll('\n', '\r\n').slice(0, 60)}`, true],
    ['a damaged date', JSON.stringify({ ...valid, reported: { k: { first: 'yesterday', last: 'today' } } }), true],
    ['an unknown key at the end', JSON.stringify({ ...valid, extra: true }), true],
    ['emptied by a crash', '', true],
    ['zeros left by a crash', '\0'.repeat(200), true],
    ['a JSON file of the user', '{"my": "precious data"}', false],
    ['a JSON file starting with "version"', '{"version": 1, "name": "my-app"}', false],
    ['a state of another version', JSON.stringify({ ...valid, version: 2 }), false],
    ['the keys in another order', '{"history": [], "version": 1, "reported": {"k": 1}}', false],
    ['an array', '[]', false],
    ['text', 'my notes\n', false],
    ['text after blank lines', '\n\n  notes', false],
  ])('%s → ours: %s', (_, text, ours) => {
    const r = parseState(text);
    expect(r).toEqual({ ok: false, reason: expect.any(String), ours });
  });

  it('knows a state file by its first 64 bytes, as a write sees it', () => {
    expect(isStateStart(Buffer.from(written).subarray(0, 64).toString('utf8'))).toBe(true);
    expect(isStateStart(serializeState(emptyState()))).toBe(true);
    expect(isStateStart('{"my": "precious data"}')).toBe(false);
  });
});
