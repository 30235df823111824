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
 * UPS Tracking API, XML (`<TrackResponse>` with `<Response>` and `<Shipment>`): `Shipment/Package/Activity`,
 * each with `Date` (YYYYMMDD) and `Time` (HHMMSS), the local time of the scan with no zone at all (placed by
 * `ActivityLocation/Address`, else the fallback zone), `Status/StatusType/Code` (M, P, I, X, D) and
 * `Description`, `Status/StatusCode/Code`. A failed request is `Response/ResponseStatusCode` 0 with
 * `Response/Error` (`ErrorCode`, `ErrorDescription`).
 */
export const upsXml: ApiShape = {
  id: 'ups-xml',
  title: 'UPS Tracking API TrackResponse (XML)',
  format: 'xml',
  matches(doc) {
    const r = at(doc, 'TrackResponse');
    return isObj(r) && ('Shipment' in r || isObj(r.Response)) && !('TrackInfo' in r);
  },
  read(doc, ctx) {
    const r = (doc as Obj).TrackResponse as Obj;
    const shipments = objects(r.Shipment);
    const errors = objects(at(r, 'Response', 'Error'));
    if (errors.length > 0 && shipments.length === 0) {
      const words = errors.map((e) => [text(e.ErrorCode), text(e.ErrorDescription)].filter(Boolean).join(' '));
      const status = text(at(r, 'Response', 'ResponseStatusDescription'));
      ctx.problem(undefined, `UPS error: ${words.join('; ') || status || 'failure'}`);
      return;
    }
    if (shipments.length === 0) ctx.problem(undefined, 'a TrackResponse without Shipment');
    for (const shipment of shipments) readShipment(shipment, ctx);
  },
};

function readShipment(shipment: Obj, ctx: ApiReadContext): void {
  const shipmentNumber = text(shipment.ShipmentIdentificationNumber);
  const packages = objects(shipment.Package);
  if (packages.length === 0) {
    ctx.problem(shipmentNumber, 'no package in the shipment');
    return;
  }
  const zoneOf = zoneResolver(ctx);
  const carrier = carrierName('UPS');
  for (const pkg of packages) {
    const number = text(pkg.TrackingNumber) ?? shipmentNumber;
    if (!number) {
      ctx.problem(undefined, 'a Package without TrackingNumber');
      continue;
    }
    const activities = objects(pkg.Activity);
    if (activities.length === 0) {
      ctx.problem(number, 'no tracking activity');
      continue;
    }
    activities.forEach((a, i) => {
      guarded(ctx, number, `Activity ${i + 1}`, () => {
        const address = at(a, 'ActivityLocation', 'Address');
        const location = locationText(
          text(at(address, 'City')),
          text(at(address, 'StateProvinceCode')),
          text(at(address, 'PostalCode')),
          text(at(address, 'CountryCode')),
        );
        const date = text(a.Date);
        if (!date) throw new RowError('Activity without Date');
        const stamp = dateTimeStamp(date, text(a.Time), 'Date/Time', zoneOf(location), false, text(a.GMTOffset));
        const type = text(at(a, 'Status', 'StatusType', 'Code'));
        const description = text(at(a, 'Status', 'StatusType', 'Description')) ?? type ?? '';
        // The status type is UPS's own class of the event; the events table keys UPS codes on it.
        emit(ctx, { number, at: stamp, description, code: type, location, carrier, hint: number });
      });
    });
  }
}
