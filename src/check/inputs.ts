import type { InputProblem } from '../model/check.js';

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
  if (base === '') return pattern.startsWith('/') || pattern.startsWith('\\') ? '/' : '.';
  // `C:` alone is the working folder of drive C, not its root: `C:/*.csv` means the root.
  return /^[A-Za-z]:$/.test(base) && i > 0 ? `${base}/` : base;
}

/**
 * Old tracking data is a warning in itself: a download that stopped makes every parcel look fine
 * (no scan missing can be seen) while the grace runs out unseen.
 */
export function staleTracking(
  newestMs: number | undefined,
  asOfMs: number,
  staleAfterHours: number,
  newestIso: string | undefined,
): InputProblem | undefined {
  if (newestMs === undefined) {
    return {
      level: 'warning',
      kind: 'no-tracking',
      message: 'no tracking data in the inputs: carrier scans were not checked',
    };
  }
  const ageH = (asOfMs - newestMs) / HOUR;
  if (ageH <= staleAfterHours) return undefined;
  return {
    level: 'warning',
    kind: 'stale-tracking',
    message: `tracking data is stale: the newest event is ${ageH.toFixed(1)} h old (${newestIso}), more than ${staleAfterHours} h; scans since then are not seen, check the download`,
  };
}

/**
 * An Unshipped Orders report is a snapshot: the orders due it names are as of when Amazon made it. One
 * older than `staleAfterHours` (the limit for tracking) drives at-risk lines about orders that may have
 * shipped since, and misses orders due since: a warning, as old tracking is.
 */
export function staleSnapshot(
  snapshot: { file: string; ms: number },
  asOfMs: number,
  staleAfterHours: number,
  iso: string,
): InputProblem | undefined {
  const ageH = (asOfMs - snapshot.ms) / HOUR;
  if (ageH <= staleAfterHours) return undefined;
  const name = snapshot.file.split(/[\\/]/).pop();
  return {
    level: 'warning',
    kind: 'stale-unshipped',
    message: `the Unshipped Orders report ${name} is stale: it was made ${ageH.toFixed(1)} h ago (${iso}), more than ${staleAfterHours} h; the orders due it names may have shipped since and newer ones are not seen, check the download`,
  };
}

/** Newest time of each side of the data, and what lay beyond the clock (ms; undefined: none read). */
export interface Freshness {
  newestOrderMs?: number;
  newestConfirmationMs?: number;
  /** Confirmations made after the newest order whose order no order file names. */
  confirmationsAfterOrders: number;
  /** Tracking numbers first scanned after the newest confirmation that no confirmation names. */
  scansAfterConfirmations: number;
  /** Tracking events dated more than a day after the check's clock: left out of the tracking freshness. */
  futureEvents: number;
  newestFutureMs?: number;
  /** The days (UTC day numbers, Math.floor(ms / DAY)) with an order or a confirmation: each side's rhythm. */
  orderDays?: Iterable<number>;
  confirmationDays?: Iterable<number>;
}

const DAY = 24 * HOUR;

/**
 * The shop's own rhythm: a side whose silence lasts more than `factor` times its longest gap between
 * consecutive days with records in the window (and at least `minHours`) has likely stopped. Fewer than
 * `minDays` days with records show no rhythm: only the fixed limit applies then.
 */
const RHYTHM = { factor: 2, minHours: 48, minDays: 7 } as const;

/** The rhythm limit in hours from a side's days with records, or undefined when they show no rhythm. */
export function rhythmLimitHours(days: Iterable<number>, fromMs: number, asOfMs: number): number | undefined {
  const first = Math.floor(fromMs / DAY);
  const last = Math.floor(asOfMs / DAY);
  const inWindow = [...new Set(days)].filter((d) => d >= first && d <= last).sort((a, b) => a - b);
  if (inWindow.length < RHYTHM.minDays) return undefined;
  let longest = 0;
  for (let k = 1; k < inWindow.length; k++) longest = Math.max(longest, inWindow[k] - inWindow[k - 1]);
  return Math.max(RHYTHM.minHours, RHYTHM.factor * longest * 24);
}

/**
 * Orders and confirmations have their own freshness: when their download stops while tracking goes on,
 * every new order is missing and nothing else can tell (no order, no finding). A side is stale when its
 * newest is older than `maxQuietHours` (the seller's limit), or than its own rhythm allows (see RHYTHM: a
 * shop with an order every day stopping for four days, while tracking of older parcels goes on), or older
 * than `staleAfterHours` while the next side moved on without it: confirmations of orders no order file
 * names, scans of parcels no confirmation names (a shop's quiet day leaves no such trace). Data newer than
 * the clock by more than a day means the clock (or the data) is wrong: the check would judge the wrong days.
 */
export function staleOrderData(
  f: Freshness,
  asOfMs: number,
  hours: { staleAfterHours: number; maxQuietHours: number; windowDays: number },
  toleranceMs: number,
  iso: (ms: number) => string,
): InputProblem[] {
  const { staleAfterHours } = hours;
  const out: InputProblem[] = [];
  const sides = [
    {
      ms: f.newestOrderMs,
      stale: 'stale-orders',
      none: 'no-orders',
      what: 'order',
      data: 'order data',
      from: 'an order report (All Orders, Order report) or Orders API export',
      movedOn: f.confirmationsAfterOrders,
      days: f.orderDays,
      rhythm: 'the longest gap between order days in the window',
      sign: (n: number) =>
        n === 1
          ? '1 confirmation since then names an order no order file has'
          : `${n} confirmations since then name orders no order file has`,
    },
    {
      ms: f.newestConfirmationMs,
      stale: 'stale-confirmations',
      none: 'no-confirmations',
      what: 'confirmation',
      data: 'confirmation data',
      from: '',
      movedOn: f.scansAfterConfirmations,
      days: f.confirmationDays,
      rhythm: 'the longest gap between confirmation days in the window',
      sign: (n: number) =>
        n === 1
          ? '1 parcel scanned since then has no confirmation'
          : `${n} parcels scanned since then have no confirmation`,
    },
  ] as const;
  for (const s of sides) {
    if (s.ms === undefined) {
      // No confirmations at all is reported by the caller (nothing could be checked); no orders is told here.
      if (s.none === 'no-orders') {
        const unchecked = 'new orders, latest ship dates and late shipments were not checked';
        const message = `no order data in the inputs: ${unchecked}; add ${s.from}`;
        out.push({ level: 'warning', kind: 'no-orders', message });
      }
      continue;
    }
    const ageH = (asOfMs - s.ms) / HOUR;
    const fromMs = asOfMs - hours.windowDays * DAY;
    const rhythm = s.days === undefined ? undefined : rhythmLimitHours(s.days, fromMs, asOfMs);
    const limits = [
      { hours: hours.maxQuietHours, why: '' },
      ...(rhythm === undefined ? [] : [{ hours: rhythm, why: ` (${RHYTHM.factor}× ${s.rhythm})` }]),
      ...(s.movedOn > 0 ? [{ hours: staleAfterHours, why: ` (${s.sign(s.movedOn)})` }] : []),
    ];
    const { hours: limit, why } = limits.reduce((a, b) => (b.hours <= a.hours ? b : a));
    if (ageH > limit) {
      out.push({
        level: 'warning',
        kind: s.stale,
        message:
          `${s.data} is stale: the newest ${s.what} is ${ageH.toFixed(1)} h old (${iso(s.ms)}), ` +
          `more than ${limit} h${why}; ` +
          `${s.what}s since then are not seen, check the download`,
      });
    }
  }
  const isAhead = (ms: number | undefined): ms is number => ms !== undefined && ms > asOfMs + toleranceMs;
  const ahead = [f.newestOrderMs, f.newestConfirmationMs].filter(isAhead);
  if (ahead.length > 0 || f.futureEvents > 0) {
    const newest = Math.max(...ahead, f.newestFutureMs ?? -Infinity);
    const n = f.futureEvents;
    const events = n > 0 ? ` (${n} tracking event${n === 1 ? '' : 's'} left out)` : '';
    const upTo = Number.isFinite(newest) ? `, up to ${iso(newest)}` : '';
    out.push({
      level: 'warning',
      kind: 'clock-behind',
      message:
        `data is dated after the check's clock by more than a day${upTo}${events}: ` +
        'the clock or the data is wrong, so the check judges the wrong days',
    });
  }
  return out;
}
