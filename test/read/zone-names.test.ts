import { describe, expect, it } from 'vitest';
import { isCalendarDate, zoneNameProblem } from '../../src/read/time.js';

describe('zoneNameProblem', () => {
  it.each<[string, string | undefined]>([
    ['America/New_York', undefined],
    ['Asia/Shanghai', undefined],
    ['UTC', undefined],
    ['+08:00', undefined],
    ['EST', '"EST" is an abbreviation, not a time zone: use an IANA name such as America/New_York'],
    ['pst', '"pst" is an abbreviation, not a time zone: use an IANA name such as America/Los_Angeles'],
    ['EST5EDT', '"EST5EDT" is an abbreviation, not a time zone: use an IANA name such as America/New_York'],
    ['Mars/Olympus', 'unknown time zone "Mars/Olympus" (use an IANA name such as America/New_York)'],
    ['Japan', undefined],
    ['PRC', '"PRC" is an abbreviation, not a time zone: use an IANA name such as Asia/Shanghai'],
  ])('%s', (name, problem) => {
    expect(zoneNameProblem(name)).toBe(problem);
  });
});

describe('isCalendarDate', () => {
  it.each<[string, boolean]>([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-1-10', false],
  ])('%s → %s', (text, real) => {
    expect(isCalendarDate(text)).toBe(real);
  });
});
