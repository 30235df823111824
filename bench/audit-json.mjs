/**
 * Reads an audit's --format json output of any size: a findings-heavy 1M-order audit writes more than
 * Node's longest string (512 MB). Lines are streamed; of each finding only its rule and order id are
 * kept, and the rest of the document is parsed whole with an empty findings list. Returns the document
 * with `findings: [{ rule, orderId }, …]`. Reads both layouts: each finding on one line (since issue 18's
 * last round), and indented over many lines with `rule` and `orderId` on lines of their own (before).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const RULE = '      "rule": "';
const ORDER = '      "orderId": "';
const ONE_LINE = '    {"rule":';

export function readAuditJson(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 24);
  const decoder = new StringDecoder('utf8');
  const rest = [];
  const findings = [];
  let inFindings = false;
  let rule;
  let carry = '';
  const line = (l) => {
    if (!inFindings) {
      if (l === '  "findings": [') inFindings = true;
      rest.push(l);
      return;
    }
    if (l === '  ],' || l === '  ]') {
      inFindings = false;
      rest.push(l);
    } else if (l.startsWith(ONE_LINE)) {
      const f = JSON.parse(l.endsWith(',') ? l.slice(0, -1) : l);
      findings.push({ rule: f.rule, orderId: f.orderId });
    } else if (l.startsWith(RULE)) rule = l.slice(RULE.length, l.lastIndexOf('"'));
    else if (l.startsWith(ORDER)) findings.push({ rule, orderId: l.slice(ORDER.length, l.lastIndexOf('"')) });
  };
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const text = carry + decoder.write(buf.subarray(0, n));
      let from = 0;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
        line(text.slice(from, at));
        from = at + 1;
      }
      carry = text.slice(from);
    }
    if (carry) line(carry);
  } finally {
    closeSync(fd);
  }
  const doc = JSON.parse(rest.join('\n'));
  doc.findings = findings;
  return doc;
}
