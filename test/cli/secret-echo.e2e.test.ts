import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { AMAZON_SOURCE, cliRunner, filesUnder, ORDERS, workdirWith, type Ran } from './fetch-harness.js';
import { fakeServices, pageBodies } from '../sources/fake-services.js';
import { startServer, type MockServer, type Reply, type SeenRequest } from '../sources/mock-server.js';

/**
 * Services that echo what they were sent (an error that quotes the request): whatever form a secret
 * comes back in (as sent, percent-encoded, a form body, JSON-escaped, base64 as in a Basic auth header),
 * `fetch`, `check` and `confirm --submit` print it nowhere and write it nowhere.
 */

vi.setConfig({ testTimeout: 90_000 });
const SECRETS = {
  SHIPAUDIT_LWA_REFRESH_TOKEN: 'Atzr|IwEBIRealisticToken0123456789',
  SHIPAUDIT_LWA_CLIENT_ID: 'amzn1.application-oa2-client.0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  SHIPAUDIT_LWA_CLIENT_SECRET: 'amzn1.oa2-cs.v1.9a8b7c/6d5e+4f3a=2b1c "0d"',
  SA_17KEY: 'K17-key/with+odd=chars&more',
  SA_ASKEY: 'asat_0123456789abcdef/+=',
};
const ACCESS_TOKEN = 'Atza|IwEBIAccessTokenFromLwa0123456789';

/** Every form a secret takes in the echoes below. */
const forms = (v: string) => [
  v,
  encodeURIComponent(v),
  new URLSearchParams({ k: v }).toString().slice(2),
  JSON.stringify(v).slice(1, -1),
  Buffer.from(v).toString('base64').slice(0, -4),
];
const ALL = [...Object.values(SECRETS), ACCESS_TOKEN];

/** What a server that quotes a request says: its body and headers as sent, encoded, and as a Basic header. */
function echoOf(req: SeenRequest): string {
  const form = new URLSearchParams(req.body);
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${String(v)} (${encodeURIComponent(String(v))}, ${JSON.stringify(String(v))})`)
    .join('; ');
  const basic = Buffer.from(`${form.get('client_id')}:${form.get('client_secret')}`).toString('base64');
  return `you sent ${req.body} with ${headers}; Authorization: Basic ${basic}`;
}

/**
 * Who echoes: everything (`lwa`); everything but Login with Amazon, which gives a token (`sp-api`); only the
 * tracking service, Amazon answering as itself with the orders of fetch-harness.ts (`tracking`).
 */
type Echoing = 'lwa' | 'sp-api' | 'tracking';

function echoing(who: Echoing) {
  const amazon = fakeServices({
    refreshToken: SECRETS.SHIPAUDIT_LWA_REFRESH_TOKEN,
    clientId: SECRETS.SHIPAUDIT_LWA_CLIENT_ID,
    clientSecret: SECRETS.SHIPAUDIT_LWA_CLIENT_SECRET,
    pages: pageBodies(ORDERS),
  });
  return (req: SeenRequest): Reply => {
    const toAmazon = req.path === '/auth/o2/token' || req.path.startsWith('/orders/');
    if (who === 'tracking' && toAmazon) return amazon(req);
    if (who === 'sp-api' && req.path === '/auth/o2/token') {
      return { body: JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 3600 }) };
    }
    const said = echoOf(req);
    return {
      status: 400,
      body: JSON.stringify({
        error: 'invalid_request',
        error_description: said,
        errors: [{ code: 'InvalidInput', message: said, details: said }],
        meta: { code: 4001, message: said, type: 'BadRequest' },
        code: -18010013,
        data: { errors: [{ code: -18010013, message: said }] },
      }),
    };
  };
}

const made: string[] = [];
let server: MockServer | undefined;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first (`npm test` does)');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const AMAZON = {
  ...AMAZON_SOURCE,
  refreshTokenEnv: 'SHIPAUDIT_LWA_REFRESH_TOKEN',
  clientIdEnv: 'SHIPAUDIT_LWA_CLIENT_ID',
  clientSecretEnv: 'SHIPAUDIT_LWA_CLIENT_SECRET',
};
const outputs: Ran[] = [];
const shipaudit = cliRunner(
  () => ({
    ...SECRETS,
    SHIPAUDIT_LWA_URL: `${server?.url}/auth/o2/token`,
    SHIPAUDIT_SP_API_URL: `${server?.url}`,
    SHIPAUDIT_17TRACK_URL: `${server?.url}/track/v2.2`,
    SHIPAUDIT_AFTERSHIP_URL: `${server?.url}/tracking/2024-10`,
  }),
  outputs,
);

/** The texts a run left: its output and every file in its folder. */
function leftBy(r: Ran, dir: string): string[] {
  return [r.stdout, r.stderr, ...filesUnder(dir).map((f) => readFileSync(f, 'latin1'))];
}

function expectNoSecret(texts: string[]): void {
  for (const s of ALL) for (const f of forms(s)) expect(texts.filter((t) => t.includes(f))).toEqual([]);
}

describe('a server that echoes the request: no secret in any form in any output or file', () => {
  const cases: Array<{ name: string; args: string[]; sources: object; who: Echoing; said: RegExp }> = [
    {
      name: 'fetch: Login with Amazon answers 400 quoting the form body',
      args: ['fetch'],
      sources: { amazon: AMAZON },
      who: 'lwa',
      said: /^shipaudit: Amazon login \(LWA\) refused the credentials \(invalid_request: you sent grant_type=refresh_token&refresh_token=\[secret\]&client_id=\[secret\]&client_secret=\[secret\] with .*Basic \[secret\]/,
    },
    {
      name: 'check: the same, fetching first',
      args: ['check', '--as-of', '2026-11-10T06:00'],
      sources: { amazon: AMAZON },
      who: 'lwa',
      said: /^shipaudit: Amazon login \(LWA\) refused the credentials \(invalid_request: you sent grant_type=refresh_token&refresh_token=\[secret\]/,
    },
    {
      name: 'confirm --submit: the same, before anything is sent',
      args: ['confirm', join(ROOT, 'fixtures/gate'), '--as-of', '2026-10-16T10:00', '--submit'],
      sources: { amazon: AMAZON },
      who: 'lwa',
      said: /^shipaudit: Amazon login \(LWA\) refused the credentials \(invalid_request: you sent grant_type=refresh_token&refresh_token=\[secret\]/,
    },
    {
      name: 'fetch: SP-API answers 400 quoting the access token',
      args: ['fetch'],
      sources: { amazon: AMAZON },
      who: 'sp-api',
      said: /not fetched: Amazon searchOrders page 1: Amazon refused the request \(InvalidInput: you sent {2}with .*x-amz-access-token: \[secret\] \(\[secret\], "\[secret\]"\)/,
    },
    {
      name: 'confirm --submit: confirmShipment answers 400 quoting the access token (the ledger keeps the message)',
      args: ['confirm', join(ROOT, 'fixtures/gate'), '--as-of', '2026-10-16T10:00', '--submit'],
      sources: { amazon: AMAZON },
      who: 'sp-api',
      said: /x-amz-access-token: \[secret\] \(\[secret\], "\[secret\]"\)/,
    },
    {
      name: 'fetch: 17TRACK answers 400 quoting its key',
      args: ['fetch'],
      sources: { amazon: AMAZON, tracking: { service: '17track', apiKeyEnv: 'SA_17KEY' } },
      who: 'tracking',
      said: /17token: \[secret\] \(\[secret\], "\[secret\]"\)/,
    },
    {
      name: 'fetch: AfterShip answers 400 quoting its key',
      args: ['fetch'],
      sources: { amazon: AMAZON, tracking: { service: 'aftership', apiKeyEnv: 'SA_ASKEY' } },
      who: 'tracking',
      said: /as-api-key: \[secret\] \(\[secret\], "\[secret\]"\)/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      server = await startServer(echoing(c.who));
      const dir = workdirWith(
        'shipaudit-echo-',
        { marketplaceTimeZone: 'America/Los_Angeles', sources: c.sources },
        made,
      );
      const r = await shipaudit(dir, c.args);
      expect(server.requests.length).toBeGreaterThan(0);
      const texts = leftBy(r, dir);
      // The server's words are kept (they say what went wrong), the secrets in them are not.
      expect(texts.some((t) => c.said.test(t))).toBe(true);
      expectNoSecret(texts);
    });
  }
});
