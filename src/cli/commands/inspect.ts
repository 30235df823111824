import type { Command } from 'commander';
import type { Stamp } from '../../model/timestamp.js';
import { kindTitle } from '../../knowledge/headers.js';
import { inspectJson, formatInspectText, type InspectedInput, type SkippedInput } from '../../report/inspect.js';
import { InputError, readInput, type RecordSink } from '../../read/index.js';
import { formatInZone } from '../../read/time.js';
import { EXIT } from '../errors.js';
import { expandPaths, expectedData, notInputByName, passedOver } from '../../engine/index.js';
import { err, out, outText, styleFor } from '../io.js';
import { lang, say, sentence } from '../lang.js';
import { loadSettings, type CommonFlags } from '../settings.js';
import { checkFormat } from './audit.js';
import { forTerminal } from '../../report/sanitize.js';

const SAMPLES = 3;

export function registerInspect(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('inspect')
    .summary('show how each file is understood')
    .description(
      'For each file: the kind recognised, encoding, delimiter, rows read and rejected (with reasons and line ' +
        'numbers), the column mapping, the time-zone assumption, a few records as read, and for tracking files ' +
        'the event descriptions no table entry matched.',
    )
    .argument('<paths...>', 'input files or folders')
    .option('--format <format>', 'text or json', 'text')
    .option('--marketplace-tz <zone>', 'IANA zone for times without an offset (default America/Los_Angeles)')
    .option('--config <file>', 'config file (default: shipaudit.config.json in the working folder, if present)')
    .addHelpText(
      'after',
      '\nExamples:\n  shipaudit inspect fixtures/formats/tracking-events-gb18030.csv\n  shipaudit inspect downloads/ --format json\n\nExit codes: 0 every file read cleanly, 2 a file could not be read or some rows were rejected.',
    )
    .action((paths: string[], flags: CommonFlags & { format: string }) =>
      run(async () => {
        checkFormat(flags.format);
        const settings = await loadSettings(flags);
        const { explicit, found, symlinks, unreachable } = await expandPaths(paths);
        const results: InspectedInput[] = [];
        const failures: Array<{ file: string; error: string }> = [];
        // In a folder, what the audit passes over (notes, evidence, files that are no input) is listed as
        // skipped, as the audit lists it; a file named on the command line is always read.
        const skipped: SkippedInput[] = [];
        const named = new Set(explicit);
        const fail = (file: string, error: string, message: string) => {
          failures.push({ file, error });
          err(`${say('failure.prefix', { message: forTerminal(message) })}\n`);
        };
        for (const file of [...explicit, ...found]) {
          if (!named.has(file) && notInputByName(file)) {
            skipped.push({ file, why: 'not an input file (by its name)' });
            continue;
          }
          const samples: Array<Record<string, string>> = [];
          const take = (r: object) => void (samples.length < SAMPLES && samples.push(flatten(r)));
          const sink: RecordSink = { order: take, confirmation: take, event: take, package: take };
          try {
            const report = await readInput(file, sink, settings.readOptionsFor(file));
            results.push({ report, samples, kindTitle: kindTitle(report.kind) });
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            const why = passedOver(named.has(file), e);
            if (why !== undefined && expectedData(e) === undefined) {
              skipped.push({ file, why });
              continue;
            }
            const message = `${e.file}${e.line !== undefined ? `:${e.line}` : ''}${lang === 'zh' ? '：' : ': '}${sentence(e.detail)}`;
            fail(file, e.message, message);
          }
        }
        for (const u of unreachable) {
          // A second link to a file already read is no failure.
          if (u.why.startsWith('the same file')) skipped.push({ file: u.file, why: u.why });
          else fail(u.file, `${u.file}: ${u.why}`, `${u.file}${lang === 'zh' ? '：' : ': '}${sentence(u.why)}`);
        }
        for (const { report } of results) {
          const target = symlinks.get(report.file);
          if (target) report.zoneNote += `; read through a symbolic link to ${target}`;
        }
        if (flags.format === 'json')
          out(`${JSON.stringify({ ...inspectJson(results), skipped, failures }, null, 2)}\n`);
        else outText(formatInspectText(results, { style: styleFor(process.stdout, 'text'), lang, skipped }));
        // Exit 2 always comes with its line on stderr: rejected rows are in the report, named here.
        const rejected = results.filter((r) => r.report.rowsRejected > 0);
        if (rejected.length > 0) {
          const files = rejected.map((r) => `${r.report.file} (${r.report.rowsRejected})`).join(', ');
          const rows = rejected.reduce((n, r) => n + r.report.rowsRejected, 0);
          err(`${say('failure.prefix', { message: forTerminal(say('inspect.rejectedRows', { rows, files })) })}\n`);
        }
        return failures.length || rejected.length ? EXIT.usage : EXIT.ok;
      }),
    );
}

/** A record as `inspect` shows it: each time with the zone it was read in and why. */
function flatten(record: object): Record<string, string> {
  const outRec: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined || k === 'source' || k === 'rule') continue;
    if (isStamp(v)) outRec[k] = stampText(v);
    else if (typeof v === 'object' && v !== null) outRec[k] = JSON.stringify(v);
    else outRec[k] = String(v);
  }
  return outRec;
}

function isStamp(v: unknown): v is Stamp {
  return typeof v === 'object' && v !== null && 'epochMs' in v && 'raw' in v;
}

function stampText(s: Stamp): string {
  const when = s.precision === 'date' ? `${s.localDate} (date only)` : formatInZone(s.epochMs, s.zone);
  // The why of an assumed zone is on the file's "Time zone" line; inferred ones differ per row, so say them here.
  return `${when} ← "${s.raw}" [${s.zone}, ${s.zoneSource}${s.zoneSource === 'inferred' && s.zoneNote ? `: ${s.zoneNote}` : ''}]`;
}
