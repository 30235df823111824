import { describe, expect, it } from 'vitest';
import { gateBacklog, withoutGateOrders } from '../../src/check/gate.js';
import type { OrderDue } from '../../src/model/check.js';
import type { GateDecision, Hold } from '../../src/model/gate.js';

const hold = (orderId: string, hoursLeft?: number): Hold => ({ orderId, reason: 'information-only', hoursLeft });
const decision: GateDecision = {
  asOf: '2026-10-16T12:00:00-07:00',
  zone: 'America/Los_Angeles',
  release: [],
  hold: [hold('SOON', 12), hold('EDGE', 24), hold('LATER', 84), hold('UNKNOWN')],
  overdue: [{ ...hold('LATE', -12), hoursLeft: -12, advice: ['contact-carrier'] }],
  skipped: [],
  sharedNumbers: [],
};

describe('the gate’s backlog in the check', () => {
  it('lists overdue and held within the window (or with no date), counts the rest', () => {
    const b = gateBacklog({ ...decision, release: [{ orderId: 'R' } as GateDecision['release'][number]] }, 24);
    expect(b.overdue.map((o) => o.orderId)).toEqual(['LATE']);
    expect(b.held.map((h) => h.orderId)).toEqual(['SOON', 'EDGE', 'UNKNOWN']);
    expect([b.heldLater, b.ready]).toEqual([1, 1]);
  });

  it('orders the gate explains leave the plain due list; a scanned one stays (its deadline stands)', () => {
    const due = (orderId: string): OrderDue => ({
      level: 'warning',
      orderId,
      latestShipDate: 'x',
      latestShipDateComputed: false,
      hoursLeft: 1,
    });
    const withRelease = { ...decision, release: [{ orderId: 'R' } as GateDecision['release'][number]] };
    expect(
      withoutGateOrders([due('SOON'), due('LATE'), due('R'), due('OTHER')], withRelease).map((o) => o.orderId),
    ).toEqual(['R', 'OTHER']);
  });

  it('an order the gate released (the ledger has it) awaits Amazon: out of the due list, shown with when and where', () => {
    const due = (orderId: string): OrderDue => ({
      level: 'error',
      orderId,
      latestShipDate: 'x',
      latestShipDateComputed: false,
      hoursLeft: -1,
    });
    const d: GateDecision = {
      ...decision,
      skipped: [
        {
          orderId: 'REL',
          trackingNumber: 'N1',
          why: 'in-ledger',
          status: 'released',
          at: '2026-10-16T18:00:00.000Z',
          file: 'up.txt',
        },
        { orderId: 'ACC', trackingNumber: 'N2', why: 'in-ledger', status: 'accepted', at: '2026-10-16T18:05:00.000Z' },
        // Amazon refused it: not confirmed, the seller must act.
        { orderId: 'REJ', trackingNumber: 'N3', why: 'in-ledger', status: 'rejected', at: '2026-10-16T18:05:00.000Z' },
      ],
    };
    expect(withoutGateOrders([due('REL'), due('ACC'), due('REJ'), due('OTHER')], d).map((o) => o.orderId)).toEqual([
      'REJ',
      'OTHER',
    ]);
    expect(gateBacklog(d, 24).released).toEqual([
      { orderId: 'REL', trackingNumber: 'N1', status: 'released', at: '2026-10-16T11:00:00-07:00', file: 'up.txt' },
      { orderId: 'ACC', trackingNumber: 'N2', status: 'accepted', at: '2026-10-16T11:05:00-07:00', file: undefined },
    ]);
    expect(gateBacklog(decision, 24).released).toBeUndefined();
  });
});
