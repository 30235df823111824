import { Command, CommanderError, Option } from 'commander';
import { isLang } from '../i18n/lang.js';
import { refuseEmptyValues } from './empty-values.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { endRunProgress, err, loadProgressLibrary } from './io.js';
import { decideLang, helpInLanguage, lang, say, translateHelpAfter, commanderMessage } from './lang.js';
import { COLOR_CHOICES, setColorChoice, type ColorChoice } from './terminal.js';
import { VERSION } from './version.js';

// Before anything says a word: this command line's language.
decideLang(process.argv.slice(2), process.env);

// A reader that stops early (`shipaudit audit … | head`) closes the pipe: the rest of the output is not
// wanted, which is no failure to report (Node would throw EPIPE with a stack trace). The command runs on
// and exits with its own code; later writes go nowhere.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  err(`${say('failure.stdout', { message: e.message })}\n`);
  process.exit(EXIT.usage);
});

const program = new Command();
program
  .name('shipaudit')
  .description(
    'Audit Amazon merchant-fulfilled orders: find shipments confirmed before the carrier had them, or late, and produce the evidence for a Plan of Action.',
  )
  .version(VERSION)
  .addOption(
    new Option('--color <when>', 'colour the text output: auto (a terminal, unless NO_COLOR), always or never')
      .choices(COLOR_CHOICES)
      .default('auto'),
  )
  .addOption(
    new Option(
      '--lang <lang>',
      'language of messages, help and reports: en or zh (default: SHIPAUDIT_LANG, else LC_ALL, LC_MESSAGES or LANG; zh_* gives zh)',
    ),
  )
  .hook('preAction', (cmd, action) => {
    setColorChoice(cmd.opts().color as ColorChoice);
    // Checked here rather than by commander's choices, for the one-line error every other value gets.
    const asked = cmd.opts().lang as string | undefined;
    if (asked !== undefined && !isLang(asked)) throw new UsageError(say('usage.lang', { got: asked }));
    refuseEmptyValues(action);
  })
  .showHelpAfterError(say('usage.hint'))
  .exitOverride()
  // The language was read from the command line before parsing (lang.ts): --lang is declared here for
  // --help and for commander to check its value, and is seen by every command as a global option.
  .configureOutput({ writeErr: err, outputError: (message, write) => write(commanderMessage(message)) });
// Every command's help lists the program's options too (--lang, --color), in either language.
program.configureHelp(lang === 'en' ? { showGlobalOptions: true } : helpInLanguage());

/** Runs a command body and turns its result or failure into the process's exit code. */
async function run(fn: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await fn();
  } catch (e) {
    process.exitCode = reportFailure(e, err);
  } finally {
    endRunProgress();
  }
}

type Register = (program: Command, runner: typeof run) => void;

/**
 * Commands in the order `--help` lists them. Only the command being run is loaded: some pull in large
 * libraries (the workbook writer alone takes longer to load than a month of orders takes to audit).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  inspect: async () => (await import('./commands/inspect.js')).registerInspect,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  check: async () => (await import('./commands/check.js')).registerCheck,
  fetch: async () => (await import('./commands/fetch.js')).registerFetch,
  init: async () => (await import('./commands/init.js')).registerInit,
  appeal: async () => (await import('./commands/appeal.js')).registerAppeal,
  confirm: async () => (await import('./commands/confirm.js')).registerConfirm,
  completion: async () => (await import('./commands/completion.js')).registerCompletion,
};

/** The command lines that only ask for the version. */
const VERSION_ONLY = new Set(['--version', '-V']);

/**
 * Loads the command asked for (all of them for help and completion) and runs it. A function rather than
 * top-level await, so that the CLI also bundles into the one CommonJS script of a single executable.
 */
async function main(argv: string[]): Promise<void> {
  const asked = argv[2];
  // `--version` alone needs no command; help, completion and an unknown command need them all.
  const needed =
    asked !== undefined && asked in COMMANDS && asked !== 'completion'
      ? [asked]
      : VERSION_ONLY.has(argv.slice(2).join(' '))
        ? []
        : Object.keys(COMMANDS);
  const [registers] = await Promise.all([Promise.all(needed.map((name) => COMMANDS[name]())), loadProgressLibrary()]);
  for (const register of registers) register(program, run);
  translateHelpAfter(program);

  try {
    await program.parseAsync(argv);
  } catch (e) {
    // Commander has already printed its own message; help and version are not failures.
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else process.exitCode = reportFailure(e, err);
  }
}

/** The whole command: settled when it has run (a process that imports main.js more than once awaits it). */
export const finished: Promise<void> = main(process.argv).catch((e: unknown) => {
  process.exitCode = reportFailure(e, err);
});
