import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../src/gate/ledger.js';
import {
  confirmShipmentRequest,
  recoverSending,
  submitReleases,
  Unanswered,
  type ConfirmShipmentRequest,
  type ShipmentConfirmer,
} from '../../src/gate/submit.js';
import type { Release } from '../../src/model/gate.js';

const release = (orderId: string, o: Partial<Release> = {}): Release => ({
  orderId,
  trackingNumber: `1Z${orderId}`,
  carrierCode: 'UPS',
  carrierName: 'UPS',
  shipMethod: 'Ground',
  lines: [{ orderItemId: `${orderId}-1`, quantity: 2 }],
  shipDate: '2026-10-15T17:30:00-07:00',
  shipDateIso: '2026-10-16T00:30:00Z',
  scan: { at: '2026-10-15T17:30:00-07:00', description: 'Origin Scan', source: { file: 't.csv', line: 2 } },
  late: false,
  reemitted: false,
  ...o,
});

class Fake implements ShipmentConfirmer {
  sent: Array<[string, ConfirmShipmentRequest]> = [];
  constructor(
    private readonly answers: Record<string, number | 'none'>,
    /** The order status Amazon reports, or 'none' for no answer. */
    private readonly statuses: Record<string, string> = {},
  ) {}
  async confirmShipment(orderId: string, body: ConfirmShipmentRequest) {
    this.sent.push([orderId, body]);
    const a = this.answers[orderId] ?? 204;
    if (a === 'none') throw new Unanswered('HTTP 429 (too many requests), 6 attempts');
    return a === 204
      ? { http: 204 }
      : { http: a, errors: [{ code: 'InvalidInput', message: 'Invalid tracking number' }] };
  }
  async orderStatus(orderId: string) {
    const s = this.statuses[orderId];
    if (s === 'none') throw new Unanswered('no answer');
    return s;
  }
}

describe('submit', () => {
  it('the body is Amazon’s packageDetail with the scan as ship date', () => {
    expect(confirmShipmentRequest(release('A'), 1, 'ATVPDKIKX0DER')).toEqual({
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'UPS',
        carrierName: 'UPS',
        shippingMethod: 'Ground',
        trackingNumber: '1ZA',
        shipDate: '2026-10-16T00:30:00Z',
        orderItems: [{ orderItemId: 'A-1', quantity: 2 }],
      },
      marketplaceId: 'ATVPDKIKX0DER',
    });
    expect(confirmShipmentRequest(release('A', { lines: [{}] }), 1, 'M')).toBeUndefined();
  });

  it('records sending before each request and the answer after; no answer stays sending', async () => {
    const fake = new Fake({ A: 204, B: 400, C: 'none' });
    const ledger: LedgerRecord[] = [];
    const log: string[] = [];
    fake.confirmShipment = ((orig) => async (id: string, b: ConfirmShipmentRequest) => {
      log.push(
        `request ${id} after ${ledger
          .filter((r) => r.orderId === id)
          .map((r) => r.status)
          .join(',')}`,
      );
      return orig(id, b);
    })(fake.confirmShipment.bind(fake));
    const out = await submitReleases([release('A'), release('B'), release('C'), release('D', { lines: [{}] })], {
      confirmer: fake,
      record: async (r) => void ledger.push(r),
      marketplaceId: 'M',
      now: () => 'T',
    });
    expect(log).toEqual(['request A after sending', 'request B after sending', 'request C after sending']);
    expect(out.map((o) => [o.orderId, o.status, o.http])).toEqual([
      ['A', 'accepted', 204],
      ['B', 'rejected', 400],
      ['C', 'unanswered', undefined],
      ['D', 'rejected', undefined],
    ]);
    expect(ledger.map((r) => [r.orderId, r.status])).toEqual([
      ['A', 'sending'],
      ['A', 'accepted'],
      ['B', 'sending'],
      ['B', 'rejected'],
      ['C', 'sending'],
    ]);
    expect(ledger.find((r) => r.status === 'rejected')?.errors).toEqual([
      { code: 'InvalidInput', message: 'Invalid tracking number' },
    ]);
  });

  it('a package left sending is checked with Amazon, not resent', async () => {
    const sending = (orderId: string): LedgerRecord => ({
      v: 1,
      at: 'T0',
      orderId,
      trackingNumber: `1Z${orderId}`,
      status: 'sending',
      wholeOrder: true,
    });
    const fake = new Fake({}, { A: 'Shipped', B: 'Unshipped', C: 'none', D: 'Canceled' });
    const ledger: LedgerRecord[] = [];
    const found = await recoverSending([sending('A'), sending('B'), sending('C'), sending('D')], {
      confirmer: fake,
      record: async (r) => void ledger.push(r),
      now: () => 'T1',
    });
    expect(found.map((f) => [f.orderId, f.found])).toEqual([
      ['A', 'accepted'],
      ['B', 'failed'],
      ['C', 'unknown'],
      ['D', 'unknown'],
    ]);
    expect(ledger.map((r) => [r.orderId, r.status])).toEqual([
      ['A', 'accepted'],
      ['B', 'failed'],
    ]);
    expect(fake.sent).toEqual([]);
  });
});
