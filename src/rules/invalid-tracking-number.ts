import { isSharedShape, numberFitsCarrier } from '../knowledge/carrier-numbers.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'invalid-tracking-number',
    severity: 'warning',
    description: 'The tracking number has the shape of a carrier’s numbers but its check digit is wrong: probably mistyped.',
    options: {},
  },
  check(s) {
    const r = s.recognition;
    if (r.checkDigit !== 'invalid' || r.carrier === undefined) return undefined;
    // A 12-digit Yamato number fails FedEx's check because it is not a FedEx number, not because it is broken.
    if (isSharedShape(s.trackingNumber) && !(s.carrier && numberFitsCarrier(r.carrier, s.carrier))) return undefined;
    return {
      message: `${s.trackingRaw ?? s.trackingNumber} has the ${r.format} format of ${r.carrier} but fails its check digit`,
    };
  },
};
