import { latestInstant } from '../model/timestamp.js';
import { firstScan, hours, HOUR_MS, numberOption, stampText } from './helpers.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'confirmed-before-handover',
    severity: 'error',
    description: 'The shipment was confirmed to Amazon well before the carrier first scanned the parcel.',
    options: {
      graceHours: {
        default: 24,
        description: 'hours the first carrier scan may follow the confirmation without a finding',
      },
    },
  },
  check(s, ctx) {
    const scan = firstScan(s);
    if (!scan) return undefined;
    // A date-only confirmation may have happened at any moment of its day: only its end is certainly early.
    const lagMs = scan.at.epochMs - latestInstant(s.confirmedAt);
    if (lagMs <= numberOption(ctx, 'graceHours') * HOUR_MS) return undefined;
    const notes = [
      s.confirmedAt.precision === 'date' ? 'date-only confirmation: compared with the end of that day' : '',
      scan.at.precision === 'date' ? 'date-only scan: compared with the start of that day' : '',
    ].filter(Boolean);
    const lagHours = hours(lagMs);
    return {
      message:
        `confirmed ${lagHours.toFixed(1)} h before the first carrier scan (${scan.description}, ${stampText(scan.at)})` +
        (notes.length ? `; ${notes.join('; ')}` : ''),
      lagHours,
    };
  },
};
