import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/cli/settings.js';
import { EXCLUSION, loadShipments } from '../../src/engine/index.js';

const MONTH = 'fixtures/sample-month';
const ORDER = '111-7625964-1065606';

describe('loadShipments: the engine door', () => {
  it('gives shipments indexable and iterable in audit order, and each() the same ones in stored order', async () => {
    const { shipments } = await loadShipments([MONTH], await loadSettings({}));
    const listed = [...shipments];
    expect(listed.length).toBe(shipments.count);
    expect(shipments.count).toBeGreaterThan(100);
    // Audit order: by confirmation time, then order id.
    const key = (i: number) => [listed[i].confirmedAt.epochMs, listed[i].orderId] as const;
    for (let i = 1; i < listed.length; i++) {
      const [a, b] = [key(i - 1), key(i)];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1].localeCompare(b[1]) <= 0)).toBe(true);
    }
    const seen: string[] = [];
    shipments.each((s, rank) => (seen[rank] = JSON.stringify(s)));
    expect(seen).toEqual(listed.map((s) => JSON.stringify(s)));
  });

  it.each([
    ['an order in the files', ORDER, true],
    ['an order in none', '999-0000000-0000000', false],
  ])('keeps the records of %s as read', async (_name, orderId, found) => {
    const { kept } = await loadShipments([MONTH], await loadSettings({}), { keepOrder: orderId });
    const records = [...(kept?.orders ?? []), ...(kept?.confirmations ?? [])];
    expect(records.length > 0).toBe(found);
    expect(records.every((r) => r.orderId === orderId)).toBe(true);
  });

  it('asks for the window once the zone is settled, and leaves out what falls outside it', async () => {
    const all = await loadShipments([MONTH], await loadSettings({}));
    let asked = 0;
    const none = await loadShipments([MONTH], await loadSettings({}), { window: () => (asked++, { toMs: 0 }) });
    expect(asked).toBe(1);
    expect(none.shipments.count).toBe(0);
    expect(none.excluded[EXCLUSION.window]).toBe(all.shipments.count);
  });

  it.each([
    ['keeps the first reading when rezone says no', false, 1],
    ['reads the files again when rezone says yes', true, 2],
  ])('%s', async (_name, answer, readings) => {
    const phases: string[] = [];
    const marketplaces: string[][] = [];
    const loaded = await loadShipments([MONTH], await loadSettings({}), {
      rezone: (m) => (marketplaces.push([...m.keys()]), answer),
      hooks: { phase: (p) => phases.push(p) },
    });
    expect(marketplaces).toEqual([['Amazon.com']]);
    expect(phases.filter((p) => p === 'own files read')).toHaveLength(readings);
    expect(phases.at(-1)).toBe('all read');
    expect(loaded.data.confirmationCount).toBeGreaterThan(0);
  });
});
