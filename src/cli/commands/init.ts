import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXAMPLE_CONFIG } from '../../check/example-config.js';
import { DEFAULT_CONFIG_NAME } from '../../config/errors.js';
import { UsageError } from '../errors.js';
import { out } from '../io.js';
import { Outputs } from '../write.js';
import { say } from '../lang.js';

export function registerInit(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('init')
    .summary(`write an example ${DEFAULT_CONFIG_NAME} with every key explained`)
    .option('--force', 'overwrite an existing config file')
    .addHelpText(
      'after',
      `\nExamples:\n  shipaudit init            # writes ${DEFAULT_CONFIG_NAME} here, then edit "inputs"\n  shipaudit init --force    # start again from the example (your edits are lost)\n`,
    )
    .action((flags: { force?: boolean }) =>
      run(async () => {
        const file = resolve(DEFAULT_CONFIG_NAME);
        if (existsSync(file) && !flags.force) throw new UsageError(say('init.exists', { file: DEFAULT_CONFIG_NAME }));
        // --force replaces the config the user may have edited: asked for, so no ownership test.
        await (await Outputs.forInputs([])).writeFile(file, EXAMPLE_CONFIG, { replace: true });
        out(`${say('init.wrote', { file: DEFAULT_CONFIG_NAME })}\n`);
        return 0;
      }),
    );
}
