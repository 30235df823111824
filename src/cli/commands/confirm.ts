import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CHECK_DEFAULTS } from '../../check/defaults.js';
import { GateCollector } from '../../gate/collect.js';
import { decide, type GatePackageInput } from '../../gate/decide.js';
import {
  LEDGER_NAME,
  Ledger,
  LedgerFormatError,
  parseLedger,
  serializeRecord,
  type LedgerRecord,
} from '../../gate/ledger.js';
import { recoverSending, submitReleases, type ShipmentConfirmer } from '../../gate/submit.js';
import type { Recovered, SubmitOutcome } from '../../model/gate.js';
import { confirmationLines, formatConfirmationFile, isConfirmationFile } from '../../report/confirmation-file.js';
import { formatGateJson, formatGateText, type GateDelivery } from '../../report/gate.js';
import { EXIT, UsageError } from '../errors.js';
import { readAll } from '../../engine/index.js';
import { out, outText, styleFor } from '../io.js';
import { loadSettings, parseAsOf, type Settings } from '../settings.js';
import { describeFailure, Outputs } from '../write.js';
import { releaseToFile, settleStagedReleases } from '../gate-file.js';
import { checkFormat } from './audit.js';
import { acquireLock, resolveInputs } from './check.js';
import { lang } from '../lang.js';

export interface ConfirmFlags {
  config?: string;
  marketplaceTz?: string;
  asOf?: string;
  out?: string;
  submit?: boolean;
  ledger?: string;
  reemit?: string[];
  format: string;
}

export function registerConfirm(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('confirm')
    .summary('confirm shipments to Amazon only once the carrier has scanned them')
    .description(
      'The confirmation gate. Reads the orders awaiting shipment (Unshipped Orders report or Orders API), the ' +
        'tracking numbers assigned to them (an ERP export, or a file: order id, tracking number, carrier) and the ' +
        'tracking data, and per order: releases it when a physical carrier scan exists (ship date = the scan), ' +
        'holds it when not (with why and the hours left), and lists it as overdue when its latest ship date has ' +
        'passed without a scan. Released orders go into an Amazon shipping-confirmation file (--out) or to the ' +
        'Orders API (--submit), and into a ledger so that no order is confirmed twice. Without --out or --submit ' +
        'it is a dry run: it shows what would be released and writes nothing.',
    )
    .argument('[paths...]', 'input files or folders (default: the "inputs" of the config)')
    .option('--out <file>', 'write the released orders as an Amazon shipping-confirmation file (tab-separated)')
    .option('--submit', 'send the released orders to Amazon (Orders API confirmShipment), one at a time')
    .option('--ledger <file>', `what was released and sent (default: ${LEDGER_NAME} beside the check's state file)`)
    .option('--reemit <order-ids...>', 'release these orders again although the ledger has them')
    .option('--as-of <datetime>', 'the moment the gate decides at (default: now)')
    .option('--marketplace-tz <zone>', 'IANA zone of the marketplace (ship dates are written in it)')
    .option('--config <file>', 'config file (default: shipaudit.config.json in the working folder, if present)')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  shipaudit confirm unshipped.txt assigned.csv tracking/            # dry run\n' +
        '  shipaudit confirm unshipped.txt assigned.csv tracking/ --out confirm-upload.txt\n' +
        '  shipaudit fetch && shipaudit confirm --submit                      # hourly, inputs from the config\n\n' +
        'Exit codes: 0 nothing overdue or rejected, 1 an order is overdue or Amazon rejected one,\n' +
        '2 bad usage or input.\n' +
        'See docs/confirm.md.',
    )
    .action((paths: string[], flags: ConfirmFlags) => run(() => runConfirm(paths, flags)));
}

async function runConfirm(paths: string[], flags: ConfirmFlags): Promise<number> {
  checkFormat(flags.format);
  const cwd = process.cwd();
  const settings = await loadSettings({ config: flags.config, marketplaceTz: flags.marketplaceTz }, cwd);
  const base = settings.configFile ? dirname(resolve(settings.configFile)) : cwd;
  const asOfMs = flags.asOf ? parseAsOf(flags.asOf, settings.zone) : Date.now();
  // Without paths: the config's inputs and, when it names sources, what `shipaudit fetch` saved (as check reads).
  const data = settings.config.sources ? (await import('./fetch.js')).dataFolder(settings, cwd) : undefined;
  const inputs =
    paths.length > 0 ? paths : await resolveInputs(settings.config.inputs, base, settings.configFile, [], data);
  const ledgerPath = flags.ledger
    ? resolve(cwd, flags.ledger)
    : resolve(base, dirname(settings.config.state ?? CHECK_DEFAULTS.state), LEDGER_NAME);
  const ledgerShown = relative(cwd, ledgerPath) || ledgerPath;
  // The confirmer is made before anything is read or locked: missing credentials stop the run at once.
  const client = flags.submit ? await makeConfirmer(settings) : undefined;
  const confirmer = client?.confirmer;

  const release = await acquireLock(`${ledgerPath}.lock`, `${ledgerShown}.lock`);
  try {
    const gate = new GateCollector(asOfMs);
    const read = await readAll(inputs, gate, settings);
    const files = read.inputs.filter((i) => !i.skipped).map((i) => i.file);
    const config = settings.configFile ? [settings.configFile] : [];
    const outputs = await Outputs.forInputs([...inputs, ...files, ...config], cwd);
    await outputs.refuseInput(ledgerShown, 'used as the ledger');
    if (flags.out) await outputs.refuseInput(flags.out, 'written as the confirmation file');

    const ledger = await readLedger(ledgerPath, ledgerShown);
    const append = await ledgerAppender(ledgerPath, ledgerShown);
    const now = () => new Date().toISOString();
    // A batch an earlier run recorded for a confirmation file and died before placing: settled first.
    const staged = await settleStagedReleases(ledger, now(), append, (temp) => rm(temp, { force: true }));
    let recovered: Recovered[] | undefined;
    if (confirmer) {
      const unresolved = ledger.unresolved();
      if (unresolved.length > 0) {
        recovered = await recoverSending(unresolved, {
          confirmer,
          record: (r) => append([r]).then(() => ledger.add(r)),
          now,
        });
      }
    }

    const decision = decide({
      orders: gate.orders,
      notAwaiting: gate.notAwaiting,
      packages: packagesOf(gate),
      tracking: gate.tracking,
      ledger: (orderId, number) => ledger.covers(orderId, number),
      released: (orderId, number) => ledger.releases(orderId, number),
      reemit: new Set(flags.reemit ?? []),
      asOfMs,
      zone: settings.zone.zone,
    });

    const delivery: GateDelivery = { ledger: ledgerShown };
    // Rows that could not be read are said, never dropped silently: one may hold the scan a held order waits for.
    const rejected = read.inputs.reduce((n, i) => n + i.rowsRejected, 0);
    if (rejected > 0) {
      const first = read.inputs.flatMap((i) => i.problems)[0];
      delivery.rowsRejected = { count: rejected, first: first && `${first.file}:${first.line}: ${first.message}` };
    }
    // The batch goes into the ledger before the file is put in place, and is settled by the next run if this
    // one dies between the two (see releaseToFile): no crash confirms an order twice or loses one.
    if (flags.out && decision.release.length > 0) {
      // A file of an earlier run not uploaded yet keeps its lines: the ledger has those orders as released,
      // so replacing it would lose them. Upload the file, then remove it.
      const before = await readFile(resolve(cwd, flags.out), 'utf8').catch(() => undefined);
      const kept = before !== undefined && isConfirmationFile(before) ? confirmationLines(before) : [];
      await releaseToFile({
        outputs,
        out: flags.out,
        text: formatConfirmationFile(decision.release, kept),
        fileOptions: {
          // Its first 64 bytes are too few for the header: judged on the whole text read above.
          ownedIf: () => kept.length > 0 || (before !== undefined && isConfirmationFile(before)),
          what: 'a shipping-confirmation file written by shipaudit',
        },
        release: decision.release,
        append,
        now,
      });
      delivery.file = flags.out;
      if (kept.length > 0) delivery.keptLines = kept.length;
    }
    let submitted: SubmitOutcome[] | undefined;
    if (client) {
      submitted = await submitReleases(decision.release, {
        confirmer: client.confirmer,
        record: (r) => append([r]),
        marketplaceId: client.marketplaceId,
        now,
      });
      delivery.submitted = submitted;
    } else {
      const unresolved = decision.skipped.filter((s) => s.status === 'sending').length;
      if (unresolved > 0) delivery.unresolved = unresolved;
    }
    delivery.recovered = recovered;
    delivery.staged = staged;

    if (flags.format === 'json') out(formatGateJson(decision, delivery));
    else outText(formatGateText(decision, delivery, styleFor(process.stdout, 'text'), lang));
    const refused = submitted?.some((s) => s.status !== 'accepted') ?? false;
    return decision.overdue.length > 0 || refused ? EXIT.findings : EXIT.ok;
  } finally {
    await release();
  }
}

/** Assigned numbers, and the numbers of confirmation rows (an ERP export marking orders shipped). */
function packagesOf(gate: GateCollector): GatePackageInput[] {
  const assigned = new Set(gate.assignments.map((a) => a.orderId));
  const fromAssignments = gate.assignments.map((a) => ({ ...a }));
  // An order the assignment files name is watched by those numbers only; an ERP's confirmation row counts
  // for an order none of them names.
  const fromConfirmations = gate.confirmations
    .filter((c) => !assigned.has(c.orderId))
    .map((c) => ({
      orderId: c.orderId,
      orderItemId: c.orderItemId,
      quantity: c.quantity,
      trackingNumber: c.trackingNumber,
      carrier: c.carrier,
      shipMethod: c.shipMethod,
      source: c.source,
    }));
  return [...fromAssignments, ...fromConfirmations];
}

async function readLedger(path: string, shown: string): Promise<Ledger> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Ledger();
    throw describeFailure(shown, e, 'read');
  }
  try {
    return new Ledger(parseLedger(text).records);
  } catch (e) {
    if (e instanceof LedgerFormatError) {
      throw new UsageError(
        `${shown}:${e.line}: ${e.message}; ` +
          'the ledger is what keeps orders from being confirmed twice: repair or move it',
      );
    }
    throw e;
  }
}

/**
 * Appends records (in one write) and syncs them to disk before returning: a record the next run can read is
 * one this run acted on. A last line cut short (power lost mid-append) was never acted on: it is cut off
 * before the first append, so that it never ends up in the middle of the ledger.
 */
async function ledgerAppender(path: string, shown: string): Promise<(r: readonly LedgerRecord[]) => Promise<void>> {
  await mkdir(dirname(path), { recursive: true }).catch((e: unknown) => {
    throw describeFailure(shown, e);
  });
  let checked = false;
  return async (records) => {
    if (records.length === 0) return;
    try {
      if (!checked) await cutTornLine(path);
      checked = true;
      const fh = await open(path, 'a');
      try {
        await fh.write(records.map(serializeRecord).join(''));
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (e) {
      throw describeFailure(shown, e);
    }
  };
}

async function cutTornLine(path: string): Promise<void> {
  const text = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!text || text.length === 0 || text[text.length - 1] === 0x0a) return;
  const fh = await open(path, 'r+');
  try {
    await fh.truncate(text.lastIndexOf(0x0a) + 1);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The SP-API client for --submit (loaded only then): credentials from what the config names. */
async function makeConfirmer(settings: Settings): Promise<{ confirmer: ShipmentConfirmer; marketplaceId: string }> {
  const { amazonConfirmer } = await import('../amazon-confirm.js');
  return amazonConfirmer(settings);
}
