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
 * FedEx Web Services Track (SOAP) `TrackReply` (v5–v19; the SOAP envelope and namespace prefixes are removed
 * by the dispatcher): `CompletedTrackDetails/TrackDetails` (older versions: `TrackDetails` at the top), each
 * with `TrackingNumber`, `Notification` and `Events` with `Timestamp` (ISO with offset; a pickup may be a
 * bare `…T00:00:00`, a day), `EventType` (FedEx scan code), `EventDescription` and `Address`. Errors are
 * `Notification`s with `Severity` ERROR or FAILURE: per number in TrackDetails (9040 not found, 6035
 * invalid number), or for the whole request in the reply's `Notifications` (authentication, quota).
 */
export const fedexTrackReplyXml: ApiShape = {
  id: 'fedex-trackreply-xml',
  title: 'FedEx Web Services TrackReply (SOAP XML)',
  format: 'xml',
  matches(doc) {
    return isObj(path(doc, 'TrackReply'));
  },
  read(doc, ctx) {
    const reply = (doc as Obj).TrackReply as Obj;
    const details = [
      ...objects(reply.CompletedTrackDetails).flatMap((c) => objects(c.TrackDetails)),
      ...objects(reply.TrackDetails),
    ];
    if (details.length === 0) {
      const failed = failures(reply.Notifications);
      ctx.problem(undefined, failed ? `FedEx error: ${failed}` : 'a TrackReply without TrackDetails');
      return;
    }
    for (const detail of details) readDetail(detail, ctx);
  },
};

const BAD = new Set(['ERROR', 'FAILURE']);

/** The messages of notifications with severity ERROR or FAILURE, or undefined when none is. */
function failures(list: unknown): string | undefined {
  const bad = objects(list).filter((n) => BAD.has((text(n.Severity) ?? '').toUpperCase()));
  if (bad.length === 0) return undefined;
  const words = (n: Obj) => [text(n.Code), text(n.Message) ?? text(n.LocalizedMessage)].filter(Boolean).join(' ');
  return bad.map(words).join('; ');
}

function readDetail(detail: Obj, ctx: ApiReadContext): void {
  const number = text(detail.TrackingNumber);
  const events = objects(detail.Events);
  if (events.length === 0) {
    const failed = failures([...objects(detail.Notification), ...objects(detail.Notifications)]);
    ctx.problem(number, failed ? `FedEx error: ${failed}` : 'no tracking events');
    return;
  }
  if (!number) {
    ctx.problem(undefined, 'TrackDetails without TrackingNumber');
    return;
  }
  const zoneOf = zoneResolver(ctx);
  const carrier = carrierName('FedEx');
  const othersHaveOffsets = events.some((e) => carriesOffset(text(e.Timestamp) ?? ''));
  events.forEach((e, i) => {
    guarded(ctx, number, `Events ${i + 1}`, () => {
      const address = e.Address;
      const location = locationText(
        text(path(address, 'City')),
        text(path(address, 'StateOrProvinceCode')),
        text(path(address, 'PostalCode')),
        text(path(address, 'CountryCode')),
      );
      const stampText = text(e.Timestamp);
      if (!stampText) throw new RowError('event without Timestamp');
      const code = text(e.EventType);
      const description = text(e.EventDescription) ?? code ?? '';
      const at = isoStamp(stampText, zoneOf(location), othersHaveOffsets);
      emit(ctx, { number, at, description, code, location, carrier, hint: number });
    });
  });
}
