import { describe, expect, it } from 'vitest';
import { lockText, lockVerdict, parseLock } from '../../src/check/lock.js';

const NOW = Date.parse('2026-11-12T14:00:00Z');
const H = 3_600_000;
const P = '/srv/.shipaudit/state.json.lock';

describe('lock files', () => {
  it('write and read back', () => {
    expect(parseLock(lockText(4242, NOW))).toEqual({ pid: 4242, startedAt: '2026-11-12T14:00:00.000Z' });
  });
  it.each(['', 'garbage', '{"pid":"1"}', '{"pid":1,"startedAt":"soon"}'])('%j is unreadable', (text) => {
    expect(parseLock(text)).toBeUndefined();
  });

  const info = (hoursAgo: number) => ({ pid: 4242, startedAt: new Date(NOW - hoursAgo * H).toISOString() });
  it.each([
    ['a fresh lock of a live run', info(0.1), NOW, true, false],
    ['a fresh lock of a dead run (it may have just started elsewhere)', info(1), NOW, false, false],
    ['an old lock of a live run (a slow run is still a run)', info(7), NOW, true, false],
    ['an old lock of a dead run', info(7), NOW, false, true],
    ['an unreadable lock, old by its file time', undefined, NOW - 7 * H, false, true],
    ['an unreadable lock, new by its file time', undefined, NOW - H, false, false],
  ])('%s → take over: %s', (_, lock, mtime, alive, takeOver) => {
    const v = lockVerdict(P, lock, mtime, NOW, () => alive);
    expect(v.takeOver).toBe(takeOver);
    expect(v.message).toMatch(takeOver ? /^took over a stale lock \/srv\/\.shipaudit\/state\.json\.lock/ : /^another check is running: \/srv\/\.shipaudit\/state\.json\.lock is held/);
  });
});
