import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS, type Field } from '../../src/knowledge/headers.js';
import { findHeaderRow, matchKind, sniff, type ColumnOverrides } from '../../src/read/detect.js';
import { InputError, type InputKind } from '../../src/read/types.js';

const specOf = (kind: InputKind) => KINDS.find((k) => k.kind === kind)!;
const split = (line: string) => line.split(line.includes('\t') ? '\t' : ',');

// Header rows as the real files have them, with the columns the readers don't use.
const HEADERS: Array<[string, InputKind, string, Partial<Record<Field, string>>]> = [
  [
    'All Orders report (Merchant/Amazon version)',
    'all-orders',
    'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price',
    {
      orderId: 'amazon-order-id',
      purchaseDate: 'purchase-date',
      orderStatus: 'order-status',
      fulfillmentChannel: 'fulfillment-channel',
      quantity: 'quantity',
    },
  ],
  [
    'All Orders report (MFN/AFN version, other column order)',
    'all-orders',
    'purchase-date\tamazon-order-id\torder-status\tfulfillment-channel\tsales-channel\tsku\tproduct-name\tquantity\tcurrency\titem-price\tship-service-level\tnumber-of-items',
    { orderId: 'amazon-order-id', purchaseDate: 'purchase-date' },
  ],
  [
    'Unshipped Orders report',
    'unshipped-orders',
    'order-id\torder-item-id\tpurchase-date\tpayments-date\treporting-date\tpromise-date\tdays-past-promise\tbuyer-email\tbuyer-name\tsku\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\tship-service-level',
    {
      orderId: 'order-id',
      promiseDate: 'promise-date',
      quantity: 'quantity-purchased',
      quantityToShip: 'quantity-to-ship',
    },
  ],
  [
    'Order report (New Orders)',
    'order-report',
    'order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\tsku\tproduct-name\tquantity-purchased\tship-service-level\tsales-channel\tearliest-ship-date\tlatest-ship-date\tis-prime',
    { orderId: 'order-id', earliestShipDate: 'earliest-ship-date', latestShipDate: 'latest-ship-date' },
  ],
  [
    'shipping-confirmation upload',
    'confirmation-upload',
    'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
    {
      orderId: 'order-id',
      shipDate: 'ship-date',
      carrierCode: 'carrier-code',
      carrierName: 'carrier-name',
      trackingNumber: 'tracking-number',
    },
  ],
  [
    // The real report's header (../shared/real-samples/amazon-fulfilled-shipments-eolabs.csv), not All Orders.
    'Amazon Fulfilled Shipments report (FBA)',
    'amazon-fulfilled-shipments',
    [
      'amazon-order-id,merchant-order-id,shipment-id,shipment-item-id,amazon-order-item-id,merchant-order-item-id',
      'purchase-date,payments-date,shipment-date,reporting-date,buyer-email,buyer-name,buyer-phone-number,sku',
      'product-name,quantity-shipped,currency,item-price,item-tax,shipping-price,shipping-tax,gift-wrap-price',
      'gift-wrap-tax,ship-service-level,recipient-name,ship-address-1,ship-address-2,ship-address-3,ship-city',
      'ship-state,ship-postal-code,ship-country,ship-phone-number,bill-address-1,bill-address-2,bill-address-3',
      'bill-city,bill-state,bill-postal-code,bill-country,item-promotion-discount,ship-promotion-discount,carrier',
      'tracking-number,estimated-arrival-date,fulfillment-center-id,fulfillment-channel,sales-channel',
    ].join(','),
    {
      orderId: 'amazon-order-id',
      purchaseDate: 'purchase-date',
      trackingNumber: 'tracking-number',
      location: 'fulfillment-center-id',
      quantity: 'quantity-shipped',
    },
  ],
  [
    // GET_EASYSHIP_PICKEDUP as Amazon's Easy Ship reports page lists it: not the Order report.
    'Easy Ship picked-up report',
    'easyship-picked-up',
    [
      'order-id',
      'tracking-id',
      'purchase-date',
      'picked-up-date',
      'asin',
      'sku',
      'product-name',
      'quantity-purchased',
      'invoice-id',
      'package-identifier',
      'ship-service-level',
      'is-prime',
      'pickup-slot',
      'order-item-id',
      'ship-postal-code',
      'ship-country',
      'ship-city',
      'ship-state',
      'carrier',
    ].join('\t'),
    { orderId: 'order-id', trackingNumber: 'tracking-id', firstScan: 'picked-up-date', carrier: 'carrier' },
  ],
  [
    // Amazon's order id, a carrier and a tracking number, but no fulfillment-center-id: a seller's own confirmations.
    'ERP export with Amazon Order ID, Carrier and Tracking Number is not the FBA report',
    'erp-confirmations',
    'Amazon Order ID,Ship Date,Carrier,Tracking Number',
    { orderId: 'Amazon Order ID', shipDate: 'Ship Date', carrierName: 'Carrier', trackingNumber: 'Tracking Number' },
  ],
  [
    'generic shipments export with plain names',
    'erp-confirmations',
    'Order Number,Order Date,Ship Date,Recipient,Company,Ship To - City,Ship To - State,Carrier,Service,Tracking Number,Package,Weight (oz)',
    {
      orderId: 'Order Number',
      shipDate: 'Ship Date',
      carrierName: 'Carrier',
      shipMethod: 'Service',
      trackingNumber: 'Tracking Number',
    },
  ],
  [
    // ShipStation's own field names, as real exports carry them ("Order - Number" normalises to "ordernumber").
    'ShipStation export: Carrier - Carrier Selected, Shipment - Tracking Number',
    'erp-confirmations',
    'Order - Number,Date - Order Date,Date - Shipped Date,Ship To - Name,Carrier - Carrier Selected,' +
      'Carrier - Service Selected,Shipment - Tracking Number,Market - Store Name',
    {
      orderId: 'Order - Number',
      shipDate: 'Date - Shipped Date',
      carrierName: 'Carrier - Carrier Selected',
      shipMethod: 'Carrier - Service Selected',
      trackingNumber: 'Shipment - Tracking Number',
    },
  ],
  [
    'ShipStation export: plain Tracking Number, Shipment - Carrier and Shipment - Service',
    'erp-confirmations',
    'Order - Number,Date - Shipped Date,Shipment - Carrier,Shipment - Service,Tracking Number,Shipment - Package Count',
    {
      orderId: 'Order - Number',
      shipDate: 'Date - Shipped Date',
      carrierName: 'Shipment - Carrier',
      shipMethod: 'Shipment - Service',
      trackingNumber: 'Tracking Number',
    },
  ],
  [
    'Dianxiaomi order export: Amazon order id over the ERP number',
    'erp-confirmations',
    '店铺,订单号,亚马逊订单号,付款时间,标记发货时间,物流商,物流方式,跟踪号,SKU,商品名称,数量,买家姓名',
    {
      orderId: '亚马逊订单号',
      shipDate: '标记发货时间',
      carrierName: '物流商',
      shipMethod: '物流方式',
      trackingNumber: '跟踪号',
      quantity: '数量',
    },
  ],
  [
    '17TRACK events',
    'tracking-events',
    'Tracking Number,Carrier,Status,Event Time,Event Description,Location',
    {
      trackingNumber: 'Tracking Number',
      carrier: 'Carrier',
      eventTime: 'Event Time',
      description: 'Event Description',
      location: 'Location',
    },
  ],
  [
    'UPS activity: date, time and GMT offset columns',
    'tracking-events',
    'Tracking Number,Date,Time,GMT Offset,Status Type,Activity Code,Activity Description,City,State,Postal Code,Country',
    {
      eventDate: 'Date',
      eventTime: 'Time',
      utcOffset: 'GMT Offset',
      statusCode: 'Activity Code',
      description: 'Activity Description',
      state: 'State',
    },
  ],
  [
    'AfterShip checkpoints',
    'tracking-events',
    'tracking_number,slug,tag,subtag,subtag_message,checkpoint_time,message,location',
    {
      trackingNumber: 'tracking_number',
      carrier: 'slug',
      statusCode: 'subtag',
      eventTime: 'checkpoint_time',
      description: 'message',
    },
  ],
  [
    'Chinese event export',
    'tracking-events',
    '单号,时间,地点,轨迹',
    { trackingNumber: '单号', eventTime: '时间', location: '地点', description: '轨迹' },
  ],
  [
    'one row per package',
    'tracking-summary',
    'Tracking Number,Carrier,Status,Latest Event,Latest Event Time,Pickup Date,Origin',
    {
      status: 'Status',
      latestEvent: 'Latest Event',
      latestEventTime: 'Latest Event Time',
      firstScan: 'Pickup Date',
      location: 'Origin',
    },
  ],
];

describe('findHeaderRow: each kind from a realistic header row', () => {
  it.each(HEADERS)('%s → %s', (_name, kind, line, fields) => {
    const headers = split(line);
    const h = findHeaderRow('x.csv', [headers], {});
    expect(h.spec.kind).toBe(kind);
    expect(h.headerLine).toBe(1);
    const mapped = Object.fromEntries(Object.keys(fields).map((f) => [f, headers[h.index[f as Field]!]]));
    expect(mapped).toEqual(fields);
  });
});

describe('matchKind: header names are compared normalised', () => {
  const events = specOf('tracking-events');
  it.each([
    'Tracking Number',
    'tracking number',
    'TRACKING NUMBER',
    'tracking-number',
    'TRACKING_NUMBER',
    'Tracking_Number',
    '  Tracking   Number  ',
    '\uFEFFTracking Number',
    'Tracking.Number',
    'trackingnumber',
  ])('%j', (header) => {
    expect(matchKind([header, 'Event Time', 'Event'], events)).toEqual({
      trackingNumber: 0,
      eventTime: 1,
      description: 2,
    });
  });

  it('a kind whose required fields are not all there does not match', () => {
    expect(matchKind(['Tracking Number', 'Event'], events)).toBeUndefined();
    expect(matchKind(['order-id', 'ship-date', 'tracking-number'], specOf('confirmation-upload'))).toBeUndefined();
  });

  it('a column feeds one field only, the first alias present wins', () => {
    // "Event Time" is an alias of eventTime and of nothing else here; beside a date column the reader takes it as that date's clock.
    const idx = matchKind(['Tracking Number', 'Event Date', 'Event Time', 'Activity'], events)!;
    expect(idx).toMatchObject({ trackingNumber: 0, eventDate: 1, eventTime: 2, description: 3 });
    expect(new Set(Object.values(idx)).size).toBe(Object.values(idx).length);
  });
});

describe('user column overrides (config "columns")', () => {
  it.each<[string, string[], ColumnOverrides, InputKind, Partial<Record<Field, number>>]>([
    [
      'German tracking export mapped by hand',
      ['Sendungsnummer', 'Zeitpunkt', 'Ereignis', 'Ort'],
      {
        trackingNumber: 'Sendungsnummer',
        eventTime: 'Zeitpunkt',
        description: ['Vorgang', 'Ereignis'],
        location: 'Ort',
      },
      'tracking-events',
      { trackingNumber: 0, eventTime: 1, description: 2, location: 3 },
    ],
    [
      'an override wins over a built-in alias',
      ['Order Number', 'Amazon Ref', 'Ship Date', 'Tracking Number'],
      { orderId: 'amazon ref' },
      'erp-confirmations',
      { orderId: 1, shipDate: 2, trackingNumber: 3 },
    ],
    [
      'override names are normalised like headers',
      ['Paket-Nr.', 'Versanddatum', 'Bestellung'],
      { trackingNumber: 'PAKET NR', shipDate: 'versand_datum', orderId: 'Bestellung' },
      'erp-confirmations',
      { orderId: 2, shipDate: 1, trackingNumber: 0 },
    ],
  ])('%s', (_name, headers, columns, kind, index) => {
    const h = findHeaderRow('x.csv', [headers], columns);
    expect(h.spec.kind).toBe(kind);
    expect(h.index).toMatchObject(index);
  });

  it('without the override the same headers are unknown', () => {
    expect(() => findHeaderRow('de.csv', [['Sendungsnummer', 'Zeitpunkt', 'Ereignis', 'Ort']], {})).toThrow(InputError);
  });
});

describe('findHeaderRow: one header in two columns', () => {
  const CONF = ['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name'];
  it.each<[string, string[], string]>([
    [
      'tracking-number twice in a confirmation file',
      [...CONF, 'tracking-number', 'tracking-number', 'ship-method'],
      'the header "tracking-number" is in columns 7 and 8: which one holds trackingNumber can\'t be told (remove or rename one of them)',
    ],
    [
      'two spellings that normalise equal',
      [...CONF, 'tracking-number', 'ship-method', 'Tracking Number'],
      'the header "tracking-number" is in columns 7 and 9 (as "Tracking Number"): which one holds trackingNumber can\'t be told (remove or rename one of them)',
    ],
    [
      'an ERP export with its order number three times',
      ['Order Number', 'Ship Date', 'Tracking Number', 'order number', 'ORDER_NUMBER'],
      'the header "Order Number" is in columns 1, 4 and 5 (as "order number", "ORDER_NUMBER"): which one holds orderId can\'t be told (remove or rename all but one)',
    ],
    [
      'a tracking export with two event columns',
      ['Tracking Number', 'Event Time', 'Event', 'Location', 'Event'],
      'the header "Event" is in columns 3 and 5: which one holds description can\'t be told (remove or rename one of them)',
    ],
  ])('%s: refused with the header and its columns', (_name, headers, message) => {
    expect(() => findHeaderRow('x.csv', [headers], {})).toThrow(new InputError('x.csv', 1, message));
  });

  it.each<[string, string[], InputKind, Partial<Record<Field, number>>]>([
    [
      "different aliases of one field: the alias order chooses (Amazon's order id before the ERP's own)",
      ['Order Number', 'Amazon Order ID', 'Ship Date', 'Tracking Number', 'Waybill'],
      'erp-confirmations',
      { orderId: 1, shipDate: 2, trackingNumber: 3 },
    ],
    [
      'ShipStation: the carrier that shipped and the one selected',
      [
        'Order - Number',
        'Date - Shipped Date',
        'Carrier - Carrier Selected',
        'Shipment - Carrier',
        'Shipment - Tracking Number',
      ],
      'erp-confirmations',
      { orderId: 0, shipDate: 1, carrierName: 3, trackingNumber: 4 },
    ],
    [
      // A minor field's header twice (a second place column): read from the first, as before.
      'a place column twice',
      ['Tracking Number', 'Carrier', 'Event Time', 'Event', 'Location', 'Location'],
      'tracking-events',
      { trackingNumber: 0, carrier: 1, eventTime: 2, description: 3, location: 4 },
    ],
    [
      'a column no field is read from, twice',
      ['order-id', 'notes', 'ship-date', 'carrier-code', 'tracking-number', 'notes', '', ''],
      'confirmation-upload',
      { orderId: 0, shipDate: 2, carrierCode: 3, trackingNumber: 4 },
    ],
  ])('%s: read', (_name, headers, kind, index) => {
    const h = findHeaderRow('x.csv', [headers], {});
    expect(h.spec.kind).toBe(kind);
    expect(h.index).toMatchObject(index);
  });
});

describe('findHeaderRow: where the header is', () => {
  const JP = [
    [
      'TemplateType=OrderFulfillment',
      'Version=2011.1102',
      'この行はAmazonが使用しますので変更や削除しないでください。',
    ],
    [
      '注文番号',
      '注文商品番号',
      '出荷数',
      '出荷日',
      '配送業者コード',
      '配送業者名',
      'お問い合わせ伝票番号',
      '配送方法',
      '代金引換',
    ],
    [
      'order-id',
      'order-item-id',
      'quantity',
      'ship-date',
      'carrier-code',
      'carrier-name',
      'tracking-number',
      'ship-method',
      'cod-collection-method',
    ],
    [
      '249-3817265-1047723',
      '19285503716682',
      '1',
      '2026-10-06',
      'Yamato Transport',
      '',
      '364182075530',
      '宅急便コンパクト',
      '',
    ],
  ];

  it('JP template: TemplateType line skipped, the English header wins over the Japanese one', () => {
    const h = findHeaderRow('jp.txt', JP, {});
    expect(h).toMatchObject({ headerLine: 3, headers: JP[2] });
    expect(h.spec.kind).toBe('confirmation-upload');
    expect(h.index).toMatchObject({ orderId: 0, orderItemId: 1, shipDate: 3, carrierCode: 4, trackingNumber: 6 });
  });

  it('the Japanese header alone reads as a generic export', () => {
    const h = findHeaderRow('jp.txt', [JP[0], JP[1], JP[3]], {});
    expect(h).toMatchObject({ headerLine: 2 });
    expect(h.spec.kind).toBe('erp-confirmations');
    expect(h.index).toMatchObject({ orderId: 0, shipDate: 3, trackingNumber: 6 });
  });

  it('a title and a blank line above the header', () => {
    const h = findHeaderRow(
      't.csv',
      [['Shipments 2026-10-01 to 2026-10-31'], [''], split('Order Number,Ship Date,Carrier,Tracking Number')],
      {},
    );
    expect(h).toMatchObject({ headerLine: 3 });
    expect(h.spec.kind).toBe('erp-confirmations');
  });

  it('unknown headers: an InputError at line 1 listing the headers found', () => {
    let err: unknown;
    try {
      findHeaderRow(
        'people.csv',
        [
          ['name', 'age', 'city'],
          ['Ann', '41', 'Austin'],
        ],
        {},
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: 'people.csv', line: 1 });
    expect((err as Error).message).toMatch(/^people\.csv:1: unrecognised file: headers found: name, age, city\. /);
    expect((err as Error).message).toContain(
      'Known kinds: amazon-fulfilled-shipments (Amazon Fulfilled Shipments report (FBA)), ' +
        'easyship-picked-up (Amazon Easy Ship picked-up report), all-orders (Amazon All Orders report), ',
    );
    expect((err as Error).message).toContain('"columns"');
  });

  it('the TemplateType line is not listed as a header found', () => {
    expect(() => findHeaderRow('jp.txt', [JP[0], ['foo', 'bar']], {})).toThrow(/headers found: foo, bar\./);
  });
});

describe('sniff: delimiter and quoting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-detect-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string, string, boolean]>([
    [
      'Amazon flat file: TAB, no quoting',
      'order-id\tship-date\tcarrier-code\ttracking-number\n1\t2026-10-06\tUPS\t1Z\n',
      '\t',
      false,
    ],
    [
      'generic export with TAB: quoting on',
      'Tracking Number\tEvent Time\tEvent\nX\t2026-10-06 10:00\tPicked up\n',
      '\t',
      true,
    ],
    ['European CSV: semicolon', 'Order Number;Ship Date;Carrier;Tracking Number\n1;06.10.2026;DHL;123\n', ';', true],
    ['comma CSV', 'Order Number,Ship Date,Carrier,Tracking Number\n1,2026-10-06,DHL,123\n', ',', true],
  ])('%s', async (name, text, delimiter, quoting) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, text);
    const s = await sniff(file);
    expect(s.format).toBe('text');
    if (s.format !== 'text') return;
    expect([s.delimiter, s.quoting]).toEqual([delimiter, quoting]);
  });
});
