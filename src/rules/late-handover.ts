import { latestInstant } from '../model/timestamp.js';
import { computedNote, firstScan, hours, stampText } from './helpers.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'late-handover',
    severity: 'warning',
    description:
      'The carrier first scanned the parcel after the latest ship date, even if the confirmation was on time.',
    options: {},
  },
  check(s) {
    const lsd = s.order?.latestShipDate;
    const scan = firstScan(s);
    if (!lsd || !scan) return undefined;
    // A date-only scan counts from the start of its day, so it is late only if the day itself is.
    const lateMs = scan.at.epochMs - latestInstant(lsd);
    if (lateMs <= 0) return undefined;
    const when = scan.at.precision === 'date' ? `on ${scan.at.localDate} (date only)` : `${hours(lateMs).toFixed(1)} h`;
    return {
      message:
        `first carrier scan ${when} after the latest ship date ${stampText(lsd)}${computedNote(s)} ` +
        `(${scan.description}, ${stampText(scan.at)})`,
    };
  },
};
