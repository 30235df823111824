import { SEVERITY_RANK, type Finding, type Severity, type TimeFact } from '../model/finding.js';
import { exclusionLabel, type AuditResult, type GroupFigures, type TargetFigure } from '../model/result.js';
import { displayWidth, table, truncate, type Style } from './style.js';
import { terminalSafe } from './sanitize.js';
import { t, term } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { translateSentence } from '../i18n/sentences.js';

export interface TextOptions {
  style: Style;
  /** Where the CLI wrote the evidence CSV, to point the reader at it. */
  evidencePath?: string;
  /** How many findings the worst-offenders table shows. */
  top?: number;
  /** Terminal width: free text (event descriptions, notes) is cut or wrapped to it. */
  width?: number;
  /** The reader's language (default English); the figures and ids are the same in both. */
  lang?: Lang;
}

/** The language of the report being written: set for the length of one formatAuditText call. */
let lang: Lang = 'en';
const na = () => t(lang, 'text.notAvailable');
const pct = (v: number | null) => (v === null ? na() : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v === null ? na() : v.toFixed(1));
const severityWord = (severity: string) => t(lang, 'text.severity', { severity });

/** A marketplace-zone time without its offset (the report says the zone once); a bare date stays a date. */
function shortTime(f: TimeFact | undefined): string {
  if (!f) return '';
  return f.precision === 'date' ? t(lang, 'text.day', { date: f.iso }) : f.iso.slice(0, 16).replace('T', ' ');
}

type RuleCount = { rule: string; count: number; severity: Severity };

/** Each rule with findings and its severity, errors first, then by count. */
function ruleCounts(result: AuditResult): RuleCount[] {
  const severity = new Map<string, Severity>();
  for (const f of result.findings)
    if (!severity.has(f.rule) || f.severity === 'error') severity.set(f.rule, f.severity);
  return Object.entries(result.summary.findingsByRule)
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => ({ rule, count, severity: severity.get(rule) ?? 'warning' }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule),
    );
}

/**
 * Folder files where data was expected that could not be read (an HTML page saved as the tracking file):
 * what they should hold is missing, so the verdict names them, the first one with its reason.
 */
export function unreadableFilesNote(result: AuditResult, language: Lang = 'en'): string | undefined {
  const files = result.inputs.filter((i) => i.warning);
  if (files.length === 0) return undefined;
  const warning = translateSentence(language, files[0].warning!);
  return t(language, 'text.unreadFiles', { n: files.length, file: files[0].file, warning, more: files.length - 1 });
}

function verdict(result: AuditResult, counts: readonly RuleCount[], style: Style): string {
  const total = result.summary.shipments;
  if (total === 0) return style.warning(t(lang, 'text.verdict.none'));
  const unread = unreadableFilesNote(result, lang);
  if (counts.length === 0) {
    const caveat = result.summary.hasTrackingData
      ? ''
      : t(lang, 'text.verdict.noTracking', { unread: unread !== undefined });
    const rejected = result.summary.rowsRejected;
    // Rows or files that could not be read may hold the problems: no tick then.
    if (rejected > 0 || unread) {
      const rows = rejected > 0 ? [t(lang, 'text.verdict.rowsUnread', { n: rejected })] : [];
      const why = [...rows, ...(unread ? [unread] : [])];
      return (
        style.warning(t(lang, 'text.verdict.cleanButUnread', { total, why, unreadFiles: unread !== undefined })) +
        caveat
      );
    }
    return style.ok(t(lang, 'text.verdict.clean', { total })) + caveat;
  }
  const [first, ...rest] = counts;
  const phrase = (rule: string, n: number) => term(lang, 'verdictPhrase', { rule, n });
  const text = [
    t(lang, 'text.verdict.first', {
      count: first.count,
      total,
      phrase: phrase(first.rule, first.count),
      severity: severityWord(first.severity),
    }),
    ...rest.map((c) =>
      t(lang, 'text.verdict.rest', {
        count: c.count,
        phrase: phrase(c.rule, c.count),
        severity: severityWord(c.severity),
      }),
    ),
    ...(unread ? [t(lang, 'text.verdict.incomplete', { unread })] : []),
  ].join(lang === 'zh' ? '' : ' ');
  return first.severity === 'error' ? style.error(`✖ ${text}`) : style.warning(`⚠ ${text}`);
}

/** A week as the audit keys it ("2026-W40 (Sep 28)"), its Monday in the reader's language. */
function weekKey(key: string): string {
  return lang === 'zh' ? translateSentence(lang, key) : key;
}

function audited(result: AuditResult, style: Style): string[] {
  const s = result.summary;
  const { from, to } = result.window;
  const weeks = result.byWeek;
  const period =
    from || to
      ? t(lang, 'text.period.window', { from, to: to ?? result.asOf })
      : weeks.length > 0
        ? t(lang, 'text.period.weeks', {
            first: weekKey(weeks[0].key),
            last: weeks.length > 1 ? weekKey(weeks.at(-1)!.key) : undefined,
          })
        : t(lang, 'text.period.none');
  const excluded = Object.entries(s.excluded).filter(([, n]) => n > 0);
  const lines = [
    t(lang, 'text.audited', { n: s.shipments, period }),
    t(lang, 'text.asOf', { asOf: result.asOf, source: result.asOfSource, zone: result.marketplaceZone }),
  ];
  if (excluded.length > 0) {
    const label = (key: string) => term(lang, 'exclusion', { key, label: exclusionLabel(key) });
    lines.push(
      t(lang, 'text.excluded', {
        items: excluded.map(([why, n]) => t(lang, 'text.excludedItem', { label: label(why), n })),
      }),
    );
  }
  if (s.hasTrackingData)
    lines.push(
      t(lang, 'text.matched', { matched: s.matchedWithTracking, total: s.shipments, scanned: s.withPhysicalScan }),
    );
  if (s.rowsRejected > 0) {
    lines.push(style.warning(t(lang, 'text.rowsLeftOut', { n: s.rowsRejected })));
    for (const input of result.inputs) {
      for (const p of input.problems)
        lines.push(style.warning(`  ${p.file}:${p.line}: ${translateSentence(lang, p.message)}`));
      const more = input.rowsRejected - input.problems.length;
      if (more > 0) lines.push(style.warning(t(lang, 'text.rowsMore', { more, file: input.file })));
    }
  }
  return lines;
}

/** A file as listed, with the path a symbolic link led to. */
const fileName = (i: AuditResult['inputs'][number]) => (i.symlink ? `${i.file} → ${i.symlink}` : i.file);

/** Which file was read as what, and which folder entries were skipped, so nothing is silently ignored. */
function inputs(result: AuditResult, style: Style): string[] {
  const skipped = (why: string) => t(lang, 'text.skipped', { why: translateSentence(lang, why) });
  return table(
    [...t(lang, 'text.head.files')],
    result.inputs.map((i) =>
      i.skipped
        ? [fileName(i), i.warning ? style.warning(skipped(i.skipped)) : style.dim(skipped(i.skipped)), '']
        : [
            fileName(i),
            i.kind,
            i.rowsRejected > 0
              ? t(lang, 'text.rowsRejected', { read: i.rowsRead, rejected: i.rowsRejected })
              : String(i.rowsRead),
          ],
    ),
    ['left', 'left', 'right'],
    style,
  );
}

function targets(result: AuditResult, style: Style): string[] {
  const s = result.summary;
  const figures: TargetFigure[] = [
    s.lateShipmentRate10,
    s.lateShipmentRate30,
    s.validTrackingRate,
    s.earlyConfirmationRate,
  ];
  const mark = (f: TargetFigure) => (f.meetsTarget === null ? '' : f.meetsTarget ? style.ok('✔') : style.error('✖'));
  return table(
    [...t(lang, 'text.head.targets')],
    figures.map((f) => [
      term(lang, 'figure', { text: f.label }),
      f.value === null ? style.dim(na()) : pct(f.value),
      f.value === null ? '' : t(lang, 'text.countOf', { count: f.count, of: f.of }),
      term(lang, 'figure', { text: f.target }),
      mark(f),
    ]),
    ['left', 'right', 'right', 'left', 'left'],
    style,
  );
}

function lag(result: AuditResult): string {
  const l = result.summary.lagHours;
  if (l.count === 0) return t(lang, 'text.lag.none');
  return t(lang, 'text.lag', { median: hours(l.median), p90: hours(l.p90), max: hours(l.max), n: l.count });
}

function findingsPerRule(counts: readonly RuleCount[], style: Style): string[] {
  return table(
    [...t(lang, 'text.head.rules')],
    counts.map((c) => [
      lang === 'en' ? c.rule : `${term(lang, 'ruleName', { rule: c.rule })} (${c.rule})`,
      String(c.count),
      c.severity === 'error'
        ? style.error(`✖ ${severityWord('error')}`)
        : style.warning(`⚠ ${severityWord('warning')}`),
    ]),
    ['left', 'right', 'left'],
    style,
  );
}

/** Rate beside a mark, so that the week a carrier changed stands out: ✔ no early confirmation, ✖ some. */
function rateCell(g: GroupFigures, style: Style): string {
  if (g.earlyConfirmationRate === null) return style.dim(na());
  return g.earlyConfirmationRate === 0
    ? `${pct(0)} ${style.ok('✔')}`
    : `${pct(g.earlyConfirmationRate)} ${style.error('✖')}`;
}

function weekly(result: AuditResult, style: Style): string[] {
  return table(
    [...t(lang, 'text.head.weeks')],
    result.byWeek.map((g) => [
      weekKey(g.key),
      String(g.shipments),
      String(g.earlyConfirmations),
      rateCell(g, style),
      hours(g.lagHours.median),
      g.carriers.join(', '),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
    style,
  );
}

function perCarrier(result: AuditResult, style: Style): string[] {
  return table(
    [...t(lang, 'text.head.carriers')],
    result.byCarrier.map((g) => [
      g.key,
      String(g.shipments),
      String(g.earlyConfirmations),
      rateCell(g, style),
      hours(g.lagHours.median),
      hours(g.lagHours.p90),
      t(lang, 'text.countOf', { count: g.withPhysicalScan, of: g.shipments }),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  );
}

/** Errors first, then the longest gap between confirmation and first scan; unmeasured gaps last. */
export function worstFirst(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (b.lagHours ?? -Infinity) - (a.lagHours ?? -Infinity) ||
    a.orderId.localeCompare(b.orderId) ||
    a.rule.localeCompare(b.rule)
  );
}

/**
 * The first `top` findings as `[...findings].sort(worstFirst)` would list them, keeping only those: each
 * finding is placed after those that rank with it, as a stable sort would.
 */
export function worstOf(findings: Iterable<Finding>, top: number): Finding[] {
  const worst: Finding[] = [];
  if (top <= 0) return worst;
  for (const f of findings) {
    if (worst.length === top && worstFirst(worst[top - 1], f) <= 0) continue;
    let lo = 0;
    let hi = worst.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (worstFirst(worst[mid], f) <= 0) lo = mid + 1;
      else hi = mid;
    }
    worst.splice(lo, 0, f);
    if (worst.length > top) worst.pop();
  }
  return worst;
}

function offenders(result: AuditResult, style: Style, top: number): string[] {
  const lines = table(
    [...t(lang, 'text.head.offenders')],
    worstOf(result.findings, top)
      .map(terminalSafe)
      .map((f) => [
        f.orderId,
        f.trackingNumber,
        f.carrier ?? '',
        shortTime(f.confirmedAt),
        shortTime(f.firstCarrierScanAt),
        f.lagHours === undefined ? '' : f.lagHours.toFixed(1),
        f.severity === 'error' ? style.error(f.rule) : style.warning(f.rule),
      ]),
    ['left', 'left', 'left', 'left', 'left', 'right', 'left'],
    style,
  );
  const more = result.findings.length - top;
  if (more > 0) lines.push(style.dim(t(lang, 'text.offendersMore', { more })));
  return lines;
}

function unclassified(result: AuditResult, style: Style, width: number | undefined): string[] {
  const list = result.unclassifiedEvents;
  const countWidth = String(list[0]?.count ?? 0).length;
  const lines = [
    style.dim(t(lang, 'text.unclassified.intro')),
    ...list.slice(0, 10).map(({ description, count }) => {
      const text = width ? truncate(description, Math.max(20, width - countWidth - 4)) : description;
      return `  ${String(count).padStart(countWidth)}  ${text}`;
    }),
  ];
  if (list.length > 10) lines.push(style.dim(t(lang, 'text.more', { n: list.length - 10 })));
  const beyond = result.unclassifiedMore;
  if (beyond)
    lines.push(style.dim(t(lang, 'text.unclassified.notKept', { texts: beyond.texts, events: beyond.events })));
  return lines;
}

/** A bullet wrapped to the width with a hanging indent; a word longer than the line is left whole. */
function bullet(text: string, width: number | undefined): string[] {
  if (!width) return [`  - ${text}`];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && 4 + displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`));
}

/** The audit as a seller reads it in ten seconds: the verdict first, then the figures that back it. */
export function formatAuditText(data: AuditResult, opts: TextOptions): string {
  lang = opts.lang ?? 'en';
  try {
    return auditText(data, opts);
  } finally {
    lang = 'en';
  }
}

function auditText(data: AuditResult, opts: TextOptions): string {
  // Texts from the files (event texts, carriers, places, problems) may hold escape sequences. The findings
  // (tens of thousands) are cleaned as the worst-offenders table shows them, not all.
  const result = { ...terminalSafe({ ...data, findings: [] }), findings: data.findings };
  const { style, width } = opts;
  const top = opts.top ?? 15;
  const s = result.summary;
  const section = (title: string, body: string[]) => ['', style.heading(title), ...body];
  // Read once for both (an audit's findings are made as they are read).
  const counts = ruleCounts(result);
  const out = [verdict(result, counts, style), '', ...audited(result, style)];

  if (s.shipments > 0) {
    out.push(...section(t(lang, 'text.section.targets'), targets(result, style)));
    if (s.hasTrackingData) out.push(...section(t(lang, 'text.section.lag'), [lag(result)]));
  }
  if (result.findings.length > 0) {
    out.push(...section(t(lang, 'text.section.rules'), findingsPerRule(counts, style)));
  }
  if (result.byWeek.length > 0) out.push(...section(t(lang, 'text.section.weeks'), weekly(result, style)));
  if (result.byCarrier.length > 0) out.push(...section(t(lang, 'text.section.carriers'), perCarrier(result, style)));
  if (result.findings.length > 0) {
    out.push(
      ...section(
        t(lang, 'text.section.offenders', { n: Math.min(top, result.findings.length) }),
        offenders(result, style, top),
      ),
    );
  }
  if (result.unclassifiedEvents.length > 0)
    out.push(...section(t(lang, 'text.section.unclassified'), unclassified(result, style, width)));
  if (result.notes.length > 0) {
    out.push(
      ...section(
        t(lang, 'text.section.notes'),
        result.notes.flatMap((n) => bullet(translateSentence(lang, n), width)),
      ),
    );
  }
  if (result.inputs.length > 0) out.push(...section(t(lang, 'text.section.files'), inputs(result, style)));
  if (opts.evidencePath) out.push('', t(lang, 'text.evidence', { path: opts.evidencePath }));
  return `${out.join('\n')}\n`;
}
