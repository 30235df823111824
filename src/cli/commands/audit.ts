import type { Command } from 'commander';
import { audit } from '../../audit/run.js';
import { exclusionLabel, type AuditResult } from '../../model/result.js';
import { evidenceCsvChunks } from '../../report/evidence-csv.js';
import { auditJsonChunks } from '../../report/json.js';
import { formatAuditText, unreadableFilesNote } from '../../report/text.js';
import { term } from '../../i18n/catalogue.js';
import { EXIT, UsageError } from '../errors.js';
import { requireConfirmations } from '../../engine/index.js';
import { load, rulesProgress } from '../load.js';
import { err, outPieces, outText, runProgress, styleFor, timing } from '../io.js';
import { lang, say, sentence } from '../lang.js';
import { auditOptions, loadSettings, parseAsOf, parseDay, type CommonFlags, type Settings } from '../settings.js';
import { isEvidenceCsv, Outputs } from '../write.js';

export interface AuditFlags extends CommonFlags {
  from?: string;
  to?: string;
  asOf?: string;
  evidence?: string;
  format: string;
  failOn: string;
  allowRejectedRows?: boolean;
}

export function registerAudit(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('audit')
    .summary('find orders confirmed before the carrier had them, or late')
    .description(
      'Reads order reports, shipping confirmations and carrier tracking exports (files or folders, any order), ' +
        'joins them per shipment and checks every rule (see `shipaudit rules`). Prints a summary; writes an ' +
        'evidence CSV for a Plan of Action with --evidence.',
    )
    .argument('<paths...>', 'input files or folders (folders are read recursively)')
    .option('--from <date>', 'first day of confirmations to audit, YYYY-MM-DD in the marketplace zone')
    .option('--to <date>', 'last day of confirmations to audit (inclusive)')
    .option(
      '--grace <duration>',
      'how long a confirmation may precede the first carrier scan (e.g. 24h, 90m, 2d)',
      undefined,
    )
    .option(
      '--marketplace-tz <zone>',
      'IANA zone of the marketplace, for times without an offset (default America/Los_Angeles)',
    )
    .option('--config <file>', 'config file (default: shipaudit.config.json in the working folder, if present)')
    .option('--as-of <datetime>', 'the moment the audit is judged at (default: the newest tracking event read)')
    .option('--evidence <path>', 'write the evidence CSV (one row per affected shipment) to this path')
    .option('--format <format>', 'text or json', 'text')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: error, warning or never', 'error')
    .option(
      '--allow-rejected-rows',
      'exit by the findings even when some rows could not be read (they are still reported)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  shipaudit audit fixtures/sample-month\n' +
        '  shipaudit audit orders.txt confirmations.txt tracking.csv --from 2026-10-01 --to 2026-10-31 --evidence evidence.csv\n' +
        '  shipaudit audit downloads/ --format json > audit.json\n\n' +
        'Exit codes: 0 no finding at or above --fail-on, 1 there is, 2 bad usage or unreadable input.',
    )
    .action((paths: string[], flags: AuditFlags) =>
      run(async () => {
        const result = await runAudit(paths, flags);
        return finishAudit(result.result, result.settings, flags);
      }),
    );
}

export function checkFormat(format: string): void {
  if (format !== 'text' && format !== 'json') throw new UsageError(say('usage.format', { got: format }));
}

export async function runAudit(
  paths: string[],
  flags: AuditFlags,
): Promise<{ result: AuditResult; settings: Settings }> {
  checkFormat(flags.format);
  if (!['error', 'warning', 'never'].includes(flags.failOn))
    throw new UsageError(say('usage.failOn', { got: flags.failOn }));
  const settings = await loadSettings(flags);
  // Days and times without an offset are in the marketplace zone, worked out again if the orders change it.
  const perZone = () => {
    const zone = settings.zone.zone;
    const fromMs = flags.from ? parseDay(flags.from, '--from', zone) : undefined;
    const toMs = flags.to ? parseDay(flags.to, '--to', zone) + 86_400_000 : undefined;
    if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) throw new UsageError(say('usage.toBeforeFrom'));
    const asOfMs = flags.asOf ? parseAsOf(flags.asOf, settings.zone) : undefined;
    settings.asOfMs = asOfMs;
    return { window: { fromMs, toMs, from: flags.from, to: flags.to }, asOfMs };
  };
  let per = perZone();
  const loaded = await load(paths, settings, { window: () => per.window, rezoned: () => (per = perZone()) });
  requireConfirmations(loaded.data);
  const result = audit(loaded, { ...auditOptions(settings, loaded, per), progress: rulesProgress() });
  timing('rules and figures');
  if (result.summary.shipments === 0) {
    const outside = Object.values(result.summary.excluded).reduce((a, b) => a + b, 0);
    const why = Object.entries(result.summary.excluded).map(
      ([key, v]) => `${v} ${term(lang, 'exclusion', { key, label: exclusionLabel(key) })}`,
    );
    throw new UsageError(say('usage.noShipments', { from: flags.from, to: flags.to, outside, why }));
  }
  return { result, settings };
}

export async function finishAudit(result: AuditResult, settings: Settings, flags: AuditFlags): Promise<number> {
  runProgress()?.(say('progress.report'));
  if (flags.evidence) {
    // Never over a file the audit read, nor over a file that is not an evidence CSV of an earlier run.
    const read = result.inputs.filter((i) => !i.skipped).map((i) => i.file);
    const outputs = await Outputs.forInputs([...read, ...(settings.configFile ? [settings.configFile] : [])]);
    await outputs.writeFile(flags.evidence, evidenceCsvChunks(result.findings), {
      ownedIf: isEvidenceCsv,
      what: 'an evidence CSV written by shipaudit',
    });
  }
  if (flags.format === 'json') await outPieces(auditJsonChunks(result));
  else
    outText(formatAuditText(result, { style: styleFor(process.stdout, 'text'), evidencePath: flags.evidence, lang }));
  timing('report written');
  const code = exitCode(result, flags.failOn, flags.allowRejectedRows ?? false);
  // Exit 2 always comes with its one line on stderr, even when the report itself was written.
  if (code === EXIT.usage) err(`${say('failure.prefix', { message: rejectedRowsLine(result) })}\n`);
  return code;
}

/** Why an audit with unreadable rows or input files exits 2, naming the first of them. */
export function rejectedRowsLine(result: AuditResult): string {
  const first = result.inputs.flatMap((i) => i.problems)[0];
  return say('usage.rejectedRows', {
    rows: result.summary.rowsRejected,
    first: first && { file: first.file, line: first.line, message: sentence(first.message) },
    files: unreadableFilesNote(result, lang),
  });
}

/** Rows or folder files that could not be read leave the verdict incomplete: exit 2 unless allowed. */
export function exitCode(result: AuditResult, failOn: string, allowRejected: boolean): number {
  const unreadable = result.summary.rowsRejected > 0 || result.inputs.some((i) => i.warning);
  if (unreadable && !allowRejected) return EXIT.usage;
  const { error, warning } = result.summary.findingsBySeverity;
  if (failOn === 'error' && error > 0) return EXIT.findings;
  if (failOn === 'warning' && error + warning > 0) return EXIT.findings;
  return EXIT.ok;
}
