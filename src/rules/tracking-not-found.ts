import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'tracking-not-found',
    severity: 'warning',
    description: 'The tracking files say nothing about this tracking number, so the audit cannot check its hand-over.',
    options: {},
  },
  check(s, ctx) {
    if (!ctx.hasTrackingData || s.trackingNumber === '' || s.tracking !== undefined) return undefined;
    // A number that fails its check digit is reported as invalid-tracking-number: that already says why no
    // carrier knows it, and a second finding would only repeat it.
    if (s.recognition.checkDigit === 'invalid') return undefined;
    return { message: `no tracking data for ${s.trackingRaw ?? s.trackingNumber}: the hand-over cannot be verified` };
  },
};
