import { latestInstant } from '../model/timestamp.js';
import { computedNote, hours, stampText } from './helpers.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'late-confirmation',
    severity: 'error',
    description: 'The shipment was confirmed after the latest ship date, which counts as a late shipment.',
    options: {},
  },
  check(s) {
    const lsd = s.order?.latestShipDate;
    if (!lsd) return undefined;
    // A date-only confirmation counts from the start of its day: late only if the day itself is.
    const lateMs = s.confirmedAt.epochMs - latestInstant(lsd);
    if (lateMs <= 0) return undefined;
    const when =
      s.confirmedAt.precision === 'date'
        ? `confirmed on ${s.confirmedAt.localDate} (date only)`
        : `confirmed ${hours(lateMs).toFixed(1)} h`;
    return { message: `${when} after the latest ship date ${stampText(lsd)}${computedNote(s)}` };
  },
};
