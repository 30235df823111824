import type { Rule } from './types.js';

const LISTED = 5;

export const rule: Rule = {
  meta: {
    id: 'duplicate-tracking-number',
    severity: 'warning',
    description: 'The same tracking number was confirmed on several orders, which Amazon treats as suspicious.',
    options: {},
  },
  check(s) {
    const others = s.sharedWith;
    if (s.trackingNumber === '' || others.length === 0) return undefined;
    const more = others.length > LISTED ? ` and ${others.length - LISTED} more` : '';
    const n = others.length;
    return {
      message: `tracking number also confirmed on ${n} other order${n === 1 ? '' : 's'}: ${others.slice(0, LISTED).join(', ')}${more}`,
    };
  },
};
