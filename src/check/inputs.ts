import type { InputProblem } from './types.js';

const HOUR = 3_600_000;

/** Characters that make an `inputs` entry a glob rather than a folder or file. */
const GLOB_MAGIC = /[*?[\]{}]/;

export function isGlob(entry: string): boolean {
  return GLOB_MAGIC.test(entry);
}

/** The folder a glob walks: its segments before the first one with a wildcard ("." when none). */
export function globBase(pattern: string): string {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const i = parts.findIndex((p) => GLOB_MAGIC.test(p));
  const base = parts.slice(0, i < 0 ? parts.length : i).join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

/**
 * Old tracking data is a warning in itself: a download that stopped makes every parcel look fine
 * (no scan missing can be seen) while the grace runs out unseen.
 */
export function staleTracking(newestMs: number | undefined, asOfMs: number, staleAfterHours: number, newestIso: string | undefined): InputProblem | undefined {
  if (newestMs === undefined) {
    return { level: 'warning', kind: 'no-tracking', message: 'no tracking data in the inputs: carrier scans were not checked' };
  }
  const ageH = (asOfMs - newestMs) / HOUR;
  if (ageH <= staleAfterHours) return undefined;
  return {
    level: 'warning',
    kind: 'stale-tracking',
    message: `tracking data is stale: the newest event is ${ageH.toFixed(1)} h old (${newestIso}), more than ${staleAfterHours} h; scans since then are not seen, check the download`,
  };
}
