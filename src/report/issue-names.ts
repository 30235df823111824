/**
 * Rule ids in the words a reviewer at Amazon uses, short enough for one line of the printed report's table
 * (a shipment often breaks two rules). The evidence files keep the ids, stable for filters and scripts; a
 * rule with no name here is shown by its id.
 */
export const ISSUE_NAMES: Readonly<Record<string, string>> = {
  'confirmed-before-handover': 'Confirmed before scan',
  'no-carrier-scan': 'No carrier scan yet',
  'late-confirmation': 'Confirmed late',
  'late-handover': 'Handed over late',
  'missing-tracking': 'No tracking number',
  'tracking-not-found': 'No tracking data',
  'invalid-tracking-number': 'Invalid tracking number',
  'carrier-mismatch': 'Number of another carrier',
  'duplicate-tracking-number': 'Number on several orders',
};

export function issueName(rule: string): string {
  return ISSUE_NAMES[rule] ?? rule;
}
