import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'missing-tracking',
    severity: 'error',
    description: 'The shipment was confirmed without a tracking number, so Amazon counts it as untracked.',
    options: {},
  },
  check(s) {
    if (s.trackingNumber !== '') return undefined;
    return { message: `confirmed without a tracking number${s.carrier ? ` (carrier ${s.carrier})` : ''}` };
  },
};
