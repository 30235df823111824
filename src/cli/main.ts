import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerExplain } from './commands/explain.js';
import { registerInspect } from './commands/inspect.js';
import { registerRules } from './commands/rules.js';
import { EXIT, reportFailure } from './errors.js';
import { err } from './io.js';
import { VERSION } from './version.js';

const program = new Command();
program
  .name('shipaudit')
  .description('Audit Amazon merchant-fulfilled orders: find shipments confirmed before the carrier had them, or late,\nand produce the evidence for a Plan of Action.')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ writeErr: err });

/** Runs a command body and turns its result or failure into the process's exit code. */
async function run(fn: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await fn();
  } catch (e) {
    process.exitCode = reportFailure(e, err);
  }
}

registerAudit(program, run);
registerInspect(program, run);
registerExplain(program, run);
registerRules(program, run);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Commander has already printed its own message; help and version are not failures.
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else process.exitCode = reportFailure(e, err);
}
