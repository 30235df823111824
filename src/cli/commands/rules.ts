import type { Command } from 'commander';
import { SCHEMA_VERSION } from '../../report/json.js';
import { formatRulesText } from '../../report/rules.js';
import { RULES } from '../../rules/index.js';
import { EXIT } from '../errors.js';
import { out, outText, styleFor } from '../io.js';
import { lang } from '../lang.js';
import { checkFormat } from './audit.js';

export function registerRules(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('rules')
    .summary('list the rules with their severity and options')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      '\nExamples:\n  shipaudit rules\n  shipaudit rules --format json\n\n' +
        'Change a severity or option in the config file, e.g.\n  "rules": { "late-handover": "error", "confirmed-before-handover": { "graceHours": 12 } }',
    )
    .action((flags: { format: string }) =>
      run(() => {
        checkFormat(flags.format);
        const metas = RULES.map((r) => r.meta);
        if (flags.format === 'json')
          out(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, rules: metas }, null, 2)}\n`);
        else outText(formatRulesText(metas, styleFor(process.stdout, 'text'), lang));
        return Promise.resolve(EXIT.ok);
      }),
    );
}
