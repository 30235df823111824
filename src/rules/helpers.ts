import type { EventRef, Shipment } from '../model/shipment.js';
import type { Stamp } from '../model/timestamp.js';
import type { RuleContext } from './types.js';

export const HOUR_MS = 3_600_000;

/** The first scan that proves possession: an event if the feed has one, else a package summary's first-scan column. */
export function firstScan(s: Shipment): EventRef | undefined {
  return s.tracking?.firstPossession ?? s.tracking?.summaryFirstScan;
}

/** Hours to one decimal, with -0 folded to 0. */
export function hours(ms: number): number {
  return Math.round(ms / (HOUR_MS / 10)) / 10 + 0;
}

/** The file's own text, with the zone it was read in unless the text carried it: what an appeal can quote. */
export function stampText(stamp: Stamp): string {
  return stamp.zoneSource === 'offset' ? stamp.raw : `${stamp.raw} ${stamp.zone}`;
}

/** A numeric option. The caller merges defaults; a wrong type is a configuration bug and must not pass silently. */
export function numberOption(ctx: RuleContext, name: string): number {
  const v = ctx.options[name];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new TypeError(`option ${name} must be a number, got ${String(v)}`);
  return v;
}

/** " (computed from handling time)" when the latest ship date is the audit's estimate, not Amazon's. */
export function computedNote(s: Shipment): string {
  return s.order?.latestShipDateComputed ? ' (computed from handling time)' : '';
}
