/**
 * Secrets out of server text. A server that echoes a request (an error saying what it got, a log line
 * in a body) sends a secret back in whatever form the request carried it: as it is, percent-encoded in a
 * URL or a form body, JSON- or HTML-escaped, or inside the base64 of a Basic auth header ("client
 * id:secret"). Every one of those forms is replaced, wherever it stands in the text.
 */

/** What a secret is replaced by. */
const REDACTED = '[secret]';

/** Shorter secrets are not looked for (they would match ordinary words). */
const MIN_SECRET = 4;
/** A base64 run shorter than this is not looked for (too likely to occur by chance). */
const MIN_BASE64 = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A hex number whose letters match in either case (servers write `%7c` and `%7C`, `\u003c` and `\u003C`). */
const hex = (n: number, width: number) =>
  n
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (h) => `[${h}${h.toUpperCase()}]`);

/** JSON's short escapes, as written (`\/` is optional, the others required). */
const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const HTML_NAMED: Record<string, string[]> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;'],
  "'": ['&apos;'],
};

/**
 * A pattern for one character as an echo may spell it: as it is; percent-encoded (its UTF-8 bytes, once or
 * twice: URLs, form bodies, `encodeURIComponent` of either), `+` for a space (a form body); JSON-escaped
 * (`\"`, `\/`, `\n`…, `\uXXXX` for anything, as `JSON.stringify`, PHP or Go write it), once or twice;
 * HTML-escaped.
 */
function spellings(ch: string): string {
  const alts = new Set<string>([escapeRegExp(ch)]);
  const bytes = [...Buffer.from(ch, 'utf8')];
  alts.add(bytes.map((b) => `%${hex(b, 2)}`).join(''));
  alts.add(bytes.map((b) => `%25${hex(b, 2)}`).join(''));
  // A form body's `+` for a space, and that `+` percent-encoded again.
  if (ch === ' ') alts.add('\\+').add('%2[bB]');
  // JSON, once or twice (the echo of a JSON body, itself in JSON).
  for (const short of JSON_SHORT[ch] ? [JSON_SHORT[ch], JSON.stringify(JSON_SHORT[ch]).slice(1, -1)] : []) {
    alts.add(escapeRegExp(short));
  }
  let units = '';
  for (let i = 0; i < ch.length; i++) units += `\\\\(?:\\\\)?u${hex(ch.charCodeAt(i), 4)}`;
  alts.add(units);
  for (const named of HTML_NAMED[ch] ?? []) alts.add(escapeRegExp(named));
  const cp = ch.codePointAt(0)!;
  alts.add(`&#0*${cp};`).add(`&#[xX]0*${hex(cp, 1)};`);
  return `(?:${[...alts].join('|')})`;
}

/** A text spelt character by character in any of the ways `spellings` allows. */
const spelt = (text: string) => [...text].map(spellings).join('');

/**
 * The characters of the secret's base64 that depend on the secret alone, for each of the three byte
 * offsets (mod 3) it can start at inside a longer text: whatever comes before or after it (a client id
 * and ":" in a Basic auth header), these characters appear as they are, in standard or URL-safe base64.
 */
function base64Runs(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const enc = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    // Character i covers bits 6i to 6i+6: the first one past the k leading bytes, the last one wholly within.
    const run = enc.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (run.length < MIN_BASE64) continue;
    out.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(out)];
}

/**
 * A pattern for every text a secret can become in a server's echo of a request: the secret spelt as
 * `spellings` allows (so as it is, `encodeURIComponent`, `encodeURI`, a form body, percent-encoded twice,
 * JSON- or HTML-escaped, and any mix), and the base64 of it inside a longer base64 text such as a Basic auth
 * header's `clientId:clientSecret` (itself in any of those spellings). Undefined for a secret too short.
 */
function secretPattern(secret: string): string | undefined {
  if ([...secret].length < MIN_SECRET) return undefined;
  return [spelt(secret), ...base64Runs(secret).map(spelt)].join('|');
}

/** Replaces every form of the secrets it was given (see `secretForms`); built once, used on every text. */
export class Redactor {
  private secrets: string[] = [];
  private re?: RegExp;

  constructor(secrets: readonly string[] = []) {
    for (const s of secrets) this.add(s);
  }

  /** A secret learnt during the run (an access token). */
  add(secret: string): void {
    if (secretPattern(secret) === undefined || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    // Longest first: a secret that holds another goes whole.
    const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
    this.re = new RegExp(longestFirst.map(secretPattern).filter(Boolean).join('|'), 'g');
  }

  text(text: string): string {
    return this.re ? text.replace(this.re, REDACTED) : text;
  }

  /** A body as the server sent it, with any secret in it replaced; the same bytes when there is none. */
  bytes(body: Buffer): Buffer {
    if (!this.re) return body;
    // Not UTF-8: read byte for byte (latin1), so that the bytes around a secret come back as they were.
    const encoding = body.toString('utf8').includes('\ufffd') ? 'latin1' : 'utf8';
    const text = body.toString(encoding);
    const out = this.text(text);
    return out === text ? body : Buffer.from(out, encoding);
  }
}

/** Replaces every form of every secret in a text, so that no message can leak one even if a server echoed it. */
export function redact(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).text(text);
}
