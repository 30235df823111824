import type { TrackingFacts } from '../model/shipment.js';
import { latestInstant } from '../model/timestamp.js';
import { hours, HOUR_MS, numberOption, stampText } from './helpers.js';
import type { Rule } from './types.js';

function seen(t: TrackingFacts): string {
  const last = t.lastEvent;
  if (!last)
    return t.latestStatus
      ? `package status "${t.latestStatus}"`
      : 'the tracking file lists the number without any event';
  const what = `"${last.description}" (${stampText(last.at)})`;
  return t.events === 1 ? `only ${what}` : `${t.events} events, none a carrier scan; last ${what}`;
}

export const rule: Rule = {
  meta: {
    id: 'no-carrier-scan',
    severity: 'error',
    description: 'The carrier has information about the parcel but has never scanned it, long after it was confirmed.',
    options: {
      graceHours: {
        default: 24,
        description: 'hours after the confirmation that a parcel may go without a carrier scan',
      },
    },
  },
  check(s, ctx) {
    const t = s.tracking;
    // Undefined tracking is tracking-not-found's case; possession without a time still proves hand-over.
    if (!t || t.firstPossession || t.summaryFirstScan || t.possessionWithoutTime) return undefined;
    const sinceMs = ctx.asOfMs - latestInstant(s.confirmedAt);
    if (sinceMs <= numberOption(ctx, 'graceHours') * HOUR_MS) return undefined;
    const dateOnly =
      s.confirmedAt.precision === 'date' ? ' (date-only confirmation: counted from the end of that day)' : '';
    return { message: `no carrier scan ${hours(sinceMs).toFixed(1)} h after confirmation${dateOnly}: ${seen(t)}` };
  },
};
