#!/usr/bin/env node
/**
 * The pathological shape of issue 18: 30 000 events whose texts differ only in the middle (each holds its
 * parcel's number and step, as some forwarders write them) against 30 000 events of identical text.
 * Before the whole-key hash (issue 15) the first took ~65 s against ~1 s. Both files have the same parcels,
 * times and confirmations; only the wording differs. Target: the varying one within 2× of the identical one.
 *
 *   node bench/pathological.mjs [--runs 3] [--events 30000]     (bench.mjs runs it too)
 *
 * Whole CLI, Node start-up included, runs taking turns. The texts are physical scans the classifier knows
 * ("Departed from sorting center" inside the sentence), so each varying text is classified once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const AS_OF = '2026-11-28T00:00:00Z';
const PER_PARCEL = 6;

/** Writes the two folders (identical / middle-varying texts) under `root`; returns their paths. */
export function writePathological(root, events = 30_000) {
  const parcels = Math.ceil(events / PER_PARCEL);
  const conf = ['order-id,tracking-number,carrier,ship-date'];
  const same = ['Tracking Number,Carrier,Time,Event,Location'];
  const varied = [same[0]];
  const t0 = Date.UTC(2026, 9, 1, 2);
  for (let p = 0; p < parcels; p++) {
    const tn = `YT26${String(p).padStart(14, '0')}`;
    const order = `113-${String(1_000_000 + p)}-${String(p).padStart(7, '0')}`;
    const start = t0 + p * 60_000;
    conf.push(`${order},${tn},Yun Express,${new Date(start).toISOString().slice(0, 19)}+00:00`);
    for (let k = 0; k < PER_PARCEL && p * PER_PARCEL + k < events; k++) {
      const at = new Date(start + (k + 1) * 3_600_000).toISOString().slice(0, 19) + '+00:00';
      same.push(
        `${tn},YunExpress,${at},"Parcel departed from sorting center, Shenzhen hub, see tracking page",SHENZHEN CN`,
      );
      varied.push(
        `${tn},YunExpress,${at},"Parcel ${tn}/${k} departed from sorting center, Shenzhen hub, see tracking page",SHENZHEN CN`,
      );
    }
  }
  const dirs = { identical: join(root, 'identical'), varying: join(root, 'varying') };
  for (const [name, lines] of [
    ['identical', same],
    ['varying', varied],
  ]) {
    mkdirSync(dirs[name], { recursive: true });
    writeFileSync(join(dirs[name], 'confirmations.csv'), conf.join('\n') + '\n');
    writeFileSync(join(dirs[name], 'tracking.csv'), lines.join('\n') + '\n');
  }
  return dirs;
}

/**
 * Times the CLI on both folders, taking turns. `measure(args, outFile)` is bench.mjs's (wall, CPU, peak RSS).
 * Returns { markdown, pass }.
 */
export async function pathologicalCase({
  measure,
  cli = 'bin/shipaudit.js',
  runs = 3,
  events = 30_000,
  root = join('bench', 'data', 'pathological'),
  log = () => {},
}) {
  const dirs = writePathological(root, events);
  const out = join('bench', 'data', 'pathological.out');
  mkdirSync(out, { recursive: true });
  const res = { identical: [], varying: [] };
  for (let r = 0; r < runs; r++) {
    for (const name of ['identical', 'varying']) {
      log(`  pathological ${name} run ${r + 1}/${runs}`);
      res[name].push(
        await measure([cli, 'audit', dirs[name], '--format', 'json', '--as-of', AS_OF], join(out, `${name}.json`)),
      );
    }
  }
  const best = (xs) => xs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
  const a = best(res.identical);
  const b = best(res.varying);
  const cpuRatio = Math.min(...res.varying.map((x) => x.cpuS)) / Math.min(...res.identical.map((x) => x.cpuS));
  const ratio = b.wallS / a.wallS;
  const pass = ratio <= 2 && a.exit !== undefined && [0, 1].includes(a.exit) && [0, 1].includes(b.exit);
  const markdown =
    `${events} events, ${Math.ceil(events / PER_PARCEL)} parcels, whole CLI, best of ${runs} taking turns:\n\n` +
    '| texts | wall s | CPU s | peak RSS MB | exit |\n|---|---:|---:|---:|---|\n' +
    `| identical | ${a.wallS.toFixed(2)} | ${a.cpuS.toFixed(2)} | ${a.peakMb.toFixed(0)} | ${a.exit} |\n` +
    `| differing only in the middle | ${b.wallS.toFixed(2)} | ${b.cpuS.toFixed(2)} | ${b.peakMb.toFixed(0)} | ${b.exit} |\n\n` +
    `Ratio ${ratio.toFixed(2)}× wall (CPU ${cpuRatio.toFixed(2)}×); target ≤ 2×: ${pass ? 'met' : 'NOT met'}.`;
  return { markdown, pass, ratio };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, events: { type: 'string', default: '30000' } },
  });
  // Stand-alone: wall time around a synchronous child (no peak RSS without bench.mjs's /usr/bin/time).
  const measure = async (args, outFile) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    const wallS = (performance.now() - t0) / 1000;
    writeFileSync(outFile, r.stdout);
    return { wallS, cpuS: NaN, peakMb: NaN, exit: r.status };
  };
  const { markdown } = await pathologicalCase({
    measure,
    runs: Number(values.runs),
    events: Number(values.events),
    log: console.error,
  });
  console.log(markdown);
}
