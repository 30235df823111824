import { AFTERSHIP_SLUGS } from '../../../knowledge/service-carriers.js';
import { parseStamp, TimeParseError } from '../../time.js';
import type { ApiShape } from '../shape.js';
import { arrayAt, isObject, joinParts, objectAt, recorder, serviceCarrier, textAt, type Json } from './common.js';

/**
 * AfterShip's tracking API, every version seen: `{meta: {code}, data}` where data is
 * - v4: `{tracking: {...}}` for one tracking, `{trackings: [...]}` for a list;
 * - 2023-10 and later: the tracking itself, or `{trackings: [...]}`.
 * A tracking has `tracking_number`, `slug` (the carrier), `tag`/`subtag` (AfterShip's normalised status) and
 * `checkpoints[]` with `checkpoint_time` (usually with its offset), `message`, `tag`, `subtag`, `location`,
 * `city`, `state`, `country_iso3`, `slug`. An error is `meta.code` 4xxx with `meta.message` and no tracking.
 *
 * The event code passed on is the checkpoint's `subtag` (`InfoReceived_001`, `InTransit_002`), else its `tag`.
 */

type Recorder = ReturnType<typeof recorder>;

function carrierOfSlug(slug: string | undefined): string | undefined {
  if (slug === undefined) return undefined;
  return serviceCarrier(slug, AFTERSHIP_SLUGS[slug.toLowerCase()]);
}

/** The trackings a `data` holds, whichever version wrote it. */
function trackingsOf(data: Json | undefined): Json[] {
  if (!data) return [];
  const one = objectAt(data, 'tracking');
  if (one) return [one];
  const list = arrayAt(data, 'trackings');
  if (list) return list.filter(isObject);
  return textAt(data, 'tracking_number') !== undefined ? [data] : [];
}

function readTracking(t: Json, rec: Recorder): void {
  const number = textAt(t, 'tracking_number');
  if (number === undefined) return;
  const slug = textAt(t, 'slug');
  for (const cp of arrayAt(t, 'checkpoints') ?? []) {
    if (!isObject(cp)) continue;
    const description = textAt(cp, 'message') ?? textAt(cp, 'subtag_message');
    const location =
      textAt(cp, 'location') ?? joinParts(textAt(cp, 'city'), textAt(cp, 'state'), textAt(cp, 'country_iso3'));
    const time = textAt(cp, 'checkpoint_time');
    rec.event({
      trackingNumber: number,
      at: () => {
        if (time === undefined) throw new TimeParseError('checkpoint_time is empty');
        return parseStamp(time, { hint: rec.zoneFor(location, description) });
      },
      description,
      code: textAt(cp, 'subtag') ?? textAt(cp, 'tag'),
      location,
      carrier: carrierOfSlug(textAt(cp, 'slug') ?? slug),
    });
  }
  const status = textAt(t, 'subtag') ?? textAt(t, 'tag');
  if (status !== undefined) {
    const statusText = textAt(t, 'subtag_message');
    rec.status({ trackingNumber: number, status, statusText, carrier: carrierOfSlug(slug) });
  }
}

function metaCode(doc: unknown): number | undefined {
  const code = objectAt(doc, 'meta')?.code;
  return typeof code === 'number' ? code : undefined;
}

export const AFTERSHIP: ApiShape = {
  id: 'aftership',
  title: 'AfterShip Tracking API (v4, 2023-10 and later)',
  format: 'json',
  matches(doc) {
    const code = metaCode(doc);
    if (code === undefined) return false;
    const data = objectAt(doc, 'data');
    if (code >= 400) return textAt(objectAt(doc, 'meta'), 'message') !== undefined;
    // A list may be empty; a tracking is told by its checkpoints (empty too before the first scan).
    return !!arrayAt(data, 'trackings') || trackingsOf(data).some((t) => Array.isArray(t.checkpoints));
  },
  read(doc, ctx) {
    const rec = recorder(ctx);
    const code = metaCode(doc);
    const data = objectAt(doc, 'data');
    if (code !== undefined && code >= 400) {
      const meta = objectAt(doc, 'meta');
      // An error names no number, unless the request's own tracking came back beside it.
      const number = textAt(data, 'tracking_number') ?? textAt(objectAt(data, 'tracking'), 'tracking_number');
      rec.problem(number, `AfterShip ${code}: ${textAt(meta, 'message') ?? 'request failed'}`);
      return;
    }
    for (const t of trackingsOf(data)) readTracking(t, rec);
  },
};
