import { describe, expect, it } from 'vitest';
import { findingKey, markReported, splitNew } from '../../src/check/identity.js';
import { finding } from './helpers.js';

const NIGHT1 = '2026-11-10T06:00:00-08:00';
const NIGHT2 = '2026-11-11T06:00:00-08:00';

describe('findingKey', () => {
  it.each([
    [
      'no-carrier-scan',
      '113-1000003-0000003',
      '9400111899562000009035',
      'no-carrier-scan|113-1000003-0000003|9400111899562000009035',
    ],
    ['missing-tracking', '113-1000003-0000003', '', 'missing-tracking|113-1000003-0000003|'],
  ])('%s %s %s → %s', (rule, orderId, tn, key) => {
    expect(findingKey({ rule, orderId, trackingNumber: tn })).toBe(key);
  });
});

describe('splitNew', () => {
  const a = finding('confirmed-before-handover', '113-1', 'T1');
  const b = finding('late-confirmation', '113-2', 'T2');
  const c = finding('late-handover', '113-2', 'T2', 'warning');
  const reported = {
    [findingKey(a)]: { first: NIGHT1, last: NIGHT1 },
    [findingKey(c)]: { first: NIGHT1, last: NIGHT1 },
  };

  it.each([
    ['first run: everything is new', {}, [a, b, c], [a, b, c], 0, {}],
    [
      'second run: only the unreported one',
      reported,
      [a, b, c],
      [b],
      2,
      { 'confirmed-before-handover': 1, 'late-handover': 1 },
    ],
    [
      'the same package under another rule is another finding',
      { [findingKey(b)]: { first: NIGHT1, last: NIGHT1 } },
      [c],
      [c],
      0,
      {},
    ],
  ])('%s', (_, state, findings, fresh, count, byRule) => {
    const r = splitNew(findings, state);
    expect(r.newFindings).toEqual(fresh);
    expect(r.alreadyReported).toEqual({ count, byRule });
  });
});

describe('markReported', () => {
  const a = finding('no-carrier-scan', '113-1', 'T1');
  it('keeps the first sighting and moves the last', () => {
    const next = markReported({ [findingKey(a)]: { first: NIGHT1, last: NIGHT1 } }, [a], NIGHT2, Date.parse(NIGHT2));
    expect(next).toEqual({ [findingKey(a)]: { first: NIGHT1, last: NIGHT2 } });
  });
  it.each([
    ['seen 44 days ago: kept, it may flicker back', '2026-09-28T06:00:00-08:00', true],
    ['seen 46 days ago: forgotten, it cannot be in the window again', '2026-09-26T06:00:00-08:00', false],
  ])('a finding gone tonight, %s', (_, last, kept) => {
    const next = markReported({ old: { first: last, last } }, [], NIGHT2, Date.parse(NIGHT2));
    expect('old' in next).toBe(kept);
  });
});
