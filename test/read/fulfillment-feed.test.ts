import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfirmationRecord } from '../../src/model/records.js';
import type { ZoneHint } from '../../src/model/timestamp.js';
import { RowError } from '../../src/read/context.js';
import { sniff } from '../../src/read/detect.js';
import { TimeParseError } from '../../src/read/time.js';
import { isFulfillmentFeed, messageLines, readFulfillmentFeed } from '../../src/read/fulfillment-feed.js';
import { InputError, readInput } from '../../src/read/index.js';

const parse = (xml: string): unknown => new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
const LA: ZoneHint = { zone: 'America/Los_Angeles', source: 'setting', note: '--marketplace-tz' };

/**
 * Amazon's documented OrderFulfillment example, as it stands after the XSD in Amazon's XML guide (and is
 * copied into many integrations): it names the order by MerchantOrderID and the item by MerchantOrderItemID.
 */
const AMAZON_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
    <Header>
        <DocumentVersion>1.01</DocumentVersion>
        <MerchantIdentifier>My Store</MerchantIdentifier>
    </Header>
    <MessageType>OrderFulfillment</MessageType>
    <Message>
        <MessageID>1</MessageID>
        <OrderFulfillment>
            <MerchantOrderID>1234567</MerchantOrderID>
            <MerchantFulfillmentID>1234567</MerchantFulfillmentID>
            <FulfillmentDate>2002-05-01T15:36:33-08:00</FulfillmentDate>
            <FulfillmentData>
                <CarrierCode>UPS</CarrierCode>
                <ShippingMethod>Second Day</ShippingMethod>
                <ShipperTrackingNumber>1234567890</ShipperTrackingNumber>
            </FulfillmentData>
            <Item>
                <MerchantOrderItemID>1234567</MerchantOrderItemID>
                <MerchantFulfillmentItemID>1234567</MerchantFulfillmentItemID>
                <Quantity>2</Quantity>
            </Item>
        </OrderFulfillment>
    </Message>
</AmazonEnvelope>
`;
/** The same document as sellers' ERPs send it: the Amazon order id and order-item code (the XSD's other choice). */
const WITH_AMAZON_IDS = AMAZON_EXAMPLE.replace(
  '<MerchantOrderID>1234567</MerchantOrderID>',
  '<AmazonOrderID>112-1234567-1234567</AmazonOrderID>',
).replace(
  '<MerchantOrderItemID>1234567</MerchantOrderItemID>',
  '<AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>',
);

function read(xml: string, hint: ZoneHint = LA) {
  const confirmations: ConfirmationRecord[] = [];
  const problems: Array<[number, string]> = [];
  const skipped: string[] = [];
  const doc = parse(xml);
  const { messages } = readFulfillmentFeed(
    doc,
    'feed.xml',
    { confirmation: (c) => confirmations.push(c) },
    hint,
    (line, e) => {
      if (!(e instanceof RowError) && !(e instanceof TimeParseError)) throw e;
      problems.push([line, e.message]);
    },
    messageLines(xml),
    (why) => skipped.push(why),
  );
  return { messages, confirmations, problems, skipped };
}

describe("readFulfillmentFeed on Amazon's documented example", () => {
  it('with AmazonOrderID: one confirmation, its time, carrier, number, method, item and quantity', () => {
    const r = read(WITH_AMAZON_IDS);
    expect([r.messages, r.problems, r.skipped]).toEqual([1, [], []]);
    expect(r.confirmations).toEqual([
      {
        orderId: '112-1234567-1234567',
        orderItemId: '12345678901234',
        quantity: 2,
        confirmedAt: {
          raw: '2002-05-01T15:36:33-08:00',
          epochMs: Date.parse('2002-05-01T23:36:33Z'),
          precision: 'datetime',
          zone: '-08:00',
          zoneSource: 'offset',
          localDate: '2002-05-01',
        },
        carrier: 'UPS',
        carrierRaw: 'UPS',
        trackingNumber: '1234567890',
        trackingRaw: '1234567890',
        shipMethod: 'Second Day',
        // The line the <Message> element starts on.
        source: { file: 'feed.xml', line: 9 },
      },
    ]);
  });

  it('as published, with MerchantOrderID only: counted as a problem that names it (it joins no Amazon order)', () => {
    const r = read(AMAZON_EXAMPLE);
    expect(r.confirmations).toEqual([]);
    expect(r.problems).toEqual([[9, 'no AmazonOrderID (only MerchantOrderID 1234567, which joins no Amazon order)']]);
  });
});

describe('readFulfillmentFeed: the variants of a message', () => {
  /** An element: `el('Quantity', '2')` is `<Quantity>2</Quantity>`. */
  const el = (name: string, ...inner: string[]) => `<${name}>${inner.join('')}</${name}>`;
  const envelope = (...messages: string[]) =>
    [
      '<?xml version="1.0"?>',
      '<AmazonEnvelope>',
      el('Header', el('DocumentVersion', '1.01')),
      el('MessageType', 'OrderFulfillment'),
    ]
      .concat(messages, '</AmazonEnvelope>', '')
      .join('\n');
  const message = (id: number, body: string, op?: string) =>
    el('Message', el('MessageID', String(id)), op ? el('OperationType', op) : '', el('OrderFulfillment', body));
  const ORDER = el('AmazonOrderID', '113-2057938-4402861');
  const date = (d: string) => el('FulfillmentDate', d);
  const data = (...inner: string[]) => el('FulfillmentData', ...inner);
  const tracking = (n: string) => el('ShipperTrackingNumber', n);
  const item = (code: string, qty: string) => el('Item', el('AmazonOrderItemCode', code), el('Quantity', qty));

  it.each<[string, string, Array<Partial<ConfirmationRecord>>]>([
    [
      'CarrierCode Other: the carrier is CarrierName',
      ORDER +
        date('2026-10-07T09:30:00+08:00') +
        data(el('CarrierCode', 'Other'), el('CarrierName', 'Yun Express'), tracking('YT2628011093377421')),
      [
        {
          carrier: 'Yun Express',
          carrierRaw: 'Yun Express',
          trackingNumber: 'YT2628011093377421',
          orderItemId: undefined,
          quantity: undefined,
        },
      ],
    ],
    [
      'CarrierName alone, a number typed with spaces',
      ORDER + date('2026-10-07T09:30:00+08:00') + data(el('CarrierName', 'China Post'), tracking(' lz 704812366 cn ')),
      [{ carrier: 'China Post', trackingNumber: 'LZ704812366CN', trackingRaw: 'lz 704812366 cn' }],
    ],
    [
      'two parcels: one confirmation per number, the items not split between them',
      ORDER +
        date('2026-10-07T14:12:00-07:00') +
        data(el('CarrierCode', 'USPS'), tracking('9400111899562045331054'), tracking('9400111899562045331122')) +
        item('72208316450616', '2'),
      [
        { trackingNumber: '9400111899562045331054', orderItemId: undefined, quantity: undefined },
        { trackingNumber: '9400111899562045331122', orderItemId: undefined, quantity: undefined },
      ],
    ],
    [
      'two items: the package names none and sums the quantities',
      ORDER +
        date('2026-10-07T14:12:00-07:00') +
        data(el('CarrierCode', 'UPS'), tracking('1ZV7A1290344201197')) +
        item('1', '1') +
        item('2', '3'),
      [{ orderItemId: undefined, quantity: 4 }],
    ],
    [
      'no ShipperTrackingNumber: a confirmation without a number (the missing-tracking rule decides)',
      ORDER + date('2026-10-07') + data(el('CarrierCode', 'UPS')),
      [
        {
          trackingNumber: '',
          trackingRaw: undefined,
          confirmedAt: expect.objectContaining({ precision: 'date', zone: 'America/Los_Angeles' }) as never,
        },
      ],
    ],
  ])('%s', (_name, body, expected) => {
    const r = read(envelope(message(1, body)));
    expect(r.problems).toEqual([]);
    expect(r.confirmations).toMatchObject(expected);
    expect(r.confirmations).toHaveLength(expected.length);
  });

  it('a FulfillmentDate without an offset is local time: read in the marketplace or file zone', () => {
    const r = read(envelope(message(1, ORDER + date('2026-10-07T09:30:00') + data(el('CarrierCode', 'UPS')))));
    expect(r.confirmations[0].confirmedAt).toMatchObject({
      epochMs: Date.parse('2026-10-07T16:30:00Z'),
      zone: 'America/Los_Angeles',
      zoneSource: 'setting',
    });
  });

  it('counts a Delete message as skipped, reports a broken one with its line, and reads the others', () => {
    const xml = envelope(
      message(1, `${ORDER}<FulfillmentDate>2026-10-07T09:30:00Z</FulfillmentDate>`),
      message(2, `${ORDER}<FulfillmentDate>2026-10-07T09:30:00Z</FulfillmentDate>`, 'Delete'),
      message(3, `${ORDER}<FulfillmentDate>yesterday</FulfillmentDate>`),
      message(4, ORDER),
    );
    const r = read(xml);
    expect(r.messages).toBe(4);
    expect(r.confirmations.map((c) => c.source.line)).toEqual([5]);
    expect(r.skipped).toEqual(['messages with OperationType Delete (no confirmation)']);
    expect(r.problems).toEqual([
      [
        7,
        'FulfillmentDate: unrecognised time (9 characters of text, not shown: no date in them, and they may be personal data — a shifted row?)',
      ],
      [8, 'FulfillmentDate is empty: a confirmation needs the moment it was made'],
    ]);
  });
});

describe('isFulfillmentFeed', () => {
  it.each<[string, unknown, boolean]>([
    ["Amazon's example", parse(AMAZON_EXAMPLE), true],
    [
      'an envelope without MessageType whose message holds OrderFulfillment',
      parse('<AmazonEnvelope><Message><OrderFulfillment/></Message></AmazonEnvelope>'),
      true,
    ],
    [
      'an inventory feed',
      parse('<AmazonEnvelope><MessageType>Inventory</MessageType><Message><Inventory/></Message></AmazonEnvelope>'),
      false,
    ],
    [
      'a USPS TrackResponse',
      parse('<TrackResponse><TrackInfo ID="9400"><TrackSummary>Delivered</TrackSummary></TrackInfo></TrackResponse>'),
      false,
    ],
    ['JSON', { orders: [] }, false],
    ['nothing', null, false],
  ])('%s', (_name, doc, expected) => {
    expect(isFulfillmentFeed(doc)).toBe(expected);
  });
});

describe('the feed as a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-feed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it('is sniffed by its root element, after the declaration and comments', async () => {
    const f = file(
      'feed.xml',
      `<?xml version="1.0"?>\n<!-- exported 2026-10-07 -->\n${WITH_AMAZON_IDS.replace(/^<\?xml[^>]*\?>\n/, '')}`,
    );
    expect(await sniff(f)).toMatchObject({ format: 'amazon-feed-xml', encoding: 'utf-8' });
    const got: ConfirmationRecord[] = [];
    const report = await readInput(f, { confirmation: (c) => got.push(c) }, { marketplaceZone: LA });
    expect(report).toMatchObject({ kind: 'order-fulfillment-feed', delimiter: 'xml', rowsRead: 1, rowsRejected: 0 });
    expect(got.map((c) => [c.orderId, c.trackingNumber, c.source.line])).toEqual([
      ['112-1234567-1234567', '1234567890', 10],
    ]);
  });

  it('another XML root is not taken for a feed', async () => {
    const usps = resolve(
      fileURLToPath(new URL('../..', import.meta.url)),
      '../shared/real-samples/usps-webtools-trackresponse.xml',
    );
    expect(existsSync(usps), `missing real sample ${usps}`).toBe(true);
    const s = await sniff(usps).catch((e: unknown) => e);
    expect(s).not.toMatchObject({ format: 'amazon-feed-xml' });
  });

  it.each<[string, string, RegExp]>([
    [
      'not well-formed',
      '<?xml version="1.0"?>\n<AmazonEnvelope>\n<Message>\n</AmazonEnvelope>\n',
      /^.*broken\.xml:\d+: not well-formed XML: /,
    ],
    [
      'another message type',
      '<AmazonEnvelope><MessageType>Inventory</MessageType><Message><Inventory/></Message></AmazonEnvelope>',
      /inventory\.xml: an Amazon feed with MessageType Inventory: only the order-fulfilment feed \(OrderFulfillment\)/,
    ],
  ])('%s: the file as a whole is an input error', async (_name, text, message) => {
    const f = file(_name === 'not well-formed' ? 'broken.xml' : 'inventory.xml', text);
    const e = await readInput(f, {}, { marketplaceZone: LA }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(message);
  });
});
