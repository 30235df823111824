import { SEVENTEEN_TRACK_CARRIERS } from '../../../knowledge/service-carriers.js';
import type { Stamp } from '../../../model/timestamp.js';
import { checkedAgainst, parseStamp, stampWithZoneText, TimeParseError } from '../../time.js';
import type { ApiReadContext, ApiShape } from '../shape.js';
import { arrayAt, isObject, joinParts, objectAt, recorder, serviceCarrier, textAt, type Json } from './common.js';

/**
 * 17TRACK, three shapes:
 * - API v2.2 `gettrackinfo`: `{code, data: {accepted: [{number, carrier, track_info}], rejected: [{number,
 *   error}]}}`; `track_info.tracking.providers[].events[]` carry `time_iso`, `time_utc`, `time_raw {date, time,
 *   timezone}`, `description`, `location`, `stage`, `sub_status`; `track_info.latest_status` is 17TRACK's
 *   normalised status. A failed request is `{code, data: {errors: [{code, message}]}}`.
 * - the v2.2 push (webhook) payload: `{event: "TRACKING_UPDATED", data: {number, carrier, track_info}}`
 *   (`TRACKING_STOPPED` carries no events).
 * - the legacy web format (py17track and the 17track.net web page): `track.z1[]` (origin carrier) and
 *   `track.z2[]` (destination carrier) with `a` time, `c` and `d` location, `z` description; times carry no
 *   zone. Found under `data.accepted[]` (with `number`), `dat[]` (with `no`) or `dat` (with `a`).
 */

type Recorder = ReturnType<typeof recorder>;

function carrierByKey(key: unknown): string | undefined {
  return typeof key === 'number' ? SEVENTEEN_TRACK_CARRIERS[key] : undefined;
}

/**
 * A v2.2 event's moment, from the most explicit reading: `time_raw` with its zone; `time_iso` with an offset;
 * `time_utc`; a local time with no zone at all, placed by the event's location. Each explicit reading is
 * checked against `time_utc`.
 */
function v22Time(ev: Json, rec: Recorder, location: string | undefined, description: string | undefined): Stamp {
  const raw = objectAt(ev, 'time_raw');
  const date = textAt(raw, 'date');
  const local = date === undefined ? undefined : [date, textAt(raw, 'time')].filter(Boolean).join(' ');
  const zone = textAt(raw, 'timezone');
  const iso = textAt(ev, 'time_iso');
  const utc = textAt(ev, 'time_utc');
  const hint = rec.zoneFor(location, description);
  // An unreadable time_utc only loses the check; it fails the event when nothing else gives a time.
  let utcStamp: Stamp | undefined;
  let utcError: unknown;
  try {
    utcStamp = utc ? parseStamp(utc, { hint }) : undefined;
  } catch (e) {
    utcError = e;
  }
  const check = (s: Stamp) => (utcStamp?.zoneSource === 'offset' ? checkedAgainst(s, utcStamp.epochMs, 'time_utc') : s);
  if (local && zone) return check(stampWithZoneText(local, zone, hint));
  const isoStamp = iso ? parseStamp(iso, { hint }) : undefined;
  if (isoStamp?.zoneSource === 'offset') return check(isoStamp);
  if (utcStamp?.zoneSource === 'offset') return utcStamp;
  if (isoStamp) return isoStamp;
  if (local) return parseStamp(local, { hint });
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what parseStamp threw above
  throw utcError ?? new TimeParseError('no time');
}

/** One number's `track_info` (a gettrackinfo `accepted` item, or a push payload's `data`). */
function readTrackInfo(item: Json, rec: Recorder): void {
  const number = textAt(item, 'number');
  const info = objectAt(item, 'track_info');
  if (number === undefined || info === undefined) return;
  const itemCarrier = carrierByKey(item.carrier);
  const providers = arrayAt(objectAt(info, 'tracking'), 'providers') ?? [];
  for (const p of providers) {
    const provider = objectAt(p, 'provider');
    const carrier = serviceCarrier(textAt(provider, 'name'), carrierByKey(provider?.key)) ?? itemCarrier;
    for (const ev of arrayAt(p, 'events') ?? []) {
      if (!isObject(ev)) continue;
      const description = textAt(ev, 'description');
      const address = objectAt(ev, 'address');
      const location =
        textAt(ev, 'location') ??
        joinParts(textAt(address, 'city'), textAt(address, 'state'), textAt(address, 'country'));
      rec.event({
        trackingNumber: number,
        at: () => v22Time(ev, rec, location, description),
        description,
        code: textAt(ev, 'sub_status') ?? textAt(ev, 'stage'),
        location,
        carrier,
      });
    }
  }
  const status = objectAt(info, 'latest_status');
  const code = textAt(status, 'sub_status') ?? textAt(status, 'status');
  if (code !== undefined) {
    const latest = objectAt(info, 'latest_event');
    const latestDescription = textAt(latest, 'description');
    rec.status({
      trackingNumber: number,
      status: code,
      carrier: itemCarrier,
      latestEvent: latestDescription,
      latestEventAt: latest ? () => v22Time(latest, rec, textAt(latest, 'location'), latestDescription) : undefined,
    });
  }
}

/** `rejected[]`: a number 17TRACK could not give, in its own words. */
function readRejected(data: Json | undefined, rec: Recorder): void {
  for (const r of arrayAt(data, 'rejected') ?? []) {
    const error = objectAt(r, 'error');
    const code = textAt(error, 'code');
    const message = textAt(error, 'message') ?? 'rejected without a reason';
    rec.problem(textAt(r, 'number'), `17TRACK${code ? ` ${code}` : ''}: ${message}`);
  }
  for (const e of arrayAt(data, 'errors') ?? []) {
    const code = textAt(e, 'code');
    rec.problem(undefined, `17TRACK${code ? ` ${code}` : ''}: ${textAt(e, 'message') ?? 'request failed'}`);
  }
}

function isEnvelope(doc: unknown): doc is Json & { data: Json } {
  return isObject(doc) && typeof doc.code === 'number' && isObject(doc.data);
}

export const SEVENTEEN_TRACK_V22: ApiShape = {
  id: '17track-v2.2',
  title: '17TRACK API v2.2 (gettrackinfo)',
  format: 'json',
  matches(doc) {
    if (!isEnvelope(doc)) return false;
    const accepted = arrayAt(doc.data, 'accepted');
    const rejected = arrayAt(doc.data, 'rejected');
    if (accepted?.some((a) => isObject(objectAt(a, 'track_info')))) return true;
    // Nothing accepted: an answer of rejections only, or a failed request.
    const rejections = !!rejected?.length && rejected.every((r) => isObject(objectAt(r, 'error')));
    return (accepted?.length ?? 0) === 0 && (rejections || !!arrayAt(doc.data, 'errors')?.length);
  },
  read(doc, ctx: ApiReadContext) {
    if (!isEnvelope(doc)) return;
    const rec = recorder(ctx);
    for (const item of arrayAt(doc.data, 'accepted') ?? []) if (isObject(item)) readTrackInfo(item, rec);
    readRejected(doc.data, rec);
  },
};

const PUSH_EVENTS = new Set(['TRACKING_UPDATED', 'TRACKING_STOPPED']);

export const SEVENTEEN_TRACK_PUSH: ApiShape = {
  id: '17track-v2.2-push',
  title: '17TRACK API v2.2 push (webhook) payload',
  format: 'json',
  matches(doc) {
    return isObject(doc) && PUSH_EVENTS.has(String(doc.event)) && textAt(objectAt(doc, 'data'), 'number') !== undefined;
  },
  read(doc, ctx) {
    const data = objectAt(doc, 'data');
    if (data) readTrackInfo(data, recorder(ctx));
  },
};

/** Legacy web format: one number's `track` object. */
function readLegacyTrack(number: string, track: Json, rec: Recorder): void {
  const lists: [unknown, unknown][] = [
    [track.z1, track.w1],
    [track.z2, track.w2],
  ];
  for (const [list, key] of lists) {
    if (!Array.isArray(list)) continue;
    const carrier = carrierByKey(key);
    for (const ev of list) {
      if (!isObject(ev)) continue;
      const description = textAt(ev, 'z');
      const location = joinParts(textAt(ev, 'c'), textAt(ev, 'd'));
      const time = typeof ev.a === 'string' ? ev.a : '';
      rec.event({
        trackingNumber: number,
        at: () => parseStamp(time, { hint: rec.zoneFor(location, description) }),
        description,
        location,
        carrier,
      });
    }
  }
}

/** The legacy responses' (number, track) pairs, from whichever of the three envelopes the document has. */
function legacyTracks(doc: unknown): [string, Json][] {
  const pairs: [string, Json][] = [];
  if (!isObject(doc)) return pairs;
  for (const a of arrayAt(doc.data, 'accepted') ?? []) {
    const track = objectAt(a, 'track');
    const number = textAt(a, 'number');
    if (track && number) pairs.push([number, track]);
  }
  for (const d of arrayAt(doc, 'dat') ?? []) {
    const track = objectAt(d, 'track');
    const number = textAt(d, 'no');
    if (track && number) pairs.push([number, track]);
  }
  const dat = objectAt(doc, 'dat');
  const datNumber = textAt(dat, 'a');
  if (dat && datNumber && (Array.isArray(dat.z1) || Array.isArray(dat.z2))) pairs.push([datNumber, dat]);
  return pairs;
}

export const SEVENTEEN_TRACK_WEB: ApiShape = {
  id: '17track-web',
  title: '17TRACK web / legacy API (z0, z1, z2 events)',
  format: 'json',
  matches(doc) {
    return legacyTracks(doc).some(([, t]) => Array.isArray(t.z1) || Array.isArray(t.z2));
  },
  read(doc, ctx) {
    const rec = recorder(ctx);
    for (const [number, track] of legacyTracks(doc)) readLegacyTrack(number, track, rec);
    if (isObject(doc)) readRejected(objectAt(doc, 'data'), rec);
  },
};
