import { Redactor } from './redact.js';

/**
 * The one way the source clients talk HTTP: Node's fetch, with a time limit per attempt, bounded retries
 * with exponential backoff and full jitter on 429, 5xx, time-outs and broken connections (honouring
 * `Retry-After`), a token bucket for each service's rate, and a count of requests. Errors are one line,
 * never carrying a request's headers or body (where the secrets are), nor a secret in any form a server
 * may echo it (see redact.ts).
 */

/** A failure of an outside service that the user must act on or know about. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** auth: bad key or token (exit 2); quota: no quota left; failed: retries exhausted or an unusable answer. */
    readonly kind: 'auth' | 'quota' | 'failed',
  ) {
    super(message);
  }
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body exactly as the server sent it. */
  body: Buffer;
}

export interface HttpOptions {
  /** Time allowed for one attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** First backoff (default 1 s), doubled each retry up to `maxDelayMs` (default 60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Multiplies every wait (backoff, Retry-After, pacing): tests run the real schedule faster. */
  timeScale?: number;
  /** Texts that must never appear in an error message (the secrets in use). */
  secrets?: readonly string[];
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Seconds or an HTTP date, as `Retry-After` says; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** `X-RateLimit-Reset` (AfterShip and others): the Unix time in seconds when the limit resets. */
export function rateLimitResetMs(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(60_000, Math.max(0, Number(value) * 1000 - nowMs));
}

/** A token bucket: `rate` requests a second on average, up to `burst` at once. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private rate: number,
    private burst: number,
    private readonly scale = 1,
    private readonly sleep: (ms: number) => Promise<void> = sleepReal,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** The service announced its rate (SP-API `x-amzn-RateLimit-Limit`): follow it from now on. */
  setRate(rate: number): void {
    if (Number.isFinite(rate) && rate > 0) this.rate = rate;
  }

  get currentRate(): number {
    return this.rate;
  }

  /** After a 429 the bucket is empty, whatever it held. */
  drain(): void {
    this.tokens = 0;
    this.last = this.now();
  }

  async take(): Promise<void> {
    // Time runs `1 / scale` times faster for the bucket, as for the waits (scale 0: no pacing at all).
    if (this.scale === 0) return;
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000 / this.scale) * this.rate);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(((1 - this.tokens) / this.rate) * 1000 * this.scale);
    }
  }
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** What the request is, for messages: "Amazon searchOrders page 3". */
  what: string;
  limiter?: RateLimiter;
  /**
   * Decides about a response with a 2xx status whose body is not usable (not JSON): returning false
   * retries it like a 5xx.
   */
  accept?: (r: HttpResponse) => boolean;
}

/** Counts and runs requests; one per source run. */
export class Http {
  requests = 0;
  retried = 0;
  private readonly o: Required<Omit<HttpOptions, 'secrets'>>;
  private readonly redactor: Redactor;

  constructor(opts: HttpOptions = {}) {
    this.o = {
      timeoutMs: opts.timeoutMs ?? 30_000,
      retries: opts.retries ?? 5,
      baseDelayMs: opts.baseDelayMs ?? 1000,
      maxDelayMs: opts.maxDelayMs ?? 60_000,
      timeScale: opts.timeScale ?? 1,
      sleep: opts.sleep ?? sleepReal,
      random: opts.random ?? Math.random,
    };
    this.redactor = new Redactor(opts.secrets);
  }

  /** A secret learnt during the run (an access token): kept out of messages and saved bodies from now on. */
  addSecret(secret: string): void {
    this.redactor.add(secret);
  }

  /** A server's text with every secret in use removed, in whatever form the server echoed it. */
  redact(text: string): string {
    return this.redactor.text(text);
  }

  /** A body to save: as the server sent it, but for any secret in it. */
  redactBody(body: Buffer): Buffer {
    return this.redactor.bytes(body);
  }

  get timeScale(): number {
    return this.o.timeScale;
  }

  /** A one-line error, secrets removed. */
  error(message: string, kind: SourceError['kind']): SourceError {
    return new SourceError(this.redact(message), kind);
  }

  /**
   * Sends a request until it gets an answer that is not worth retrying: a 2xx the caller accepts, or a
   * 4xx other than 429 (returned, for the caller to judge). Throws SourceError('failed') when the retries
   * run out.
   */
  async send(spec: RequestSpec): Promise<HttpResponse> {
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.o.retries; attempt++) {
      await spec.limiter?.take();
      this.requests++;
      let wait: number | undefined;
      try {
        const res = await fetch(spec.url, {
          method: spec.method,
          headers: spec.headers,
          body: spec.body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
          redirect: 'error',
        });
        const r: HttpResponse = {
          status: res.status,
          headers: res.headers,
          body: Buffer.from(await res.arrayBuffer()),
        };
        if (r.status === 429) {
          spec.limiter?.drain();
          wait = retryAfterMs(r.headers.get('retry-after')) ?? rateLimitResetMs(r.headers.get('x-ratelimit-reset'));
          lastProblem = 'HTTP 429 (too many requests)';
        } else if (r.status >= 500) {
          wait = retryAfterMs(r.headers.get('retry-after'));
          lastProblem = `HTTP ${r.status}`;
        } else if (r.status >= 200 && r.status < 300 && spec.accept && !spec.accept(r)) {
          lastProblem = 'a malformed response body';
        } else return r;
      } catch (e) {
        const name = (e as Error)?.name;
        lastProblem =
          name === 'TimeoutError' || name === 'AbortError'
            ? `no answer within ${seconds(this.o.timeoutMs)}`
            : `connection failed (${causeOf(e)})`;
      }
      if (attempt === this.o.retries) break;
      this.retried++;
      const backoff = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt) * this.o.random();
      await this.o.sleep(Math.max(wait ?? 0, backoff) * this.o.timeScale);
    }
    throw this.error(`${spec.what}: ${lastProblem}, ${this.o.retries + 1} attempts`, 'failed');
  }
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e);
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonOf(r: HttpResponse): unknown {
  try {
    return JSON.parse(r.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
