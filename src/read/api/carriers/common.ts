import { canonicalCarrier } from '../../../knowledge/carriers.js';
import { createClassifier } from '../../../knowledge/events.js';
import { normalizeTrackingNumber } from '../../../knowledge/tracking-numbers.js';
import { createZoneInferrer } from '../../../knowledge/zones.js';
import type { Classification, TrackingEvent } from '../../../model/records.js';
import type { Stamp, ZoneHint } from '../../../model/timestamp.js';
import { RowError, type ReadOptions } from '../../context.js';
import { parseDateAndTime, parseStamp, TimeParseError } from '../../time.js';
import type { ApiReadContext } from '../shape.js';

/**
 * What the carrier shapes share: walking parsed JSON or XML safely, building a location text the zone
 * inferrer reads, placing times, classifying, and turning a bad event into a problem of its number.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a list: XML gives one element as an object and several as an array; absent → []. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
}

/** The objects of a list (XML or JSON), skipping blanks and placeholders. */
export const objects = (v: unknown): Obj[] => list(v).filter(isObj);

/** A non-blank text (numbers as their digits), else undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  // An XML element with attributes keeps its text under "#text".
  if (isObj(v) && '#text' in v) return text(v['#text']);
  return undefined;
}

/** `obj.a.b.c`, tolerant of anything missing. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** "CITY, ST 12345, US": the shape tracking exports use, which the zone inferrer reads. */
export function locationText(city?: string, state?: string, zip?: string, country?: string): string | undefined {
  const parts = [city, [state, zip].filter(Boolean).join(' '), country].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : undefined;
}

/** Per read options, one classifier (its memo lives across the documents of a file). */
const classifiers = new WeakMap<ReadOptions, ReturnType<typeof createClassifier>>();
function classifierFor(opts: ReadOptions) {
  let c = classifiers.get(opts);
  if (!c) {
    c = createClassifier(opts.events, { acceptancePendingIsPossession: opts.acceptancePendingIsPossession });
    classifiers.set(opts, c);
  }
  return c;
}

function classify(ctx: ApiReadContext, description: string, code: string | undefined, carrier: string): Classification {
  return classifierFor(ctx.options)({ description, code, carrier });
}

/** The zone of an event's local time with no offset: the file's setting; else its location; else the fallback. */
export function zoneResolver(ctx: ApiReadContext): (location: string | undefined) => ZoneHint {
  if (ctx.options.fileZone) return () => ctx.fallbackZone;
  const infer = createZoneInferrer();
  return (location) => infer({ location }) ?? ctx.fallbackZone;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0+)?)?$/;

/** Does an ISO text carry its own offset (`Z`, `-05:00`)? */
export const carriesOffset = (iso: string): boolean => /T\d/.test(iso) && HAS_OFFSET.test(iso);

/**
 * A carrier's ISO time. A midnight with no offset in a response whose other times carry one is the
 * carrier saying "that day" (FedEx pickups, USPS pre-shipment): a date-only stamp, not midnight.
 */
export function isoStamp(
  raw: string,
  hint: ZoneHint,
  dateOnlyMidnight: boolean,
  offset?: string,
  offsetNote?: string,
): Stamp {
  const day = dateOnlyMidnight && !offset ? MIDNIGHT.exec(raw) : null;
  if (day) return { ...parseStamp(day[1], { hint }), raw };
  if (carriesOffset(raw) || !offset) return parseStamp(raw, { hint });
  const stamp = parseDateAndTime(raw, undefined, { hint, offset });
  return { ...stamp, zoneNote: offsetNote ?? `offset field "${offset.trim()}"` };
}

/** The carrier's canonical name as the knowledge table spells it. */
export const carrierName = (name: string): string => canonicalCarrier(name) ?? name;

export interface EventFields {
  number: string;
  at: Stamp;
  description: string;
  code?: string;
  location?: string;
  carrier: string;
  /** The text the dispatcher looks for to name the event's line (the number as the response wrote it). */
  hint: string;
}

/** Classifies and hands one event over. */
export function emit(ctx: ApiReadContext, f: EventFields): void {
  const cls = classify(ctx, f.description, f.code, f.carrier);
  const ev: TrackingEvent = {
    trackingNumber: normalizeTrackingNumber(f.number),
    at: f.at,
    description: f.description,
    code: f.code,
    location: f.location,
    carrier: f.carrier,
    class: cls.class,
    possession: cls.possession,
    rule: cls.rule,
    source: { file: ctx.file, line: ctx.lineOf(f.hint) },
  };
  ctx.event(ev);
}

/** Runs the reading of one event; a time or field that can't be read becomes a problem of that number. */
export function guarded(ctx: ApiReadContext, number: string | undefined, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof TimeParseError || e instanceof RowError) ctx.problem(number, `${what}: ${e.message}`);
    else throw e;
  }
}
