import { describe, expect, it } from 'vitest';
import { Ledger, LedgerFormatError, parseLedger, serializeRecord, type LedgerRecord } from '../../src/gate/ledger.js';

const rec = (o: Partial<LedgerRecord>): LedgerRecord => ({
  v: 1,
  at: '2026-10-16T19:00:00Z',
  orderId: 'A',
  trackingNumber: 'N1',
  status: 'released',
  wholeOrder: true,
  ...o,
});

describe('ledger', () => {
  it('reads records back as written; the last record of a package decides', () => {
    const text = [rec({ status: 'sending' }), rec({ status: 'accepted' }), rec({ orderId: 'B', status: 'sending' })]
      .map(serializeRecord)
      .join('');
    const { records, torn } = parseLedger(text);
    expect(torn).toBe(0);
    const l = new Ledger(records);
    expect([l.covers('A', 'N1'), l.covers('B', 'N1'), l.covers('C', 'N1')]).toEqual(['accepted', 'sending', undefined]);
    expect(l.unresolved().map((r) => r.orderId)).toEqual(['B']);
  });

  it('a last line cut short by a crash is left out and counted', () => {
    const text = `${serializeRecord(rec({}))}{"v":1,"at":"2026-10-16T19:00:01Z","orderId":"B","trac`;
    expect(parseLedger(text)).toMatchObject({ records: [{ orderId: 'A' }], torn: 1 });
  });

  it.each([
    ['a broken line before the last', `{"v":1,\n${serializeRecord(rec({}))}`, 1],
    [
      'a record of no known status',
      `${JSON.stringify(rec({ status: 'maybe' as never }))}\n${serializeRecord(rec({}))}`,
      1,
    ],
  ])('%s stops with its line number', (_, text, line) => {
    expect(() => parseLedger(text)).toThrow(LedgerFormatError);
    try {
      parseLedger(text);
    } catch (e) {
      expect((e as LedgerFormatError).line).toBe(line);
    }
  });

  it.each<[string, Partial<LedgerRecord>, string, string | undefined]>([
    ['its own number', {}, 'N1', 'released'],
    ['another number is weighed by releases, not here', {}, 'N2', undefined],
    ['a package found unsent may go again', { status: 'failed' }, 'N1', undefined],
  ])('covers: %s', (_, o, number, expected) => {
    expect(new Ledger([rec(o)]).covers('A', number)).toBe(expected);
  });

  const items = [{ orderItemId: 'I1', quantity: 2 }];
  it.each<[string, Partial<LedgerRecord>, unknown[]]>([
    ['a whole-order release', {}, [{ trackingNumber: 'N1', wholeOrder: true }]],
    [
      'an item-level one, with its items',
      { wholeOrder: false, items },
      [{ trackingNumber: 'N1', wholeOrder: false, items }],
    ],
    ['an older item-level one without items: taken as the whole order', { wholeOrder: false }, [{ wholeOrder: true }]],
    ['a rejected one: none', { status: 'rejected' }, []],
    ['one found unsent: none', { status: 'failed' }, []],
    ['one being sent counts', { status: 'sending', wholeOrder: false, items }, [{ trackingNumber: 'N1', items }]],
  ])('releases under other numbers: %s', (_, o, expected) => {
    const l = new Ledger(parseLedger(serializeRecord(rec(o))).records);
    expect(l.releases('A', 'N2')).toMatchObject(expected);
    expect(l.releases('A', 'N1')).toEqual([]);
    expect(l.releases('B', 'N2')).toEqual([]);
  });
});
