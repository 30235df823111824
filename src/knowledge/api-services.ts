/**
 * The outside services `shipaudit fetch` talks to: their addresses, their published rate limits, and what
 * their error codes mean. Reviewable here, used by the clients in src/sources/.
 */

/** Login with Amazon: exchanges a seller's refresh token for an access token (valid one hour). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** Selling Partner API endpoints by region (developer-docs.amazon.com/sp-api/docs/sp-api-endpoints). */
export const SP_API_ENDPOINTS = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
} as const;

/**
 * Orders API 2026-01-01 `searchOrders`. The rate is the default usage plan (requests per second and burst)
 * until a response's `x-amzn-RateLimit-Limit` header says otherwise. `includedData` asks for the
 * fulfilment window and the packages only: no BUYER or RECIPIENT data set, so no buyer's personal data is
 * downloaded, let alone saved.
 */
export const SEARCH_ORDERS = {
  path: '/orders/2026-01-01/orders',
  ratePerSecond: 0.0167,
  burst: 20,
  maxResultsPerPage: 100,
  includedData: ['FULFILLMENT', 'PACKAGES'],
  /** `createdBefore` must be at least two minutes before the request. */
  createdBeforeLagMs: 3 * 60_000,
} as const;

/** A package status the Orders API gives for a label that was voided: not a shipment to track. */
export const CANCELLED_PACKAGE_STATUSES: readonly string[] = ['LABEL_CANCELLED', 'CANCELLED'];

/** 17TRACK Tracking API v2.2 (api.17track.net/en/doc). */
export const SEVENTEEN_TRACK = {
  baseUrl: 'https://api.17track.net/track/v2.2',
  /** Numbers per register or gettrackinfo request. */
  batch: 40,
  /** Requests per second allowed per key. */
  ratePerSecond: 3,
  /** `track_info.latest_status.status` of a parcel whose tracking is final: not asked again. */
  finalStatuses: ['Delivered'] as readonly string[],
} as const;

/**
 * 17TRACK error codes the client acts on. Top-level codes refuse the whole request; item codes come in
 * `data.rejected[].error.code` for one number.
 */
export const SEVENTEEN_TRACK_CODES = {
  /** The key is wrong, disabled, or the caller's IP is not on the key's allow-list: nothing will work. */
  auth: new Map<number, string>([
    [-18010001, 'the IP address is not on the API key allow-list'],
    [-18010002, 'the API key is invalid'],
    [-18010004, 'the account is disabled'],
    [-18010005, 'unauthorised access'],
  ]),
  /** Already registered: nothing to do, the number can be asked for. */
  alreadyRegistered: -18019901,
  /** Asked for before being registered: register it first. */
  notRegistered: -18019902,
  /** No quota left to register more numbers. */
  quotaExhausted: -18019908,
  /**
   * No tracking information yet: normal for a number registered minutes ago (17TRACK fetches it from the
   * carrier within hours) or a label the carrier has not seen. Asked again next run; not a failure.
   */
  noInfoYet: -18019909,
} as const;

/**
 * AfterShip Tracking API (www.aftership.com/docs/tracking), version 2026-07: `as-api-key` header,
 * `POST /trackings` creates one tracking, `GET /trackings?tracking_numbers=a,b` lists them (cursor paging).
 * Rates are per endpoint; a 429 carries `X-RateLimit-Reset` (Unix seconds).
 */
export const AFTERSHIP = {
  baseUrl: 'https://api.aftership.com/tracking/2026-07',
  /** Numbers per list request (`tracking_numbers`, comma-separated). */
  batch: 50,
  /** Trackings per list page (`limit`). */
  pageLimit: 200,
  /** Requests per second: POST /trackings, GET /trackings. */
  createRatePerSecond: 20,
  listRatePerSecond: 6,
  /** A tracking's `tag` that is final: not asked again. */
  finalTags: ['Delivered'] as readonly string[],
} as const;

/** AfterShip `meta.code`s (and HTTP statuses) the client acts on. */
export const AFTERSHIP_CODES = {
  /** The key is wrong, revoked, or lacks the tracking scope: nothing will work. */
  auth: new Map<number, string>([
    [401, 'the API key is invalid'],
    [403, 'the API key may not use the Tracking API'],
  ]),
  /** The number is tracked already: nothing to do, it can be listed. */
  alreadyExists: 4003,
  /** The plan's tracking allowance is used up (HTTP 402 Payment Required): no more trackings created. */
  quotaExhausted: new Set<number>([402]),
} as const;

/**
 * Orders API v0 `confirmShipment` and `getOrder` (the confirmation gate's --submit): paths and the default
 * usage plan. confirmShipment answers 204 when Amazon took the confirmation, 400 with `errors[]` when not.
 */
export const CONFIRM_SHIPMENT = {
  path: (orderId: string) => `/orders/v0/orders/${encodeURIComponent(orderId)}/shipmentConfirmation`,
  ratePerSecond: 2,
  burst: 10,
} as const;

export const GET_ORDER = {
  path: (orderId: string) => `/orders/v0/orders/${encodeURIComponent(orderId)}`,
  ratePerSecond: 0.5,
  burst: 30,
} as const;
