import { CHECK_DEFAULTS } from './defaults.js';

/**
 * What a lock file holds: who took it and when, so that the next run can tell a live run from a dead
 * one. `host`, `bootId` and `procStart` (the holder's start time in clock ticks since boot, on Linux) tell
 * a pid reused by another process, or by a restarted container's pid 1, from the run that took the lock.
 */
export interface LockInfo {
  pid: number;
  startedAt: string;
  host?: string;
  bootId?: string;
  procStart?: string;
}

/** What is known of the process now holding the lock's pid (see src/cli/process.ts). */
export interface Holder {
  alive: boolean;
  startTicks?: string;
  startedMs?: number;
}

/** The machine judging the lock. */
export interface Here {
  host: string;
  bootId?: string;
}

/** A process writes its lock after it started; clock granularity and boot-time rounding stay under this. */
const START_SLACK_MS = 2000;

export function lockText(pid: number, nowMs: number, me: Partial<Omit<LockInfo, 'pid' | 'startedAt'>> = {}): string {
  return `${JSON.stringify({ pid, startedAt: new Date(nowMs).toISOString(), ...me })}\n`;
}

export function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (!Number.isInteger(v.pid) || typeof v.startedAt !== 'string' || !Number.isFinite(Date.parse(v.startedAt)))
      return undefined;
    const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
    const info: LockInfo = { pid: v.pid as number, startedAt: v.startedAt };
    for (const k of ['host', 'bootId', 'procStart'] as const) if (str(v[k])) info[k] = str(v[k]);
    return info;
  } catch {
    return undefined;
  }
}

/**
 * Whether a file's text is a lock shipaudit took: one it can read, or what a run that died while taking it
 * leaves (nothing, or the start of one). Any other file under a lock's name is the user's, never removed.
 */
export function isLockText(text: string): boolean {
  return parseLock(text) !== undefined || /^[\s\0]*$/.test(text) || /^\s*\{\s*"pid"\s*:/.test(text);
}

export type LockVerdict = { takeOver: boolean; message: string };

/**
 * A held lock is respected while the run that took it may still be running. It is stale, and taken over
 * at once, when its pid is gone, when the pid now belongs to a process that started after the lock was
 * taken (pid reuse), or when this machine has restarted since. A lock taken on another machine (a shared
 * folder) can't be checked: it is stale only once older than the longest plausible run, like a lock file
 * that can't be read (judged by the file's age).
 */
export function lockVerdict(
  path: string,
  info: LockInfo | undefined,
  fileMtimeMs: number,
  nowMs: number,
  probe: (pid: number) => boolean | Holder,
  here?: Here,
): LockVerdict {
  const startedMs = info ? Date.parse(info.startedAt) : fileMtimeMs;
  const ageH = (nowMs - startedMs) / 3_600_000;
  const old = ageH > CHECK_DEFAULTS.staleLockHours;
  const elsewhere = info?.host !== undefined && here !== undefined && info.host !== here.host;
  const holder = info
    ? `pid ${info.pid}${elsewhere ? ` on ${info.host}` : ''}, started ${info.startedAt}`
    : 'unreadable lock file';
  const stale = (why: string): LockVerdict => ({
    takeOver: true,
    message: `took over a stale lock ${path} (${holder}, ${ageH.toFixed(1)} h old, ${why})`,
  });
  const held: LockVerdict = {
    takeOver: false,
    message:
      `another check is running: ${path} is held (${holder}). ` + 'If no shipaudit check is running, delete that file.',
  };
  const longest = `older than ${CHECK_DEFAULTS.staleLockHours} h`;
  if (!info) return old ? stale(`unreadable, ${longest}`) : held;
  if (elsewhere) return old ? stale(`taken on another machine, ${longest}`) : held;
  if (info.bootId && here?.bootId && info.bootId !== here.bootId) return stale('the machine has restarted since');
  const p = probe(info.pid);
  const now: Holder = typeof p === 'boolean' ? { alive: p } : p;
  if (!now.alive) return stale('process gone');
  const since = now.startedMs === undefined ? 'since' : new Date(now.startedMs).toISOString();
  const reused = `pid now used by another process started ${since}`;
  if (info.procStart && now.startTicks && info.procStart !== now.startTicks) return stale(reused);
  if (now.startedMs !== undefined && now.startedMs > startedMs + START_SLACK_MS) return stale(reused);
  return held;
}
