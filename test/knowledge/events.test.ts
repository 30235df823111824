import { describe, expect, it } from 'vitest';
import {
  EVENT_TABLE,
  USPS_ACCEPTANCE_PENDING_IDS,
  classifyEvent,
  createClassifier,
  type EventEntry,
  type EventInput,
} from '../../src/knowledge/events.js';
import type { EventClass } from '../../src/model/records.js';

const phraseCases = EVENT_TABLE.flatMap((e) => (e.match.phrases ?? []).map((p) => [e.id, p, e] as const));
const codeCases = EVENT_TABLE.flatMap((e) => (e.match.codes ?? []).map((c) => [e.id, c, e] as const));

describe('EVENT_TABLE', () => {
  it('has unique ids and every entry can match something', () => {
    const ids = EVENT_TABLE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of EVENT_TABLE) {
      expect(
        (e.match.codes?.length ?? 0) + (e.match.phrases?.length ?? 0) + (e.match.pattern ? 1 : 0),
        e.id,
      ).toBeGreaterThan(0);
    }
  });

  it('ties possession to class (only delivery attempts are exceptions with possession)', () => {
    for (const e of EVENT_TABLE) {
      const expected = {
        information: false,
        physical: true,
        delivered: true,
        exception: e.id === 'delivery-attempt',
        unknown: false,
      }[e.class];
      expect(e.possession, e.id).toBe(expected);
    }
  });

  it('names the acceptance-pending entries that exist', () => {
    const ids = EVENT_TABLE.map((e) => e.id);
    for (const id of USPS_ACCEPTANCE_PENDING_IDS) expect(ids).toContain(id);
  });
});

// Every phrase must be decided by its own entry: this is what keeps the table order honest.
describe('every phrase in the table', () => {
  it.each(phraseCases)('%s: "%s"', (_id, phrase, e) => {
    const expected = { class: e.class, possession: e.possession, rule: e.id };
    const carrier = e.carriers?.[0];
    expect(classifyEvent({ description: `2024-10-03 10:00 ${phrase}`, carrier })).toEqual(expected);
    expect(classifyEvent({ description: phrase.toUpperCase(), carrier })).toMatchObject({
      class: e.class,
      possession: e.possession,
    });
    expect(classifyEvent({ description: `${phrase.toLowerCase()}。`, carrier })).toMatchObject({
      class: e.class,
      possession: e.possession,
    });
  });
});

describe('every code in the table', () => {
  it.each(codeCases)('%s: %s', (_id, code, e) => {
    const expected = { class: e.class, possession: e.possession, rule: e.id };
    const carrier = e.carriers?.[0];
    expect(classifyEvent({ description: '', code, carrier })).toEqual(expected);
    expect(classifyEvent({ description: 'no words of ours here', code: ` ${code.toLowerCase()} `, carrier })).toEqual(
      expected,
    );
    if (e.carriers) expect(classifyEvent({ description: '', code, carrier: 'Other' }).rule).not.toBe(e.id);
  });
});

type Line = [carrier: string | undefined, description: string, cls: EventClass, possession: boolean];

// Full lines as carriers and forwarders print them.
const REAL_LINES: Line[] = [
  ['USPS', 'USPS in possession of item', 'physical', true],
  ['USPS', 'Accepted at USPS Origin Facility, LOS ANGELES, CA 90052', 'physical', true],
  ['USPS', 'Arrived at USPS Regional Facility, SANTA CLARITA CA DISTRIBUTION CENTER', 'physical', true],
  ['USPS', 'In Transit to Next Facility, Arriving On Time', 'physical', true],
  ['USPS', 'Shipping Label Created, USPS Awaiting Item', 'information', false],
  ['USPS', 'Pre-Shipment Info Sent to USPS, USPS Awaiting Item', 'information', false],
  ['USPS', 'Label Created, not yet in system', 'information', false],
  ['USPS', 'Picked Up by Shipping Partner, USPS Awaiting Item', 'physical', true],
  ['USPS', 'Shipment Received, Package Acceptance Pending', 'information', false],
  ['USPS', 'Out for Delivery, Expected Delivery by 9:00pm', 'physical', true],
  ['USPS', 'Delivered, In/At Mailbox', 'delivered', true],
  ['USPS', 'Delivered, Individual Picked Up at Postal Facility', 'delivered', true],
  ['USPS', 'Delivery Attempted - No Access to Delivery Location', 'exception', true],
  ['USPS', 'Notice Left (No Authorized Recipient Available)', 'exception', true],
  ['USPS', 'Return to Sender Processed', 'exception', false],
  ['UPS', 'Shipper created a label, UPS has not received the package yet.', 'information', false],
  ['UPS', 'Order Processed: Ready for UPS', 'information', false],
  ['UPS', 'Pickup Scan', 'physical', true],
  ['UPS', 'Origin Scan', 'physical', true],
  ['UPS', 'Departed from Facility', 'physical', true],
  ['UPS', 'Arrived at Facility', 'physical', true],
  ['UPS', 'Dropped off at a UPS Access Point location', 'physical', true],
  ['UPS', 'Out For Delivery Today', 'physical', true],
  ['UPS', 'DELIVERED', 'delivered', true],
  ['FedEx', 'Shipment information sent to FedEx', 'information', false],
  ['FedEx', 'Label created', 'information', false],
  ['FedEx', 'Picked up', 'physical', true],
  ['FedEx', 'At local FedEx facility', 'physical', true],
  ['FedEx', 'Left FedEx origin facility', 'physical', true],
  ['FedEx', 'On FedEx vehicle for delivery', 'physical', true],
  ['China Post', 'Posting/Collection', 'physical', true],
  ['China Post', 'Departure from outward office of exchange', 'physical', true],
  ['China Post', '2024-10-03 中国邮政 深圳市 已收寄', 'physical', true],
  ['China Post', '【深圳市邮政速递物流公司国际快件监管中心】已收寄，揽投员：张三', 'physical', true],
  ['China Post', '【中国邮政】电子信息已收到', 'information', false],
  ['China Post', 'Electronic information received', 'information', false],
  ['China Post', '离开【深圳国际互换局】，下一站【洛杉矶】', 'physical', true],
  ['China Post', '邮件已妥投，签收人：本人', 'delivered', true],
  ['China Post', '未妥投，收件人不在', 'exception', true],
  ['Yun Express', '订单已创建，等待揽收', 'information', false],
  ['Yun Express', '快件已到达【深圳转运中心】', 'physical', true],
  ['Yanwen', '货物已到达燕文深圳仓', 'physical', true],
  ['Yanwen', '快递员已揽收', 'physical', true],
  ['4PX', '已交航空公司运输', 'physical', true],
  ['4PX', '航班起飞', 'physical', true],
  ['4PX', '出口清关完成', 'physical', true],
  ['4PX', '进口清关异常', 'exception', false],
  [undefined, 'Shipment information received by warehouse electronically', 'information', false],
  [undefined, 'Received by logistics company', 'physical', true],
  [undefined, '揽收失败：联系不上寄件人', 'exception', false],
  [undefined, '包裹已签收', 'delivered', true],
  ['Japan Post', '引受', 'physical', true],
  ['Japan Post', 'お届け済み', 'delivered', true],
  ['Yamato Transport', '荷物受付', 'physical', true],
  ['Yamato Transport', 'ご不在のため持ち帰り', 'exception', true],
];

describe('real-world event lines', () => {
  it.each(REAL_LINES)('%s: %s', (carrier, description, cls, possession) => {
    expect(classifyEvent({ description, carrier })).toMatchObject({ class: cls, possession });
  });

  it('keeps the UPS label sentence informational although it says "received the package"', () => {
    expect(
      classifyEvent({ description: 'Shipper created a label, UPS has not received the package yet.', carrier: 'UPS' })
        .rule,
    ).toBe('ups-label-created');
  });
});

// Collection negated, booked or cancelled: the words of a scan, and nobody has the parcel. Known sentences are
// information (`not-collected`); other wordings with a negation beside a scan word are unknown, listed for the user.
describe('negated scans are never possession', () => {
  it.each<[carrier: string | undefined, description: string, cls: EventClass]>([
    ['China Post', '未揽收', 'information'],
    ['China Post', '您的快件尚未揽收', 'information'],
    ['China Post', '您的快件暂未揽收', 'information'],
    ['Yun Express', '快件未揽收', 'information'],
    ['Yun Express', '揽收取消', 'information'],
    ['Yun Express', '取消揽收', 'information'],
    ['Yun Express', '预约揽收', 'information'],
    ['Yun Express', '已预约上门揽收', 'information'],
    ['Yun Express', '预约揽收成功', 'information'],
    ['Yanwen', '商家已通知快递揽收', 'information'],
    ['China Post', '邮件未收寄', 'information'],
    ['UPS', 'Not picked up', 'information'],
    ['FedEx', 'Package not yet picked up', 'information'],
    ['FedEx', 'Package never picked up', 'information'],
    ['FedEx', 'Package has not been picked up', 'information'],
    ['UPS', 'Origin scan pending', 'information'],
    [undefined, 'Pickup cancelled by shipper', 'information'],
    // Wordings no entry names: a negation touching a scan or delivery word makes them unknown.
    ['China Post', '未离开【深圳国际互换局】', 'unknown'],
    ['China Post', '邮件没有收寄', 'unknown'],
    [undefined, '清关失败', 'unknown'],
    [undefined, 'Scheduled to be picked up tomorrow', 'unknown'],
    ['China Post', '包裹未签收', 'unknown'],
  ])('%s: %s → %s', (carrier, description, cls) => {
    expect(classifyEvent({ description, carrier })).toMatchObject({ class: cls, possession: false });
  });

  it.each<[carrier: string | undefined, description: string, rule: string]>([
    // A negation elsewhere in the line, not beside the scan's words, changes nothing.
    ['China Post', '【深圳】已收寄，未到达下一站', 'china-post-scan'],
    ['USPS', 'Accepted at USPS Origin Facility', 'usps-scan'],
    ['China Post', '未妥投，收件人不在', 'delivery-attempt'],
    // "pending" after a scan is what happens next, not a negation (the fold drops the comma).
    [undefined, 'Arrived at Facility, pending clearance', 'ups-scan'],
    ['USPS', 'Arrived at USPS Regional Facility, Pending Sort', 'usps-scan'],
    [undefined, 'Delivered, pending signature', 'delivered'],
    // The negated words taken out, the rest decides: in transit, so the carrier has it.
    [undefined, 'In transit, not yet delivered', 'generic-scan'],
    ['UPS', 'Shipper created a label, UPS has not received the package yet.', 'ups-label-created'],
  ])('%s: %s stays %s', (carrier, description, rule) => {
    expect(classifyEvent({ description, carrier }).rule).toBe(rule);
  });

  it('a config entry is the user’s verdict, negation or not', () => {
    const extra: EventEntry[] = [{ id: 'cfg', match: { phrases: ['未离开'] }, class: 'physical', possession: true }];
    expect(classifyEvent({ description: '未离开【深圳】' }, extra)).toMatchObject({ rule: 'cfg', possession: true });
  });
});

describe('traps', () => {
  it.each([
    [{ description: 'pickup' }],
    [{ description: 'Item is out for delivery or arrived at local facility', code: 'pickup' }],
    [{ description: '', code: 'PickUp' }], // old 17TRACK status 30
  ])('aggregator "pickup" is out for delivery, not an acceptance: %j', (input) => {
    const r = classifyEvent(input);
    expect(r).toEqual({ class: 'physical', possession: true, rule: 'tracking-status-pickup' });
    expect(EVENT_TABLE.find((e) => e.id === r.rule)?.note).toMatch(/OUT FOR DELIVERY/);
  });

  it('USPS code OF is out for delivery; FedEx OF is an origin scan; without a carrier it means nothing', () => {
    expect(classifyEvent({ description: '', code: 'OF', carrier: 'USPS' }).rule).toBe('usps-code-out-for-delivery');
    expect(classifyEvent({ description: '', code: 'OF', carrier: 'FedEx' }).rule).toBe('fedex-code-scan');
    expect(classifyEvent({ description: '', code: 'OF' })).toEqual({ class: 'unknown', possession: false });
  });

  it.each(['USPS SCAN Form created for 25 packages', 'Shipment manifest submitted', 'Batch manifest uploaded'])(
    '%s is not an acceptance',
    (description) => {
      expect(classifyEvent({ description, carrier: 'USPS' })).toEqual({
        class: 'information',
        possession: false,
        rule: 'scan-form-manifest',
      });
    },
  );

  it('matches Latin phrases as whole words only', () => {
    expect(classifyEvent({ description: 'Parcel undelivered today' }).class).toBe('unknown');
    expect(classifyEvent({ description: 'Preprocessed batch' }).class).toBe('unknown');
  });
});

describe('codes and phrases', () => {
  it('lets a code win over the description', () => {
    expect(classifyEvent({ description: 'Picked up', code: 'InfoReceived' }).class).toBe('information');
    expect(classifyEvent({ description: 'Label created', code: 'OA', carrier: 'USPS' }).class).toBe('physical');
  });

  it('falls back to phrases when the code is unknown', () => {
    expect(classifyEvent({ description: 'Origin Scan', code: 'ZZ', carrier: 'UPS' }).rule).toBe('ups-scan');
  });

  it('matches carrier names case-insensitively and ignores carrier-bound codes for other carriers', () => {
    expect(classifyEvent({ description: '', code: '01', carrier: 'usps' }).class).toBe('delivered');
    expect(classifyEvent({ description: '', code: 'D', carrier: 'UPS' }).class).toBe('delivered');
    expect(classifyEvent({ description: '', code: 'D', carrier: 'FedEx' }).class).toBe('unknown');
    expect(classifyEvent({ description: '', code: 'D' }).class).toBe('unknown');
  });
});

describe('unknown', () => {
  it.each(['Weather delay', 'Your package is on its way', '包裹状态更新', '', '   ', '到达'])(
    'never guesses: "%s"',
    (description) => {
      expect(classifyEvent({ description })).toEqual({ class: 'unknown', possession: false });
    },
  );
});

describe('acceptancePendingIsPossession', () => {
  it.each([
    [{ description: 'Shipment Received, Package Acceptance Pending', carrier: 'USPS' }, 'usps-acceptance-pending'],
    [{ description: '', code: 'TM', carrier: 'USPS' }, 'usps-code-acceptance-pending'],
    [{ description: '', code: 'PA', carrier: 'USPS' }, 'usps-code-acceptance-pending'],
  ])('turns %j into possession', (input, rule) => {
    expect(classifyEvent(input).possession).toBe(false);
    expect(classifyEvent(input, [], { acceptancePendingIsPossession: true })).toEqual({
      class: 'physical',
      possession: true,
      rule,
    });
  });

  it('changes nothing else', () => {
    expect(
      classifyEvent({ description: 'Label created' }, [], { acceptancePendingIsPossession: true }).possession,
    ).toBe(false);
  });
});

describe('extra entries', () => {
  const extra: EventEntry[] = [
    { id: 'mine-weather', match: { phrases: ['Weather delay'] }, class: 'exception', possession: false },
    { id: 'mine-delivered', match: { phrases: ['Delivered'] }, class: 'information', possession: false },
    { id: 'mine-oa', carriers: ['USPS'], match: { codes: ['OA'] }, class: 'information', possession: false },
    { id: 'mine-odd', match: { phrases: ['odd scan'] }, class: 'physical', possession: true },
    { id: 'mine-pattern', match: { pattern: /^Lot \d+ received$/g }, class: 'physical', possession: true },
  ];

  it.each([
    [{ description: 'Weather delay' }, 'mine-weather'],
    [{ description: 'Delivered, In/At Mailbox' }, 'mine-delivered'],
    [{ description: 'Delivered' }, 'mine-delivered'],
    [{ description: '', code: 'OA', carrier: 'USPS' }, 'mine-oa'],
    [{ description: 'odd scan', code: 'GX', carrier: 'USPS' }, 'mine-odd'],
  ])('override the table: %j → %s', (input, rule) => {
    expect(classifyEvent(input, extra).rule).toBe(rule);
  });

  it('leave the rest to the table', () => {
    expect(classifyEvent({ description: 'Pickup Scan' }, extra).rule).toBe('ups-scan');
    expect(classifyEvent({ description: '', code: 'OA', carrier: 'FedEx' }, extra).class).toBe('unknown');
  });

  it('use a global pattern the same way every time', () => {
    const classify = (d: string) => classifyEvent({ description: d }, extra).rule;
    expect([classify('Lot 7 received'), classify('Lot 7 received'), classify('Lot 8 received')]).toEqual(
      Array(3).fill('mine-pattern'),
    );
  });
});

describe('createClassifier', () => {
  const inputs: EventInput[] = [
    ...REAL_LINES.map(([carrier, description]) => ({ carrier, description })),
    ...codeCases.map(([, code, e]) => ({ description: '', code, carrier: e.carriers?.[0] })),
    { description: 'Weather delay' },
  ];

  it('agrees with classifyEvent, on first and repeated calls', () => {
    const classify = createClassifier();
    for (const input of [...inputs, ...inputs])
      expect(classify(input), JSON.stringify(input)).toEqual(classifyEvent(input));
  });

  it('keys the memo by carrier and code as well as text', () => {
    const classify = createClassifier();
    expect(classify({ description: '', code: 'OF', carrier: 'USPS' }).rule).toBe('usps-code-out-for-delivery');
    expect(classify({ description: '', code: 'OF', carrier: 'FedEx' }).rule).toBe('fedex-code-scan');
    expect(classify({ description: '', code: 'OF' }).class).toBe('unknown');
  });

  it('applies its extra entries and options', () => {
    const classify = createClassifier(
      [{ id: 'x', match: { phrases: ['Weather delay'] }, class: 'exception', possession: false }],
      {
        acceptancePendingIsPossession: true,
      },
    );
    expect(classify({ description: 'Weather delay' }).rule).toBe('x');
    expect(classify({ description: '', code: 'TM', carrier: 'USPS' }).possession).toBe(true);
  });

  it('stays correct past the memo limit', () => {
    const classify = createClassifier();
    for (let i = 0; i < 100_010; i++) classify({ description: `Processed ${i}` });
    expect(classify({ description: 'Processed 5' }).rule).toBe('generic-scan');
    expect(classify({ description: 'Label created' }).class).toBe('information');
  });
});
