import { SEVENTEEN_TRACK, SEVENTEEN_TRACK_CODES } from '../knowledge/api-services.js';
import { type Http, isObject, jsonOf, RateLimiter, type HttpResponse } from './http.js';

/**
 * 17TRACK Tracking API v2.2: `register` numbers (each uses quota), then `gettrackinfo` for their events,
 * 40 numbers a request, 3 requests a second; `getquota` for what is left. Each response is handed over
 * as the bytes 17TRACK sent; this module parses only which numbers were accepted, rejected, delivered,
 * and the quota. It decides nothing and writes nothing.
 */

export interface Quota {
  total?: number;
  used?: number;
  remain?: number;
}

export interface BatchSeen {
  /** register or gettrackinfo */
  op: 'register' | 'gettrackinfo';
  batch: number;
  numbers: readonly string[];
  body: Buffer;
}

export interface Rejection {
  number: string;
  code?: number;
  message: string;
}

export class SeventeenTrack {
  readonly limiter: RateLimiter;

  constructor(
    private readonly http: Http,
    private readonly apiKey: string,
    private readonly baseUrl: string = SEVENTEEN_TRACK.baseUrl,
  ) {
    this.limiter = new RateLimiter(SEVENTEEN_TRACK.ratePerSecond, SEVENTEEN_TRACK.ratePerSecond, http.timeScale);
  }

  private async post(
    op: string,
    payload: unknown,
    what: string,
  ): Promise<{ r: HttpResponse; doc: Record<string, unknown> }> {
    const r = await this.http.send({
      method: 'POST',
      url: `${this.baseUrl.replace(/\/+$/, '')}/${op}`,
      headers: { '17token': this.apiKey, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
      what,
      limiter: this.limiter,
      accept: (res) => isObject(jsonOf(res)),
    });
    const doc = jsonOf(r);
    const code = isObject(doc) && typeof doc.code === 'number' ? doc.code : undefined;
    const auth = code !== undefined ? SEVENTEEN_TRACK_CODES.auth.get(code) : undefined;
    if (auth || r.status === 401 || r.status === 403) {
      throw this.http.error(
        `${what}: 17TRACK refused the API key (${auth ?? `HTTP ${r.status}`}); check the key named in sources.tracking`,
        'auth',
      );
    }
    if (r.status >= 400 || !isObject(doc) || code !== 0) {
      throw this.http.error(`${what}: 17TRACK refused the request (${errorsOf(doc) ?? `HTTP ${r.status}`})`, 'failed');
    }
    return { r, doc };
  }

  async quota(): Promise<Quota> {
    const { doc } = await this.post('getquota', {}, '17TRACK getquota');
    const d = isObject(doc.data) ? doc.data : {};
    const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
    return { total: n(d.quota_total), used: n(d.quota_used), remain: n(d.quota_remain) };
  }

  /**
   * Registers numbers, 40 a request. Returns those accepted or already registered, and the others with
   * 17TRACK's reason; stops at the first batch that says the quota is used up (`quotaExhausted`).
   */
  async register(
    numbers: readonly string[],
    onBatch: (b: BatchSeen) => Promise<void>,
  ): Promise<{ registered: string[]; accepted: number; rejected: Rejection[]; quotaExhausted: boolean }> {
    const registered: string[] = [];
    const rejected: Rejection[] = [];
    // Numbers this call registered (each used quota), not those 17TRACK had already.
    let newly = 0;
    for (const [i, batch] of batches(numbers).entries()) {
      const { r, doc } = await this.post(
        'register',
        batch.map((number) => ({ number })),
        `17TRACK register batch ${i + 1}`,
      );
      await onBatch({ op: 'register', batch: i + 1, numbers: batch, body: this.http.redactBody(r.body) });
      const { accepted, rejected: no } = acceptedAndRejected(doc, this.http);
      registered.push(...accepted);
      newly += accepted.length;
      let quotaHit = false;
      for (const x of no) {
        if (x.code === SEVENTEEN_TRACK_CODES.alreadyRegistered) registered.push(x.number);
        else {
          if (x.code === SEVENTEEN_TRACK_CODES.quotaExhausted) quotaHit = true;
          rejected.push(x);
        }
      }
      if (quotaHit) {
        const rest = numbers.slice((i + 1) * SEVENTEEN_TRACK.batch);
        rejected.push(...rest.map((number) => ({ number, message: 'not registered: no quota left' })));
        return { registered, accepted: newly, rejected, quotaExhausted: true };
      }
    }
    return { registered, accepted: newly, rejected, quotaExhausted: false };
  }

  /**
   * Asks for the tracking of registered numbers, 40 a request, each response handed to `onBatch` before
   * the next is asked. Returns the numbers whose latest status is final (delivered), those answered, and
   * those rejected.
   */
  async trackInfo(
    numbers: readonly string[],
    onBatch: (b: BatchSeen & { delivered: string[]; answered: string[]; rejected: Rejection[] }) => Promise<void>,
  ): Promise<void> {
    for (const [i, batch] of batches(numbers).entries()) {
      const { r, doc } = await this.post(
        'gettrackinfo',
        batch.map((number) => ({ number })),
        `17TRACK gettrackinfo batch ${i + 1}`,
      );
      const data = isObject(doc.data) ? doc.data : {};
      const delivered: string[] = [];
      const answered: string[] = [];
      for (const a of Array.isArray(data.accepted) ? data.accepted : []) {
        if (!isObject(a) || typeof a.number !== 'string') continue;
        answered.push(a.number);
        const info = isObject(a.track_info) ? a.track_info : {};
        const latest = isObject(info.latest_status) ? info.latest_status : {};
        if (typeof latest.status === 'string' && SEVENTEEN_TRACK.finalStatuses.includes(latest.status))
          delivered.push(a.number);
      }
      await onBatch({
        op: 'gettrackinfo',
        batch: i + 1,
        numbers: batch,
        body: this.http.redactBody(r.body),
        delivered,
        answered,
        rejected: acceptedAndRejected(doc, this.http).rejected,
      });
    }
  }
}

function batches(numbers: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < numbers.length; i += SEVENTEEN_TRACK.batch) out.push(numbers.slice(i, i + SEVENTEEN_TRACK.batch));
  return out;
}

/** The numbers 17TRACK accepted, and those it rejected with its reason (any secret it echoed removed). */
function acceptedAndRejected(doc: Record<string, unknown>, http: Http): { accepted: string[]; rejected: Rejection[] } {
  const data = isObject(doc.data) ? doc.data : {};
  const accepted = (Array.isArray(data.accepted) ? data.accepted : [])
    .map((a) => (isObject(a) && typeof a.number === 'string' ? a.number : undefined))
    .filter((n): n is string => n !== undefined);
  const rejected: Rejection[] = [];
  for (const x of Array.isArray(data.rejected) ? data.rejected : []) {
    if (!isObject(x) || typeof x.number !== 'string') continue;
    const e = isObject(x.error) ? x.error : {};
    rejected.push({
      number: x.number,
      code: typeof e.code === 'number' ? e.code : undefined,
      message: typeof e.message === 'string' ? http.redact(e.message) : 'rejected without a reason',
    });
  }
  return { accepted, rejected };
}

function errorsOf(doc: unknown): string | undefined {
  if (!isObject(doc)) return 'not JSON';
  const data = isObject(doc.data) ? doc.data : {};
  const e = Array.isArray(data.errors) && isObject(data.errors[0]) ? data.errors[0] : undefined;
  if (!e) return typeof doc.code === 'number' ? `code ${doc.code}` : undefined;
  return [e.code, e.message].filter((x) => x !== undefined && x !== '').join(': ');
}
