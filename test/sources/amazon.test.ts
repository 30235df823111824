import { afterEach, describe, expect, it } from 'vitest';
import { LwaLogin, packagesOf, readPage, searchOrders, type PageSeen } from '../../src/sources/amazon.js';
import { Http, SourceError } from '../../src/sources/http.js';
import { amazonExample, fakeServices, pageBodies, type AmazonFake, type FakeOrder } from './fake-services.js';
import { startServer, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const CREDS = {
  refreshToken: 'Atzr|refresh-test',
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'cs-test',
};
const QUERY = {
  marketplaceIds: ['ATVPDKIKX0DER'],
  createdAfter: '2026-10-05T00:00:00Z',
  createdBefore: '2026-11-10T05:57:00Z',
};

const order = (i: number): FakeOrder => ({
  orderId: `113-000000${i}-000000${i}`,
  createdTime: `2026-11-0${i}T10:00:00Z`,
  latestShip: `2026-11-0${i + 2}T07:59:59Z`,
  confirmedAt: `2026-11-0${i + 1}T18:00:00Z`,
  trackingNumber: `94001118995620000000${String(i).padStart(2, '0')}`,
});

async function run(
  fake: Partial<AmazonFake> & { pages: string[] },
  from = { page: 1 } as { page: number; token?: string },
) {
  server = await startServer(fakeServices({ ...CREDS, ...fake }));
  const http = new Http({ retries: 3, timeoutMs: 2000, timeScale: 0, secrets: Object.values(CREDS) });
  const login = new LwaLogin(http, CREDS, `${server.url}/auth/o2/token`);
  const seen: PageSeen[] = [];
  const result = await searchOrders(http, login, server.url, QUERY, from, async (p) => void seen.push(p));
  return { result, seen, http, login, server };
}

describe('searchOrders against a local SP-API', () => {
  const pages = pageBodies([[order(1), order(2)], [order(3)], [order(4)]]);

  it('pages with the pagination token to the end; each page handed over as the bytes sent', async () => {
    const { result, seen, server } = await run({ pages });
    expect(result).toEqual({ pages: 3, orders: 4 });
    expect(seen.map((p) => [p.page, p.orders, p.nextToken])).toEqual([
      [1, 2, 'tok-2-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4'],
      [2, 1, 'tok-3-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4'],
      [3, 1, undefined],
    ]);
    seen.forEach((p, i) => expect(p.body.equals(Buffer.from(pages[i]))).toBe(true));
    const asks = server.to('/orders/2026-01-01/orders');
    expect(asks.map((r) => r.query.get('paginationToken'))).toEqual([
      null,
      'tok-2-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4',
      'tok-3-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4',
    ]);
    // Only the data sets the audit needs: no BUYER, no RECIPIENT (buyers' personal data is never asked for).
    expect(asks[0].query.get('includedData')).toBe('FULFILLMENT,PACKAGES');
    expect(Object.fromEntries(asks[0].query)).toEqual({
      marketplaceIds: 'ATVPDKIKX0DER',
      createdAfter: QUERY.createdAfter,
      createdBefore: QUERY.createdBefore,
      includedData: 'FULFILLMENT,PACKAGES',
      maxResultsPerPage: '100',
    });
    expect(asks[0].headers['x-amz-access-token']).toBe('Atza|access-1');
    expect(server.to('/auth/o2/token')).toHaveLength(1);
  });

  it('a next-page token sent again: the search stops with one line instead of asking forever', async () => {
    // Page 2 points at itself.
    const looping = pageBodies([[order(1)], [order(2)], [order(3)]]);
    looping[1] = looping[1].replace('tok-3-', 'tok-2-');
    const failed = await run({ pages: looping }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SourceError);
    expect((failed as SourceError).message).toMatch(
      /^Amazon searchOrders page 2: Amazon sent a next-page token it had sent before/,
    );
    expect(server!.to('/orders/2026-01-01/orders')).toHaveLength(2);
  });

  it('an access token that expires mid-run: 403, a new login, the same page asked again', async () => {
    const { result, login, server } = await run({ pages, expireAfterPages: 2 });
    expect(result.pages).toBe(3);
    expect(login.refreshes).toBe(2);
    const asks = server.to('/orders/2026-01-01/orders');
    expect(
      asks.map((r) => [r.headers['x-amz-access-token'], r.query.get('paginationToken')?.slice(0, 5) ?? null]),
    ).toEqual([
      ['Atza|access-1', null],
      ['Atza|access-1', 'tok-2'],
      ['Atza|access-1', 'tok-3'],
      ['Atza|access-2', 'tok-3'],
    ]);
  });

  it('a stopped search goes on from its saved page and token', async () => {
    const { result, seen, server } = await run({ pages }, { page: 3, token: 'tok-3-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4' });
    expect(result).toEqual({ pages: 1, orders: 1 });
    expect(seen.map((p) => p.page)).toEqual([3]);
    expect(server.to('/orders/2026-01-01/orders')).toHaveLength(1);
  });

  it('429 with Retry-After, a 500, a time-out-free malformed body: retried, and the pages are whole', async () => {
    const { result, seen, http } = await run({
      pages,
      faults: {
        'page-1': [
          {
            status: 429,
            headers: { 'retry-after': '1', 'x-amzn-RateLimit-Limit': '0.0167' },
            body: JSON.stringify({
              errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }],
            }),
          },
        ],
        'page-2': [
          {
            status: 500,
            body: '{"errors":[{"code":"InternalFailure","message":"We encountered an internal error."}]}',
          },
          { status: 200, body: '{"orders": [{"orderId": "113-' },
        ],
      },
    });
    expect(result.pages).toBe(3);
    expect(http.retried).toBe(3);
    seen.forEach((p, i) => expect(p.body.toString()).toBe(pages[i]));
  });

  it('follows x-amzn-RateLimit-Limit', async () => {
    server = await startServer(fakeServices({ ...CREDS, pages, rateLimit: '0.5' }));
    const http = new Http({ timeScale: 0 });
    const { RateLimiter } = await import('../../src/sources/http.js');
    const limiter = new RateLimiter(0.0167, 20, 0);
    await searchOrders(
      http,
      new LwaLogin(http, CREDS, `${server.url}/auth/o2/token`),
      server.url,
      QUERY,
      { page: 1 },
      async () => undefined,
      limiter,
    );
    expect(limiter.currentRate).toBe(0.5);
  });

  const refusals: Array<{ name: string; fake: Partial<AmazonFake>; creds?: Partial<typeof CREDS>; message: string }> = [
    {
      name: 'a refresh token that is invalid or expired',
      fake: {},
      creds: { refreshToken: 'Atzr|revoked' },
      message:
        'Amazon login (LWA) refused the credentials (invalid_grant: The request has an invalid grant parameter : ' +
        'refresh_token); ' +
        'check the refresh token, client id and client secret named in sources.amazon, or authorise the app ' +
        'again in Seller Central',
    },
    {
      name: 'a wrong client secret',
      fake: {},
      creds: { clientSecret: 'wrong' },
      message:
        'Amazon login (LWA) refused the credentials (invalid_client: Client authentication failed); check the ' +
        'refresh token, client id and client secret named in sources.amazon, or authorise the app again in ' +
        'Seller Central',
    },
    {
      name: 'access refused even with a new token',
      fake: {
        faults: {
          'page-1': [403, 403].map(() => ({
            status: 403,
            body: '{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied."}]}',
          })),
        },
      },
      message:
        'Amazon searchOrders page 1: Amazon refused access (Unauthorized: Access to requested resource is ' +
        "denied.); check the app's roles and authorisation",
    },
  ];
  for (const c of refusals) {
    it(`auth error, one line: ${c.name}`, async () => {
      server = await startServer(fakeServices({ ...CREDS, pages, ...c.fake }));
      const creds = { ...CREDS, ...c.creds };
      const http = new Http({ timeScale: 0, secrets: Object.values(creds) });
      const e = await searchOrders(
        http,
        new LwaLogin(http, creds, `${server.url}/auth/o2/token`),
        server.url,
        QUERY,
        { page: 1 },
        async () => undefined,
      ).catch((x) => x);
      expect(e).toBeInstanceOf(SourceError);
      expect([e.kind, e.message]).toEqual(['auth', c.message]);
    });
  }

  it('an LWA endpoint that keeps failing is a failure, not an auth error', async () => {
    server = await startServer(
      fakeServices({ ...CREDS, pages, faults: { lwa: Array.from({ length: 9 }, () => ({ status: 503 })) } }),
    );
    const http = new Http({ retries: 2, timeScale: 0 });
    const e = await searchOrders(
      http,
      new LwaLogin(http, CREDS, `${server.url}/auth/o2/token`),
      server.url,
      QUERY,
      { page: 1 },
      async () => undefined,
    ).catch((x) => x);
    expect([e.kind, e.message]).toEqual(['failed', 'Amazon login (LWA token): HTTP 503, 3 attempts']);
  });
});

describe('reading a page: only what paging and tracking need', () => {
  it("Amazon's own example: one order, its token, its package's tracking number", () => {
    const doc = amazonExample();
    expect(readPage(doc)).toEqual({ orders: 1, nextToken: '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4' });
    expect(packagesOf(doc)).toEqual([{ trackingNumber: '1Z999AA1234567890', carrier: 'UPS' }]);
  });

  const cases: Array<[string, unknown, Array<{ trackingNumber: string; carrier?: string }>]> = [
    [
      'voided label left out',
      {
        orders: [
          {
            packages: [
              { trackingNumber: 'X1', packageStatus: { status: 'CANCELLED', detailedStatus: 'LABEL_CANCELLED' } },
            ],
          },
        ],
      },
      [],
    ],
    [
      'number normalised (spaces, case)',
      { orders: [{ packages: [{ trackingNumber: ' 1z 999 aa1 ', carrier: 'UPS' }] }] },
      [{ trackingNumber: '1Z999AA1', carrier: 'UPS' }],
    ],
    ['no packages', { orders: [{ orderId: 'x' }] }, []],
    ['not a page', { payload: {} }, []],
  ];
  for (const [name, doc, want] of cases) it(name, () => expect(packagesOf(doc)).toEqual(want));
  it('not a searchOrders page', () => expect(readPage({ errors: [] })).toBeUndefined());
});

describe('secrets a server echoes', () => {
  it('the access token in an SP-API error, encoded: not in the message; in a page: not in the bytes handed over', async () => {
    const token = 'Atza|IwEBIAccessToken-0123456789';
    const page = (echo: string) => JSON.stringify({ orders: [], note: `you sent ${echo}` });
    let asks = 0;
    server = await startServer((req) => {
      if (req.path === '/auth/o2/token') return { body: JSON.stringify({ access_token: token, expires_in: 3600 }) };
      const sent = String(req.headers['x-amz-access-token']);
      if (asks++ === 0) return { body: page(encodeURIComponent(sent)) };
      return {
        status: 400,
        body: JSON.stringify({ errors: [{ code: 'InvalidInput', message: JSON.stringify(sent) }] }),
      };
    });
    const http = new Http({ retries: 0, timeScale: 0, secrets: Object.values(CREDS) });
    const login = new LwaLogin(http, CREDS, `${server.url}/auth/o2/token`);
    const seen: PageSeen[] = [];
    await searchOrders(http, login, server.url, QUERY, { page: 1 }, async (p) => void seen.push(p));
    expect(seen[0].body.toString()).toBe(page('[secret]'));
    const e = await searchOrders(http, login, server.url, QUERY, { page: 1 }, async () => undefined).catch((x) => x);
    expect(e.message).toBe('Amazon searchOrders page 1: Amazon refused the request (InvalidInput: "[secret]")');
  });
});
