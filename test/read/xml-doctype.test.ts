import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, readInput } from '../../src/read/index.js';
import { doctypeAt } from '../../src/read/xml-doctype.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FEED = readFileSync(join(ROOT, 'fixtures/formats/order-fulfillment-feed.xml'), 'utf8');
const real = (name: string): string => {
  const file = resolve(ROOT, '../shared/real-samples', name);
  if (!existsSync(file))
    throw new Error(`missing real sample ${file}: ../shared/real-samples must sit beside the clone`);
  return readFileSync(file, 'utf8');
};
const MESSAGE =
  'XML with a DOCTYPE or entity declarations is not read (entities could hide or fetch content); ' +
  'save the file without its <!DOCTYPE …>';

describe('doctypeAt: a DOCTYPE or entity declaration anywhere but in a comment or CDATA', () => {
  const cases: Array<[string, string, number | undefined]> = [
    ['none', '<?xml version="1.0"?><a>x</a>', undefined],
    ['in the prolog', '<?xml version="1.0"?><!DOCTYPE a><a/>', 21],
    ['with an external entity', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>', 0],
    ['inside the root element (the parser takes it)', '<a><!DOCTYPE x [<!ENTITY e "v">]><b>&e;</b></a>', 3],
    ['lower case', '<!doctype a><a/>', 0],
    ['an ENTITY alone', '<a><!ENTITY e "v"></a>', 3],
    ['in a comment', '<!-- <!DOCTYPE a> --><a/>', undefined],
    ['in CDATA', '<a><![CDATA[<!DOCTYPE html><p>]]></a>', undefined],
    ['after a comment that names one', '<!-- <!DOCTYPE a> --><!DOCTYPE b><a/>', 21],
    ['a comment never closed', '<a/><!-- <!DOCTYPE', undefined],
  ];
  it.each(cases)('%s', (_name, text, at) => expect(doctypeAt(text)).toBe(at));
});

describe('every XML reader refuses a DOCTYPE: one line naming the file and line, never an internal error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-doctype-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const [decl, ...rest] = FEED.split('\n');
  const feedWith = (doctype: string, ref = '&e;') =>
    [decl, doctype, ...rest].join('\n').replace('<MerchantIdentifier>A2EXAMPLE7QZ1K', `<MerchantIdentifier>${ref}`);
  const cases: Array<[string, string, number]> = [
    ['a feed with an external entity', feedWith('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'), 2],
    ['a feed with an internal entity', feedWith('<!DOCTYPE x [<!ENTITY e "A2EXAMPLE7QZ1K">]>'), 2],
    [
      'a feed with a DOCTYPE naming an outside DTD',
      feedWith('<!DOCTYPE AmazonEnvelope SYSTEM "http://x/y.dtd">', 'A'),
      2,
    ],
    [
      'a feed with a DOCTYPE past what detection samples (in the root)',
      FEED.replace(
        '<Header>',
        `<Header>${'\n'.repeat(3)}<!-- ${'x'.repeat(300_000)} -->\n<!DOCTYPE x [<!ENTITY e "v">]>`,
      ),
      7,
    ],
    [
      'a UPS XML response with an entity',
      real('ups-xml-trackresponse.xml').replace(
        '<TrackResponse>',
        '<!DOCTYPE t [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n<TrackResponse>',
      ),
      2,
    ],
    [
      'a UPS XML response with a DOCTYPE past the sample',
      real('ups-xml-trackresponse.xml').replace(
        '<Response>',
        `<Response><!-- ${'y'.repeat(300_000)} -->\n<!DOCTYPE t [<!ENTITY e "v">]>`,
      ),
      4,
    ],
  ];
  it.each(cases)('%s', async (name, text, line) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.xml`);
    writeFileSync(file, text);
    const e = await readInput(file, {}, { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' } }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(`${file}:${line}: ${MESSAGE}`);
  });

  it('the same files without a DOCTYPE are read', async () => {
    for (const [name, text] of [
      ['feed', FEED],
      ['ups', real('ups-xml-trackresponse.xml')],
    ]) {
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, text);
      const report = await readInput(file, {}, { marketplaceZone: { zone: 'America/Los_Angeles', source: 'assumed' } });
      expect(report.rowsRead).toBeGreaterThan(0);
    }
  });
});
