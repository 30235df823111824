import { periodOf, type Comparison, type PeriodFigures, type VerdictProblem } from '../model/compare.js';
import type { AuditResult } from '../model/result.js';
import { dataKindList } from './data-kinds.js';
import type { EvidenceColumn } from './evidence-csv.js';
import { forMarkdown, forTerminal } from './sanitize.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The Plan of Action draft, in the structure Amazon asks for: root cause, actions taken, preventive
 * measures, evidence. Every figure comes from the audit; what the data cannot know is a visible placeholder
 * for the seller, never an invented fact. English only: Seller Performance reads appeals in English.
 */

interface Attachment {
  file: string;
  what: string;
}

export interface PoaInput {
  result: AuditResult;
  comparison: Comparison;
  sellerName?: string;
  attachments: readonly Attachment[];
  /** The seller's language: the guidance around the letter and inside its placeholders (default English). */
  lang?: Lang;
}

export interface PlanOfAction {
  markdown: string;
  /** For pasting into Seller Central's appeal form; starts with a count of the placeholders left. */
  text: string;
  placeholders: number;
}

const MARK = 'SELLER TO FILL';

/** The one marker format a seller searches for before sending. */
export function placeholder(what: string): string {
  return `[[${MARK}: ${what}]]`;
}

/**
 * Each placeholder with what to write there in the seller's language: "[[SELLER TO FILL: … ／ 请用英文填写：…]]".
 * The seller replaces the whole marker, so the Chinese never reaches Amazon.
 */
function placeholderGuidance(text: string, lang: Lang): string {
  return text.replace(/\[\[SELLER TO FILL: ([^\]]*)\]\]/g, (whole, what: string) => {
    const hint = t(lang, 'poa.placeholder', { what: what.replace(/\\(.)/g, '$1') });
    return hint === what ? whole : `[[${MARK}: ${what} ／ ${hint}]]`;
  });
}

export function countPlaceholders(text: string): number {
  return text.split(`[[${MARK}:`).length - 1;
}

export function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

export function hours(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeProblem(p: VerdictProblem, fixedOn: string): string {
  switch (p.kind) {
    case 'nothing-before':
      return `no shipment confirmed before ${fixedOn} has a known first carrier scan, so there is nothing to compare with`;
    case 'few-after':
      return p.withScanTime === 0
        ? `no shipment confirmed since ${fixedOn} has a known first carrier scan yet (at least ${p.needed} are needed to show a change)`
        : `only ${plural(p.withScanTime, 'shipment')} confirmed since ${fixedOn} ${p.withScanTime === 1 ? 'has' : 'have'} a known first carrier scan (at least ${p.needed} are needed to show a change)`;
    case 'rate-not-lower':
      return `the early-confirmation rate since ${fixedOn} (${pct(p.after)}) is not lower than before (${pct(p.before)})`;
    case 'unverified-after':
      return `${plural(p.count, 'shipment')} confirmed since ${fixedOn} ${p.count === 1 ? 'has' : 'have'} no carrier scan to judge ${p.count === 1 ? 'it' : 'them'} by (no tracking number, or still no physical scan long after the confirmation), and the rate counts only scanned shipments`;
  }
}

/** The sentence that says whether the fix worked, backed by the numbers either way. */
export function verdictSentence(c: Comparison): string {
  const { before: b, after: a, fixedOn } = c;
  if (!c.verdict.improved) {
    return `The data does not yet show an improvement after ${fixedOn}: ${c.verdict.problems.map((p) => describeProblem(p, fixedOn)).join('; ')}.`;
  }
  const lag = `the median time from confirmation to first carrier scan went from ${hours(b.lagHours.median)} to ${hours(a.lagHours.median)} hours`;
  if (a.earlyConfirmations === 0) {
    return `Since ${fixedOn}, none of the ${a.withScanTime} shipments with a known first carrier scan was confirmed before the carrier had the parcel: the early-confirmation rate went from ${pct(b.earlyConfirmationRate)} to ${pct(0)}, and ${lag} (negative: the confirmation came after the scan).`;
  }
  return `Since ${fixedOn}, the early-confirmation rate fell from ${pct(b.earlyConfirmationRate)} to ${pct(a.earlyConfirmationRate)}, and ${lag}. ${plural(a.earlyConfirmations, 'shipment')} since then ${a.earlyConfirmations === 1 ? 'was' : 'were'} still confirmed before the first carrier scan; ${a.earlyConfirmations === 1 ? 'it is' : 'they are'} marked "after" in the evidence.`;
}

/** The confirmation days a period's shipments span, as the data has them (not the fix date). */
function periodLabel(p: PeriodFigures, c: Comparison): string {
  if (p.firstDay) return `${p.firstDay} to ${p.lastDay}`;
  return p.key === 'before' ? `before ${c.fixedOn}` : `none since ${c.fixedOn}`;
}

/** A row of the before/after table with its values as data: what the workbook stores in typed cells. */
export interface BeforeAfterRow {
  label: string;
  kind: 'text' | 'count' | 'rate' | 'hours';
  before: string | number | null;
  after: string | number | null;
}

/** The before/after figures of the issue, shared by the Plan of Action, the HTML report and the workbook. */
export function beforeAfterRows(c: Comparison): BeforeAfterRow[] {
  type Value = BeforeAfterRow['before'];
  const row = (label: string, kind: BeforeAfterRow['kind'], f: (p: PeriodFigures) => Value): BeforeAfterRow => ({
    label,
    kind,
    before: f(c.before),
    after: f(c.after),
  });
  return [
    row('Period (confirmation dates)', 'text', (p) => periodLabel(p, c)),
    row('Shipments confirmed', 'count', (p) => p.shipments),
    row('With a known first carrier scan', 'count', (p) => p.withScanTime),
    row(`Confirmed more than ${c.graceHours} h before the first scan`, 'count', (p) => p.earlyConfirmations),
    row('Early-confirmation rate', 'rate', (p) => p.earlyConfirmationRate),
    row('Median hours, confirmation to first scan', 'hours', (p) => p.lagHours.median),
    row('90th percentile hours, confirmation to first scan', 'hours', (p) => p.lagHours.p90),
    row('Late shipments (confirmed after the latest ship date)', 'count', (p) => p.lateConfirmations),
  ];
}

/** The same table as text: the Plan of Action's and the HTML report's. */
export function beforeAfterTable(c: Comparison): { head: string[]; rows: string[][] } {
  const text = (kind: BeforeAfterRow['kind'], v: string | number | null) =>
    kind === 'rate' ? pct(v as number | null) : kind === 'hours' ? hours(v as number | null) : String(v);
  return {
    head: ['', `Before ${c.fixedOn}`, `Since ${c.fixedOn}`],
    rows: beforeAfterRows(c).map((r) => [r.label, text(r.kind, r.before), text(r.kind, r.after)]),
  };
}

/** The evidence column that says on which side of the fix a shipment was confirmed (CSV, XLSX, HTML). */
export function periodColumn(c: Comparison): EvidenceColumn {
  return { header: `Before or After Fix (${c.fixedOn})`, value: (f) => periodOf(f.confirmedAt.epochMs, c.boundaryMs) };
}

/**
 * Marks a value from the data (a carrier name, a file name, the seller's name) inside a block's text: the
 * Markdown escapes it whole (it can never become a link or an image), the plain text only makes its control
 * characters visible. The template text around it keeps its own lighter escaping and the placeholders.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const v = (s: string | undefined) => `${OPEN}${String(s).replace(/[\uE000\uE001]/g, '')}${CLOSE}`;
const VALUE = /\uE000([^\uE001]*)\uE001/g;

/** A block's text with template and values each made safe their own way. */
function render(text: string, template: (s: string) => string, value: (s: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(VALUE)) {
    out += template(text.slice(at, m.index)) + value(m[1]);
    at = m.index + m[0].length;
  }
  return out + template(text.slice(at));
}

const carrierList = (list: PeriodFigures['carrierCounts']) =>
  list.map((c) => `${v(c.carrier)} (${c.count})`).join(', ') || 'none';

type Block =
  | { kind: 'title' | 'heading' | 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

function blocks({ result, comparison: c, sellerName, attachments }: PoaInput): Block[] {
  const { before: b, after: a, fixedOn } = c;
  const grace = c.graceHours;
  const total = result.summary.shipments;
  const lastDay = a.lastDay ?? b.lastDay;
  const kinds = dataKindList(result.inputs.filter((i) => !i.skipped).map((i) => i.kind));
  const out: Block[] = [
    { kind: 'title', text: 'Plan of Action: shipments confirmed before the carrier had the parcels' },
    {
      kind: 'para',
      text: `Seller: ${
        sellerName !== undefined ? v(sellerName) : placeholder('your seller name as shown in Seller Central')
      }`,
    },
    { kind: 'para', text: `Merchant token: ${placeholder('your merchant token (Seller ID)')}` },
    { kind: 'para', text: 'Dear Seller Performance team,' },
    {
      kind: 'para',
      text: `We have checked every merchant-fulfilled shipment we confirmed from ${b.firstDay} to ${lastDay} (${total} shipments) against the carriers' tracking history. Below are the root cause, the actions we have taken, the measures that prevent it from happening again, and the order-level evidence.`,
    },
    { kind: 'heading', text: '1. Root cause' },
  ];

  if (b.earlyConfirmations > 0) {
    out.push(
      {
        kind: 'para',
        text: `Between ${b.firstDay} and ${b.lastDay}, ${b.earlyConfirmations} of our ${plural(b.withScanTime, 'shipment')} with a known first carrier scan (${pct(b.earlyConfirmationRate)}; ${plural(b.earlyOrders, 'order')}) ${b.earlyConfirmations === 1 ? 'was' : 'were'} confirmed to Amazon more than ${grace} hours before the carrier's first physical scan of the parcel.`,
      },
      {
        kind: 'para',
        text: `For these shipments the confirmation came a median of ${hours(b.earlyGapHours.median)} hours before the first carrier scan (90% within ${hours(b.earlyGapHours.p90)} hours; the longest gap was ${hours(b.earlyGapHours.max)} hours).`,
      },
      { kind: 'para', text: `Carriers involved: ${carrierList(b.earlyCarriers)}.` },
    );
  } else {
    out.push({
      kind: 'para',
      text: `Between ${b.firstDay} and ${b.lastDay}, none of our ${plural(b.withScanTime, 'shipment')} with a known first carrier scan was confirmed more than ${grace} hours before the carrier's first physical scan.`,
    });
    if (a.earlyConfirmations > 0) {
      out.push({
        kind: 'para',
        text: `Since ${fixedOn}, ${plural(a.earlyConfirmations, 'shipment')} ${a.earlyConfirmations === 1 ? 'was' : 'were'} confirmed more than ${grace} hours before the carrier's first physical scan; ${a.earlyConfirmations === 1 ? 'it is' : 'they are'} marked "after" in the evidence.`,
      });
    }
  }
  // An early confirmation hides a late hand-over from the Late Shipment Rate (DOMAIN.md): a reviewer sees both.
  if (b.lateHandovers > 0) {
    out.push({
      kind: 'para',
      text: `In the same period, ${plural(b.lateHandovers, 'shipment')} reached the carrier after ${b.lateHandovers === 1 ? 'its' : 'their'} latest ship date (first carrier scan after it), whatever the confirmation said.`,
    });
  }
  // Asked about the early confirmations there are: before the fix, else after it, else none in these files.
  let why =
    'explain what Amazon named in its notice: no shipment in these files was confirmed before the carrier had it';
  if (b.earlyConfirmations > 0)
    why =
      'explain why shipments were confirmed before the parcels were handed to the carrier: who entered the tracking numbers, at which step, and why';
  else if (a.earlyConfirmations > 0)
    why = `explain why the shipments since ${fixedOn} were confirmed before the parcels were handed to the carrier`;
  out.push(
    {
      kind: 'para',
      text: `Why this happened: ${placeholder(why)}`,
    },
    { kind: 'heading', text: '2. Actions taken' },
    {
      kind: 'list',
      items: [
        `On ${fixedOn}: ${placeholder(`describe the corrective action that took effect on ${fixedOn}`)}`,
        `Carriers of the shipments confirmed before ${fixedOn}: ${carrierList(b.carrierCounts)}. Since ${fixedOn}: ${carrierList(a.carrierCounts)}.`,
        `We reviewed all ${total} shipments confirmed from ${b.firstDay} to ${lastDay} against the carriers' tracking data. Every shipment with an issue is listed with its confirmation time and first carrier scan in the attached evidence.`,
        `Staff training: ${placeholder('the training given to staff: date, who attended, what was taught')}`,
        `Responsible person: ${placeholder('name and role of the person responsible for confirming shipments')}`,
      ],
    },
    { kind: 'heading', text: `3. Results since ${fixedOn}` },
    { kind: 'table', ...beforeAfterTable(c) },
    {
      kind: 'para',
      text: 'Hours from confirmation to first scan: positive when the confirmation came first, negative when the carrier had already scanned the parcel.',
    },
    { kind: 'para', text: verdictSentence(c) },
  );
  if (c.verdict.improved && a.earlyConfirmations > 0) {
    out.push({
      kind: 'para',
      text: placeholder(
        `explain the ${plural(a.earlyConfirmations, 'shipment')} confirmed early since ${fixedOn} and what you did about them`,
      ),
    });
  }
  if (a.lateConfirmations > 0) {
    const one = a.lateConfirmations === 1;
    const late = plural(a.lateConfirmations, 'shipment');
    out.push(
      { kind: 'para', text: `${late} since ${fixedOn} ${one ? 'was' : 'were'} confirmed after the latest ship date.` },
      // A reviewer asks about every late shipment after a fix: only the seller knows why it was late.
      {
        kind: 'para',
        text: placeholder(
          `explain the ${late} confirmed late since ${fixedOn}: why ${one ? 'it was' : 'they were'} late ` +
            `and what you did about ${one ? 'it' : 'them'}`,
        ),
      },
    );
  }
  out.push(
    { kind: 'heading', text: '4. Preventive measures' },
    {
      kind: 'list',
      items: [
        placeholder(
          "the new procedure, step by step: at which moment a shipment may be confirmed (only after the carrier's first scan)",
        ),
        placeholder(
          'how the procedure is enforced in your systems, e.g. the ERP or shipping-software setting that uploads tracking only after the first scan',
        ),
        placeholder('how often compliance is checked from now on, and by whom'),
      ],
    },
    { kind: 'heading', text: '5. Supporting documents' },
    { kind: 'list', items: attachments.map((x) => `${v(x.file)}: ${x.what}`) },
    {
      kind: 'para',
      text: `How the figures were measured: a shipment counts as confirmed before hand-over when its confirmation came more than ${grace} hours before the carrier's first physical scan; label-creation and electronic-information events are not scans. Times are in ${v(result.marketplaceZone)}; data judged as of ${v(result.asOf)}. Data used: ${kinds.join(', ')}. Figures computed by ${v(result.tool.name)} ${v(result.tool.version)}.`,
    },
    { kind: 'para', text: 'We respectfully ask you to reinstate our merchant-fulfilled selling privileges.' },
    { kind: 'para', text: `Sincerely,\n${placeholder('name and title of the person signing')}` },
  );
  return out;
}

const templateEscape = (s: string) => s.replace(/[\\`*_<>|#]/g, (ch) => `\\${ch}`);
const mdEscape = (s: string) => render(s, templateEscape, forMarkdown);
const txt = (s: string) => render(s, (t) => t, forTerminal);

function markdown(list: Block[]): string {
  const parts = list.map((x) => {
    switch (x.kind) {
      case 'title':
        return `# ${mdEscape(x.text)}`;
      case 'heading':
        return `## ${mdEscape(x.text)}`;
      case 'para':
        // Two trailing spaces: a hard line break inside one paragraph (the signature).
        return mdEscape(x.text).replace(/\n/g, '  \n');
      case 'list':
        return x.items.map((i) => `- ${mdEscape(i)}`).join('\n');
      case 'table': {
        const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
        return [
          line(x.head),
          `|${x.head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
          ...x.rows.map(line),
        ].join('\n');
      }
    }
  });
  return `${parts.join('\n\n')}\n`;
}

function plainText(list: Block[]): string {
  const parts = list.map((x) => {
    // (No value stands in a title or a heading.)
    switch (x.kind) {
      case 'title':
        return `${x.text}\n${'='.repeat(x.text.length)}`;
      case 'heading':
        return x.text.toUpperCase();
      case 'para':
        return txt(x.text);
      case 'list':
        return x.items.map((i) => `- ${txt(i)}`).join('\n');
      case 'table': {
        const rows = [x.head, ...x.rows];
        const widths = x.head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
        return rows
          .map((r) =>
            r
              .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
              .join('   ')
              .trimEnd(),
          )
          .join('\n');
      }
    }
  });
  return `${parts.join('\n\n')}\n`;
}

export function formatPlanOfAction(input: PoaInput): PlanOfAction {
  const list = blocks(input);
  const md = markdown(list);
  const body = plainText(list);
  const placeholders = countPlaceholders(body);
  const lang = input.lang ?? 'en';
  const header = t(lang, 'poa.header', { placeholders, mark: MARK });
  const guide = (s: string) => (lang === 'en' ? s : placeholderGuidance(s, lang));
  return { markdown: guide(md), text: `${header}\n${'-'.repeat(40)}\n${guide(body)}`, placeholders };
}
