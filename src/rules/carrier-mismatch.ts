import { carrierOwnsShape, numberFitsCarrier } from '../knowledge/carrier-numbers.js';
import { CARRIERS } from '../knowledge/carriers.js';
import { recognizeAs } from '../knowledge/tracking-numbers.js';
import type { Rule } from './types.js';

const CANONICAL = new Set(CARRIERS.map((c) => c.name));

export const rule: Rule = {
  meta: {
    id: 'carrier-mismatch',
    severity: 'warning',
    description:
      'The tracking number belongs to another carrier than the one confirmed, so Amazon may not find its scans.',
    options: {},
  },
  check(s) {
    const r = s.recognition;
    const confirmed = s.carrier;
    // A failed check says nothing about the carrier; formats without a check digit are decided by their prefix.
    if (r.carrier === undefined || r.format === undefined || r.checkDigit === 'invalid') return undefined;
    if (!confirmed || confirmed === 'Other' || !CANONICAL.has(confirmed)) return undefined;
    if (numberFitsCarrier(r.carrier, confirmed) || carrierOwnsShape(s.trackingNumber, confirmed)) return undefined;
    // The number has the shape of one of the confirmed carrier's own formats: theirs, or theirs mistyped
    // (invalid-tracking-number judges it), not another carrier's.
    if (recognizeAs(s.trackingNumber, confirmed) !== undefined) return undefined;
    return {
      message: `confirmed as ${confirmed}, but ${s.trackingRaw ?? s.trackingNumber} is a ${r.carrier} number (${r.format})`,
    };
  },
};
