import { RowError } from '../../context.js';
import { parseDateAndTime, parseStamp } from '../../time.js';
import { offsetName } from '../../../model/zone.js';
import type { Stamp, ZoneHint } from '../../../model/timestamp.js';
import type { ApiShape } from '../shape.js';
import {
  carrierName,
  carriesOffset,
  emit,
  guarded,
  isObj,
  isoStamp,
  locationText,
  objects,
  text,
  zoneResolver,
  type Obj,
} from './common.js';

/**
 * USPS Tracking API v3 (`GET /tracking/v3/tracking/{number}?expand=DETAIL`): one object per number with
 * `trackingNumber` and `trackingEvents[]`, or a list of them. Each event gives `eventTimestamp` (local time of
 * the scan, no offset), `GMTTimestamp` (UTC) and `GMTOffset` (the local offset), `eventType` (the words),
 * `eventCode` (USPS event code: GX label, 03 accepted, OA origin acceptance, 10 processed, OF out for
 * delivery, 01 delivered...) and `eventCity`/`eventState`/`eventZIP`/`eventCountry`.
 * An error (number not found, no access) is `{apiVersion, error: {code, message, errors[]}}`.
 */
export const uspsV3Json: ApiShape = {
  id: 'usps-v3-json',
  title: 'USPS Tracking API v3 (JSON)',
  format: 'json',
  matches(doc) {
    if (!isObj(doc)) return false;
    if (Array.isArray(doc.trackingEvents) && 'trackingNumber' in doc) return true;
    return isObj(doc.error) && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('/tracking/');
  },
  read(doc, ctx) {
    const d = doc as Obj;
    const number = text(d.trackingNumber);
    if (isObj(d.error)) {
      ctx.problem(number, uspsError(d.error));
      return;
    }
    if (!number) {
      ctx.problem(undefined, 'a response without trackingNumber');
      return;
    }
    const events = objects(d.trackingEvents);
    if (events.length === 0) {
      ctx.problem(number, `no tracking events${text(d.statusSummary) ? ` (${text(d.statusSummary)})` : ''}`);
      return;
    }
    const zoneOf = zoneResolver(ctx);
    const carrier = carrierName('USPS');
    // The carrier writes real times with their offsets: a bare midnight among them names a day.
    const othersHaveOffsets = events.some(
      (e) => text(e.GMTOffset) || text(e.GMTTimestamp) || carriesOffset(text(e.eventTimestamp) ?? ''),
    );
    events.forEach((e, i) => {
      guarded(ctx, number, `trackingEvents[${i}]`, () => {
        const location = locationText(text(e.eventCity), text(e.eventState), text(e.eventZIP), text(e.eventCountry));
        const at = uspsTime(e, zoneOf(location), othersHaveOffsets);
        const code = text(e.eventCode);
        emit(ctx, {
          number,
          at,
          description: text(e.eventType) ?? code ?? '',
          code,
          location,
          carrier,
          hint: number,
        });
      });
    });
  },
};

function uspsError(error: Obj): string {
  const first = objects(error.errors)[0];
  const words = text(error.message) ?? text(first?.title) ?? text(first?.detail) ?? 'error without a message';
  const code = text(first?.code) ?? text(error.code);
  return `USPS error${code ? ` ${code}` : ''}: ${words.replace(/<[^>]*>/g, '').replace(/[\s-]+$/, '')}`;
}

/**
 * The local time with its offset: `GMTOffset` when given; else the offset that `GMTTimestamp` (UTC) and the
 * local `eventTimestamp` differ by; else the local time placed by the location. Without a local time,
 * `GMTTimestamp` alone.
 */
function uspsTime(e: Obj, hint: ZoneHint, othersHaveOffsets: boolean): Stamp {
  const local = text(e.eventTimestamp);
  const gmt = text(e.GMTTimestamp);
  const offset = text(e.GMTOffset);
  if (!local) {
    if (gmt) return parseStamp(gmt, { hint });
    throw new RowError('event without eventTimestamp or GMTTimestamp');
  }
  if (offset || carriesOffset(local)) return isoStamp(local, hint, false, offset, `GMTOffset "${offset}"`);
  if (gmt) {
    const wall = parseDateAndTime(local, undefined, { hint: { zone: 'UTC', source: 'assumed' } }).epochMs;
    const minutes = Math.round((wall - parseStamp(gmt, { hint }).epochMs) / 900_000) * 15;
    const derived = offsetName(minutes);
    return isoStamp(local, hint, false, derived, `offset ${derived} from GMTTimestamp "${gmt}"`);
  }
  return isoStamp(local, hint, othersHaveOffsets);
}
