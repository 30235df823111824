import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid, oneLineError, shipaudit, useBuiltCli, withNightly } from './helpers.js';

/**
 * Issue 15, item 12: a lock left by a dead run blocked the check for 6 hours, and one whose pid had been
 * reused (pid 1 in a container, restarted) blocked it for ever.
 */
useBuiltCli();
// The nightly base alone while its orders are fresh (by Nov 10 they have stopped for four days: a warning).
const BASE_NIGHT = '2026-11-08T08:00';
const MIN = 60_000;

function lockedDir(lock: object): { dir: string; lock: string } {
  const dir = withNightly();
  mkdirSync(join(dir, '.shipaudit'));
  const path = join(dir, '.shipaudit/state.json.lock');
  writeFileSync(path, JSON.stringify(lock));
  return { dir, lock: path };
}

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('a stale lock is taken over at once, saying what held it and since when', () => {
  it('the lock of a run that died a minute ago', () => {
    const pid = deadPid();
    const { dir, lock } = lockedDir({ pid, startedAt: ago(MIN) });
    const r = shipaudit(dir, 'check', '--as-of', BASE_NIGHT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        `^shipaudit: note: took over a stale lock .*state\\.json\\.lock ` +
          `\\(pid ${pid}, started .+, 0\\.0 h old, process gone\\)\\n$`,
      ),
    );
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock whose pid now belongs to a process started after the lock (pid reused)', async () => {
    const other = spawn('sleep', ['30']);
    await new Promise((res) => other.once('spawn', res));
    try {
      const { dir } = lockedDir({ pid: other.pid, startedAt: ago(60 * MIN) });
      const r = shipaudit(dir, 'check', '--as-of', BASE_NIGHT);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `^shipaudit: note: took over a stale lock .* \\(pid ${other.pid}, started .+, 1\\.0 h old, ` +
            `pid now used by another process started .+\\)\\n$`,
        ),
      );
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('pid 1 recorded before the container restarted', () => {
    const { dir } = lockedDir({ pid: 1, startedAt: '2001-01-01T00:00:00.000Z' });
    const r = shipaudit(dir, 'check', '--as-of', BASE_NIGHT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^shipaudit: note: took over a stale lock .*\(pid 1, started 2001-01-01T00:00:00\.000Z, /);
    expect(r.stderr).toMatch(/ h old, pid now used by another process started .+\)\n$/);
  });

  it('a lock of this machine that records a process start time the pid no longer has', () => {
    const { dir } = lockedDir({ pid: process.pid, startedAt: ago(MIN), procStart: '1', host: hostname() });
    const r = shipaudit(dir, 'check', '--as-of', BASE_NIGHT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/pid now used by another process/);
  });

  it('a live run keeps its lock: exit 2, one line naming the holder and since when', () => {
    // Taken now by this process, which started before: the lock of a live run.
    const { dir, lock } = lockedDir({ pid: process.pid, startedAt: ago(0) });
    const r = shipaudit(dir, 'check', '--as-of', BASE_NIGHT);
    expect(r.code).toBe(2);
    expect(oneLineError(r.stderr)).toMatch(
      new RegExp(`another check is running: .*state\\.json\\.lock is held \\(pid ${process.pid}, started .+\\)`),
    );
    expect(existsSync(lock)).toBe(true);
  });
});
