import type { Command } from 'commander';
import { explainOrder } from '../../audit/explain.js';
import { explainJson, formatExplainText } from '../../report/explain.js';
import { EXIT } from '../errors.js';
import { load, warnSkipped } from '../load.js';
import { out, outText, styleFor } from '../io.js';
import { lang } from '../lang.js';
import { auditOptions, loadSettings, parseAsOf, type CommonFlags } from '../settings.js';
import { checkFormat } from './audit.js';

export function registerExplain(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('explain')
    .summary('show the timeline of one order and the rules it breaks')
    .description(
      'Purchase, latest ship date, each confirmation, each carrier event with its classification and the zone its time was read in, then the findings for the order.',
    )
    .argument('<order-id>', 'the Amazon order id, e.g. 113-1234567-1234567')
    .argument('<paths...>', 'input files or folders, as for audit')
    .option('--format <format>', 'text or json', 'text')
    .option('--grace <duration>', 'grace before the first carrier scan (default 24h)')
    .option('--marketplace-tz <zone>', 'IANA zone of the marketplace')
    .option('--config <file>', 'config file')
    .option('--as-of <datetime>', 'the moment the audit is judged at (default: the newest tracking event read)')
    .addHelpText('after', '\nExample:\n  shipaudit explain 111-7625964-1065606 fixtures/sample-month')
    .action((orderId: string, paths: string[], flags: CommonFlags & { format: string; asOf?: string }) =>
      run(async () => {
        checkFormat(flags.format);
        const settings = await loadSettings(flags);
        const asOf = () => {
          if (flags.asOf) settings.asOfMs = parseAsOf(flags.asOf, settings.zone);
        };
        asOf();
        // The orders' sales channels may name the marketplace zone: --as-of is then read again in it.
        const loaded = await load(paths, settings, { keepOrder: orderId, rezoned: asOf });
        warnSkipped(loaded.inputs);
        const opts = auditOptions(settings, loaded, { window: {}, asOfMs: settings.asOfMs });
        const timeline = await explainOrder(orderId, loaded, settings, opts);
        if (flags.format === 'json') out(`${JSON.stringify(explainJson(timeline), null, 2)}\n`);
        else outText(formatExplainText(timeline, styleFor(process.stdout, 'text'), lang));
        return timeline.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
      }),
    );
}
