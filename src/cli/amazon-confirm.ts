import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { CONFIRM_SHIPMENT, GET_ORDER, LWA_TOKEN_URL, SP_API_ENDPOINTS } from '../knowledge/api-services.js';
import { Unanswered, type ConfirmAnswer, type ConfirmShipmentRequest, type ShipmentConfirmer } from '../gate/submit.js';
import { LwaLogin } from '../sources/amazon.js';
import {
  Http,
  isObject,
  jsonOf,
  RateLimiter,
  SourceError,
  type HttpResponse,
  type RequestSpec,
} from '../sources/http.js';
import { ENDPOINT_ENV } from './commands/fetch.js';
import { UsageError } from './errors.js';
import { readSecret } from './secrets.js';
import type { Settings } from './settings.js';

/**
 * The Orders API client of `confirm --submit`, on the connectors' HTTP client (retries with backoff on 429
 * and 5xx, Retry-After honoured, secrets redacted) and their Login with Amazon. Credentials are read from
 * what `sources.amazon` names (environment variables or 0600 files), as for `fetch`.
 */
export async function amazonConfirmer(
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ confirmer: ShipmentConfirmer; marketplaceId: string }> {
  const cfg = settings.config.sources?.amazon;
  const where = settings.configFile ?? 'the config';
  if (!cfg) throw new ConfigError(`${where}: --submit needs "sources.amazon" (region, marketplaceIds, credentials)`);
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : process.cwd();
  const creds = {
    refreshToken: await readSecret(
      { env: cfg.refreshTokenEnv, file: cfg.refreshTokenFile },
      'sources.amazon.refreshToken',
      where,
      base,
      env,
    ),
    clientId: await readSecret(
      { env: cfg.clientIdEnv, file: cfg.clientIdFile },
      'sources.amazon.clientId',
      where,
      base,
      env,
    ),
    clientSecret: await readSecret(
      { env: cfg.clientSecretEnv, file: cfg.clientSecretFile },
      'sources.amazon.clientSecret',
      where,
      base,
      env,
    ),
  };
  const scale = Number(env.SHIPAUDIT_FETCH_TIME_SCALE ?? '1');
  const timeoutMs = Number(env.SHIPAUDIT_FETCH_TIMEOUT_MS ?? '30000');
  const http = new Http({
    secrets: [creds.refreshToken, creds.clientId, creds.clientSecret],
    timeScale: Number.isFinite(scale) && scale >= 0 ? scale : 1,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 30_000,
  });
  const login = new LwaLogin(http, creds, env[ENDPOINT_ENV.lwa] || LWA_TOKEN_URL);
  const endpoint = (env[ENDPOINT_ENV.spApi] || SP_API_ENDPOINTS[cfg.region]).replace(/\/+$/, '');
  return { confirmer: new OrdersV0(http, login, endpoint), marketplaceId: cfg.marketplaceIds[0] };
}

class OrdersV0 implements ShipmentConfirmer {
  private readonly confirmLimiter: RateLimiter;
  private readonly orderLimiter: RateLimiter;

  constructor(
    private readonly http: Http,
    private readonly login: LwaLogin,
    private readonly endpoint: string,
  ) {
    this.confirmLimiter = new RateLimiter(CONFIRM_SHIPMENT.ratePerSecond, CONFIRM_SHIPMENT.burst, http.timeScale);
    this.orderLimiter = new RateLimiter(GET_ORDER.ratePerSecond, GET_ORDER.burst, http.timeScale);
  }

  async confirmShipment(orderId: string, body: ConfirmShipmentRequest): Promise<ConfirmAnswer> {
    const retriedBefore = this.http.retried;
    const r = await this.send({
      method: 'POST',
      url: `${this.endpoint}${CONFIRM_SHIPMENT.path(orderId)}`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      what: `Amazon confirmShipment for ${orderId}`,
      limiter: this.confirmLimiter,
    });
    if (r.status >= 200 && r.status < 300) return { http: r.status };
    const errors = errorsOf(r, this.http);
    // A rejection after an attempt that got no clear answer (time-out, 5xx) may be Amazon refusing the
    // repeat of a confirmation it already took: its order status tells.
    if (this.http.retried > retriedBefore && (await this.orderStatus(orderId).catch(() => undefined)) === 'Shipped') {
      return { http: 204 };
    }
    return { http: r.status, errors };
  }

  async orderStatus(orderId: string): Promise<string | undefined> {
    const r = await this.send({
      method: 'GET',
      url: `${this.endpoint}${GET_ORDER.path(orderId)}`,
      headers: { accept: 'application/json' },
      what: `Amazon getOrder ${orderId}`,
      limiter: this.orderLimiter,
      accept: (res) => isObject(jsonOf(res)),
    });
    if (r.status >= 400) return undefined;
    const doc = jsonOf(r);
    const payload = isObject(doc) && isObject(doc.payload) ? doc.payload : undefined;
    return typeof payload?.OrderStatus === 'string' ? this.http.redact(payload.OrderStatus) : undefined;
  }

  /**
   * A request with the access token; an expired token is renewed once. No answer → Unanswered; a refused
   * login or access → one line, exit 2.
   */
  private async send(spec: Omit<RequestSpec, 'headers'> & { headers: Record<string, string> }): Promise<HttpResponse> {
    try {
      for (let renewed = false; ; renewed = true) {
        const r = await this.http.send({
          ...spec,
          headers: { ...spec.headers, 'x-amz-access-token': await this.login.token() },
        });
        if ((r.status === 401 || r.status === 403) && !renewed) {
          this.login.invalidate();
          continue;
        }
        if (r.status === 401 || r.status === 403) {
          throw new UsageError(
            `${spec.what}: Amazon refused access (HTTP ${r.status}); check the app's roles and authorisation`,
          );
        }
        return r;
      }
    } catch (e) {
      if (e instanceof SourceError && e.kind === 'auth') throw new UsageError(e.message);
      if (e instanceof SourceError) throw new Unanswered(e.message);
      throw e;
    }
  }
}

/**
 * Amazon's `errors[]` (code, message), without anything else of the body and without any secret a
 * server echoed in them (they go to the ledger and the report).
 */
function errorsOf(r: HttpResponse, http: Http): Array<{ code?: string; message?: string }> {
  const doc = jsonOf(r);
  const list = isObject(doc) && Array.isArray(doc.errors) ? doc.errors : [];
  const errors = list.filter(isObject).map((e) => ({
    code: typeof e.code === 'string' ? http.redact(e.code) : undefined,
    message: typeof e.message === 'string' ? http.redact(e.message) : undefined,
  }));
  return errors.length > 0 ? errors : [{ code: `HTTP ${r.status}` }];
}
