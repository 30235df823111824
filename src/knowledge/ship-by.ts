import { offsetAt, wallToInstant } from '../model/zone.js';
import type { Stamp } from '../model/timestamp.js';

export interface Handling {
  /** Handling time in operating days (0 = same day). */
  days: number;
  /** ISO weekdays the seller operates on, 1 = Monday … 7 = Sunday. */
  operatingDays: readonly number[];
  /** Local dates (YYYY-MM-DD) that are not operating days. */
  holidays: readonly string[];
  /** Same-day handling only: orders after this local time (HH:mm) count from the next operating day. */
  sameDayCutoff: string;
  zone: string;
}

/**
 * The latest ship date Amazon would set when the order data carries none: the Nth operating day after
 * the purchase date (Mon–Fri by default, holidays excluded), or for same-day handling the purchase day
 * itself when the order came before the cut-off. Its end (23:59:59.999 local) is the deadline. This is
 * a model of Amazon's rule, which Amazon does not publish in full; the report marks such dates computed.
 */
export function computeLatestShipDate(purchasedAt: Stamp, h: Handling): Stamp {
  // The purchase's wall clock in the marketplace zone, read through the UTC getters of a shifted Date:
  // offsets are cached per zone and hour, where a TZDate would ask Intl on every order.
  let memo = computed.get(h);
  if (!memo) {
    const [ch, cm] = h.sameDayCutoff.split(':').map(Number);
    computed.set(h, (memo = { cutoffMinutes: ch * 60 + (cm || 0), byDay: new Map() }));
  }
  const localMs = purchasedAt.epochMs + offsetAt(h.zone, purchasedAt.epochMs) * 60_000;
  const day = Math.floor(localMs / DAY_MS);
  const afterCutoff = h.days === 0 && Math.floor((localMs - day * DAY_MS) / 60_000) >= memo.cutoffMinutes;
  // Orders of one day share their deadline: one stamp per purchase day, not one per order (nor a Date).
  const key = day + (afterCutoff ? 0.5 : 0);
  let lsd = memo.byDay.get(key);
  if (!lsd) {
    lsd = deadline(new Date(localMs), afterCutoff, h);
    memo.byDay.set(key, lsd);
  }
  return lsd;
}

const DAY_MS = 86_400_000;
const computed = new WeakMap<Handling, { cutoffMinutes: number; byDay: Map<number, Stamp> }>();

function deadline(local: Date, afterCutoff: boolean, h: Handling): Stamp {
  let y = local.getUTCFullYear();
  let m = local.getUTCMonth();
  let d = local.getUTCDate();
  const isOperating = () => {
    const wd = new Date(Date.UTC(y, m, d)).getUTCDay() || 7;
    return h.operatingDays.includes(wd) && !h.holidays.includes(isoDate(y, m, d));
  };
  const next = () => {
    const t = new Date(Date.UTC(y, m, d + 1));
    y = t.getUTCFullYear();
    m = t.getUTCMonth();
    d = t.getUTCDate();
  };
  if (h.days === 0) {
    if (afterCutoff || !isOperating()) {
      next();
      while (!isOperating()) next();
    }
  } else {
    // At most a year of non-operating days is skipped: a config with no operating day can't loop forever.
    for (let n = 0, guard = 0; n < h.days && guard < 400; guard++) {
      next();
      if (isOperating()) n++;
    }
  }
  const start = wallToInstant(Date.UTC(y, m, d), h.zone);
  const nextStart = wallToInstant(Date.UTC(y, m, d + 1), h.zone);
  const localDate = isoDate(y, m, d);
  return {
    raw: localDate,
    epochMs: start,
    precision: 'date',
    zone: h.zone,
    zoneSource: 'setting',
    zoneNote: `marketplace zone; computed: purchase ${isoDate(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())} + ${h.days} operating day${h.days === 1 ? '' : 's'}`,
    localDate,
    dayLengthMs: nextStart - start,
  };
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
