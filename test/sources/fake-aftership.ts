import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLES } from './fake-services.js';
import type { Reply, SeenRequest } from './mock-server.js';

/**
 * A fake AfterShip Tracking API (2026-07) for the local test server. Trackings are AfterShip's own v4 sample
 * (../shared/real-samples) with the number, carrier, status and checkpoints changed and the buyer fields
 * emptied, in the 2024-04-and-later envelope: `data` is the tracking itself, or `{pagination, trackings}`.
 */

export const AFTERSHIP_PATH = '/tracking/2026-07/trackings';

function sampleTracking(): Record<string, unknown> {
  const file = resolve(SAMPLES, 'aftership-v4-get-tracking.json');
  if (!existsSync(file))
    throw new Error(`real samples missing: ${file} (../shared/real-samples must sit beside the clone)`);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { data: { tracking: Record<string, unknown> } };
  return doc.data.tracking;
}

interface AfterShipCheckpoint {
  /** With its offset, as AfterShip gives it. */
  at: string;
  message: string;
  location: string;
  subtag: string;
}

export interface AfterShipFake {
  apiKey: string;
  /** Trackings the plan still allows to create (402 once used up); no limit when absent. */
  allowance?: number;
  tracked: Set<string>;
  /** Checkpoints per number (oldest first, as AfterShip lists them) and whether delivered. */
  parcels: Record<string, { delivered: boolean; checkpoints: AfterShipCheckpoint[] }>;
  /** Trackings a list page holds at most (small, to make the client page). */
  pageSize?: number;
  /** Replies given first, by step: "create" or "list". */
  faults?: Record<string, Reply[]>;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body: JSON.stringify(body),
});

function trackingDoc(number: string, p: AfterShipFake['parcels'][string] | undefined): Record<string, unknown> {
  const base = sampleTracking();
  const template = (base.checkpoints as Array<Record<string, unknown>>)[1];
  const checkpoints = (p?.checkpoints ?? []).map((c) => ({
    ...template,
    slug: 'usps',
    location: c.location,
    city: null,
    country_iso3: 'USA',
    country_name: 'United States',
    message: c.message,
    tag: c.subtag.replace(/_\d+$/, ''),
    subtag: c.subtag,
    checkpoint_time: c.at,
  }));
  const last = checkpoints.at(-1);
  return {
    ...base,
    id: `as-${number.slice(-8)}`,
    tracking_number: number,
    slug: 'usps',
    tag: p?.delivered ? 'Delivered' : (last?.tag ?? 'Pending'),
    subtag: p?.delivered ? 'Delivered_001' : (last?.subtag ?? 'Pending_001'),
    subtag_message: p?.delivered ? 'Delivered' : 'In Transit',
    customer_name: null,
    emails: [],
    smses: [],
    subscribed_emails: [],
    subscribed_smses: [],
    order_id: null,
    order_number: null,
    title: number,
    checkpoints,
  };
}

/** The handler for AfterShip under /tracking/2026-07/; anything else is null (for another fake). */
export function fakeAfterShip(f: AfterShipFake): (req: SeenRequest) => Reply | null {
  return (req) => {
    if (req.path !== AFTERSHIP_PATH) return null;
    const step = req.method === 'POST' ? 'create' : 'list';
    const injected = f.faults?.[step]?.shift();
    if (injected) return injected;
    if (req.headers['as-api-key'] !== f.apiKey) {
      return json({ meta: { code: 401, message: 'Invalid API key.', type: 'Unauthorized' }, data: {} }, 401);
    }
    if (req.method === 'POST') {
      const number = String((JSON.parse(req.body) as { tracking_number?: string }).tracking_number ?? '');
      if (f.tracked.has(number)) {
        return json(
          {
            meta: { code: 4003, message: 'Tracking already exists.', type: 'BadRequest' },
            data: { tracking: { id: `as-${number.slice(-8)}`, slug: 'usps', tracking_number: number } },
          },
          400,
        );
      }
      if (f.allowance !== undefined && f.allowance <= 0) {
        return json(
          { meta: { code: 402, message: 'Your plan has reached its tracking limit.', type: 'PaymentRequired' } },
          402,
        );
      }
      if (f.allowance !== undefined) f.allowance--;
      f.tracked.add(number);
      const meta = { code: 201, message: 'Created', type: 'Created' };
      return json({ meta, data: trackingDoc(number, undefined) }, 201);
    }
    const asked = (req.query.get('tracking_numbers') ?? '').split(',').filter(Boolean);
    if (asked.length > 50) {
      return json({ meta: { code: 4001, message: 'tracking_numbers: at most 50', type: 'BadRequest' } }, 400);
    }
    const all = asked.filter((n) => f.tracked.has(n));
    const from = Number(req.query.get('cursor') ?? '0');
    const size = Math.min(Number(req.query.get('limit') ?? '100'), f.pageSize ?? 200);
    const page = all.slice(from, from + size);
    const more = from + size < all.length;
    return json({
      meta: { code: 200, message: 'OK', type: 'OK' },
      data: {
        pagination: { total: all.length, next_cursor: more ? String(from + size) : null, has_next_page: more },
        trackings: page.map((n) => trackingDoc(n, f.parcels[n])),
      },
    });
  };
}
