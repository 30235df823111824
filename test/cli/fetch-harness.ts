import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCliAsync } from '../helpers/cli.js';
import type { FakeOrder } from '../sources/fake-services.js';

/**
 * What the `fetch` end-to-end tests share, whichever the tracking service: the orders the fake SP-API pages
 * out, the config's Amazon source, and the built CLI spawned with the test servers' addresses.
 */

/** USPS numbers with their check digits right (no invalid-tracking-number finding to muddle the comparison). */
const VALID = [
  '9400111899562000000001',
  '9400111899562000000018',
  '9400111899562000000025',
  '9400111899562000000032',
  '9400111899562000000049',
];

const order = (i: number, o: Partial<FakeOrder> = {}): FakeOrder => ({
  orderId: `113-20000${String(i).padStart(2, '0')}-00000${String(i).padStart(2, '0')}`,
  createdTime: `2026-11-0${1 + (i % 5)}T17:00:00Z`,
  latestShip: `2026-11-0${3 + (i % 5)}T07:59:59Z`,
  confirmedAt: `2026-11-0${2 + (i % 5)}T18:00:00Z`,
  trackingNumber: VALID[i - 1],
  ...o,
});

/** Three pages: one order confirmed late, one without a package, the others on time. */
export const ORDERS: FakeOrder[][] = [
  [order(1), order(2, { confirmedAt: '2026-11-05T20:00:00Z' })],
  [order(3), order(4, { confirmedAt: undefined, trackingNumber: undefined })],
  [order(5)],
];
export const NUMBERS = ORDERS.flat().flatMap((o) => (o.confirmedAt ? [o.trackingNumber!] : []));

/** The config's Amazon source, its secrets named by the environment variables the tests set. */
export const AMAZON_SOURCE = {
  region: 'NA',
  marketplaceIds: ['ATVPDKIKX0DER'],
  refreshTokenEnv: 'SA_REFRESH',
  clientIdEnv: 'SA_CLIENT',
  clientSecretEnv: 'SA_SECRET',
};

/** A temporary working folder holding `config` as shipaudit.config.json; listed in `made` for removal. */
export function workdirWith(prefix: string, config: object, made: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  writeFileSync(join(dir, 'shipaudit.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI, run without blocking this process (the servers run in it) with the environment
 * `env()` gives at each call (secrets, test URLs); every run's output is kept in `outputs` for the secret scan.
 */
export function cliRunner(env: () => Record<string, string>, outputs: Ran[]) {
  return (dir: string, args: string[], extra: Record<string, string> = {}): Promise<Ran> =>
    runBuiltCliAsync(args, {
      cwd: dir,
      env: {
        ...process.env,
        NO_COLOR: '1',
        SHIPAUDIT_DEBUG: '',
        SHIPAUDIT_FETCH_TIME_SCALE: '0',
        SHIPAUDIT_FETCH_TIMEOUT_MS: '2000',
        ...env(),
        ...extra,
      },
    }).then((r) => {
      outputs.push(r);
      return r;
    });
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

interface Finding {
  rule: string;
  orderId: string;
  trackingNumber?: string;
}

/** Findings of an audit or check JSON as comparable keys. */
export const findingKeys = (doc: { findings?: Finding[]; newFindings?: Finding[] }) =>
  (doc.findings ?? doc.newFindings ?? []).map((f) => `${f.rule}|${f.orderId}|${f.trackingNumber ?? ''}`).sort();
