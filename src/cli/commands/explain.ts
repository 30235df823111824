import type { Command } from 'commander';
import { Collector } from '../../audit/collect.js';
import { audit } from '../../audit/run.js';
import { computeLatestShipDate } from '../../audit/ship-by.js';
import type { ConfirmationRecord, OrderRecord, TrackingEvent } from '../../model/records.js';
import type { Stamp } from '../../model/timestamp.js';
import { EventWindow, explainJson, formatExplainText, type Timeline } from '../../report/explain.js';
import { limit } from '../../read/bounds.js';
import { readInput } from '../../read/index.js';
import { EXIT, UsageError } from '../errors.js';
import { readAll, warnSkipped } from '../inputs.js';
import { out, outText, styleFor } from '../io.js';
import { lang, say } from '../lang.js';
import { auditOptions, loadSettings, parseAsOf, useMarketplaces, type CommonFlags } from '../settings.js';
import { checkFormat } from './audit.js';

export function registerExplain(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('explain')
    .summary('show the timeline of one order and the rules it breaks')
    .description('Purchase, latest ship date, each confirmation, each carrier event with its classification and the zone its time was read in, then the findings for the order.')
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
        if (flags.asOf) settings.asOfMs = parseAsOf(flags.asOf, settings.zone);
        // What the collector leaves out as later than --as-of is left out of the timeline too.
        const known = (at: Stamp | undefined) => (at?.epochMs ?? -Infinity) <= (settings.asOfMs ?? Infinity);
        const readOnce = async () => {
          const orders: OrderRecord[] = [];
          const confirmations: ConfirmationRecord[] = [];
          const collector = new Collector({ asOfMs: settings.asOfMs });
          const sink = {
            order: (r: OrderRecord) =>
              (collector.order(r), r.orderId === orderId && known(r.purchasedAt) && orders.push(r)),
            confirmation: (r: ConfirmationRecord) =>
              (collector.confirmation(r), r.orderId === orderId && known(r.confirmedAt) && confirmations.push(r)),
            event: (e: TrackingEvent) => collector.event(e),
            package: collector.package.bind(collector),
          };
          return { orders, confirmations, collector, ...(await readAll(paths, sink, settings)) };
        };
        let read = await readOnce();
        // The orders' sales channels may name the marketplace zone: then everything is read again in it.
        const first = read.collector;
        if (useMarketplaces(settings, first.marketplaces, (id) => first.marketplaceOfOrder(id))) {
          if (flags.asOf) settings.asOfMs = parseAsOf(flags.asOf, settings.zone);
          read = await readOnce();
        }
        const { orders, confirmations, collector, inputs, reports, unclassified, unclassifiedMore } = read;
        warnSkipped(inputs);
        if (orders.length === 0 && confirmations.length === 0) throw new UsageError(say('usage.orderNotFound', { orderId }));

        // Second pass over the tracking files only, keeping every event of this order's numbers.
        const numbers = new Set(confirmations.map((c) => c.trackingNumber).filter((n) => n !== ''));
        // A bounded window of them: one number can have millions of events.
        const window = new EventWindow(limit('explainEvents'));
        for (const r of reports.filter((r) => r.kind === 'tracking-events' || r.kind === 'tracking-api')) {
          const sink = {
            event: (e: TrackingEvent) => void (numbers.has(e.trackingNumber) && known(e.at) && window.add(e)),
          };
          await readInput(r.file, sink, settings.readOptionsFor(r.file));
        }
        const { events, omitted } = window.result();

        const result = audit(
          collector,
          auditOptions(settings, { inputs, unclassified, unclassifiedMore }, { window: {}, asOfMs: settings.asOfMs }),
        );
        const purchased = orders.find((o) => o.purchasedAt)?.purchasedAt;
        const given = orders.find((o) => o.latestShipDate)?.latestShipDate;
        const timeline: Timeline = {
          orderId,
          zone: settings.zone.zone,
          asOf: result.asOf,
          orders,
          latestShipDate: given
            ? { stamp: given, computed: false }
            : purchased && { stamp: computeLatestShipDate(purchased, settings.handling), computed: true },
          confirmations,
          events,
          eventsOmitted: omitted,
          findings: result.findings.filter((f) => f.orderId === orderId),
        };
        if (flags.format === 'json') out(`${JSON.stringify(explainJson(timeline), null, 2)}\n`);
        else outText(formatExplainText(timeline, styleFor(process.stdout, 'text'), lang));
        return timeline.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
      }),
    );
}
