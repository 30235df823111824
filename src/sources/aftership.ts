import { AFTERSHIP, AFTERSHIP_CODES } from '../knowledge/api-services.js';
import { type Http, isObject, jsonOf, RateLimiter, type HttpResponse } from './http.js';

/**
 * AfterShip Tracking API: `POST /trackings` for each number not yet tracked there (an "already exists"
 * answer is fine), then `GET /trackings?tracking_numbers=…` 50 numbers a request, following the cursor to
 * the last page. Each response is handed over as the bytes AfterShip sent; this module parses only which
 * numbers were created, refused, listed and delivered. It decides nothing and writes nothing.
 */

export interface Refusal {
  number: string;
  code?: number;
  message: string;
}

export interface ListPage {
  batch: number;
  page: number;
  numbers: readonly string[];
  body: Buffer;
  /** Numbers the page holds a tracking for, and those whose tag is final. */
  answered: string[];
  delivered: string[];
}

export class AfterShip {
  private readonly createLimiter: RateLimiter;
  private readonly listLimiter: RateLimiter;

  constructor(
    private readonly http: Http,
    private readonly apiKey: string,
    private readonly baseUrl: string = AFTERSHIP.baseUrl,
  ) {
    this.createLimiter = new RateLimiter(AFTERSHIP.createRatePerSecond, AFTERSHIP.createRatePerSecond, http.timeScale);
    this.listLimiter = new RateLimiter(AFTERSHIP.listRatePerSecond, AFTERSHIP.listRatePerSecond, http.timeScale);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    what: string,
    limiter: RateLimiter,
  ): Promise<{ r: HttpResponse; doc: Record<string, unknown>; code: number | undefined }> {
    const r = await this.http.send({
      method,
      url: `${this.baseUrl.replace(/\/+$/, '')}${path}`,
      headers: {
        'as-api-key': this.apiKey,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      what,
      limiter,
      accept: (res) => isObject(jsonOf(res)),
    });
    const raw = jsonOf(r);
    const doc = isObject(raw) ? raw : {};
    const meta = isObject(doc.meta) ? doc.meta : {};
    const code = typeof meta.code === 'number' ? meta.code : undefined;
    const auth =
      AFTERSHIP_CODES.auth.get(r.status) ?? (code !== undefined ? AFTERSHIP_CODES.auth.get(code) : undefined);
    if (auth) {
      throw this.http.error(
        `${what}: AfterShip refused the API key (${auth}); check the key named in sources.tracking`,
        'auth',
      );
    }
    const quota = AFTERSHIP_CODES.quotaExhausted;
    if (quota.has(r.status) || (code !== undefined && quota.has(code))) {
      throw this.http.error(`${what}: AfterShip plan limit reached (${messageOf(doc, r.status)})`, 'quota');
    }
    return { r, doc, code };
  }

  /**
   * Creates a tracking for each number, one request each. Returns the numbers AfterShip now tracks (created
   * or already there) and those it refused with its reason. A plan limit stops the loop: the numbers not
   * created are returned as refused, `quotaExhausted` set.
   */
  async create(
    numbers: readonly string[],
    onResponse: (number: string, body: Buffer) => Promise<void>,
  ): Promise<{ tracked: string[]; created: number; refused: Refusal[]; quotaExhausted: boolean }> {
    const tracked: string[] = [];
    const refused: Refusal[] = [];
    let created = 0;
    for (const [i, number] of numbers.entries()) {
      let res;
      try {
        res = await this.send(
          'POST',
          '/trackings',
          { tracking_number: number },
          `AfterShip create tracking ${i + 1}`,
          this.createLimiter,
        );
      } catch (e) {
        if ((e as { kind?: string }).kind !== 'quota') throw e;
        refused.push(...numbers.slice(i).map((n) => ({ number: n, message: 'plan limit reached' })));
        return { tracked, created, refused, quotaExhausted: true };
      }
      const { r, doc, code } = res;
      await onResponse(number, this.http.redactBody(r.body));
      if (r.status >= 200 && r.status < 300) {
        tracked.push(number);
        created++;
      } else if (code === AFTERSHIP_CODES.alreadyExists) tracked.push(number);
      else refused.push({ number, code, message: this.http.redact(messageOf(doc, r.status)) });
    }
    return { tracked, created, refused, quotaExhausted: false };
  }

  /** Lists the trackings of the numbers, 50 a request, every page; each page goes to `onPage` before the next. */
  async list(numbers: readonly string[], onPage: (p: ListPage) => Promise<void>): Promise<void> {
    for (let b = 0; b * AFTERSHIP.batch < numbers.length; b++) {
      const batch = numbers.slice(b * AFTERSHIP.batch, (b + 1) * AFTERSHIP.batch);
      let cursor: string | undefined;
      // A cursor sent twice would have the same pages asked for forever: the run stops instead.
      const cursors = new Set<string>();
      for (let page = 1; ; page++) {
        const q = new URLSearchParams({ tracking_numbers: batch.join(','), limit: String(AFTERSHIP.pageLimit) });
        if (cursor) q.set('cursor', cursor);
        const what = `AfterShip list trackings batch ${b + 1} page ${page}`;
        const { r, doc } = await this.send('GET', `/trackings?${q}`, undefined, what, this.listLimiter);
        if (r.status >= 400) {
          throw this.http.error(`${what}: AfterShip refused the request (${messageOf(doc, r.status)})`, 'failed');
        }
        const data = isObject(doc.data) ? doc.data : {};
        const answered: string[] = [];
        const delivered: string[] = [];
        for (const t of Array.isArray(data.trackings) ? data.trackings : []) {
          if (!isObject(t) || typeof t.tracking_number !== 'string') continue;
          answered.push(t.tracking_number);
          if (typeof t.tag === 'string' && AFTERSHIP.finalTags.includes(t.tag)) delivered.push(t.tracking_number);
        }
        await onPage({ batch: b + 1, page, numbers: batch, body: this.http.redactBody(r.body), answered, delivered });
        const pg = isObject(data.pagination) ? data.pagination : {};
        cursor = typeof pg.next_cursor === 'string' && pg.next_cursor !== '' ? pg.next_cursor : undefined;
        if (!cursor || pg.has_next_page === false) break;
        if (cursors.has(cursor)) {
          throw this.http.error(
            `${what}: AfterShip sent a next-page cursor it had sent before: the list would be asked for forever, ` +
              'so it stops here',
            'failed',
          );
        }
        cursors.add(cursor);
      }
    }
  }
}

function messageOf(doc: Record<string, unknown>, status: number): string {
  const meta = isObject(doc.meta) ? doc.meta : {};
  const parts = [meta.code, meta.message].filter((x) => x !== undefined && x !== '');
  return parts.length ? parts.join(': ') : `HTTP ${status}`;
}
