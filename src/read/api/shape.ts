import type { PackageSummary, TrackingEvent } from '../../model/records.js';
import type { ZoneHint } from '../../model/timestamp.js';
import type { ReadOptions } from '../context.js';

/**
 * One kind of saved API response (a carrier's or a tracking service's), recognised by its shape.
 *
 * A file holds one response, an array of them, or JSON lines; XML files hold one response. The
 * dispatcher (`api/index.ts`) parses the file, offers each document to the shapes in `SHAPES`
 * order, and hands it to the first whose `matches` says yes. Readers map fields to records and decide
 * no policy: classification comes from `knowledge/events.ts`, zones from `knowledge/zones.ts`.
 */
export interface ApiShape {
  /** Stable id, e.g. `usps-v3-json`, `ups-xml`, `17track-v2.2`: shown by `inspect`. */
  id: string;
  /** What a seller would call it, e.g. "USPS Tracking API v3 (JSON)". */
  title: string;
  format: 'json' | 'xml';
  /** Is this parsed document (a JSON value, or the object fast-xml-parser made of an XML file) of this shape? */
  matches(doc: unknown): boolean;
  /** Reads one document: pushes events (and package summaries where the source has one) into `ctx`. */
  read(doc: unknown, ctx: ApiReadContext): void;
}

/** What a shape reader gets: where to put records, and how to report a number it can't read. */
export interface ApiReadContext {
  file: string;
  /** 1-based line of this document (JSON lines), else 1; `TrackingEvent.source.line` uses `lineOf`. */
  line: number;
  /**
   * The line an element of the document starts at when known (for a pretty-printed response the
   * dispatcher may locate a tracking number's text), else `line`.
   */
  lineOf(hint?: string): number;
  options: ReadOptions;
  /** Zone for local times with no offset, location or zone field: the marketplace or file setting, "assumed". */
  fallbackZone: ZoneHint;
  event(e: TrackingEvent): void;
  package(p: PackageSummary): void;
  /**
   * A number the response could not give (not found, bad key, quota, an error object in place of data):
   * counted as a rejected row and listed with the number and the service's own words; the read goes on.
   */
  problem(trackingNumber: string | undefined, message: string): void;
}
