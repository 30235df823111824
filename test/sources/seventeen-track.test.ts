import { afterEach, describe, expect, it } from 'vitest';
import { Http, SourceError } from '../../src/sources/http.js';
import { SeventeenTrack, type BatchSeen } from '../../src/sources/seventeen-track.js';
import { fakeServices, type TrackFake } from './fake-services.js';
import { startServer, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'k17-test-key';
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `9400111899562000${String(i).padStart(6, '0')}`);

async function client(fake: Partial<TrackFake>, key = KEY) {
  const world: TrackFake = { apiKey: KEY, quota: 100, registered: new Set(), parcels: {}, ...fake };
  server = await startServer(fakeServices(undefined, world));
  const http = new Http({ retries: 3, timeScale: 0, secrets: [key] });
  return { c: new SeventeenTrack(http, key, `${server.url}/track/v2.2`), http, world, server };
}

describe('17TRACK v2.2 against a local server', () => {
  it('registers in batches of 40 (85 numbers: 40, 40, 5); one already registered counts as registered', async () => {
    const all = numbers(85);
    const { c, server } = await client({ registered: new Set([all[3]]) });
    const saved: BatchSeen[] = [];
    const r = await c.register(all, async (b) => void saved.push(b));
    expect(server.to('/track/v2.2/register').map((q) => (JSON.parse(q.body) as unknown[]).length)).toEqual([40, 40, 5]);
    expect(r.registered.sort()).toEqual([...all].sort());
    expect([r.accepted, r.rejected, r.quotaExhausted]).toEqual([84, [], false]);
    expect(saved.map((b) => [b.op, b.batch, b.numbers.length])).toEqual([
      ['register', 1, 40],
      ['register', 2, 40],
      ['register', 3, 5],
    ]);
    expect(server.requests[0].headers['17token']).toBe(KEY);
  });

  it('quota used up: stops registering, the rest reported as not registered', async () => {
    const all = numbers(50);
    const { c, server } = await client({ quota: 30 });
    const r = await c.register(all, async () => undefined);
    expect(r.quotaExhausted).toBe(true);
    expect([r.registered.length, r.accepted]).toEqual([30, 30]);
    expect(r.rejected).toHaveLength(20);
    expect(r.rejected[0]).toEqual({
      number: all[30],
      code: -18019908,
      message: 'The remaining quota is insufficient.',
    });
    // The second batch was never sent.
    expect(server.to('/track/v2.2/register')).toHaveLength(1);
  });

  it('gettrackinfo: bytes handed over as sent, delivered numbers named, unregistered ones rejected', async () => {
    const [a, b, c3] = numbers(3);
    const ev = (description: string) => ({
      at: '2026-11-03T17:00:00-08:00',
      utc: '2026-11-04T01:00:00Z',
      description,
      location: 'LOS ANGELES, CA',
    });
    const { c, server } = await client({
      registered: new Set([a, b]),
      parcels: {
        [a]: { delivered: true, events: [ev('Delivered, In/At Mailbox'), ev('USPS in possession of item')] },
        [b]: { delivered: false, events: [ev('USPS in possession of item')] },
      },
    });
    const seen: Array<Parameters<Parameters<SeventeenTrack['trackInfo']>[1]>[0]> = [];
    await c.trackInfo([a, b, c3], async (x) => void seen.push(x));
    expect(seen).toHaveLength(1);
    const doc = JSON.parse(seen[0].body.toString());
    expect(doc.data.accepted[0].track_info.tracking.providers[0].events[1].description).toBe(
      'USPS in possession of item',
    );
    expect([seen[0].answered, seen[0].delivered]).toEqual([[a, b], [a]]);
    expect(seen[0].rejected).toEqual([
      { number: c3, code: -18019902, message: `The tracking number '${c3}' does not register, please register first.` },
    ]);
    expect(server.to('/track/v2.2/gettrackinfo')).toHaveLength(1);
  });

  it('getquota', async () => {
    const { c } = await client({ quota: 97, registered: new Set(numbers(3)) });
    expect(await c.quota()).toEqual({ total: 100, used: 3, remain: 97 });
  });

  it('429 and 500 are retried; a malformed body too', async () => {
    const { c, http } = await client({
      faults: {
        getquota: [{ status: 429, headers: { 'retry-after': '1' } }, { status: 500 }, { body: '<html>bad gateway' }],
      },
    });
    expect((await c.quota()).remain).toBe(100);
    expect(http.requests).toBe(4);
  });

  it('a bad key: one line, kind auth, the key not in it', async () => {
    const { c } = await client({}, 'k17-wrong-key');
    const e = await c.quota().catch((x) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect([e.kind, e.message]).toEqual([
      'auth',
      '17TRACK getquota: 17TRACK refused the API key (the API key is invalid); check the key named in sources.tracking',
    ]);
  });

  it("a request refused as a whole (too many numbers) is a failure with 17TRACK's words", async () => {
    const { c } = await client({
      faults: {
        register: [
          {
            body: JSON.stringify({
              code: -18010013,
              data: { errors: [{ code: -18010013, message: 'Submitted data is invalid.' }] },
            }),
          },
        ],
      },
    });
    const e = await c.register(numbers(2), async () => undefined).catch((x) => x);
    expect([e.kind, e.message]).toEqual([
      'failed',
      '17TRACK register batch 1: 17TRACK refused the request (-18010013: Submitted data is invalid.)',
    ]);
  });
});
