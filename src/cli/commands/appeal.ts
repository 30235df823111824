import type { Command } from 'commander';
import { compareAroundFix, evidenceRows } from '../../audit/compare.js';
import { fixedOnAfterData, type Comparison } from '../../model/compare.js';
import { auditDetailed } from '../../audit/run.js';
import type { AuditResult } from '../../model/result.js';
import { formatEvidenceCsv } from '../../report/evidence-csv.js';
import { formatHtmlReport } from '../../report/html.js';
import { formatPlanOfAction, periodColumn } from '../../report/poa.js';
import { formatSellerNote, type Lang } from '../../report/seller-note.js';
import { lang, say } from '../lang.js';
import { formatEvidenceXlsx } from '../../report/xlsx.js';
import { EXIT, UsageError } from '../errors.js';
import { requireConfirmations } from '../../engine/index.js';
import { load, rulesProgress, warnSkipped } from '../load.js';
import { err, out, runProgress } from '../io.js';
import { printHtmlToPdf } from '../pdf.js';
import { auditOptions, loadSettings, parseDay, type CommonFlags } from '../settings.js';
import { Outputs } from '../write.js';

export interface AppealFlags extends CommonFlags {
  fixedOn: string;
  out?: string;
  sellerName?: string;
  force?: boolean;
}

/** The pack's files and what each holds, in both languages of the note. Attachments go to Amazon. */
const PACK: ReadonlyArray<{ file: string; attach: boolean; en: string; zh: string; pdf?: boolean }> = [
  { file: 'READ-ME-FIRST.txt', attach: false, en: 'this note', zh: '本说明' },
  {
    file: 'plan-of-action.txt',
    attach: false,
    en: 'the Plan of Action draft to paste into the appeal form in Seller Central',
    zh: '行动计划草稿（英文），粘贴到卖家平台的申诉表单',
  },
  {
    file: 'plan-of-action.md',
    attach: false,
    en: 'the same draft with headings and a table (Markdown)',
    zh: '同一草稿的 Markdown 版本（带标题和表格）',
  },
  {
    file: 'evidence.csv',
    attach: true,
    en: 'one row per shipment with an issue: order ID, tracking number, carrier, confirmation time, first carrier scan, hours between them, and whether it was before or after the fix',
    zh: '每个有问题的包裹一行：订单号、运单号、承运商、确认发货时间、首次扫描时间、相差小时数，以及在整改前还是整改后',
  },
  {
    file: 'evidence.xlsx',
    attach: true,
    en: 'the same evidence as a workbook, with a summary sheet of the before/after figures',
    zh: '同样的证据（Excel 工作簿），含整改前后对比的汇总表',
  },
  {
    file: 'report.html',
    attach: false,
    en: "charts of the weekly early-confirmation rate and hand-over lag with the fix date marked, the figures against Amazon's targets, per-carrier figures and the evidence table",
    zh: '图表报告：每周提前确认比例和交接时差（标出整改日期）、与亚马逊指标的对比、按承运商统计及证据表',
  },
  {
    // Seller Central takes PDF attachments: written only when a Chromium is there to print report.html.
    file: 'report.pdf',
    attach: true,
    pdf: true,
    en: 'report.html printed for the reviewer (A4, two pages of summary, charts and the worst shipments)',
    zh: 'report.html 的打印版（A4，汇总、图表和最严重的包裹），供审核人员阅读',
  },
];

export function registerAppeal(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('appeal')
    .summary('build the appeal pack: Plan of Action draft, evidence and report, before vs after a fix')
    .description(
      'Audits the inputs like `shipaudit audit`, splits the shipments at the day the corrective action took ' +
        'effect (--fixed-on) and writes a folder with a Plan of Action draft built on the figures, the evidence ' +
        'as CSV and XLSX, an HTML report, report.pdf (when a Chromium or Chrome is found) and a short note. ' +
        'Nothing in it names a buyer.',
    )
    .argument('<paths...>', 'input files or folders (folders are read recursively)')
    .requiredOption(
      '--fixed-on <date>',
      'the day the corrective action took effect, YYYY-MM-DD in the marketplace zone',
    )
    .option('--out <dir>', 'the pack folder (default: appeal-pack-<fixed-on>)')
    .option('--seller-name <name>', 'your seller name, for the Plan of Action and the report')
    .option(
      '--force',
      'write into a pack folder shipaudit wrote before, replacing only the files it writes there (READ-ME-FIRST.txt, plan-of-action.txt and .md, evidence.csv and .xlsx, report.html and .pdf); anything else in it is kept',
    )
    .option('--grace <duration>', 'how long a confirmation may precede the first carrier scan (e.g. 24h, 90m, 2d)')
    .option(
      '--marketplace-tz <zone>',
      'IANA zone of the marketplace, for times without an offset (default America/Los_Angeles)',
    )
    .option('--config <file>', 'config file (default: shipaudit.config.json in the working folder, if present)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  shipaudit appeal fixtures/sample-month --fixed-on 2026-11-03\n' +
        '  shipaudit appeal downloads/ --fixed-on 2026-11-03 --out appeal --lang zh --seller-name "Lingdong Tech"\n\n' +
        'A new folder is built beside --out and renamed into place, so it is never half written. An existing\n' +
        'folder is kept unless --force is given. --force writes only into a pack folder shipaudit wrote (it holds\n' +
        'the .shipaudit-pack marker) and replaces only the files it writes there: the ones listed above and the\n' +
        'marker (your edits to them are lost; an earlier report.pdf is removed when none is printed this time).\n' +
        'Any other file or folder you put in the pack is kept. It never writes into the working folder, an input\n' +
        'or a folder holding one, a file, or a folder of yours.\n' +
        'report.pdf: set SHIPAUDIT_CHROMIUM to the browser to use, or to "none" to skip it.\n' +
        'Exit codes: 0 pack written (whether or not the data shows an improvement: the pack says which), 2 bad usage or unreadable input.',
    )
    .action((paths: string[], flags: AppealFlags) => run(() => runAppeal(paths, flags)));
}

export async function runAppeal(paths: string[], flags: AppealFlags): Promise<number> {
  // --lang is the program's option (the note, the guidance and the messages); the Plan of Action stays English.
  const settings = await loadSettings(flags);
  const fixDayMs = parseDay(flags.fixedOn, '--fixed-on', settings.zone.zone);
  // A fix that has not taken effect yet would reach Amazon as an invented date in the Plan of Action.
  if (fixDayMs > Date.now()) {
    throw new UsageError(say('appeal.future', { fixedOn: flags.fixedOn }));
  }
  const outDir = flags.out ?? `appeal-pack-${flags.fixedOn}`;
  const force = flags.force ?? false;
  const config = settings.configFile ? [settings.configFile] : [];
  // Checked before the slow part and again at the rename, so a mistake costs nothing.
  const refusal = await (await Outputs.forInputs([...paths, ...config])).folderRefusal(outDir, force);
  if (refusal) throw new UsageError(refusal);

  const loaded = await load(paths, settings);
  const { data, inputs } = loaded;
  warnSkipped(inputs);
  requireConfirmations(data);
  if (data.trackingCount === 0) {
    throw new UsageError(say('appeal.noTracking'));
  }
  const { result, shipments, hits } = auditDetailed(loaded, {
    ...auditOptions(settings, loaded),
    progress: rulesProgress(),
  });
  // Read after the inputs: the orders' sales channels may have named the marketplace zone.
  const zone = settings.zone.zone;
  const comparison = compareAroundFix(shipments, hits, {
    fixedOn: flags.fixedOn,
    zone,
    graceHours: settings.graceHours,
  });
  if (comparison.before.shipments === 0) {
    throw new UsageError(say('appeal.nothingBefore', { fixedOn: flags.fixedOn }));
  }

  const noAfter = fixedOnAfterData(comparison);
  if (noAfter) {
    err(
      `${say('warning.prefix', { message: say('appeal.noAfter', { fixedOn: flags.fixedOn, newest: noAfter.newest }) })}\n`,
    );
  }
  runProgress()?.(say('progress.report'));
  const { files, pdfReason } = await buildPack(result, comparison, lang, flags.sellerName);
  const read = inputs.filter((i) => !i.skipped).map((i) => i.file);
  const outputs = await Outputs.forInputs([...paths, ...read, ...config]);
  await outputs.writeFolder(
    outDir,
    files,
    force,
    PACK.map((p) => p.file),
  );
  out(`${say('appeal.written', { dir: outDir })}\n\n${String(files['READ-ME-FIRST.txt'])}`);
  if (pdfReason) err(`${say('failure.prefix', { message: say('appeal.pdfMissing', { reason: pdfReason }) })}\n`);
  return EXIT.ok;
}

interface Pack {
  files: Record<string, string | Buffer>;
  /** Why report.pdf is missing ('' when it was written). */
  pdfReason: string;
}

async function buildPack(result: AuditResult, comparison: Comparison, lang: Lang, sellerName?: string): Promise<Pack> {
  const period = periodColumn(comparison);
  const rows = evidenceRows(result.findings, comparison.boundaryMs);
  const before = rows.filter((r) => r.period === 'before').length;
  const view = { result, comparison, rows, periodColumn: period, sellerName };
  const html = formatHtmlReport(view);
  const printed = await printHtmlToPdf(html);
  const pdf = 'pdf' in printed ? printed.pdf : undefined;
  const pack = PACK.filter((p) => !p.pdf || pdf);
  const poa = formatPlanOfAction({
    lang,
    result,
    comparison,
    sellerName,
    // report.pdf is attached whether printed here or by the seller from report.html (READ-ME-FIRST.txt says how).
    attachments: PACK.filter((p) => p.attach).map((p) => ({
      file: p.file,
      what:
        p.file === 'evidence.csv'
          ? `${p.en} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'}: ${before} before ${comparison.fixedOn}, ${rows.length - before} since)`
          : p.pdf && !pdf
            ? `${p.en}; print report.html to PDF before attaching it (READ-ME-FIRST.txt)`
            : p.en,
    })),
  });
  const note = formatSellerNote({
    lang,
    comparison,
    placeholders: poa.placeholders,
    pdfWritten: pdf !== undefined,
    ...('reason' in printed ? { pdfReason: printed.reason } : {}),
    files: pack.map((p) => ({ file: p.file, what: p[lang] })),
  });
  const files = {
    'READ-ME-FIRST.txt': note,
    'plan-of-action.txt': poa.text,
    'plan-of-action.md': poa.markdown,
    'evidence.csv': formatEvidenceCsv(result.findings, { extraColumns: [period] }),
    'evidence.xlsx': await formatEvidenceXlsx(view),
    'report.html': html,
    ...(pdf ? { 'report.pdf': pdf } : {}),
  };
  return { files, pdfReason: 'reason' in printed ? printed.reason : '' };
}
