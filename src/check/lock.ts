import { CHECK_DEFAULTS } from './defaults.js';

/** What a lock file holds: who took it and when, so that the next run can tell a live run from a dead one. */
export interface LockInfo {
  pid: number;
  startedAt: string;
}

export function lockText(pid: number, nowMs: number): string {
  return `${JSON.stringify({ pid, startedAt: new Date(nowMs).toISOString() })}\n`;
}

export function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return Number.isInteger(v.pid) && typeof v.startedAt === 'string' && Number.isFinite(Date.parse(v.startedAt)) ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

export type LockVerdict = { takeOver: boolean; message: string };

/**
 * A held lock is respected unless it is old and its process is gone (a run killed by a reboot). A lock
 * that can't be read is judged by the file's age alone.
 */
export function lockVerdict(path: string, info: LockInfo | undefined, fileMtimeMs: number, nowMs: number, isAlive: (pid: number) => boolean): LockVerdict {
  const startedMs = info ? Date.parse(info.startedAt) : fileMtimeMs;
  const ageH = (nowMs - startedMs) / 3_600_000;
  const holder = info ? `pid ${info.pid}, started ${info.startedAt}` : 'unreadable lock file';
  const alive = info !== undefined && isAlive(info.pid);
  if (ageH > CHECK_DEFAULTS.staleLockHours && !alive) {
    return { takeOver: true, message: `took over a stale lock ${path} (${holder}, ${ageH.toFixed(1)} h old, process gone)` };
  }
  return {
    takeOver: false,
    message: `another check is running: ${path} is held (${holder}). If no shipaudit check is running, delete that file.`,
  };
}
