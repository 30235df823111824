#!/usr/bin/env node
/**
 * npm run bench [-- --sizes 10000,100000,1000000] [--runs 3] [--sets A,B,C] [--data-b DIR] [--cli PATH] [--no-read-speed]
 *               [--no-month] [--no-pathological]
 *
 * 1. read-speed.mjs: MB/s of three ways to read a flat file (skipped with --no-read-speed);
 * 2. the typical month: 20k orders of each set, the whole CLI including Node's start-up (target: under 1 s),
 *    and the start-up alone (`--version`);
 * 3. per size: generates bench/data/<N>/ if missing, runs the built CLI and the DuckDB oracle
 *    (bench/oracle.mjs) as child processes, taking turns (shipaudit, DuckDB, shipaudit, ...) so that a
 *    slow stretch of a noisy machine falls on both, measures wall time, CPU time and peak RSS, and checks
 *    that both found the same orders for confirmed-before-handover, and that those are the generator's.
 *    The ratio is given for the best run of each, and for each pair of runs side by side (median, range).
 * Sets (see RESULTS.md, "The three bench sets"): A is generate.mjs + oracle.mjs; B and C are generate-b.mjs
 * (C with other knobs) + oracle-b.mjs, whose data goes to --data-b (default bench/data) as B-<N>, C-<N>.
 * For B and C both rules the oracle knows are compared (early confirmations and late hand-overs), and the
 * texts the classifier must not know are checked to be listed as unclassified.
 * 4. the pathological shape (pathological.mjs): 30k events whose texts differ only in the middle against
 *    30k identical texts, whole CLI; target within 2×.
 * Sizes can also come from BENCH_SIZES. The tables are printed and saved to bench/data/last-run.md.
 * Run `npm run build` first: the CLI and the generator use dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AS_OF } from './generate.mjs';
import { AS_OF_B } from './generate-b.mjs';
import { pathologicalCase } from './pathological.mjs';
import { readAuditJson } from './audit-json.mjs';
import {
  QUOTED_READERS,
  defaultQuotedFile,
  defaultReadSpeedFile,
  measureReadSpeed,
  readSpeedMarkdown,
} from './read-speed.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '10000,100000,1000000' },
    runs: { type: 'string', default: '1' },
    'no-read-speed': { type: 'boolean', default: false },
    'no-month': { type: 'boolean', default: false },
    'no-pathological': { type: 'boolean', default: false },
    // Another build's CLI (e.g. /work/wt-base/bin/shipaudit.js) to time the code before a change.
    cli: { type: 'string', default: 'bin/shipaudit.js' },
    sets: { type: 'string', default: process.env.BENCH_SETS ?? 'A,B,C' },
    'data-b': { type: 'string', default: process.env.BENCH_DATA_B ?? join('bench', 'data') },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const SETS = values.sets.split(',').map((x) => x.trim().toUpperCase());
/** The knobs of generate-b.mjs for each of its sets (B: its defaults). */
const B_SETS = {
  B: [],
  C: ['--quoting', 'none', '--zones', 'inferred', '--findings', '0.05', '--order-files', '1'],
};
const RUNS = Number(values.runs);
const DATA = join('bench', 'data');
const MONTH = 20_000;
const RULE = 'confirmed-before-handover';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const log = (msg) => console.error(msg);
const report = [];
const say = (md) => {
  report.push(md);
  console.log(md);
};

/**
 * Runs `node args` with stdout to `outFile`; wall time measured here, peak RSS and CPU from
 * `/usr/bin/time -v` when present, else VmHWM polled from /proc.
 */
function measure(args, outFile) {
  return new Promise((resolve) => {
    const out = openSync(outFile, 'w');
    const cmd = TIME ? [TIME, ['-v', process.execPath, ...args]] : [process.execPath, args];
    const t0 = performance.now();
    const child = spawn(cmd[0], cmd[1], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    let hwmKb = 0;
    const poll = TIME
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
          } catch {
            // The child exited between two polls: its last reading stands.
          }
        }, 20);
    child.on('close', (code, signal) => {
      const wallS = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      closeSync(out);
      const num = (re) => Number(re.exec(stderr)?.[1] ?? NaN);
      // time -v still says "Exit status: 0" after a signal (an out-of-memory abort is SIGABRT).
      const killed = TIME ? /Command terminated by signal (\d+)/.exec(stderr)?.[1] : signal;
      const exit = killed ? `signal ${killed}` : TIME ? num(/Exit status: (\d+)/) : code;
      resolve({
        wallS,
        cpuS: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
        peakMb: (TIME ? num(/Maximum resident set size \(kbytes\): (\d+)/) : hwmKb) / 1024,
        exit,
        stderr: stderr
          .replace(/\s*(Command (exited|terminated)[^\n]*\n)?\s*Command being timed[\s\S]*$/, '')
          .slice(-2000),
      });
    });
  });
}

function generateIfMissing(n) {
  const dir = join(DATA, String(n));
  if (existsSync(join(dir, 'expected.json'))) return Promise.resolve(dir);
  log(`generating ${dir} ...`);
  return new Promise((resolve, reject) => {
    spawn(process.execPath, ['bench/generate.mjs', '--orders', String(n), '--out', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    }).on('close', (code) => (code === 0 ? resolve(dir) : reject(new Error(`generate ${n} failed (${code})`))));
  });
}

function generateBIfMissing(set, n) {
  const dir = join(values['data-b'], `${set}-${n}`);
  if (existsSync(join(dir, 'expected.json'))) return Promise.resolve(dir);
  log(`generating ${dir} ...`);
  return new Promise((resolve, reject) => {
    spawn(process.execPath, ['bench/generate-b.mjs', '--orders', String(n), '--out', dir, ...B_SETS[set]], {
      stdio: ['ignore', 'ignore', 'inherit'],
    }).on('close', (code) =>
      code === 0 ? resolve(dir) : reject(new Error(`generate-b ${set} ${n} failed (${code})`)),
    );
  });
}

const inputMb = (dir) =>
  ['all-orders.txt', 'order-report.txt', 'confirmations.txt', 'confirmations.csv', 'tracking.csv']
    .filter((f) => existsSync(join(dir, f)))
    .reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1e6;
const cliArgs = (dir, asOf = AS_OF) => [values.cli, 'audit', dir, '--format', 'json', '--as-of', asOf];
const outDir = (n, set = 'A') => {
  // Outside the data folder: the CLI reads folders recursively.
  const d = join(DATA, set === 'A' ? `${n}.out` : `${set}-${n}.out`);
  mkdirSync(d, { recursive: true });
  return d;
};
const best = (runs) => runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
const diff = (a, b) => [...a].filter((x) => !b.has(x));
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const ids = (list) => (list.length > 10 ? `${list.slice(0, 10).join(', ')} … (${list.length})` : list.join(', '));

async function benchSize(n) {
  const dir = await generateIfMissing(n);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const truth = new Set(readFileSync(join(dir, '.early-orders.txt'), 'utf8').split('\n').filter(Boolean));
  const mb = inputMb(dir);
  const out = outDir(n);

  const cliRuns = [];
  const duckRuns = [];
  for (let r = 0; r < RUNS; r++) {
    log(`  ${n}: shipaudit run ${r + 1}/${RUNS} (load ${loadavg()[0].toFixed(1)})`);
    cliRuns.push(await measure(cliArgs(dir), join(out, 'shipaudit.json')));
    log(`  ${n}: duckdb run ${r + 1}/${RUNS}`);
    duckRuns.push(await measure(['bench/oracle.mjs', dir], join(out, 'duckdb.json')));
  }
  const cli = best(cliRuns);
  const duck = best(duckRuns);
  const pairs = cliRuns.map((c, k) => c.wallS / duckRuns[k].wallS).sort((a, b) => a - b);

  const row = { n, mb, cli, duck, pairs, expected, load: loadavg()[0] };
  // Exit 1 means findings; it is also what Node exits with on an uncaught error, which writes no JSON.
  if ((cli.exit !== 0 && cli.exit !== 1) || statSync(join(out, 'shipaudit.json')).size === 0) {
    const why = cli.stderr.split('\n').find((l) => /FATAL ERROR|Error/.test(l)) ?? cli.stderr.trim().split('\n').at(-1);
    row.failure = `shipaudit exit ${cli.exit}: ${why?.trim()}`;
    return row;
  }
  const result = readAuditJson(join(out, 'shipaudit.json'));
  const found = new Set(result.findings.filter((f) => f.rule === RULE).map((f) => f.orderId));
  const oracle = JSON.parse(readFileSync(join(out, 'duckdb.json'), 'utf8'));
  const sql = new Set(oracle.orderIds);
  row.queryS = oracle.queryMs / 1000; // of the last run: each run overwrites duckdb.json
  row.onlyCli = diff(found, sql);
  row.onlySql = diff(sql, found);
  row.pass = row.onlyCli.length === 0 && row.onlySql.length === 0;
  row.truth = diff(found, truth).length === 0 && diff(truth, found).length === 0;
  row.found = found.size;
  const byRule = result.summary.findingsByRule;
  row.countsMismatch = Object.entries(expected.findings)
    .filter(([rule, count]) => byRule[rule] !== count)
    .map(([rule, c]) => `${rule} ${byRule[rule]}≠${c}`);
  row.rowsRejected = result.summary.rowsRejected;
  return row;
}

/**
 * One size of set B or C: the CLI and oracle-b.mjs taking turns; both rules compared with the query and
 * with the generator's lists; the texts the classifier must not know listed as unclassified.
 */
async function benchSetSize(set, n) {
  const dir = await generateBIfMissing(set, n);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const list = (f) => new Set(readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
  const truthEarly = list('.early-orders.txt');
  const truthLate = list('.late-orders.txt');
  const out = outDir(n, set);
  const cliRuns = [];
  const duckRuns = [];
  for (let r = 0; r < RUNS; r++) {
    log(`  ${set} ${n}: shipaudit run ${r + 1}/${RUNS} (load ${loadavg()[0].toFixed(1)})`);
    cliRuns.push(await measure(cliArgs(dir, AS_OF_B), join(out, 'shipaudit.json')));
    log(`  ${set} ${n}: duckdb run ${r + 1}/${RUNS}`);
    duckRuns.push(await measure(['bench/oracle-b.mjs', dir], join(out, 'duckdb.json')));
  }
  const cli = best(cliRuns);
  const duck = best(duckRuns);
  const pairs = cliRuns.map((c, k) => c.wallS / duckRuns[k].wallS).sort((a, b) => a - b);
  const row = { set, n, mb: inputMb(dir), cli, duck, pairs, load: loadavg()[0] };
  // Exit 1 means findings; it is also what Node exits with on an uncaught error, which writes no JSON.
  if ((cli.exit !== 0 && cli.exit !== 1) || statSync(join(out, 'shipaudit.json')).size === 0) {
    const why = cli.stderr.split('\n').find((l) => /FATAL ERROR|Error/.test(l)) ?? cli.stderr.trim().split('\n').at(-1);
    row.failure = `shipaudit exit ${cli.exit}: ${why?.trim()}`;
    return row;
  }
  const result = readAuditJson(join(out, 'shipaudit.json'));
  const oracle = JSON.parse(readFileSync(join(out, 'duckdb.json'), 'utf8'));
  const of = (rule) => new Set(result.findings.filter((f) => f.rule === rule).map((f) => f.orderId));
  const same = (a, b) => diff(a, b).length === 0 && diff(b, a).length === 0;
  const early = of(RULE);
  const late = of('late-handover');
  const sqlEarly = new Set(oracle.orderIds);
  const sqlLate = new Set(oracle.lateOrderIds);
  row.queryS = oracle.queryMs / 1000;
  row.early = early.size;
  row.late = late.size;
  row.findings = result.findings.length;
  row.pass = same(early, sqlEarly) && same(late, sqlLate);
  row.truth = same(early, truthEarly) && same(late, truthLate);
  row.onlyCli = [...diff(early, sqlEarly), ...diff(late, sqlLate)];
  row.onlySql = [...diff(sqlEarly, early), ...diff(sqlLate, late)];
  const listed = new Set(result.unclassifiedEvents.map((u) => u.description));
  row.unknownOk = expected.unknownTexts.every((t) => listed.has(t)) && listed.size === expected.unknownTexts.length;
  return row;
}

function setTable(rows) {
  const lines = [
    '| set | orders | input MB | audit wall s | CPU s | peak RSS MB | DuckDB wall s | DuckDB query s | DuckDB peak MB | ratio (best) | ratio per pair: median (range) | oracle (early + late) | = generator | unknown texts listed | findings |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|',
  ];
  for (const r of rows) {
    if (r.failure) {
      lines.push(
        `| ${r.set} | ${r.n} | ${fmt(r.mb, 0)} | ${fmt(r.cli.wallS)} | ${fmt(r.cli.cpuS)} | ${fmt(r.cli.peakMb, 0)} | ${fmt(r.duck.wallS)} | | ${fmt(r.duck.peakMb, 0)} | | | FAILED: ${r.failure} | | | |`,
      );
      continue;
    }
    lines.push(
      `| ${r.set} | ${r.n} | ${fmt(r.mb, 0)} | ${fmt(r.cli.wallS)} | ${fmt(r.cli.cpuS)} | ${fmt(r.cli.peakMb, 0)} | ${fmt(r.duck.wallS)} | ${fmt(r.queryS)} | ` +
        `${fmt(r.duck.peakMb, 0)} | ${fmt(r.cli.wallS / r.duck.wallS)}× | ${pairText(r.pairs)} | ${r.pass ? 'PASS' : 'FAIL'} (${r.early} + ${r.late} orders) | ` +
        `${r.truth ? 'yes' : 'NO'} | ${r.unknownOk ? 'yes' : 'NO'} | ${r.findings} |`,
    );
  }
  for (const r of rows.filter((x) => !x.failure && !x.pass)) {
    lines.push(
      '',
      `FAIL at ${r.set} ${r.n}: only shipaudit: ${ids(r.onlyCli) || 'none'}; only DuckDB: ${ids(r.onlySql) || 'none'}`,
    );
  }
  return lines.join('\n');
}

/** Pair ratios (sorted): the median, and the range when there are several. */
function pairText(pairs) {
  const mid = pairs.length % 2 ? pairs[pairs.length >> 1] : (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]) / 2;
  return pairs.length > 1 ? `${fmt(mid)}× (${fmt(pairs[0])}–${fmt(pairs.at(-1))})` : `${fmt(mid)}×`;
}

function sizeTable(rows) {
  const lines = [
    '| orders | input MB | shipaudit wall s | CPU s | peak RSS MB | MB/s | orders/s | DuckDB wall s | DuckDB query s | DuckDB peak MB | ratio (wall) | ratio per pair: median (range) | oracle | = generator | rule counts |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.failure) {
      lines.push(
        `| ${r.n} | ${fmt(r.mb, 0)} | ${fmt(r.cli.wallS)} | ${fmt(r.cli.cpuS)} | ${fmt(r.cli.peakMb, 0)} | | | ${fmt(r.duck.wallS)} | | ${fmt(r.duck.peakMb, 0)} | | | FAILED: ${r.failure} | | |`,
      );
      continue;
    }
    lines.push(
      `| ${r.n} | ${fmt(r.mb, 0)} | ${fmt(r.cli.wallS)} | ${fmt(r.cli.cpuS)} | ${fmt(r.cli.peakMb, 0)} | ${fmt(r.mb / r.cli.wallS, 1)} | ` +
        `${Math.round(r.n / r.cli.wallS)} | ${fmt(r.duck.wallS)} | ${fmt(r.queryS)} | ${fmt(r.duck.peakMb, 0)} | ${fmt(r.cli.wallS / r.duck.wallS)}× | ${pairText(r.pairs)} | ` +
        `${r.pass ? 'PASS' : 'FAIL'} (${r.found} orders) | ${r.truth ? 'yes' : 'NO'} | ${r.countsMismatch.length ? r.countsMismatch.join('; ') : 'as expected'} |`,
    );
  }
  const failures = rows.filter((r) => !r.failure && !r.pass);
  for (const r of failures) {
    lines.push(
      '',
      `FAIL at ${r.n}: only shipaudit: ${ids(r.onlyCli) || 'none'}; only DuckDB: ${ids(r.onlySql) || 'none'}`,
    );
  }
  return lines.join('\n');
}

say(`# shipaudit bench, ${new Date().toISOString()}`);
say(`\nCLI: ${values.cli}.`);
say(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`,
);
say(
  `Peak RSS from ${TIME ? '/usr/bin/time -v' : 'polled /proc VmHWM'}; wall time includes Node start-up for both tools; --as-of ${AS_OF} for set A, ${AS_OF_B} for B and C.`,
);

if (!values['no-read-speed']) {
  const file = await defaultReadSpeedFile();
  log(`read speed on ${file}`);
  say(`\n## Reading an All Orders flat file\n\n${readSpeedMarkdown(await measureReadSpeed({ file, runs: 3, log }))}`);
  const quoted = defaultQuotedFile();
  if (quoted) {
    log(`read speed on ${quoted}`);
    say(
      `\n## Reading a quoted CSV tracking export\n\n${readSpeedMarkdown(await measureReadSpeed({ file: quoted, runs: 3, log, readers: QUOTED_READERS }))}`,
    );
  }
}

if (!values['no-month']) {
  // Every set's month, and the start-up alone (--version), taking turns run by run.
  const sets = SETS.filter((x) => x === 'A' || x in B_SETS);
  const dirs = [];
  for (const set of sets)
    dirs.push(set === 'A' ? await generateIfMissing(MONTH) : await generateBIfMissing(set, MONTH));
  const cases = [
    ...sets.map((set, i) => ({
      name: set,
      dir: dirs[i],
      args: cliArgs(dirs[i], set === 'A' ? AS_OF : AS_OF_B),
      out: join(outDir(MONTH, set), 'shipaudit.json'),
    })),
    { name: '`--version`', args: [values.cli, '--version'], out: join(outDir(MONTH), 'version.txt') },
  ];
  const runs = cases.map(() => []);
  for (let r = 0; r < 5; r++) {
    log(`month run ${r + 1}/5`);
    for (const [i, c] of cases.entries()) runs[i].push(await measure(c.args, c.out));
  }
  const lines = cases.map((c, i) => {
    const walls = runs[i].map((x) => x.wallS).sort((a, b) => a - b);
    const failed = runs[i].find((x) => x.exit !== 0 && x.exit !== 1);
    const size = c.dir ? fmt(inputMb(c.dir), 1) : '';
    const cpu = runs[i].map((x) => x.cpuS).sort((a, b) => a - b)[2];
    return {
      met: !failed && walls[2] < 1,
      row: `| ${c.name} | ${size} | ${fmt(walls[0])} | ${fmt(walls[2])} | ${fmt(walls[4])} | ${fmt(cpu)} | ${fmt(best(runs[i]).peakMb, 0)} | ${failed ? `failed: exit ${failed.exit}` : walls[2] < 1 ? 'yes' : 'no'} |`,
    };
  });
  say(
    `\n## Typical month (${MONTH} orders), whole CLI including Node's start-up\n\n5 runs each, the sets taking turns.\n\n` +
      `| set | input MB | best s | median s | worst s | CPU s (median) | peak RSS MB | median under 1 s |\n|---|---:|---:|---:|---:|---:|---:|---|\n` +
      `${lines.map((l) => l.row).join('\n')}\n\nTarget under 1 s on every set: ${lines.every((l) => l.met) ? 'met' : 'NOT met'}.`,
  );
}

const rows = [];
const setRows = [];
for (const n of SIZES) {
  log(`size ${n}`);
  if (SETS.includes('A')) rows.push(await benchSize(n));
  for (const set of SETS.filter((x) => x in B_SETS)) setRows.push(await benchSetSize(set, n));
}
if (rows.length)
  say(
    `\n## Set A: audit vs DuckDB (best of ${RUNS} run${RUNS === 1 ? '' : 's'} each, taking turns)\n\n${sizeTable(rows)}`,
  );
if (setRows.length)
  say(
    `\n## Sets B and C: audit vs DuckDB (best of ${RUNS} run${RUNS === 1 ? '' : 's'} each, taking turns)\n\n${setTable(setRows)}`,
  );

let patho;
if (!values['no-pathological']) {
  patho = await pathologicalCase({ measure, cli: values.cli, runs: Math.max(RUNS, 3), log });
  say(`\n## Pathological texts\n\n${patho.markdown}`);
}
say(
  `\nLoad average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`,
);
mkdirSync(DATA, { recursive: true });
writeFileSync(join(DATA, 'last-run.md'), report.join('\n') + '\n');
process.exitCode = [...rows, ...setRows].every((r) => !r.failure && r.pass) && (!patho || patho.pass) ? 0 : 1;
