import type { Stamp } from '../../../model/timestamp.js';
import { stampFromEpochAndLocal, stampWithZoneText, TimeParseError } from '../../time.js';
import type { ApiShape } from '../shape.js';
import { arrayAt, isObject, objectAt, recorder, textAt, type Json } from './common.js';

/**
 * Cainiao / AliExpress global tracking (`global.cainiao.com/global/detail.json?mailNos=…`), two generations:
 * - current: `{module: [{mailNo, status, statusDesc, detailList: [...]}], success}`; a saved single module
 *   entry is read too. Each detail has `time` (epoch milliseconds), `timeStr` (a local time: Beijing time
 *   in every response seen, whatever the zone),
 *   `timeZone` (`GMT+8`, `GMT+08:00`, `GMT-3`, or empty), `desc` (the carrier's words), `standerdDesc`
 *   (Cainiao's standard wording) and `actionCode` (`GWMS_ACCEPT`, `PU_PICKUP_SUCCESS`, `SC_INBOUND_SUCCESS`…).
 *   A number Cainiao does not know comes back as `mailNoSource: "EXTERNAL"` with an empty `detailList`.
 * - older: `{data: [{mailNo, section1: {detailList}, section2: {detailList}}], success}` with `time` a local
 *   text, `timeZone` and `desc`.
 */

type Recorder = ReturnType<typeof recorder>;

/**
 * A detail's moment: the epoch (`time`) shown in the zone text's offset, checked against the local text; the
 * older generation has no epoch, so its local text is read in the zone text, or placed by `zoneFor`.
 */
function detailTime(d: Json, rec: Recorder, description: string | undefined): Stamp {
  // The older generation's `time` is the local text; the current one's an epoch number.
  const epochLike = typeof d.time === 'number' || (typeof d.time === 'string' && /^\d{9,}$/.test(d.time));
  const epoch = epochLike ? (d.time as number | string) : undefined;
  const local = textAt(d, 'timeStr') ?? (epoch === undefined ? textAt(d, 'time') : undefined);
  const zoneText = textAt(d, 'timeZone');
  const hint = rec.zoneFor(undefined, description);
  if (epoch !== undefined) return stampFromEpochAndLocal(epoch, local, zoneText, hint);
  if (local === undefined) throw new TimeParseError('no time');
  return stampWithZoneText(local, zoneText, hint);
}

function readDetails(number: string, details: unknown[], rec: Recorder): void {
  for (const d of details) {
    if (!isObject(d)) continue;
    const description = textAt(d, 'standerdDesc') ?? textAt(d, 'desc');
    rec.event({
      trackingNumber: number,
      at: () => detailTime(d, rec, description),
      description,
      code: textAt(d, 'actionCode'),
    });
  }
}

/** One number's entry: a current `module[]` entry, or an older `data[]` entry with its sections. */
function readEntry(entry: Json, rec: Recorder): void {
  const number = textAt(entry, 'mailNo');
  if (number === undefined) return;
  const lists = [
    arrayAt(entry, 'detailList'),
    arrayAt(objectAt(entry, 'section1'), 'detailList'),
    arrayAt(objectAt(entry, 'section2'), 'detailList'),
  ].filter((l): l is unknown[] => l !== undefined);
  if (lists.every((l) => l.length === 0)) {
    rec.problem(number, 'Cainiao has no tracking events for this number (not found)');
    return;
  }
  for (const l of lists) readDetails(number, l, rec);
}

function entriesOf(doc: unknown): Json[] {
  if (!isObject(doc)) return [];
  const list = arrayAt(doc, 'module') ?? arrayAt(doc, 'data');
  if (list) return list.filter(isObject);
  return textAt(doc, 'mailNo') !== undefined ? [doc] : [];
}

function isEntry(e: Json): boolean {
  return (
    textAt(e, 'mailNo') !== undefined && (Array.isArray(e.detailList) || isObject(e.section1) || isObject(e.section2))
  );
}

export const CAINIAO: ApiShape = {
  id: 'cainiao-global',
  title: 'Cainiao / AliExpress global tracking (detail.json)',
  format: 'json',
  matches(doc) {
    const entries = entriesOf(doc);
    return entries.length > 0 && entries.every(isEntry);
  },
  read(doc, ctx) {
    const rec = recorder(ctx);
    for (const entry of entriesOf(doc)) readEntry(entry, rec);
  },
};
