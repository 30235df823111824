import { describe, expect, it } from 'vitest';
import { isLockText, lockText, lockVerdict, parseLock, type Holder, type LockInfo } from '../../src/check/lock.js';

const NOW = Date.parse('2026-11-12T14:00:00Z');
const H = 3_600_000;
const P = '/srv/.shipaudit/state.json.lock';
const HERE = { host: 'shop-server', bootId: 'boot-b' };

describe('lock files', () => {
  it('write and read back', () => {
    expect(parseLock(lockText(4242, NOW))).toEqual({ pid: 4242, startedAt: '2026-11-12T14:00:00.000Z' });
    expect(parseLock(lockText(4242, NOW, { host: 'shop-server', bootId: 'boot-b', procStart: '81234' }))).toEqual({
      pid: 4242,
      startedAt: '2026-11-12T14:00:00.000Z',
      host: 'shop-server',
      bootId: 'boot-b',
      procStart: '81234',
    });
  });
  it.each(['', 'garbage', '{"pid":"1"}', '{"pid":1,"startedAt":"soon"}'])('%j is unreadable', (text) => {
    expect(parseLock(text)).toBeUndefined();
  });

  it.each<[string, boolean]>([
    [lockText(4242, NOW), true],
    ['', true],
    ['\0\0\0\0', true],
    ['{"pid":4242,"startedAt":"2026-11-', true],
    ['{"pid":1,"startedAt":"soon"}', true],
    ['garbage', false],
    ['my notes about the lock\n', false],
    ['{"name": "my-app", "lockfileVersion": 3}', false],
  ])('%j is a lock shipaudit took (or began to): %s', (text, ours) => {
    expect(isLockText(text)).toBe(ours);
  });

  const info = (hoursAgo: number, more: Partial<LockInfo> = {}): LockInfo => ({
    pid: 4242,
    startedAt: new Date(NOW - hoursAgo * H).toISOString(),
    ...more,
  });
  const alive = (startedHoursAgo: number, startTicks?: string): Holder => ({
    alive: true,
    startedMs: NOW - startedHoursAgo * H,
    startTicks,
  });
  const dead: Holder = { alive: false };
  const mine = { host: 'shop-server', bootId: 'boot-b', procStart: '500' };
  it.each<[string, LockInfo | undefined, number, Holder, boolean, RegExp?]>([
    ['a fresh lock of a live run', info(0.1), NOW, alive(0.2), false],
    ['a fresh lock of a dead run: taken over at once', info(0.1), NOW, dead, true, /0\.1 h old, process gone\)$/],
    ['an old lock of a live run (a slow run is still a run)', info(7), NOW, alive(7.1), false],
    ['an old lock of a dead run', info(7), NOW, dead, true, /process gone/],
    [
      'a lock whose pid belongs to a process started after it (reused pid)',
      info(1),
      NOW,
      alive(0.5),
      true,
      /pid now used by another process started 2026-11-12T13:30:00\.000Z\)$/,
    ],
    [
      'pid 1 of a restarted container, lock from before',
      info(48, { pid: 1 }),
      NOW,
      alive(2),
      true,
      /pid now used by another process/,
    ],
    [
      'a lock recording another start time of its pid',
      info(0.1, mine),
      NOW,
      alive(0.2, '999'),
      true,
      /pid now used by another process/,
    ],
    ['a lock recording the start time its pid still has', info(0.1, mine), NOW, alive(0.2, '500'), false],
    [
      'a lock from before this machine restarted',
      info(0.1, { ...mine, bootId: 'boot-a' }),
      NOW,
      alive(0.2, '500'),
      true,
      /the machine has restarted since\)$/,
    ],
    [
      'a fresh lock taken on another machine (its pid means nothing here)',
      info(1, { ...mine, host: 'nas' }),
      NOW,
      dead,
      false,
    ],
    [
      'an old lock taken on another machine',
      info(7, { ...mine, host: 'nas' }),
      NOW,
      dead,
      true,
      /\(pid 4242 on nas, .*taken on another machine, older than 6 h\)$/,
    ],
    [
      'an unreadable lock, old by its file time',
      undefined,
      NOW - 7 * H,
      dead,
      true,
      /unreadable lock file, 7\.0 h old, unreadable, older than 6 h\)$/,
    ],
    ['an unreadable lock, new by its file time', undefined, NOW - H, dead, false],
  ])('%s → take over: %s', (_, lock, mtime, holder, takeOver, why) => {
    const v = lockVerdict(P, lock, mtime, NOW, () => holder, HERE);
    expect(v.takeOver).toBe(takeOver);
    expect(v.message).toMatch(
      takeOver
        ? /^took over a stale lock \/srv\/\.shipaudit\/state\.json\.lock \(/
        : /^another check is running: \/srv\/\.shipaudit\/state\.json\.lock is held \(/,
    );
    if (why) expect(v.message).toMatch(why);
    if (lock) expect(v.message).toContain(`started ${lock.startedAt}`);
  });

  it('a plain liveness answer still works (no start time known: a live pid holds)', () => {
    expect(lockVerdict(P, info(7), NOW, NOW, () => true).takeOver).toBe(false);
    expect(lockVerdict(P, info(0.1), NOW, NOW, () => false).takeOver).toBe(true);
  });
});
