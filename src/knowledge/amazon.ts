import type { Channel, OrderStatus } from '../model/records.js';

/**
 * Amazon's order statuses as they are spelled across the All Orders report, the v0 and 2026-01-01 Orders
 * APIs, and localised Seller Central exports. Keys are compared lower-case with spaces and dashes removed.
 */
const ORDER_STATUSES: Readonly<Record<string, OrderStatus>> = {
  pending: 'pending',
  pendingavailability: 'pending',
  invoiceunconfirmed: 'pending',
  unshipped: 'unshipped',
  partiallyshipped: 'partially-shipped',
  shipped: 'shipped',
  shipping: 'shipped',
  delivered: 'shipped',
  complete: 'shipped',
  completed: 'shipped',
  canceled: 'cancelled',
  cancelled: 'cancelled',
  unfulfillable: 'unfulfillable',
};

// A report spells its statuses a handful of ways over a million rows: remember each spelling's answer.
const statusSeen = new Map<string, OrderStatus>();

export function orderStatus(raw: string): OrderStatus {
  let s = statusSeen.get(raw);
  if (s === undefined) {
    const key = raw.toLowerCase().replace(/[\s_-]+/g, '');
    s = Object.hasOwn(ORDER_STATUSES, key) ? ORDER_STATUSES[key] : 'other';
    if (statusSeen.size < 1000) statusSeen.set(raw, s);
  }
  return s;
}

/** Statuses of an order Amazon still expects a shipping confirmation for (the nightly check's "ship today"). */
export const AWAITING_SHIPMENT: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  'pending',
  'unshipped',
  'partially-shipped',
]);

/** fulfillment-channel is "Merchant"/"Amazon" in some files and "MFN"/"AFN" in others. */
const CHANNELS: Readonly<Record<string, Channel>> = {
  merchant: 'MFN',
  mfn: 'MFN',
  'seller fulfilled': 'MFN',
  sellerfulfilled: 'MFN',
  amazon: 'AFN',
  afn: 'AFN',
  'amazon fulfilled': 'AFN',
  fba: 'AFN',
};

/**
 * Reports that hold one fulfilment channel only: their rows are of that channel whatever a column says.
 * The Order report and Unshipped Orders list seller-fulfilled orders; the Amazon Fulfilled Shipments report
 * (FBA) lists what Amazon shipped, which the seller never confirmed.
 */
export const REPORT_CHANNEL: Readonly<Partial<Record<string, Channel>>> = {
  'order-report': 'MFN',
  'unshipped-orders': 'MFN',
  'amazon-fulfilled-shipments': 'AFN',
};

/**
 * Orders API 2026-01-01 package states that are no confirmation: a voided label. The status is `CANCELLED`
 * with `detailedStatus` `LABEL_CANCELLED` in Amazon's model; older write-ups put `LABEL_CANCELLED` in `status`.
 */
export const CANCELLED_PACKAGE_STATUSES: ReadonlySet<string> = new Set([
  'CANCELLED',
  'CANCELED',
  'LABEL_CANCELLED',
  'LABEL_CANCELED',
]);

const channelSeen = new Map<string, Channel | undefined>();

export function channel(raw: string): Channel | undefined {
  if (channelSeen.has(raw)) return channelSeen.get(raw);
  const key = raw.trim().toLowerCase();
  const c = Object.hasOwn(CHANNELS, key) ? CHANNELS[key] : undefined;
  if (channelSeen.size < 1000) channelSeen.set(raw, c);
  return c;
}

/** Amazon's account-health targets for seller-fulfilled orders (DOMAIN.md "Amazon's metrics"). */
export const TARGETS = {
  lateShipmentRate: { max: 0.04, windows: [10, 30], label: 'Late Shipment Rate', note: 'under 4%' },
  validTrackingRate: { min: 0.95, windowDays: 30, label: 'Valid Tracking Rate', note: 'over 95%' },
  preFulfillmentCancelRate: { max: 0.025, windowDays: 7, label: 'Pre-fulfilment Cancel Rate', note: 'under 2.5%' },
} as const;

/**
 * Amazon's marketplaces: the sales channel as the All Orders report and the Orders API write it
 * (`sales-channel`, `SalesChannel`, `salesChannel.marketplaceName`), its marketplace id, and the zone its
 * Seller Central reports and deadlines follow. Amazon.com keeps America/Los_Angeles, the default.
 */
export const MARKETPLACES: ReadonlyArray<{ channel: string; ids: string[]; zone: string }> = [
  { channel: 'Amazon.com', ids: ['ATVPDKIKX0DER'], zone: 'America/Los_Angeles' },
  { channel: 'Amazon.ca', ids: ['A2EUQ1WTGCTBG2'], zone: 'America/Toronto' },
  { channel: 'Amazon.com.mx', ids: ['A1AM78C64UM0Y8'], zone: 'America/Mexico_City' },
  { channel: 'Amazon.com.br', ids: ['A2Q3Y263D00KWC'], zone: 'America/Sao_Paulo' },
  { channel: 'Amazon.co.uk', ids: ['A1F83G8C2ARO7P'], zone: 'Europe/London' },
  { channel: 'Amazon.de', ids: ['A1PA6795UKMFR9'], zone: 'Europe/Berlin' },
  { channel: 'Amazon.fr', ids: ['A13V1IB3VIYZZH'], zone: 'Europe/Paris' },
  { channel: 'Amazon.it', ids: ['APJ6JRA9NG5V4'], zone: 'Europe/Rome' },
  { channel: 'Amazon.es', ids: ['A1RKKUPIHCS9HS'], zone: 'Europe/Madrid' },
  { channel: 'Amazon.nl', ids: ['A1805IZSGTT6HS'], zone: 'Europe/Amsterdam' },
  { channel: 'Amazon.se', ids: ['A2NODRKZP88ZB9'], zone: 'Europe/Stockholm' },
  { channel: 'Amazon.pl', ids: ['A1C3SOZRARQ6R3'], zone: 'Europe/Warsaw' },
  { channel: 'Amazon.com.be', ids: ['AMEN7PMS3EDWL'], zone: 'Europe/Brussels' },
  { channel: 'Amazon.ie', ids: ['A28R8C7NBKEWEA'], zone: 'Europe/Dublin' },
  { channel: 'Amazon.com.tr', ids: ['A33AVAJ2PDY3EV'], zone: 'Europe/Istanbul' },
  { channel: 'Amazon.ae', ids: ['A2VIGQ35RCS4UG'], zone: 'Asia/Dubai' },
  { channel: 'Amazon.sa', ids: ['A17E79C6D8DWNP'], zone: 'Asia/Riyadh' },
  { channel: 'Amazon.eg', ids: ['ARBP9OOSHTCHU'], zone: 'Africa/Cairo' },
  { channel: 'Amazon.in', ids: ['A21TJRUUN4KGV'], zone: 'Asia/Kolkata' },
  { channel: 'Amazon.co.jp', ids: ['A1VC38T7YXB528'], zone: 'Asia/Tokyo' },
  { channel: 'Amazon.sg', ids: ['A19VAU5U5O7RUS'], zone: 'Asia/Singapore' },
  { channel: 'Amazon.com.au', ids: ['A39IBJ37TRP1C6'], zone: 'Australia/Sydney' },
];

const marketplaceSeen = new Map<string, (typeof MARKETPLACES)[number] | undefined>();

/** The marketplace a sales channel or marketplace id names ("Amazon.co.uk", "amazon.de", "A1F83G8C2ARO7P"). */
export function marketplaceOf(text: string | undefined): (typeof MARKETPLACES)[number] | undefined {
  if (text === undefined) return undefined;
  if (marketplaceSeen.has(text)) return marketplaceSeen.get(text);
  const key = text.trim().toLowerCase();
  const m = MARKETPLACES.find((p) => p.channel.toLowerCase() === key || p.ids.some((id) => id.toLowerCase() === key));
  if (marketplaceSeen.size < 1000) marketplaceSeen.set(text, m);
  return m;
}
