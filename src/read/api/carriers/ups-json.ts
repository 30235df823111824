import { dateTimeStamp, RowError } from '../../context.js';
import type { ApiReadContext, ApiShape } from '../shape.js';
import {
  at,
  carrierName,
  emit,
  guarded,
  isObj,
  locationText,
  objects,
  text,
  zoneResolver,
  type Obj,
} from './common.js';

/**
 * UPS Track API (REST, `GET /api/track/v1/details/{number}`): `trackResponse.shipment[].package[].activity[]`.
 * Each activity gives `date` (YYYYMMDD) and `time` (HHMMSS), the local time of the scan with no zone, and
 * newer answers `gmtDate`/`gmtTime`/`gmtOffset` (the local offset, "+08:00"); `status.type` is UPS's class
 * of the activity (M label created / billing information, P pickup, I in transit, X exception, D delivered)
 * and `status.code` the activity code. A number UPS does not know comes back as a shipment with
 * `inquiryNumber` and `warnings[]` ("TW0001 Tracking Information Not Found") and no package; a refused
 * request (bad key, quota) as `{response: {errors: [{code, message}]}}`.
 */
export const upsTrackJson: ApiShape = {
  id: 'ups-track-json',
  title: 'UPS Track API (JSON)',
  format: 'json',
  matches(doc) {
    if (!isObj(doc)) return false;
    if (isObj(doc.trackResponse)) return Array.isArray(doc.trackResponse.shipment);
    return Array.isArray(at(doc, 'response', 'errors'));
  },
  read(doc, ctx) {
    const d = doc as Obj;
    if (!isObj(d.trackResponse)) {
      ctx.problem(undefined, `UPS error: ${messages(at(d, 'response', 'errors'))}`);
      return;
    }
    for (const shipment of objects(d.trackResponse.shipment)) readShipment(shipment, ctx);
  },
};

/** "TW0001 Tracking Information Not Found; …" */
function messages(list: unknown): string {
  const all = objects(list).map((w) => [text(w.code), text(w.message)].filter(Boolean).join(' '));
  return all.filter(Boolean).join('; ') || 'no message';
}

function readShipment(shipment: Obj, ctx: ApiReadContext): void {
  const inquiry = text(shipment.inquiryNumber);
  const packages = objects(shipment.package);
  // Warnings beside packages (e.g. about the access licence) leave the data as good as it is.
  if (packages.length === 0) {
    ctx.problem(inquiry, shipment.warnings ? `UPS: ${messages(shipment.warnings)}` : 'no package in the shipment');
    return;
  }
  const zoneOf = zoneResolver(ctx);
  const carrier = carrierName('UPS');
  for (const pkg of packages) {
    const number = text(pkg.trackingNumber) ?? inquiry;
    if (!number) {
      ctx.problem(undefined, 'a package without trackingNumber');
      continue;
    }
    const activities = objects(pkg.activity);
    if (activities.length === 0) {
      ctx.problem(number, pkg.warnings ? `UPS: ${messages(pkg.warnings)}` : 'no tracking activity');
      continue;
    }
    activities.forEach((a, i) => {
      guarded(ctx, number, `activity[${i}]`, () => {
        const address = at(a, 'location', 'address');
        const location = locationText(
          text(at(address, 'city')),
          text(at(address, 'stateProvince')),
          text(at(address, 'postalCode')),
          text(at(address, 'countryCode')) ?? text(at(address, 'country')),
        );
        const date = text(a.date);
        if (!date) throw new RowError('activity without date');
        const offset = text(a.gmtOffset);
        const stamp = dateTimeStamp(date, text(a.time), 'date/time', zoneOf(location), false, offset);
        const type = text(at(a, 'status', 'type'));
        const description = text(at(a, 'status', 'description')) ?? text(at(a, 'status', 'code')) ?? type ?? '';
        emit(ctx, {
          number,
          at: offset ? { ...stamp, zoneNote: `gmtOffset "${offset}"` } : stamp,
          description,
          // The activity type is UPS's own class of the event; the events table keys UPS codes on it.
          code: type,
          location,
          carrier,
          hint: number,
        });
      });
    });
  }
}
