import { InputError } from './types.js';

/**
 * No file shipaudit reads needs a document type: Amazon's feeds, the carriers' XML responses and SOAP
 * envelopes carry none. A DOCTYPE is where entities are declared, and an entity can fetch a file or a URL
 * (`<!ENTITY e SYSTEM "file:///etc/passwd">`), put other text in place of what the file seems to say, or
 * grow a few bytes into gigabytes. So XML with a DOCTYPE or an entity declaration is refused whole,
 * before any parser sees it, wherever it stands (the parser accepts one even inside the root element);
 * only comments and CDATA, which can't declare anything, are passed over.
 */
export function refuseDoctype(file: string, text: string): void {
  const at = doctypeAt(text);
  if (at === undefined) return;
  throw new InputError(
    file,
    lineAt(text, at),
    'XML with a DOCTYPE or entity declarations is not read (entities could hide or fetch content); ' +
      'save the file without its <!DOCTYPE …>',
  );
}

/** Where the first `<!DOCTYPE` or `<!ENTITY` outside comments and CDATA starts, if any (any case). */
export function doctypeAt(text: string): number | undefined {
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return undefined;
      i = end + 1;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(i, i + 9))) return i;
  }
  return undefined;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
