import type { InputKind } from '../model/input.js';

/**
 * How each input shape is recognised from its header row, and which header names feed which field.
 *
 * Headers are compared after `normalizeHeader` (lower-case, no spaces, dashes, underscores, dots,
 * brackets or BOM), so `Tracking Number`, `tracking-number` and `TRACKING_NUMBER` are one alias.
 * Columns are always mapped by name, never by position: report versions and marketplaces add, drop and
 * reorder columns. A user whose export uses other names adds them under `columns` in the config file.
 *
 * Kinds are tried in the order of KINDS: Amazon's own reports first (their headers are exact), then the
 * generic shapes, whose aliases are looser.
 */

export type Field =
  // order side
  | 'orderId'
  | 'orderItemId'
  | 'purchaseDate'
  | 'earliestShipDate'
  | 'latestShipDate'
  | 'promiseDate'
  /** Unshipped Orders: when Amazon made the report (the snapshot's time). */
  | 'reportingDate'
  | 'orderStatus'
  | 'itemStatus'
  | 'fulfillmentChannel'
  | 'salesChannel'
  | 'shipServiceLevel'
  | 'quantity'
  | 'quantityToShip'
  // confirmation side
  | 'shipDate'
  | 'shipTime'
  | 'carrierCode'
  | 'carrierName'
  | 'trackingNumber'
  | 'shipMethod'
  // tracking side
  | 'eventTime'
  | 'eventDate'
  | 'eventClock'
  | 'utcOffset'
  | 'description'
  | 'statusCode'
  | 'status'
  | 'location'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'country'
  | 'carrier'
  | 'firstScan'
  | 'latestEvent'
  | 'latestEventTime';

export interface KindSpec {
  kind: InputKind;
  title: string;
  /** Field → accepted header names (any spelling that normalises equal). */
  fields: Partial<Record<Field, readonly string[]>>;
  /** Each inner list: at least one of these fields must be present. */
  requires: readonly (readonly Field[])[];
  /** Amazon flat files are written without quoting: a `"` in a product name is literal. */
  flatFile: boolean;
  /** What `inspect` says about every file of this kind: how its rows are taken. */
  note?: string;
}

// Amazon's own order id first: ERP exports also carry their own order number (订单号), which joins nothing.
const ORDER_ID_ERP = [
  'amazon-order-id',
  'amazon order id',
  'amazon order number',
  '亚马逊订单号',
  'marketplace order id',
  'platform order id',
  '平台订单号',
  'order-id',
  'order id',
  'order number',
  'order no',
  'orderid',
  'order #',
  '订单号',
  '订单编号',
  '注文番号',
];
const TRACKING = [
  'tracking-number',
  'tracking number',
  'tracking no',
  'tracking #',
  'tracking',
  'tracking id',
  'tracking_number',
  'trackingnumber',
  'waybill',
  'waybill number',
  'awb',
  'number',
  '跟踪号',
  '运单号',
  '物流单号',
  '追踪号',
  '快递单号',
  '单号',
  '物流跟踪号',
  'お問い合わせ伝票番号',
];
const CARRIER = [
  'carrier',
  'carrier-name',
  'carrier name',
  'carrier code',
  'carrier-code',
  'courier',
  'courier name',
  'slug',
  'shipping carrier',
  'provider',
  'shipping company',
  '物流商',
  '承运商',
  '物流公司',
  '快递公司',
  '物流渠道',
  '运输商',
  '配送業者',
];

export const KINDS: readonly KindSpec[] = [
  {
    // GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL: amazon-order-id, shipment-id, …, shipment-date, carrier,
    // tracking-number, fulfillment-center-id. Before the All Orders report, whose columns it also has.
    kind: 'amazon-fulfilled-shipments',
    title: 'Amazon Fulfilled Shipments report (FBA)',
    flatFile: true,
    fields: {
      orderId: ['amazon-order-id'],
      purchaseDate: ['purchase-date'],
      fulfillmentChannel: ['fulfillment-channel'],
      salesChannel: ['sales-channel'],
      shipServiceLevel: ['ship-service-level'],
      quantity: ['quantity-shipped'],
      carrier: ['carrier'],
      trackingNumber: ['tracking-number'],
      // The Amazon warehouse that shipped: what tells this report from an ERP export with the same id columns.
      location: ['fulfillment-center-id'],
    },
    requires: [['orderId'], ['trackingNumber'], ['location']],
    note:
      'Amazon fulfilled these orders (FBA): each row is read as an order with channel AFN, left out of the audit and ' +
      "counted like every AFN order; its shipment date and tracking number are Amazon's, not a confirmation by the " +
      'seller',
  },
  {
    // GET_EASYSHIP_PICKEDUP (Seller Central: Easy Ship "picked up" report): order-id, tracking-id, purchase-date,
    // picked-up-date, …, carrier. Before the Order report, whose order-id, order-item-id and purchase-date it has.
    kind: 'easyship-picked-up',
    title: 'Amazon Easy Ship picked-up report',
    flatFile: true,
    fields: {
      orderId: ['order-id'],
      orderItemId: ['order-item-id'],
      trackingNumber: ['tracking-id'],
      purchaseDate: ['purchase-date'],
      firstScan: ['picked-up-date'],
      carrier: ['carrier'],
      quantity: ['quantity-purchased'],
      shipServiceLevel: ['ship-service-level'],
    },
    requires: [['orderId'], ['trackingNumber'], ['firstScan']],
    note:
      'picked-up-date is when the Easy Ship carrier collected the parcel: read as its first physical scan (the ' +
      'hand-over), one package per tracking-id',
  },
  {
    kind: 'all-orders',
    title: 'Amazon All Orders report',
    flatFile: true,
    fields: {
      orderId: ['amazon-order-id'],
      purchaseDate: ['purchase-date'],
      orderStatus: ['order-status'],
      itemStatus: ['item-status'],
      fulfillmentChannel: ['fulfillment-channel'],
      salesChannel: ['sales-channel'],
      shipServiceLevel: ['ship-service-level'],
      quantity: ['quantity'],
    },
    requires: [['orderId'], ['purchaseDate'], ['orderStatus', 'fulfillmentChannel']],
  },
  {
    kind: 'unshipped-orders',
    title: 'Amazon Unshipped Orders report',
    flatFile: true,
    fields: {
      orderId: ['order-id'],
      orderItemId: ['order-item-id'],
      purchaseDate: ['purchase-date'],
      promiseDate: ['promise-date'],
      reportingDate: ['reporting-date'],
      quantity: ['quantity-purchased'],
      quantityToShip: ['quantity-to-ship'],
      shipServiceLevel: ['ship-service-level'],
      salesChannel: ['sales-channel'],
    },
    requires: [['orderId'], ['promiseDate', 'quantityToShip']],
  },
  {
    kind: 'order-report',
    title: 'Amazon Order report (New Orders)',
    flatFile: true,
    fields: {
      orderId: ['order-id'],
      orderItemId: ['order-item-id'],
      purchaseDate: ['purchase-date'],
      earliestShipDate: ['earliest-ship-date'],
      latestShipDate: ['latest-ship-date'],
      quantity: ['quantity-purchased'],
      shipServiceLevel: ['ship-service-level'],
      salesChannel: ['sales-channel'],
    },
    requires: [['orderId'], ['purchaseDate'], ['latestShipDate', 'orderItemId']],
  },
  {
    kind: 'confirmation-upload',
    title: 'Amazon shipping-confirmation upload',
    flatFile: true,
    fields: {
      orderId: ['order-id'],
      orderItemId: ['order-item-id'],
      quantity: ['quantity'],
      shipDate: ['ship-date'],
      carrierCode: ['carrier-code'],
      carrierName: ['carrier-name'],
      trackingNumber: ['tracking-number'],
      shipMethod: ['ship-method'],
    },
    requires: [['orderId'], ['shipDate'], ['trackingNumber'], ['carrierCode', 'carrierName']],
  },
  {
    kind: 'erp-confirmations',
    title: 'ERP / generic shipment export',
    flatFile: false,
    fields: {
      orderId: ORDER_ID_ERP,
      shipDate: [
        'ship-date',
        'ship date',
        'shipped date',
        'shipped at',
        'ship time',
        'shipping date',
        'date shipped',
        'confirmed at',
        'confirm time',
        'marked shipped',
        'fulfillment date',
        // ShipStation's export ("Order - Number" is already "order number" once normalised).
        'Date - Shipped Date',
        '发货时间',
        '标记发货时间',
        '发货日期',
        '标发时间',
        '出荷日',
      ],
      // ShipStation: the carrier that shipped, then the one selected on the order.
      carrierName: [...CARRIER, 'Shipment - Carrier', 'Carrier - Carrier Selected'],
      trackingNumber: [...TRACKING, 'Shipment - Tracking Number'],
      shipMethod: [
        'ship-method',
        'service',
        'shipping service',
        'ship method',
        'Shipment - Service',
        'Carrier - Service Selected',
        '物流方式',
        '运输方式',
        '配送方法',
      ],
      quantity: ['quantity', 'qty', '数量'],
    },
    requires: [['orderId'], ['shipDate'], ['trackingNumber']],
  },
  {
    kind: 'tracking-events',
    title: 'carrier tracking events (one row per scan)',
    flatFile: false,
    fields: {
      trackingNumber: TRACKING,
      carrier: CARRIER,
      eventTime: [
        'event time',
        'event-time',
        'time',
        'date time',
        'datetime',
        'checkpoint time',
        'checkpoint_time',
        'scan time',
        'event datetime',
        'timestamp',
        'event date time',
        'local date time',
        '时间',
        '轨迹时间',
        '事件时间',
        '扫描时间',
        '发生时间',
      ],
      eventDate: ['event date', 'date', 'scan date', 'activity date', '日期'],
      eventClock: ['event clock', 'clock', 'scan clock', 'activity time', 'local time', 'hour'],
      utcOffset: ['gmt offset', 'utc offset', 'offset', 'gmtoffset', 'time zone offset'],
      description: [
        'event',
        'event description',
        'description',
        'message',
        'checkpoint',
        'details',
        'status description',
        'activity',
        'activity description',
        'tracking event',
        'scan',
        'event details',
        '轨迹',
        '物流信息',
        '轨迹信息',
        '事件',
        '描述',
        '跟踪信息',
        '物流轨迹',
        '详情',
      ],
      statusCode: [
        // Not a plain "status": in many exports that is the package's current status, repeated on every
        // event row, and reading it as the event's code would make every scan look like a delivery.
        // "status type" is UPS's activity status type (D, I, M, X, P), used when no activity code is given;
        // AfterShip's subtag before its tag.
        'status code',
        'event code',
        'code',
        'activity code',
        'status type',
        'subtag',
        'sub status',
        'substatus',
        'tag',
        'event status',
        '状态码',
        '事件代码',
      ],
      location: [
        'location',
        'event location',
        'checkpoint location',
        'scan location',
        'place',
        '地点',
        '位置',
        '所在地',
      ],
      city: ['city', 'event city'],
      state: ['state', 'event state', 'province'],
      postalCode: ['zip', 'zip code', 'postal code', 'event zip code'],
      country: ['country', 'event country', 'country code'],
    },
    requires: [['trackingNumber'], ['eventTime', 'eventDate'], ['description', 'statusCode']],
  },
  {
    kind: 'tracking-summary',
    title: 'carrier tracking summary (one row per package)',
    flatFile: false,
    fields: {
      trackingNumber: TRACKING,
      carrier: CARRIER,
      status: ['status', 'package status', 'delivery status', 'tag', 'current status', '状态', '包裹状态', '物流状态'],
      firstScan: [
        'pickup date',
        'pickup time',
        'picked up',
        'pick up date',
        'first scan',
        'first scan time',
        'first scan date',
        'acceptance time',
        'accepted at',
        'shipped date (carrier)',
        'origin scan',
        '揽收时间',
        '收寄时间',
        '上网时间',
        '首次扫描时间',
      ],
      latestEvent: [
        'latest event',
        'last event',
        'latest status',
        'last checkpoint',
        '最新轨迹',
        '最新状态',
        '最后轨迹',
      ],
      latestEventTime: [
        'latest event time',
        'last event time',
        'last update',
        'last updated',
        '最新轨迹时间',
        '最后更新时间',
      ],
      location: ['origin', 'origin location', '起始地'],
    },
    requires: [['trackingNumber'], ['firstScan', 'status', 'latestEvent']],
  },
  {
    // Last: a file with a ship date is a confirmation export, one with events or a status is tracking data.
    // What is left, an order id beside a tracking number, is a number assigned and not yet confirmed.
    kind: 'tracking-assignments',
    title: 'tracking numbers assigned to orders (not yet confirmed)',
    flatFile: false,
    fields: {
      orderId: ORDER_ID_ERP,
      orderItemId: ['order-item-id', 'order item id', 'orderitemid'],
      trackingNumber: TRACKING,
      carrierCode: ['carrier-code', 'carrier code'],
      carrierName: CARRIER.filter((c) => !/^carrier[- ]code$/.test(c)),
      shipMethod: ['ship-method', 'service', 'shipping service', 'ship method', '物流方式', '运输方式', '配送方法'],
      quantity: ['quantity', 'qty', '数量'],
    },
    requires: [['orderId'], ['trackingNumber']],
  },
];

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s\-_.()（）:：#]+/g, '');
}

/** The kinds for `inspect`'s "kinds I know" message. */
export function describeKinds(): string {
  return KINDS.map((k) => `${k.kind} (${k.title})`).join(', ');
}

/**
 * Every header name some kind knows, normalised: an error may quote a cell of an unrecognised file only
 * when it is one of these, since any other cell may be a buyer's name, e-mail or phone.
 */
export const KNOWN_HEADER_NAMES: ReadonlySet<string> = new Set(
  KINDS.flatMap((k) => Object.values(k.fields).flatMap((aliases) => (aliases ?? []).map(normalizeHeader))),
);

/** Kinds recognised by structure rather than by a header row, so absent from the header table. */
const OTHER_TITLES: Partial<Record<InputKind, string>> = {
  'orders-api-json': 'Amazon Orders API JSON',
  'tracking-api': 'Tracking API response',
  'order-fulfillment-feed': 'Amazon order-fulfilment feed (POST_ORDER_FULFILLMENT_DATA XML)',
};

/** What `inspect` calls a kind of input. */
export function kindTitle(kind: InputKind): string {
  return KINDS.find((k) => k.kind === kind)?.title ?? OTHER_TITLES[kind] ?? kind;
}
