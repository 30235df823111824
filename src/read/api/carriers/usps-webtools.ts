import { dateTimeStamp, RowError } from '../../context.js';
import type { ApiReadContext, ApiShape } from '../shape.js';
import {
  carrierName,
  emit,
  guarded,
  isObj,
  list,
  locationText,
  objects,
  text,
  zoneResolver,
  type Obj,
} from './common.js';

/**
 * USPS Web Tools Track/Confirm Fields (`TrackFieldRequest`), XML: `<TrackResponse>` with one `<TrackInfo ID=…>`
 * per number; `<TrackSummary>` is the latest event and `<TrackDetail>` the earlier ones, each with
 * `EventDate` ("April 25, 2015"), `EventTime` ("6:04 pm", may be empty), `Event`, `EventCode` and
 * `EventCity`/`EventState`/`EventZIPCode`/`EventCountry`. Times are local with no zone: the event's place
 * tells it. Errors: `<Error>` as the root (bad user id) or inside a TrackInfo (number not found), with
 * `Number` and `Description`; old answers give the "no record" sentence as a bare `<TrackSummary>`.
 */
export const uspsWebToolsXml: ApiShape = {
  id: 'usps-webtools-xml',
  title: 'USPS Web Tools TrackResponse (XML)',
  format: 'xml',
  matches(doc) {
    if (!isObj(doc)) return false;
    if (isObj(doc.TrackResponse)) return 'TrackInfo' in doc.TrackResponse;
    return isObj(doc.Error) && 'Number' in doc.Error && 'Description' in doc.Error;
  },
  read(doc, ctx) {
    const d = doc as Obj;
    if (isObj(d.Error)) {
      ctx.problem(undefined, webToolsError(d.Error));
      return;
    }
    for (const info of objects((d.TrackResponse as Obj).TrackInfo)) readInfo(info, ctx);
  },
};

function webToolsError(e: Obj): string {
  const number = text(e.Number);
  return `USPS error${number ? ` ${number}` : ''}: ${text(e.Description) ?? 'error without a description'}`;
}

function readInfo(info: Obj, ctx: ApiReadContext): void {
  const number = text(info['@_ID']);
  if (!number) {
    ctx.problem(undefined, 'a TrackInfo without ID');
    return;
  }
  if (isObj(info.Error)) {
    ctx.problem(number, webToolsError(info.Error));
    return;
  }
  const events = [...list(info.TrackSummary), ...list(info.TrackDetail)];
  const parsed = events.filter(isObj);
  if (parsed.length === 0) {
    const words = events.map(text).filter(Boolean).join(' ');
    ctx.problem(number, words ? `no tracking events: ${words}` : 'no tracking events');
    return;
  }
  const zoneOf = zoneResolver(ctx);
  const carrier = carrierName('USPS');
  events.forEach((e, i) => {
    guarded(ctx, number, i === 0 && isObj(info.TrackSummary) ? 'TrackSummary' : 'TrackDetail', () => {
      // A sentence in place of the fields (the old Track API) has no time to read.
      if (!isObj(e)) throw new RowError(`an event without date fields: "${text(e) ?? ''}"`);
      const location = locationText(text(e.EventCity), text(e.EventState), text(e.EventZIPCode), text(e.EventCountry));
      const date = text(e.EventDate);
      if (!date) throw new RowError('event without EventDate');
      const at = dateTimeStamp(date, text(e.EventTime), 'EventDate/EventTime', zoneOf(location), false);
      const code = text(e.EventCode);
      emit(ctx, { number, at, description: text(e.Event) ?? code ?? '', code, location, carrier, hint: number });
    });
  });
}
