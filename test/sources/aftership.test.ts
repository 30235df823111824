import { afterEach, describe, expect, it } from 'vitest';
import { AfterShip, type ListPage } from '../../src/sources/aftership.js';
import { Http, rateLimitResetMs, SourceError } from '../../src/sources/http.js';
import { AFTERSHIP_PATH, fakeAfterShip, type AfterShipFake } from './fake-aftership.js';
import { startServer, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'asat_test-key-4Hq9';
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `9400111899562000${String(i).padStart(6, '0')}`);
const error = (status: number, code: number, message: string) => ({
  status,
  body: JSON.stringify({ meta: { code, message, type: 'X' }, data: {} }),
});

async function client(fake: Partial<AfterShipFake>, key = KEY, sleeps: number[] = []) {
  const world: AfterShipFake = { apiKey: KEY, tracked: new Set(), parcels: {}, ...fake };
  const handler = fakeAfterShip(world);
  server = await startServer((req) => handler(req) ?? { status: 404, body: '{}' });
  const http = new Http({
    retries: 3,
    secrets: [key],
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  return { c: new AfterShip(http, key, `${server.url}/tracking/2026-07`), http, world, server };
}

const listed = (s: MockServer) =>
  s.requests
    .filter((q) => q.method === 'GET')
    .map((q) => [q.query.get('tracking_numbers')!.split(',').length, q.query.get('cursor')]);

describe('AfterShip Tracking API against a local server', () => {
  it('creates each new number; one that already exists (4003) counts as tracked', async () => {
    const all = numbers(3);
    const { c, server } = await client({ tracked: new Set([all[1]]) });
    const bodies: string[] = [];
    const r = await c.create(all, async (_n, body) => void bodies.push(body.toString('utf8')));
    expect(r).toEqual({ tracked: all, created: 2, refused: [], quotaExhausted: false });
    expect(server.to(AFTERSHIP_PATH).map((q) => [q.method, JSON.parse(q.body).tracking_number])).toEqual(
      all.map((n) => ['POST', n]),
    );
    expect(server.requests[0].headers['as-api-key']).toBe(KEY);
    expect(JSON.parse(bodies[1]).meta.code).toBe(4003);
  });

  it('lists 50 numbers a request and follows the cursor to the last page (120 numbers, 40 a page)', async () => {
    const all = numbers(120);
    const delivered = all[77];
    const { c, server } = await client({
      tracked: new Set(all),
      pageSize: 40,
      parcels: { [delivered]: { delivered: true, checkpoints: [] } },
    });
    const pages: ListPage[] = [];
    await c.list(all, async (p) => void pages.push(p));
    expect(listed(server)).toEqual([
      [50, null],
      [50, '40'],
      [50, null],
      [50, '40'],
      [20, null],
    ]);
    expect(pages.map((p) => [p.batch, p.page, p.answered.length])).toEqual([
      [1, 1, 40],
      [1, 2, 10],
      [2, 1, 40],
      [2, 2, 10],
      [3, 1, 20],
    ]);
    expect(pages.flatMap((p) => p.answered)).toEqual(all);
    expect(pages.flatMap((p) => p.delivered)).toEqual([delivered]);
    expect(JSON.parse(pages[0].body.toString('utf8')).data.trackings[0].tracking_number).toBe(all[0]);
  });

  it('a next-page cursor sent again: the list stops with one line instead of asking forever', async () => {
    server = await startServer(() => ({
      status: 200,
      body: JSON.stringify({
        meta: { code: 200 },
        data: { trackings: [], pagination: { next_cursor: 'same', has_next_page: true } },
      }),
    }));
    const http = new Http({ retries: 0, secrets: [KEY] });
    const c = new AfterShip(http, KEY, `${server.url}/tracking/2026-07`);
    const failed = await c.list(numbers(3), async () => undefined).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SourceError);
    expect((failed as SourceError).message).toMatch(/page 2: AfterShip sent a next-page cursor it had sent before/);
    expect(server.requests).toHaveLength(2);
  });

  it('429: waits X-RateLimit-Reset (no Retry-After) and asks again', async () => {
    const sleeps: number[] = [];
    const reset = String(Math.ceil(Date.now() / 1000) + 2);
    const { c, server } = await client(
      {
        tracked: new Set(numbers(1)),
        faults: {
          list: [
            {
              status: 429,
              headers: { 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '6', 'x-ratelimit-remaining': '0' },
              body: JSON.stringify({ meta: { code: 429, message: 'Too many requests', type: 'TooManyRequests' } }),
            },
          ],
        },
      },
      KEY,
      sleeps,
    );
    const pages: ListPage[] = [];
    await c.list(numbers(1), async (p) => void pages.push(p));
    expect(server.requests).toHaveLength(2);
    expect(pages[0].answered).toEqual(numbers(1));
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(500);
    expect(sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it.each([
    ['HTTP 401 Invalid API key', undefined],
    ['HTTP 403', error(403, 403, 'Forbidden')],
  ])('a refused key (%s) is an auth error naming neither key', async (_name, fault) => {
    const { c } = await client(fault ? { faults: { create: [fault] } } : {}, fault ? KEY : 'asat_wrong-key-7Pz2');
    const e = await c.create(numbers(1), async () => undefined).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).kind).toBe('auth');
    expect((e as SourceError).message).toMatch(/^AfterShip create tracking 1: AfterShip refused the API key \(/);
    expect((e as SourceError).message).not.toMatch(/asat_/);
  });

  it('plan limit (402): stops creating, the rest refused, quotaExhausted', async () => {
    const all = numbers(4);
    const { c, server } = await client({ allowance: 2 });
    const r = await c.create(all, async () => undefined);
    expect(r.tracked).toEqual(all.slice(0, 2));
    expect(r.quotaExhausted).toBe(true);
    expect(r.refused.map((x) => x.number)).toEqual(all.slice(2));
    expect(server.requests).toHaveLength(3);
  });

  it('a 400 other than 4003 refuses that number only', async () => {
    const all = numbers(2);
    const invalid = error(400, 4005, 'The value of `tracking_number` is invalid.');
    const { c } = await client({ faults: { create: [invalid] } });
    const r = await c.create(all, async () => undefined);
    expect(r.tracked).toEqual([all[1]]);
    expect(r.refused).toEqual([
      { number: all[0], code: 4005, message: '4005: The value of `tracking_number` is invalid.' },
    ]);
  });
});

describe('rateLimitResetMs', () => {
  it.each([
    ['1700000005', 1_700_000_000_000, 5000],
    ['1699999990', 1_700_000_000_000, 0],
    ['1700009999', 1_700_000_000_000, 60_000],
    ['soon', 1_700_000_000_000, undefined],
    [null, 1_700_000_000_000, undefined],
  ])('%s at %i → %s ms', (v, now, want) => {
    expect(rateLimitResetMs(v, now)).toBe(want);
  });
});
