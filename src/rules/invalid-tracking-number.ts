import { formatsKnownInFull, isPrivateNumber, isSharedShape, numberFitsCarrier } from '../knowledge/carrier-numbers.js';
import { checkFault, notATrackingNumber, recognizeAs } from '../knowledge/tracking-numbers.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  meta: {
    id: 'invalid-tracking-number',
    severity: 'warning',
    description:
      'The tracking number cannot be one (a formula, a web address, words, a placeholder), fits none of the ' +
      'confirmed carrier’s formats (for carriers whose formats are all known), or has the shape of a carrier’s ' +
      'numbers but its check digit is wrong: probably mistyped.',
    options: {},
  },
  check(s) {
    const shown = s.trackingRaw ?? s.trackingNumber;
    if (shown.trim() === '') return undefined;
    const why = notATrackingNumber(shown);
    if (why !== undefined) return { message: `${shown} cannot be a tracking number: ${why}` };
    const r = s.recognition;
    // A number of no known shape at all, confirmed with a carrier whose every format is known ("12345" as USPS).
    if (r.carrier === undefined && s.carrier) {
      const formats = formatsKnownInFull(s.carrier);
      if (formats !== undefined) return { message: `${shown} fits none of ${s.carrier}’s number formats: ${formats}` };
    }
    // Judged by the confirmed carrier's own format of this shape, when it has one: a 12-digit number confirmed
    // as FedEx that fails FedEx's check is a mistyped FedEx number, even if Purolator's check happens to pass.
    if (s.carrier && r.carrier !== s.carrier && r.checkDigit !== 'invalid') {
      const own = recognizeAs(s.trackingNumber, s.carrier);
      if (own?.checkDigit === 'invalid') {
        const fault = checkFault(s.trackingNumber, own.format);
        return { message: `${shown} has the ${own.format} format of ${own.carrier} but ${fault}` };
      }
    }
    if (r.checkDigit !== 'invalid' || r.carrier === undefined) return undefined;
    if (s.carrier && isPrivateNumber(s.trackingNumber, s.carrier)) return undefined;
    // A 12-digit Yamato number fails FedEx's check because it is not a FedEx number, not because it is broken.
    if (isSharedShape(s.trackingNumber) && !(s.carrier && numberFitsCarrier(r.carrier, s.carrier))) return undefined;
    return {
      message: `${shown} has the ${r.format} format of ${r.carrier} but ${checkFault(s.trackingNumber, r.format)}`,
    };
  },
};
