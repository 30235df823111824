import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, Redactor } from '../../src/sources/redact.js';

const TOKEN = 'Atzr|IwEBIRealisticToken0123456789';
const ID = 'amzn1.application-oa2-client.0f1e2d3c4b5a';
const SECRET = 'amzn1.oa2-cs.v1.a/b+c=d "e" f&g<h>';
const ALL = [TOKEN, ID, SECRET];

const form = (v: string) => new URLSearchParams({ k: v }).toString().slice(2);
const basic = (user: string, pass: string) => Buffer.from(`${user}:${pass}`).toString('base64');
/** The forms a server's echo gives a secret in, as the clients of the services write them. */
const forms = (v: string) => [
  v,
  encodeURIComponent(v),
  encodeURI(v),
  form(v),
  form(v).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  encodeURIComponent(encodeURIComponent(v)),
  encodeURIComponent(form(v)),
  JSON.stringify(v).slice(1, -1),
  JSON.stringify(JSON.stringify(v)).slice(1, -1),
  JSON.stringify(v)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]|[<>&'/]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
];

describe('redact: every form a server can echo a secret in', () => {
  const cases: Array<{ name: string; text: string; want: string }> = [
    { name: 'as it is', text: `got ${TOKEN}.`, want: 'got [secret].' },
    {
      name: 'encodeURIComponent',
      text: `refresh_token=${encodeURIComponent(TOKEN)}&x=1`,
      want: 'refresh_token=[secret]&x=1',
    },
    {
      name: 'a form body (URLSearchParams, spaces as +), the attacker’s echo',
      text: new URLSearchParams({ refresh_token: TOKEN, client_id: ID, client_secret: SECRET }).toString(),
      want: 'refresh_token=[secret]&client_id=[secret]&client_secret=[secret]',
    },
    {
      name: 'a form body, hex in lower case',
      text: `t=${form(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}`,
      want: 't=[secret]',
    },
    { name: 'encodeURI', text: `url ${encodeURI(SECRET)}`, want: 'url [secret]' },
    { name: 'percent-encoded twice', text: encodeURIComponent(encodeURIComponent(TOKEN)), want: '[secret]' },
    { name: 'a form body percent-encoded again', text: encodeURIComponent(form(SECRET)), want: '[secret]' },
    {
      name: 'JSON-escaped (JSON.stringify of the value, in quotes)',
      text: `{"echo":${JSON.stringify(SECRET)}}`,
      want: '{"echo":"[secret]"}',
    },
    {
      name: 'JSON with \\/ and \\u escapes',
      text: `{"echo":"amzn1.oa2-cs.v1.a\\/b+c=d \\"e\\" f\\u0026g\\u003Ch\\u003e"}`,
      want: `{"echo":"amzn1.oa2-cs.v1.a\\/b+c=d \\"e\\" f\\u0026g\\u003Ch\\u003e"}`.replace(
        /amzn1.*\\u003e/,
        '[secret]',
      ),
    },
    {
      name: 'HTML-escaped',
      text: `<p>amzn1.oa2-cs.v1.a/b+c=d &quot;e&quot; f&amp;g&lt;h&gt;</p>`,
      want: '<p>[secret]</p>',
    },
    {
      name: 'a Basic auth header (client id:secret) echoed',
      text: `Authorization: Basic ${basic(ID, SECRET)}`,
      want: 'never the id or the secret',
    },
    {
      name: 'nothing secret: unchanged',
      text: 'invalid_grant: the refresh token is expired',
      want: 'invalid_grant: the refresh token is expired',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = redact(c.text, ALL);
      if (c.want === 'never the id or the secret') {
        expect(out).toContain('[secret]');
        const b64 = out.replace(/^Authorization: Basic /, '').split('[secret]');
        const decoded = b64.map((p) => Buffer.from(p, 'base64').toString('latin1')).join('');
        expect(decoded).not.toContain(ID.slice(4, -4));
        expect(decoded).not.toContain(SECRET.slice(4, -4));
      } else expect(out).toBe(c.want);
      for (const s of ALL) for (const f of forms(s)) expect(out).not.toContain(f);
    });
  }

  it('base64 of a secret after any prefix, standard or URL-safe: no part of the secret can be read back', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }),
        fc.string({ maxLength: 7 }),
        fc.string({ maxLength: 7 }),
        fc.boolean(),
        (secret, before, after, urlSafe) => {
          let b64 = Buffer.from(`${before}${secret}${after}`).toString(urlSafe ? 'base64url' : 'base64');
          const out = redact(b64, [secret]);
          expect(out).toContain('[secret]');
          b64 = out.split('[secret]').join('');
          expect(Buffer.from(b64, urlSafe ? 'base64url' : 'base64').toString('utf8')).not.toContain(secret);
        },
      ),
    );
  });

  it('every form of any secret goes, among other text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40 }), fc.string({ maxLength: 20 }), (secret, around) => {
        for (const f of forms(secret)) {
          const out = redact(`${around}${f}${around}`, [secret]);
          expect(out).toContain('[secret]');
          expect(out).not.toContain(secret);
        }
      }),
    );
  });

  it('secrets shorter than 4 characters are not looked for', () => {
    expect(redact('abc abc', ['abc'])).toBe('abc abc');
  });

  it('a secret learnt later (the access token) is redacted from then on', () => {
    const r = new Redactor([TOKEN]);
    expect(r.text('Atza|access-123456')).toBe('Atza|access-123456');
    r.add('Atza|access-123456');
    expect(r.text(`x ${encodeURIComponent('Atza|access-123456')} ${TOKEN}`)).toBe('x [secret] [secret]');
  });

  it('a body: the same bytes when no secret is in it, the secret replaced when one is', () => {
    const r = new Redactor([TOKEN]);
    const clean = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    expect(r.bytes(clean)).toBe(clean);
    const withToken = Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff]), Buffer.from(`${TOKEN}"}`)]);
    expect(r.bytes(withToken)).toEqual(
      Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff]), Buffer.from('[secret]"}')]),
    );
  });
});
