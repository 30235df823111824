import { describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/read/types.js';
import { kindTitle } from '../../src/knowledge/headers.js';
import { formatInspectText, inspectJson, type InspectedInput } from '../../src/report/inspect.js';
import { plain } from '../../src/report/style.js';

const confirmations: InspectedInput = {
  report: {
    file: 'in/confirm-upload.txt',
    kind: 'confirmation-upload',
    encoding: 'utf-8 (BOM)',
    delimiter: 'tab',
    quoting: false,
    rowsRead: 120,
    rowsRejected: 7,
    problems: [1, 2, 3, 4, 5, 6].map((i) => ({
      file: 'in/confirm-upload.txt',
      line: 10 + i,
      message: `ship-date "soon${i}" is not a date`,
    })),
    mapping: { orderId: 'order-id', shipDate: 'ship-date', trackingNumber: 'tracking-number' },
    zoneNote: 'times without an offset: America/Los_Angeles (--marketplace-tz)',
    unclassified: {},
  },
  kindTitle: kindTitle('confirmation-upload'),
  samples: [
    { orderId: '113-1111111-1111111', confirmedAt: '2026-10-05 (date)', trackingNumber: 'RB123456785CN' },
    { orderId: '113-2222222-2222222', confirmedAt: '2026-10-13 (date)', trackingNumber: '9400111899223197428490' },
  ],
};

const events: InspectedInput = {
  report: {
    file: 'in/events.csv',
    kind: 'tracking-events',
    encoding: 'gb18030',
    delimiter: 'comma',
    quoting: true,
    rowsRead: 4000,
    rowsRejected: 0,
    problems: [],
    mapping: { trackingNumber: '运单号', eventTime: '时间', description: '轨迹' },
    zoneNote: 'times without an offset: Asia/Shanghai, inferred from Chinese event text',
    unclassified: { 'Arrived at Hub': 3, 到达寄达地处理中心: 7 },
  },
  kindTitle: kindTitle('tracking-events'),
  samples: [],
};

const text = formatInspectText([confirmations, events], { style: plain });

describe('formatInspectText', () => {
  it('describes a confirmation file: kind, decoding, rows, first problems, zone, mapping, samples', () => {
    expect(text.split('\n\n')[0].split('\n')).toEqual([
      'in/confirm-upload.txt',
      '  Kind:      Amazon shipping-confirmation upload (confirmation-upload)',
      '  Encoding:  utf-8 (BOM); delimiter: tab; quoting: off',
      '  Rows:      120 read, 7 rejected',
      '    in/confirm-upload.txt:11: ship-date "soon1" is not a date',
      '    in/confirm-upload.txt:12: ship-date "soon2" is not a date',
      '    in/confirm-upload.txt:13: ship-date "soon3" is not a date',
      '    in/confirm-upload.txt:14: ship-date "soon4" is not a date',
      '    in/confirm-upload.txt:15: ship-date "soon5" is not a date',
      '    … and 2 more',
      '  Time zone: times without an offset: America/Los_Angeles (--marketplace-tz)',
      '  Columns:',
      '    orderId        ← order-id',
      '    shipDate       ← ship-date',
      '    trackingNumber ← tracking-number',
      '  Records as read:',
      '    Field           #1                   #2',
      '    orderId         113-1111111-1111111  113-2222222-2222222',
      '    confirmedAt     2026-10-05 (date)    2026-10-13 (date)',
      '    trackingNumber  RB123456785CN        9400111899223197428490',
    ]);
  });

  it('lists a tracking file’s unclassified events, most frequent first', () => {
    expect(text.split('\n\n')[1].split('\n')).toEqual([
      'in/events.csv',
      '  Kind:      carrier tracking events (one row per scan) (tracking-events)',
      '  Encoding:  gb18030; delimiter: comma; quoting: on',
      '  Rows:      4000 read, 0 rejected',
      '  Time zone: times without an offset: Asia/Shanghai, inferred from Chinese event text',
      '  Columns:',
      '    trackingNumber ← 运单号',
      '    eventTime      ← 时间',
      '    description    ← 轨迹',
      '  Event descriptions not classified (add them under "events" in the config if one is a scan):',
      '    7  到达寄达地处理中心',
      '    3  Arrived at Hub',
      '',
    ]);
  });

  it('says so when every event was classified', () => {
    const all = formatInspectText([{ ...events, report: { ...events.report, unclassified: {} } }], { style: plain });
    expect(all).toContain('  ✔ Every event description was classified.\n');
  });
});

describe('inspectJson', () => {
  it('carries the same facts as data', () => {
    const [c, e] = inspectJson([confirmations, events]).files;
    expect(c).toMatchObject({
      file: 'in/confirm-upload.txt',
      title: 'Amazon shipping-confirmation upload',
      quoting: false,
      rowsRejected: 7,
      mapping: [
        { field: 'orderId', header: 'order-id' },
        { field: 'shipDate', header: 'ship-date' },
        { field: 'trackingNumber', header: 'tracking-number' },
      ],
      samples: confirmations.samples,
    });
    expect(c.problems).toHaveLength(6);
    expect(c).not.toHaveProperty('unclassified');
    expect(e.unclassified).toEqual([
      { description: '到达寄达地处理中心', count: 7 },
      { description: 'Arrived at Hub', count: 3 },
    ]);
  });
});

describe('kindTitle', () => {
  it.each<[InputReport['kind'], string]>([
    ['all-orders', 'Amazon All Orders report'],
    ['orders-api-json', 'Amazon Orders API JSON'],
    ['tracking-summary', 'carrier tracking summary (one row per package)'],
    ['amazon-fulfilled-shipments', 'Amazon Fulfilled Shipments report (FBA)'],
    ['easyship-picked-up', 'Amazon Easy Ship picked-up report'],
    ['order-fulfillment-feed', 'Amazon order-fulfilment feed (POST_ORDER_FULFILLMENT_DATA XML)'],
  ])('%s → %s', (kind, title) => {
    expect(kindTitle(kind)).toBe(title);
  });
});
