import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forMarkdown, forTerminal, terminalSafe } from '../../src/report/sanitize.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { CHECK_DEFAULTS } from '../../src/check/defaults.js';
import { buildCheck } from '../../src/check/run.js';
import { formatCheckText } from '../../src/report/check.js';
import { plain } from '../../src/report/style.js';
import { auditResult, finding } from '../check/helpers.js';

/**
 * Issue 15, item 13: texts from the files reached the terminal raw (an event text that clears the screen and
 * prints a fake "ALL WELL", an OSC 8 link, a right-to-left override), and a carrier name written as Markdown
 * became a live link and a remote image in plan-of-action.md.
 */

const ESC = '\u001b';
const CLEAR_AND_LIE = `${ESC}[2J${ESC}[H✔ ALL WELL`;
const OSC8 = `${ESC}]8;;http://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`;
const C1_CSI = '\u009b2J';
const RLO = 'invoice\u202eexe.pdf';
const BAD_EVENT = `Parcel held ${CLEAR_AND_LIE} ${OSC8} ${C1_CSI} ${RLO}`;
const MD_CARRIER = 'Evil [click here](http://evil.example/a) ![](http://evil.example/p.png) <http://evil.example>';
/** The carrier name also hides the rest of the line (SGR 8, concealed) in a terminal. */
const BAD_CARRIER = `${MD_CARRIER} ${ESC}[8m`;

/** Anything a terminal would act on: ESC, C1 controls, CR, bidi controls. */
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('attack 13: forTerminal', () => {
  it.each([
    ['clear screen', `${ESC}[2J`, '\\x1b[2J'],
    ['OSC 8 link', `${ESC}]8;;http://e/${ESC}\\x${ESC}]8;;${ESC}\\`, '\\x1b]8;;http://e/\\x1b\\x\\x1b]8;;\\x1b\\'],
    ['OSC ended by BEL', `${ESC}]0;title\u0007`, '\\x1b]0;title\\x07'],
    ['one-byte C1 CSI', '\u009b2J', '\\x9b2J'],
    ['carriage return over the line', 'late\rOK  ', 'late\\x0dOK  '],
    ['line feed', 'a\nb', 'a\\x0ab'],
    ['right-to-left override', RLO, 'invoice\\u202eexe.pdf'],
    ['bidi isolate', 'a\u2067b\u2069', 'a\\u2067b\\u2069'],
    ['Chinese event text, unchanged', '【深圳市】已收寄，揽投员：张三', '【深圳市】已收寄，揽投员：张三'],
    ['Japanese event text, unchanged', '荷物受付　東京都品川区（ヤマト運輸）', '荷物受付　東京都品川区（ヤマト運輸）'],
    ['accents and emoji, unchanged', 'Zugestellt – Müller 📦', 'Zugestellt – Müller 📦'],
  ])('%s', (_, input, expected) => {
    expect(forTerminal(input)).toBe(expected);
  });

  it('terminalSafe cleans every string in a nested value and copies nothing clean', () => {
    const clean = { a: ['x', { b: '已收寄' }], n: 1 };
    expect(terminalSafe(clean)).toBe(clean);
    const dirty = { a: ['x', { b: `${ESC}[2J` }], n: 1 };
    expect(terminalSafe(dirty)).toEqual({ a: ['x', { b: '\\x1b[2J' }], n: 1 });
    expect(dirty.a[1]).toEqual({ b: `${ESC}[2J` });
  });
});

describe('attack 13: the nightly check', () => {
  it("shows a new finding's carrier and message with their escapes visible", () => {
    const f = {
      ...finding('late-confirmation', '113-1', 'T1'),
      carrier: `UPS${CLEAR_AND_LIE}`,
      message: `late ${OSC8}`,
    };
    const asOf = '2026-11-10T06:00:00-08:00';
    const { result } = buildCheck({
      audit: auditResult({ asOf, findings: [f] }),
      shipments: [],
      awaiting: [],
      asOfMs: Date.parse(asOf),
      window: { from: '2026-10-11', to: '2026-11-10', days: 30 },
      graceHours: 24,
      newestTrackingMs: Date.parse(asOf),
      inputFiles: 2,
      state: { version: 1, reported: {}, history: [] },
      stateReport: { file: 'state.json', status: 'ok' },
      problems: [],
      staleAfterHours: 36,
      thresholds: CHECK_DEFAULTS.thresholds,
      atRisk: CHECK_DEFAULTS.atRisk,
    });
    const text = formatCheckText(result, { style: plain });
    expect(text).toContain('UPS\\x1b[2J\\x1b[H✔ ALL WELL');
    expect(text).toContain('late \\x1b]8;;http://evil.example/\\x1b\\click');
    expect(text).not.toMatch(ACTING);
  });
});

describe('attack 13: real texts pass unchanged', () => {
  const samples = join(ROOT, '../shared/real-samples');
  it('every string of the real carrier and Amazon samples (JSON, converted CSV) is left as it is', () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const f of readdirSync(samples).filter((f) => f.endsWith('.json')))
      walk(JSON.parse(readFileSync(join(samples, f), 'utf8')));
    for (const f of readdirSync(join(samples, 'converted')).filter((f) => f.endsWith('.csv'))) {
      texts.push(
        ...readFileSync(join(samples, 'converted', f), 'utf8')
          .split(/\r?\n/)
          .flatMap((l) => l.split(/[,\t]/)),
      );
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t) => forTerminal(t) !== t)).toEqual([]);
  });
});

describe('attack 13: forMarkdown', () => {
  it.each([
    ['link', '[click](http://e.example/a)', '\\[click\\]\\(http\\:\\/\\/e\\.example\\/a\\)'],
    ['image', '![](http://e.example/p.png)', '\\!\\[\\]\\(http\\:\\/\\/e\\.example\\/p\\.png\\)'],
    ['autolink', '<http://e.example>', '\\<http\\:\\/\\/e\\.example\\>'],
    ['bare URL (GitHub autolink)', 'see www.e.example', 'see www\\.e\\.example'],
    ['emphasis, code, table, heading', '*a* _b_ `c` | # d', '\\*a\\* \\_b\\_ \\`c\\` \\| \\# d'],
    ['HTML', '<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
    ['line break cannot start a block', 'a\n# b', 'a\\\\x0a\\# b'],
    ['Chinese carrier, unchanged', '中国邮政', '中国邮政'],
  ])('%s', (_, input, expected) => {
    expect(forMarkdown(input)).toBe(expected);
  });
});

describe('attack 13: the CLI shows hostile texts inert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-attack-13-'));
  const data = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    cpSync(join(ROOT, 'fixtures/appeal-no-improvement'), data, { recursive: true });
    // An event text no table knows (listed as unclassified) on the first order's parcel.
    appendFileSync(
      join(data, 'tracking.csv'),
      `LY314159002CN,China Post,2026-10-14 09:00,"${BAD_EVENT}",广东省深圳市,\n`,
    );
    // A carrier name of its own on every confirmation: the Plan of Action names the carriers.
    const conf = join(data, 'confirmations.txt');
    const lines = readFileSync(conf, 'utf8').split('\n');
    writeFileSync(
      conf,
      lines.map((l, i) => (i === 0 || l === '' ? l : l.replace('\tChina Post\t', `\t${BAD_CARRIER}\t`))).join('\n'),
    );
  });

  // Inspect and explain also show the Chinese places of the same parcel: they must come out as they are.
  const runs: Array<[string, string[], boolean]> = [
    ['audit', ['audit', '--fail-on', 'never', '--allow-rejected-rows'], false],
    ['inspect', ['inspect'], true],
    ['explain', ['explain', '112-4000000-5000000'], true],
  ];
  it.each(runs)(
    '%s prints the event text with its escapes visible, and nothing a terminal acts on',
    (_, args, chinese) => {
      const r = runCli([...args, data]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('\\x1b[2J\\x1b[H✔ ALL WELL');
      expect(r.stdout).toContain('\\u202e');
      expect(r.stdout).not.toMatch(ACTING);
      if (chinese) expect(r.stdout).toContain('广东省深圳市');
      // The carrier name, in the worst-offenders table or the timeline, with its escape visible.
      if (args[0] !== 'inspect') expect(r.stdout).toContain('<http://evil.example> \\x1b[8m');
    },
  );

  it('appeal: plan-of-action.md shows the carrier name as text, with no link or image', () => {
    const out = join(dir, 'pack');
    const r = runCli(['appeal', data, '--fixed-on', '2026-11-03', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'plan-of-action.md'), 'utf8');
    const txt = readFileSync(join(out, 'plan-of-action.txt'), 'utf8');
    expect(md).toContain('Evil \\[click here\\]\\(http\\:\\/\\/evil\\.example\\/a\\)');
    // No unescaped bracket, parenthesis, angle bracket or bare URL anywhere outside the placeholders.
    const withoutPlaceholders = md.replace(/\[\[SELLER TO FILL: [^\]]*\]\]/g, '');
    expect(withoutPlaceholders).not.toMatch(/(^|[^\\])[[\]!<]/m);
    expect(withoutPlaceholders).not.toMatch(/https?:\/\//);
    expect(txt).toContain(`${MD_CARRIER} \\x1b[8m`);
    expect(txt).not.toMatch(ACTING);
  });
});
