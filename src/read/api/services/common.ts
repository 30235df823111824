import { canonicalCarrier } from '../../../knowledge/carriers.js';
import { createClassifier } from '../../../knowledge/events.js';
import { normalizeTrackingNumber, recognizeTrackingNumber } from '../../../knowledge/tracking-numbers.js';
import { createZoneInferrer } from '../../../knowledge/zones.js';
import type { Classification, PackageSummary } from '../../../model/records.js';
import type { Stamp, ZoneHint } from '../../../model/timestamp.js';
import type { ReadOptions } from '../../context.js';
import { TimeParseError } from '../../time.js';
import type { ApiReadContext } from '../shape.js';

/** Shared by the tracking services' readers: walking untyped JSON, and turning a service's event into a record. */

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function objectAt(v: unknown, key: string): Json | undefined {
  const x = isObject(v) ? v[key] : undefined;
  return isObject(x) ? x : undefined;
}

export function arrayAt(v: unknown, key: string): unknown[] | undefined {
  const x = isObject(v) ? v[key] : undefined;
  return Array.isArray(x) ? x : undefined;
}

/** A text field: strings trimmed, numbers written out; blank, null and anything else → undefined. */
export function textAt(v: unknown, key: string): string | undefined {
  const x = isObject(v) ? v[key] : undefined;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  if (typeof x !== 'string') return undefined;
  const t = x.trim();
  return t === '' ? undefined : t;
}

/** The non-blank parts joined with ", " (city, state, country), or undefined when none is given. */
export function joinParts(...parts: (string | undefined)[]): string | undefined {
  const given = parts.filter((p): p is string => p !== undefined && p !== '');
  return given.length ? given.join(', ') : undefined;
}

/** What a reader hands over for one event; `at` is a function so that a bad time becomes a problem, not a throw. */
export interface ServiceEvent {
  /** As the service wrote it; normalised here. */
  trackingNumber: string;
  at: () => Stamp;
  description: string | undefined;
  code?: string;
  location?: string;
  /** Canonical name when the service named one; else the number's format decides. */
  carrier?: string;
}

const classifiers = new WeakMap<ReadOptions, ReturnType<typeof createClassifier>>();

function classifierFor(options: ReadOptions) {
  let c = classifiers.get(options);
  if (!c) {
    c = createClassifier(options.events, { acceptancePendingIsPossession: options.acceptancePendingIsPossession });
    classifiers.set(options, c);
  }
  return c;
}

/**
 * The records side of a service reader: builds events and package summaries with the number normalised,
 * the carrier canonical, the classification from the events table, and the source line of the number.
 */
export function recorder(ctx: ApiReadContext) {
  const classify = classifierFor(ctx.options);
  const infer = createZoneInferrer();
  const fileZone: ZoneHint | undefined = ctx.options.fileZone
    ? { zone: ctx.options.fileZone, source: 'setting', note: 'file setting in config' }
    : undefined;

  const carrierOf = (trackingNumber: string, named: string | undefined) =>
    named ?? recognizeTrackingNumber(trackingNumber).carrier;

  const classification = (description: string, code: string | undefined, carrier: string | undefined): Classification =>
    classify({ description, code, carrier });

  return {
    /**
     * Zone for a local time with no zone at all: the file's configured zone; else what the event's location
     * or language tells (marked inferred); else the fallback zone (marked assumed, or set by the user).
     */
    zoneFor(location: string | undefined, description: string | undefined): ZoneHint {
      return fileZone ?? infer({ location, description }) ?? ctx.fallbackZone;
    },

    /** One event; a time that can't be read makes a problem for that event, and the read goes on. */
    event(e: ServiceEvent): void {
      const trackingNumber = normalizeTrackingNumber(e.trackingNumber);
      const description = e.description ?? e.code;
      if (description === undefined) {
        ctx.problem(trackingNumber, 'an event has neither a description nor a status code');
        return;
      }
      let at: Stamp;
      try {
        at = e.at();
      } catch (err) {
        if (!(err instanceof TimeParseError)) throw err;
        ctx.problem(trackingNumber, `event "${description}": ${err.message}`);
        return;
      }
      const carrier = carrierOf(trackingNumber, e.carrier);
      const cls = classification(description, e.code, carrier);
      ctx.event({
        trackingNumber,
        at,
        description,
        code: e.code,
        location: e.location,
        carrier,
        class: cls.class,
        possession: cls.possession,
        rule: cls.rule,
        source: { file: ctx.file, line: ctx.lineOf(e.trackingNumber) },
      });
    },

    /** The service's own status of a package (17TRACK `latest_status`, AfterShip `tag`), when it gives one. */
    status(p: {
      trackingNumber: string;
      status: string;
      statusText?: string;
      carrier?: string;
      latestEvent?: string;
      latestEventAt?: () => Stamp;
    }): void {
      const trackingNumber = normalizeTrackingNumber(p.trackingNumber);
      const carrier = carrierOf(trackingNumber, p.carrier);
      let latestEventAt: Stamp | undefined;
      try {
        latestEventAt = p.latestEventAt?.();
      } catch (err) {
        // The same time is read again with its event, which reports it: here it is only left out.
        if (!(err instanceof TimeParseError)) throw err;
      }
      const summary: PackageSummary = {
        trackingNumber,
        carrier,
        status: p.status,
        statusClass: classification(p.statusText ?? p.status, p.status, carrier),
        latestEvent: p.latestEvent,
        latestEventAt,
        source: { file: ctx.file, line: ctx.lineOf(p.trackingNumber) },
      };
      ctx.package(summary);
    },

    problem(trackingNumber: string | undefined, message: string): void {
      ctx.problem(trackingNumber === undefined ? undefined : normalizeTrackingNumber(trackingNumber), message);
    },
  };
}

/**
 * A carrier as a service names it: the canonical name when the carrier table knows the name, else the
 * service's key table's answer (`byKey`), else the name as the service wrote it (shown, matched by nothing).
 */
export function serviceCarrier(name: string | undefined, byKey?: string): string | undefined {
  return canonicalCarrier(name ?? '') ?? byKey ?? name;
}
