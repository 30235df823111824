import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * What can be known of another process from here: whether its pid is in use and, on Linux, when the
 * process holding that pid started (from /proc), so that a pid reused by another process is told apart.
 */
export interface ProcessProbe {
  alive: boolean;
  /** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot, exact for comparison. */
  startTicks?: string;
  /** The same as a moment (boot time + ticks at the usual 100 per second). */
  startedMs?: number;
}

/** This machine: its name and, on Linux, the id of the current boot. */
export interface Machine {
  host: string;
  bootId?: string;
}

/** Linux reports process times in USER_HZ ticks, 100 per second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function probeProcess(pid: number): ProcessProbe {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { alive: false };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const boot = bootTimeMs();
    if (!startTicks || !/^\d+$/.test(startTicks)) return { alive: true };
    return {
      alive: true,
      startTicks,
      startedMs: boot === undefined ? undefined : boot + (Number(startTicks) * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return { alive: true };
  }
}

/** Whether the process that wrote something at `writtenMs` is gone: its pid is free, or now another's. */
export function processIsGone(pid: number, writtenMs: number): boolean {
  const p = probeProcess(pid);
  return !p.alive || (p.startedMs !== undefined && p.startedMs > writtenMs + 2000);
}

export function thisMachine(): Machine {
  let bootId: string | undefined;
  try {
    bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    bootId = undefined;
  }
  return { host: hostname(), bootId };
}

function bootTimeMs(): number | undefined {
  const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
  return m ? Number(m[1]) * 1000 : undefined;
}
