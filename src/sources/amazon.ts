import { CANCELLED_PACKAGE_STATUSES, SEARCH_ORDERS } from '../knowledge/api-services.js';
import { normalizeTrackingNumber } from '../knowledge/tracking-numbers.js';
import { type Http, isObject, jsonOf, RateLimiter, type HttpResponse } from './http.js';

/**
 * Amazon's Selling Partner API, the part the audit needs: Login with Amazon (a seller's refresh token for
 * an access token) and Orders API 2026-01-01 `searchOrders`, paged to the end. Each page is handed over as
 * the bytes Amazon sent; this module parses only the page token, the order count and the tracking
 * numbers. It decides nothing and writes nothing.
 */

export interface AmazonCredentials {
  refreshToken: string;
  clientId: string;
  clientSecret: string;
}

/** Access tokens from Login with Amazon, refreshed when one expires (or a call says it has). */
export class LwaLogin {
  refreshes = 0;
  private access?: { token: string; expiresMs: number };

  constructor(
    private readonly http: Http,
    private readonly creds: AmazonCredentials,
    private readonly url: string,
  ) {}

  async token(): Promise<string> {
    // A minute's margin: a token about to expire is renewed before it is used.
    if (this.access && this.access.expiresMs - 60_000 > Date.now()) return this.access.token;
    return this.refresh();
  }

  invalidate(): void {
    this.access = undefined;
  }

  private async refresh(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.creds.refreshToken,
      client_id: this.creds.clientId,
      client_secret: this.creds.clientSecret,
    }).toString();
    const r = await this.http.send({
      method: 'POST',
      url: this.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body,
      what: 'Amazon login (LWA token)',
      accept: (res) => isObject(jsonOf(res)),
    });
    const doc = jsonOf(r);
    this.refreshes++;
    if (r.status >= 400 || !isObject(doc) || typeof doc.access_token !== 'string') {
      const code = isObject(doc) && typeof doc.error === 'string' ? doc.error : `HTTP ${r.status}`;
      const said = isObject(doc) && typeof doc.error_description === 'string' ? `: ${doc.error_description}` : '';
      throw this.http.error(
        `Amazon login (LWA) refused the credentials (${code}${said}); check the refresh token, client id and ` +
          'client secret named in sources.amazon, or authorise the app again in Seller Central',
        'auth',
      );
    }
    const seconds = typeof doc.expires_in === 'number' ? doc.expires_in : 3600;
    // A server that echoes the token it was sent (an SP-API error) must not put it in a message.
    this.http.addSecret(doc.access_token);
    this.access = { token: doc.access_token, expiresMs: Date.now() + seconds * 1000 };
    return doc.access_token;
  }
}

export interface OrdersQuery {
  marketplaceIds: readonly string[];
  /** ISO 8601 instants. */
  createdAfter: string;
  createdBefore: string;
}

/** Where a paged search stands: the next page's number and token (none on the first page). */
export interface PageCursor {
  page: number;
  token?: string;
}

export interface PageSeen {
  page: number;
  /** As Amazon sent it: what is saved. */
  body: Buffer;
  orders: number;
  /** The token of the page after this one; undefined on the last page. */
  nextToken?: string;
}

/** A page's `pagination.nextToken` and its order count, or undefined when the page is not a searchOrders answer. */
export function readPage(doc: unknown): { orders: number; nextToken?: string } | undefined {
  if (!isObject(doc) || !Array.isArray(doc.orders)) return undefined;
  const p = isObject(doc.pagination) ? doc.pagination : {};
  const nextToken = typeof p.nextToken === 'string' && p.nextToken !== '' ? p.nextToken : undefined;
  return { orders: doc.orders.length, nextToken };
}

/** The tracking numbers of a page's packages (normalised), with their carriers; voided labels left out. */
export function packagesOf(doc: unknown): Array<{ trackingNumber: string; carrier?: string }> {
  if (!isObject(doc) || !Array.isArray(doc.orders)) return [];
  const out: Array<{ trackingNumber: string; carrier?: string }> = [];
  for (const o of doc.orders) {
    if (!isObject(o) || !Array.isArray(o.packages)) continue;
    for (const p of o.packages) {
      if (!isObject(p) || typeof p.trackingNumber !== 'string') continue;
      const st = isObject(p.packageStatus) ? [p.packageStatus.status, p.packageStatus.detailedStatus] : [];
      if (st.some((s) => typeof s === 'string' && CANCELLED_PACKAGE_STATUSES.includes(s))) continue;
      const trackingNumber = normalizeTrackingNumber(p.trackingNumber);
      if (trackingNumber) out.push({ trackingNumber, carrier: typeof p.carrier === 'string' ? p.carrier : undefined });
    }
  }
  return out;
}

/** What SP-API said in `errors[]`, as one line. */
function spApiSaid(r: HttpResponse): string {
  const doc = jsonOf(r);
  const e = isObject(doc) && Array.isArray(doc.errors) && isObject(doc.errors[0]) ? doc.errors[0] : undefined;
  if (!e) return `HTTP ${r.status}`;
  return [e.code, e.message, e.details].filter((x) => typeof x === 'string' && x !== '').join(': ');
}

/**
 * Runs searchOrders from `from` (page 1, or a page and token saved by a run that stopped) to the last
 * page, handing each page to `onPage` before asking for the next, so that the caller can save it and
 * the cursor. The pace follows the operation's rate, then what `x-amzn-RateLimit-Limit` says.
 */
export async function searchOrders(
  http: Http,
  login: LwaLogin,
  endpoint: string,
  query: OrdersQuery,
  from: PageCursor,
  onPage: (p: PageSeen) => Promise<void>,
  limiter = new RateLimiter(SEARCH_ORDERS.ratePerSecond, SEARCH_ORDERS.burst, http.timeScale),
): Promise<{ pages: number; orders: number }> {
  let cursor: PageCursor = from;
  let pages = 0;
  let orders = 0;
  // A token sent twice would have the same pages asked for again and again: the run stops instead.
  const tokens = new Set<string>(cursor.token ? [cursor.token] : []);
  for (;;) {
    const params = new URLSearchParams({
      marketplaceIds: query.marketplaceIds.join(','),
      createdAfter: query.createdAfter,
      createdBefore: query.createdBefore,
      includedData: SEARCH_ORDERS.includedData.join(','),
      maxResultsPerPage: String(SEARCH_ORDERS.maxResultsPerPage),
    });
    if (cursor.token) params.set('paginationToken', cursor.token);
    const what = `Amazon searchOrders page ${cursor.page}`;
    let r: HttpResponse | undefined;
    // An access token that expired during the run: renewed once, the page asked again.
    for (let renewed = false; ; renewed = true) {
      r = await http.send({
        method: 'GET',
        url: `${endpoint.replace(/\/+$/, '')}${SEARCH_ORDERS.path}?${params}`,
        headers: { 'x-amz-access-token': await login.token(), accept: 'application/json' },
        what,
        limiter,
        accept: (res) => readPage(jsonOf(res)) !== undefined,
      });
      if ((r.status === 401 || r.status === 403) && !renewed) {
        login.invalidate();
        continue;
      }
      break;
    }
    const limit = Number(r.headers.get('x-amzn-ratelimit-limit'));
    if (limit > 0) limiter.setRate(limit);
    if (r.status === 401 || r.status === 403) {
      throw http.error(
        `${what}: Amazon refused access (${spApiSaid(r)}); check the app's roles and authorisation`,
        'auth',
      );
    }
    if (r.status >= 400) throw http.error(`${what}: Amazon refused the request (${spApiSaid(r)})`, 'failed');
    const page = readPage(jsonOf(r))!;
    await onPage({ page: cursor.page, body: http.redactBody(r.body), orders: page.orders, nextToken: page.nextToken });
    pages++;
    orders += page.orders;
    if (!page.nextToken) return { pages, orders };
    if (tokens.has(page.nextToken)) {
      throw http.error(
        `${what}: Amazon sent a next-page token it had sent before: the search would ask for the same pages ` +
          'forever, so it stops here (the pages so far are saved; run fetch again later)',
        'failed',
      );
    }
    tokens.add(page.nextToken);
    cursor = { page: cursor.page + 1, token: page.nextToken };
  }
}
