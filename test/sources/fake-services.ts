import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import type { Reply, SeenRequest } from './mock-server.js';

/**
 * Fakes of Login with Amazon, the Orders API 2026-01-01 and 17TRACK v2.2 for the local test server, in
 * their real shapes: orders are Amazon's own searchOrders example (../shared/real-samples) with their ids,
 * times and tracking numbers changed; 17TRACK answers follow its v2.2 documentation. A test can inject
 * faults (a reply given before the normal one) per step.
 */

export const SAMPLES = resolve(ROOT, '../shared/real-samples');

/** Amazon's example, read from the real samples: a test that needs it fails when the folder is missing. */
export function amazonExample(): Record<string, unknown> {
  const file = resolve(SAMPLES, 'sp-api-orders-2026-searchOrders-example.json');
  if (!existsSync(file))
    throw new Error(`real samples missing: ${file} (../shared/real-samples must sit beside the clone)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export interface FakeOrder {
  orderId: string;
  createdTime: string;
  latestShip: string;
  /** Package confirmed at this time with this number; no package when absent. */
  confirmedAt?: string;
  trackingNumber?: string;
  fulfilledBy?: 'MERCHANT' | 'AMAZON';
}

/**
 * One order in Amazon's shape, cut to what `includedData=FULFILLMENT,PACKAGES` returns: no buyer and no
 * recipient (the data sets shipaudit does not ask for).
 */
function orderDoc(o: FakeOrder): Record<string, unknown> {
  const ex = (amazonExample().orders as Array<Record<string, unknown>>)[0];
  const { buyer: _b, recipient: _r, ...rest } = ex;
  const fulfillment = { ...(ex.fulfillment as Record<string, unknown>) };
  fulfillment.fulfilledBy = o.fulfilledBy ?? 'MERCHANT';
  fulfillment.fulfillmentStatus = o.confirmedAt ? 'SHIPPED' : 'UNSHIPPED';
  fulfillment.shipByWindow = { earliestDateTime: o.createdTime, latestDateTime: o.latestShip };
  const pkg = (ex.packages as Array<Record<string, unknown>>)[0];
  return {
    ...rest,
    orderId: o.orderId,
    createdTime: o.createdTime,
    lastUpdatedTime: o.confirmedAt ?? o.createdTime,
    fulfillment,
    packages: o.confirmedAt
      ? [
          {
            ...pkg,
            packageStatus: { status: 'SHIPPED', detailedStatus: 'PICKED_UP' },
            carrier: 'USPS',
            shippingService: 'USPS Ground Advantage',
            createdTime: o.confirmedAt,
            shipTime: o.confirmedAt,
            trackingNumber: o.trackingNumber,
          },
        ]
      : [],
  };
}

/** Pages of a search: each the example's envelope with its orders and the next page's token. */
export function pageBodies(pages: FakeOrder[][]): string[] {
  return pages.map((orders, i) =>
    JSON.stringify(
      {
        orders: orders.map(orderDoc),
        ...(i < pages.length - 1 ? { pagination: { nextToken: `tok-${i + 2}-2YgYW55IGNhcm5hbCBwbGVhc3VyZS4` } } : {}),
        lastUpdatedBefore: '2026-11-10T06:00:00Z',
      },
      null,
      2,
    ),
  );
}

export interface AmazonFake {
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  pages: string[];
  /** The access token issued by the nth login expires after this many pages served with it. */
  expireAfterPages?: number;
  /** Replies given first, by step: "lwa", or "page-<n>". */
  faults?: Record<string, Reply[]>;
  /** Sent as x-amzn-RateLimit-Limit. */
  rateLimit?: string;
}

export interface TrackFake {
  apiKey: string;
  quota: number;
  registered: Set<string>;
  /** Events per number (newest first, as 17TRACK lists them) and whether delivered. */
  parcels: Record<
    string,
    {
      delivered: boolean;
      noInfo?: boolean;
      events: Array<{ at: string; utc: string; description: string; location: string }>;
    }
  >;
  faults?: Record<string, Reply[]>;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: JSON.stringify(body),
});

/** The handler for one fake world: Amazon at /auth/o2/token and /orders/…, 17TRACK under /track/v2.2/. */
export function fakeServices(amazon?: AmazonFake, track?: TrackFake) {
  let logins = 0;
  const valid = new Map<string, number>();
  const fault = (f: Record<string, Reply[]> | undefined, step: string) => f?.[step]?.shift();
  return (req: SeenRequest): Reply => {
    if (amazon && req.path === '/auth/o2/token') {
      const injected = fault(amazon.faults, 'lwa');
      if (injected) return injected;
      const form = new URLSearchParams(req.body);
      if (form.get('client_id') !== amazon.clientId || form.get('client_secret') !== amazon.clientSecret) {
        return json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
      }
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== amazon.refreshToken) {
        return json(
          { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' },
          400,
        );
      }
      const token = `Atza|access-${++logins}`;
      valid.set(token, 0);
      return json({ access_token: token, refresh_token: amazon.refreshToken, token_type: 'bearer', expires_in: 3600 });
    }
    if (amazon && req.path === '/orders/2026-01-01/orders') {
      const tok = req.query.get('paginationToken');
      const page = tok ? Number(/^tok-(\d+)-/.exec(tok)?.[1]) : 1;
      const injected = fault(amazon.faults, `page-${page}`);
      if (injected) return injected;
      const access = String(req.headers['x-amz-access-token'] ?? '');
      const served = valid.get(access);
      if (served === undefined || (amazon.expireAfterPages !== undefined && served >= amazon.expireAfterPages)) {
        return json(
          {
            errors: [
              {
                code: 'Unauthorized',
                message: 'Access to requested resource is denied.',
                details: 'The access token you provided has expired.',
              },
            ],
          },
          403,
        );
      }
      valid.set(access, served + 1);
      if (!amazon.pages[page - 1])
        return json({ errors: [{ code: 'InvalidInput', message: 'Invalid paginationToken' }] }, 400);
      return {
        status: 200,
        headers: amazon.rateLimit ? { 'x-amzn-RateLimit-Limit': amazon.rateLimit } : {},
        body: amazon.pages[page - 1],
      };
    }
    if (track && req.path.startsWith('/track/v2.2/')) {
      const op = req.path.slice('/track/v2.2/'.length);
      const injected = fault(track.faults, op);
      if (injected) return injected;
      if (req.headers['17token'] !== track.apiKey) {
        return json({ code: -18010002, data: { errors: [{ code: -18010002, message: 'Access key is invalid.' }] } });
      }
      if (op === 'getquota') {
        const used = track.registered.size;
        return json({
          code: 0,
          data: {
            quota_total: used + track.quota,
            quota_used: used,
            quota_remain: track.quota,
            today_used: used,
            max_track_daily: 10000,
          },
        });
      }
      const items = JSON.parse(req.body) as Array<{ number: string }>;
      if (items.length > 40) {
        return json({
          code: -18010014,
          data: { errors: [{ code: -18010014, message: 'The submitted tracking numbers exceed the limit of 40.' }] },
        });
      }
      const accepted: unknown[] = [];
      const rejected: unknown[] = [];
      for (const { number } of items) {
        if (op === 'register') {
          if (track.registered.has(number)) {
            rejected.push({
              number,
              error: {
                code: -18019901,
                message: `The tracking number '${number}' has been registered, don't need to repeat registration.`,
              },
            });
          } else if (track.quota <= 0) {
            rejected.push({ number, error: { code: -18019908, message: 'The remaining quota is insufficient.' } });
          } else {
            track.quota--;
            track.registered.add(number);
            accepted.push({ origin: 1, number, carrier: 21051 });
          }
        } else if (!track.registered.has(number)) {
          rejected.push({
            number,
            error: {
              code: -18019902,
              message: `The tracking number '${number}' does not register, please register first.`,
            },
          });
        } else if (track.parcels[number]?.noInfo) {
          rejected.push({ number, error: { code: -18019909, message: 'No tracking information at this time.' } });
        } else accepted.push(trackInfo(number, track.parcels[number] ?? { delivered: false, events: [] }));
      }
      return json({ code: 0, data: { accepted, rejected } });
    }
    return json({ message: 'no such fake route' }, 404);
  };
}

/** A gettrackinfo `accepted` item as 17TRACK v2.2 gives it. */
function trackInfo(number: string, p: TrackFake['parcels'][string]) {
  const events = p.events.map((e) => ({
    time_iso: e.at,
    time_utc: e.utc,
    time_raw: { date: e.at.slice(0, 10), time: e.at.slice(11, 19), timezone: e.at.slice(19) },
    description: e.description,
    location: e.location,
    stage: null,
    sub_status: e.description.includes('Delivered') ? 'Delivered_Other' : 'InTransit_Other',
    address: {
      country: 'US',
      state: null,
      city: null,
      street: null,
      postal_code: null,
      coordinates: { longitude: null, latitude: null },
    },
  }));
  return {
    number,
    carrier: 21051,
    param: null,
    tag: '',
    track_info: {
      shipping_info: { shipper_address: { country: 'US' }, recipient_address: { country: 'US' } },
      latest_status: p.delivered
        ? { status: 'Delivered', sub_status: 'Delivered_Other', sub_status_descr: null }
        : {
            status: events.length ? 'InTransit' : 'NotFound',
            sub_status: events.length ? 'InTransit_Other' : 'NotFound_Other',
            sub_status_descr: null,
          },
      latest_event: events[0] ?? null,
      time_metrics: { days_after_order: 2, days_of_transit: 2, days_of_transit_done: 2, days_after_last_update: 0 },
      milestone: [],
      misc_info: { risk_factor: 0, service_type: 'Ground Advantage', weight_raw: null },
      tracking: {
        providers_hash: 1,
        providers: [
          {
            provider: {
              key: 21051,
              name: 'USPS',
              alias: 'USPS',
              tel: null,
              homepage: 'https://www.usps.com/',
              country: 'US',
            },
            service_type: 'USPS Ground Advantage',
            latest_sync_status: 'Success',
            latest_sync_time: '2026-11-10T05:00:00Z',
            events_hash: events.length,
            events,
          },
        ],
      },
    },
  };
}
