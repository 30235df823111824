import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Tracking files go to a second thread from 40 MB; at 0 every tracking file does, so the fixtures exercise it.
const THREADED = { SHIPAUDIT_THREAD_MIN_MB: '0' };
const ONE_THREAD = { SHIPAUDIT_THREAD_MIN_MB: '1e9' };
// The second thread cuts its last file whatever its size, in 4 KB reads, and the main thread reads the rest.
const CUT = { SHIPAUDIT_THREAD_MIN_MB: '0', SHIPAUDIT_THREAD_TEST: 'cut' };

/** Where the second thread cuts a file in the test mode: the line start after the middle of what follows its first 4 KB read. */
function cutPoint(text: string): { at: number; target: number } {
  const bytes = Buffer.from(text);
  const target = 4096 + Math.floor((bytes.length - 4096) / 2);
  return { at: bytes.indexOf(0x0a, target) + 1, target };
}

/** A folder with the sample month's orders and confirmations, and the tracking file given. */
function withTracking(tracking: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipaudit-cut-'));
  for (const f of ['all-orders.txt', 'confirmations.txt']) copyFileSync(join('fixtures/sample-month', f), join(dir, f));
  writeFileSync(join(dir, 'tracking.csv'), tracking);
  return dir;
}

describe('reading tracking files in a second thread', () => {
  it.each([
    ['the sample month', ['fixtures/sample-month', '--format', 'json', '--as-of', '2026-10-31T00:00:00Z']],
    [
      'every fixture format (UTF-16, GB18030, summaries)',
      [
        'fixtures/formats',
        '--format',
        'json',
        '--as-of',
        '2026-10-31T00:00:00Z',
        '--fail-on',
        'never',
        '--allow-rejected-rows',
      ],
    ],
  ])('%s: the same report as one thread', (_name, args) => {
    const one = runCli(['audit', ...args], { env: ONE_THREAD });
    const two = runCli(['audit', ...args], { env: THREADED });
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(JSON.parse(two.stdout).summary.matchedWithTracking).toBeGreaterThan(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  });

  it('the config reaches the thread: extra event phrases, patterns and a per-file zone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-threads-'));
    const config = join(dir, 'shipaudit.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        events: [
          { phrase: '已转单', class: 'physical', possession: true, note: 'forwarder handed over' },
          { pattern: '^Origin Scan at .*$', class: 'physical', possession: true },
        ],
        files: [{ match: '**/tracking-ups.csv', timeZone: 'America/New_York' }],
      }),
    );
    const args = [
      'audit',
      'fixtures/formats',
      '--config',
      config,
      '--format',
      'json',
      '--as-of',
      '2026-10-31T00:00:00Z',
      '--fail-on',
      'never',
      '--allow-rejected-rows',
    ];
    const one = runCli(args, { env: ONE_THREAD });
    const two = runCli(args, { env: THREADED });
    expect(two.stdout).toBe(one.stdout);
    const unclassified = (out: string) =>
      JSON.parse(out).unclassifiedEvents.map((u: { description: string }) => u.description);
    expect(unclassified(two.stdout)).not.toContain('已转单');
    const plain = runCli(
      [
        'audit',
        'fixtures/formats',
        '--format',
        'json',
        '--as-of',
        '2026-10-31T00:00:00Z',
        '--fail-on',
        'never',
        '--allow-rejected-rows',
      ],
      { env: THREADED },
    );
    expect(unclassified(plain.stdout)).toContain('已转单');
  });

  it('a broken tracking file read there still stops the run with one line naming file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-threads-'));
    for (const f of ['all-orders.txt', 'confirmations.txt'])
      copyFileSync(join('fixtures/sample-month', f), join(dir, f));
    const bad = join(dir, 'tracking.csv');
    // No carrier named: a USPS export at US places would settle the order month-first.
    writeFileSync(
      bad,
      'Tracking Number,Carrier,Event Time,Event,Location\n9400111899562044773909,,03/04/2026 10:00,Accepted at USPS Origin Facility,"AUSTIN, TX 78701"\n',
    );
    const r = runCli(['audit', join(dir, 'all-orders.txt'), join(dir, 'confirmations.txt'), bad], { env: THREADED });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/tracking\.csv:2: .*ambiguous date "03\/04\/2026/);
    expect(r.stderr).toBe(
      runCli(['audit', join(dir, 'all-orders.txt'), join(dir, 'confirmations.txt'), bad], { env: ONE_THREAD }).stderr,
    );
  });

  describe('the last tracking file cut between the threads', () => {
    const evidence = (dir: string, name: string) => join(dir, `${name}.csv`);

    it('the sample month: the same JSON, text report and evidence as one thread', () => {
      const dir = mkdtempSync(join(tmpdir(), 'shipaudit-cut-'));
      for (const [format, env, name] of [
        ['json', ONE_THREAD, 'one'],
        ['json', CUT, 'cut'],
        ['text', ONE_THREAD, 'one-text'],
        ['text', CUT, 'cut-text'],
      ] as const) {
        const r = runCli(
          [
            'audit',
            'fixtures/sample-month',
            '--format',
            format,
            '--as-of',
            '2026-10-31T00:00:00Z',
            '--evidence',
            evidence(dir, name),
          ],
          { env },
        );
        writeFileSync(join(dir, `${name}.out`), r.stdout.replaceAll(evidence(dir, name), 'EVIDENCE'));
        if (env === CUT) expect(r.stderr).toMatch(/cut fixtures\/sample-month\/tracking\.csv at byte \d+, held/);
        expect(r.code).toBe(1);
      }
      const read = (f: string) => readFileSync(join(dir, f), 'utf8');
      expect(read('cut.out')).toBe(read('one.out'));
      expect(read('cut-text.out')).toBe(read('one-text.out'));
      expect(read('cut.csv')).toBe(read('one.csv'));
      expect(read('cut.csv').split('\n').length).toBeGreaterThan(5);
    });

    const sample = readFileSync('fixtures/sample-month/tracking.csv', 'utf8');
    const [header, ...rows] = sample.trimEnd().split('\n');

    it('a cut that falls inside a quoted field does not hold: the second thread reads on, and the report is the same', () => {
      // Every event's text runs over two lines, the first one long: the line start after the middle of
      // the file is inside a quoted field.
      const tracking = `${header}\n${rows.map((r) => r.replace(/,([^,"]+),"/, (_m, ev) => `,"${ev} ${'(carried over) '.repeat(40)}\nnext line","`)).join('\n')}\n`;
      const { at } = cutPoint(tracking);
      // An odd count of quotes before it: inside a field.
      expect(Buffer.from(tracking).subarray(0, at).toString().split('"').length % 2).toBe(0);
      const dir = withTracking(tracking);
      const args = ['audit', dir, '--format', 'json', '--as-of', '2026-10-31T00:00:00Z', '--fail-on', 'never'];
      const one = runCli(args, { env: ONE_THREAD });
      const cut = runCli(args, { env: CUT });
      expect(cut.stderr).toMatch(/at byte \d+, not held/);
      expect(JSON.parse(one.stdout).summary.matchedWithTracking).toBeGreaterThan(100);
      expect(cut.stdout).toBe(one.stdout);
    });

    it('rows the main thread rejects or stops at after the cut are reported at their line in the whole file', () => {
      const half = Math.floor(rows.length * 0.8);
      // A row without a tracking number, then one whose date can't be read day- or month-first.
      const broken = [
        ...rows.slice(0, half),
        ',China Post,2026-10-17 17:38,Delivered,"SAN DIEGO, CA 92103",',
        ...rows.slice(half),
      ];
      const tracking = `${header}\n${broken.join('\n')}\n`;
      expect(cutPoint(tracking).at).toBeLessThan(
        Buffer.byteLength(tracking.slice(0, tracking.indexOf('\n,China Post,2026-10-17 17:38,Delivered'))),
      );
      const dir = withTracking(tracking);
      const args = [
        'audit',
        dir,
        '--format',
        'json',
        '--as-of',
        '2026-10-31T00:00:00Z',
        '--fail-on',
        'never',
        '--allow-rejected-rows',
      ];
      const one = runCli(args, { env: ONE_THREAD });
      const cut = runCli(args, { env: CUT });
      expect(cut.stderr).toMatch(/held/);
      expect(cut.stdout).toBe(one.stdout);
      const problems = JSON.parse(cut.stdout).inputs.find((i: { file: string }) =>
        i.file.endsWith('tracking.csv'),
      ).problems;
      expect(problems).toEqual([
        { file: join(dir, 'tracking.csv'), line: half + 2, message: 'tracking number is empty' },
      ]);

      const ambiguous = [
        ...rows.slice(0, half),
        'LX059317561CN,China Post,03/04/2026 10:00,Delivered,"SAN DIEGO, CA 92103",',
        ...rows.slice(half),
      ];
      const dir2 = withTracking(`${header}\n${ambiguous.join('\n')}\n`);
      const stopped = runCli(['audit', dir2], { env: CUT });
      expect(stopped.code).toBe(2);
      expect(
        stopped.stderr
          .split('\n')
          .filter((l) => !l.startsWith('shipaudit (SHIPAUDIT_THREAD_TEST)'))
          .join('\n')
          .trim(),
      ).toBe(runCli(['audit', dir2], { env: ONE_THREAD }).stderr.trim());
      expect(stopped.stderr).toContain(`tracking.csv:${half + 2}: `);
    });
  });
});

describe('whole order and confirmation files read in the second thread when the main thread has more to read', () => {
  const sample = (f: string) => readFileSync(join('fixtures/sample-month', f), 'utf8');
  /** A folder of the sample month's files under the names given (name → sample file), tracking cut to `lines`. */
  function folder(names: Record<string, string>, lines?: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'shipaudit-split-'));
    for (const [name, f] of Object.entries(names)) {
      const text = sample(f);
      writeFileSync(join(dir, name), lines === undefined ? text : `${text.split('\n').slice(0, lines).join('\n')}\n`);
    }
    return dir;
  }
  const args = (dir: string) => ['audit', dir, '--format', 'json', '--as-of', '2026-10-31T00:00:00Z'];
  const MOVED = "second thread's orders and confirmations taken in";

  it.each([
    // [what, files, tracking lines kept (0: no tracking file), whether the test mode (any size is cut) cuts
    // a records file between the threads]
    // Confirmations come last in this thread's reading order: the thread reads them.
    [
      'confirmations moved, a short tracking file',
      { 'all-orders.txt': 'all-orders.txt', 'confirmations.txt': 'confirmations.txt' },
      30,
      false,
    ],
    // The order file comes last: its orders are taken in after the confirmations, as one thread reads them;
    // in the test mode the thread also reads the confirmations' end.
    [
      'orders moved, read after the confirmations',
      { 'confirmations.txt': 'confirmations.txt', 'z-all-orders.txt': 'all-orders.txt' },
      30,
      true,
    ],
    [
      'no tracking file at all',
      { 'all-orders.txt': 'all-orders.txt', 'confirmations.txt': 'confirmations.txt' },
      0,
      false,
    ],
    [
      'orders moved, no tracking file',
      { 'a-confirmations.txt': 'confirmations.txt', 'z-all-orders.txt': 'all-orders.txt' },
      0,
      true,
    ],
  ])('%s: the same report as one thread', (_name, names, lines, cutHere) => {
    const dir = folder(names);
    if (lines > 0)
      writeFileSync(join(dir, 'tracking.csv'), sample('tracking.csv').split('\n').slice(0, lines).join('\n'));
    const one = runCli(args(dir), { env: ONE_THREAD });
    for (const env of [THREADED, CUT]) {
      const two = runCli(args(dir), { env: { ...env, SHIPAUDIT_TIMINGS: '1' } });
      expect(two.stderr).toContain(MOVED);
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
      if (env === CUT) expect(two.stderr.includes('records cut at byte')).toBe(cutHere);
    }
    expect(JSON.parse(one.stdout).summary.shipments).toBeGreaterThan(100);
  });

  it.each([
    ['moved whole', 'confirmations.txt', 'all-orders.txt', THREADED],
    ['cut, the row in the end the second thread reads', 'a-confirmations.txt', 'z-all-orders.txt', CUT],
  ])('rows rejected in a file %s are reported at their line, as one thread reports them', (_n, conf, orders, env) => {
    const dir = folder({ [orders]: 'all-orders.txt' });
    const rows = sample('confirmations.txt').split('\n');
    const bad = [7, rows.length - 4];
    for (const k of bad) rows[k] = rows[k].replace(/\t[^\t]*T[^\t]*\t/, '\tnot a date\t');
    writeFileSync(join(dir, conf), rows.join('\n'));
    const run = (e: NodeJS.ProcessEnv) => runCli([...args(dir), '--allow-rejected-rows'], { env: e });
    const one = run(ONE_THREAD);
    const two = run({ ...env, SHIPAUDIT_TIMINGS: '1' });
    expect(two.stderr).toContain(MOVED);
    if (env === CUT) expect(two.stderr).toMatch(/records cut at byte \d+, held/);
    const input = JSON.parse(two.stdout).inputs.find((i: { file: string }) => i.file.endsWith(conf));
    expect(input.problems.map((p: { line: number }) => p.line)).toEqual(bad.map((k) => k + 1));
    expect(two.stdout).toBe(one.stdout);
  });

  it('explain, which keeps one order as read, reads order files in this thread', () => {
    const dir = folder({ 'all-orders.txt': 'all-orders.txt', 'confirmations.txt': 'confirmations.txt' });
    const id = sample('confirmations.txt').split('\n')[1].split('\t')[0];
    const one = runCli(['explain', id, dir, '--as-of', '2026-10-31T00:00:00Z'], { env: ONE_THREAD });
    const two = runCli(['explain', id, dir, '--as-of', '2026-10-31T00:00:00Z'], {
      env: { ...THREADED, SHIPAUDIT_TIMINGS: '1' },
    });
    expect(one.code).toBe(0);
    expect(two.stderr).not.toContain(MOVED);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('SHIPAUDIT_TIMINGS', () => {
  const args = ['audit', 'fixtures/sample-month', '--format', 'json', '--as-of', '2026-10-31T00:00:00Z'];
  const phases = (stderr: string) =>
    stderr
      .split('\n')
      .map((l) => /^shipaudit timing: (\d+\.\d\d) s (.+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ at: Number(m[1]), phase: m[2] }));

  it('says on stderr when each phase ended, in order, through the cut; stdout is unchanged', () => {
    const timed = runCli(args, { env: { ...CUT, SHIPAUDIT_TIMINGS: '1' } });
    const plain = runCli(args, { env: CUT });
    const seen = phases(timed.stderr);
    // The second thread may finish before or after this one has read the rest of the cut file.
    expect(seen.map((p) => p.phase).sort()).toEqual(
      [
        'rest of the cut file read',
        'second thread done',
        'own files read',
        'join',
        'second thread taken in',
        'all read',
        'rules and figures',
        'report written',
      ].sort(),
    );
    expect(
      seen.map((p) => p.phase).filter((p) => !['rest of the cut file read', 'second thread done'].includes(p)),
    ).toEqual(['own files read', 'join', 'second thread taken in', 'all read', 'rules and figures', 'report written']);
    seen.forEach((p, i) => expect(p.at).toBeGreaterThanOrEqual(i ? seen[i - 1].at : 0));
    expect(timed.stdout).toBe(plain.stdout);
    expect(phases(plain.stderr)).toEqual([]);
  });

  it('lists only the phases there are when one thread reads everything', () => {
    const timed = runCli(args, { env: { ...ONE_THREAD, SHIPAUDIT_TIMINGS: '1' } });
    expect(phases(timed.stderr).map((p) => p.phase)).toEqual([
      'own files read',
      'join',
      'all read',
      'rules and figures',
      'report written',
    ]);
  });
});
