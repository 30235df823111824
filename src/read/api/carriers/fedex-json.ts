import { RowError } from '../../context.js';
import type { ApiReadContext, ApiShape } from '../shape.js';
import {
  at as path,
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
 * FedEx Track API (REST, `POST /track/v1/trackingnumbers`): `output.completeTrackResults[]`, each with the
 * `trackingNumber` asked for and `trackResults[]` whose `scanEvents[]` give `date` (ISO, normally with the
 * local offset; a pickup may be a bare `…T00:00:00`, a day), `eventType` (FedEx scan code: OC label,
 * PU picked up, AR/DP arrived/departed, OD on vehicle, DL delivered), `eventDescription`,
 * `derivedStatusCode` and `scanLocation`. A number FedEx can't give is a trackResult with
 * `error {code, message}` (TRACKING.TRACKINGNUMBER.NOTFOUND); a refused request is `{errors: [{code, message}]}`.
 */
export const fedexTrackJson: ApiShape = {
  id: 'fedex-track-json',
  title: 'FedEx Track API (JSON)',
  format: 'json',
  matches(doc) {
    if (!isObj(doc)) return false;
    if (Array.isArray(path(doc, 'output', 'completeTrackResults'))) return true;
    // The error envelope: transactionId beside errors[] with FedEx's dotted codes.
    return typeof doc.transactionId === 'string' && Array.isArray(doc.errors);
  },
  read(doc, ctx) {
    const d = doc as Obj;
    const results = objects(path(d, 'output', 'completeTrackResults'));
    if (results.length === 0) {
      ctx.problem(undefined, `FedEx error: ${fedexErrors(d.errors)}`);
      return;
    }
    for (const complete of results) {
      const asked = text(complete.trackingNumber);
      for (const result of objects(complete.trackResults)) readResult(result, asked, ctx);
    }
  },
};

function fedexErrors(list: unknown): string {
  const all = objects(list).map((e) => [text(e.code), text(e.message)].filter(Boolean).join(' '));
  return all.filter(Boolean).join('; ') || 'no message';
}

function readResult(result: Obj, asked: string | undefined, ctx: ApiReadContext): void {
  // The number asked for is the one the seller confirmed to Amazon; a multi-piece answer may name pieces.
  const number = asked ?? text(path(result, 'trackingNumberInfo', 'trackingNumber'));
  const events = objects(result.scanEvents);
  // An error beside scan events does not take the events away (the documentation example has both).
  if (events.length === 0) {
    const error = isObj(result.error) ? fedexErrors([result.error]) : 'no scan events';
    ctx.problem(number, isObj(result.error) ? `FedEx error: ${error}` : error);
    return;
  }
  if (!number) {
    ctx.problem(undefined, 'a track result without trackingNumber');
    return;
  }
  const zoneOf = zoneResolver(ctx);
  const carrier = carrierName('FedEx');
  const othersHaveOffsets = events.some((e) => carriesOffset(text(e.date) ?? ''));
  events.forEach((e, i) => {
    guarded(ctx, number, `scanEvents[${i}]`, () => {
      const loc = e.scanLocation;
      const location = locationText(
        text(path(loc, 'city')),
        text(path(loc, 'stateOrProvinceCode')),
        text(path(loc, 'postalCode')),
        text(path(loc, 'countryCode')),
      );
      const date = text(e.date);
      if (!date) throw new RowError('scan event without date');
      const code = text(e.eventType);
      const description = text(e.eventDescription) ?? text(e.derivedStatus) ?? code ?? '';
      const at = isoStamp(date, zoneOf(location), othersHaveOffsets);
      emit(ctx, { number, at, description, code, location, carrier, hint: number });
    });
  });
}
