import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GateCollector } from '../../src/gate/collect.js';
import type { OrderRecord } from '../../src/model/records.js';
import { readInput } from '../../src/read/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, '../shared/real-samples');
const opts = { marketplaceZone: { zone: 'America/Los_Angeles', source: 'setting' as const } };

describe('the gate’s orders', () => {
  it('Orders API 2026-01-01 orders carry their items and what is left to ship (real example)', async () => {
    const file = join(SAMPLES, 'sp-api-orders-2026-searchOrders-example.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: the real samples must sit beside the clone`);
    const orders: OrderRecord[] = [];
    await readInput(file, { order: (o) => orders.push(o) }, opts);
    expect(orders.map((o) => [o.orderId, o.status, o.itemsToShip])).toEqual([
      [
        '123-4567890-1234567',
        'shipped',
        [
          { orderItemId: '12345678901234', quantity: 0 },
          { orderItemId: '12345678901235', quantity: 0 },
        ],
      ],
    ]);
    // Shipped: not the gate's to confirm.
    const g = new GateCollector(Date.now());
    for (const o of orders) g.order(o);
    expect([g.orders.size, [...g.notAwaiting]]).toEqual([0, ['123-4567890-1234567']]);
  });

  it('an unshipped API order gives its items with a quantity left; an item fully shipped gives no line', () => {
    const g = new GateCollector(Date.now());
    g.order({
      orderId: 'A',
      status: 'partially-shipped',
      channel: 'MFN',
      itemsToShip: [
        { orderItemId: '1', quantity: 2 },
        { orderItemId: '2', quantity: 0 },
      ],
      source: { file: 'orders.json', line: 1 },
    });
    g.order({
      orderId: 'A',
      awaitingShipment: true,
      orderItemId: '1',
      quantityToShip: 2,
      source: { file: 'unshipped.txt', line: 2 },
    });
    expect(g.orders.get('A')?.items).toEqual([{ orderItemId: '1', quantity: 2 }]);
  });
});
