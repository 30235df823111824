import { Help, type Argument, type Command, type Option } from 'commander';
import { t, type MessageKey, type Params } from '../i18n/catalogue.js';
import { commanderErrorZh, HELP_AFTER_ZH, HELP_TITLES_ZH, HELP_ZH } from '../i18n/help.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import { translateSentence } from '../i18n/sentences.js';
import { displayWidth } from '../report/style.js';
import { wrapLine } from './terminal.js';

/**
 * The language of this run, decided once from `--lang` and the environment before commander parses the
 * command line (the help texts are written in it). The CLI is the only part that reads the environment:
 * reporters are handed the language.
 */
export let lang: Lang = resolveLang(process.argv.slice(2), process.env);

/**
 * Decides the language again for a new command line: main.ts calls it first, so that a process that runs
 * the CLI more than once (the tests' CLI host) gives each run its own language. Importers see the new value
 * (an ES module binding is live).
 */
export function decideLang(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  lang = resolveLang(argv, env);
}

/** A catalogue message in this run's language. */
export function say<K extends MessageKey>(
  key: K,
  ...params: Params<K> extends Record<string, never> ? [] : [Params<K>]
): string {
  return t(lang, key, ...params) as string;
}

/** An English sentence from a reader or the audit, in this run's language. */
export const sentence = (s: string) => translateSentence(lang, s);

/** Commander's own error messages (unknown option, missing argument…) in this run's language. */
export function commanderMessage(message: string): string {
  return lang === 'zh' ? commanderErrorZh(message) : message;
}

/** A help text in this run's language: the English one where no translation is known. */
const helpText = (english: string) => (lang === 'zh' ? (HELP_ZH[english] ?? english) : english);

/** The words commander adds after a description: "(choices: …, default: …)". */
const helpExtra = (extra: string) =>
  extra.replace(/^ \(/, '（').replace(/\)$/, '）').replace('choices: ', '可选值：').replace('default: ', '默认：');

/**
 * Commander's help formatter in this run's language: titles, descriptions of commands, arguments and
 * options, the usage line's placeholders; CJK characters counted two columns wide when wrapping.
 */
export function helpInLanguage(): Partial<Help> {
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => HELP_TITLES_ZH[title] ?? title,
    displayWidth: (s: string) => displayWidth(s),
    commandUsage(this: Help, cmd: Command) {
      return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    subcommandTerm(this: Help, cmd: Command) {
      return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', '[选项]');
    },
    // Commander breaks lines at spaces only; Chinese has none between its words.
    boxWrap: (text: string, width: number) =>
      text
        .split('\n')
        .flatMap((line) => wrapLine(line, width))
        .join('\n'),
    commandDescription: (cmd: Command) => helpText(cmd.description()),
    subcommandDescription: (cmd: Command) => helpText(cmd.summary() || cmd.description()),
    optionDescription(this: Help, option: Option) {
      const english = Help.prototype.optionDescription.call(this, option);
      const own = option.description;
      return english.startsWith(own) ? helpText(own) + helpExtra(english.slice(own.length)) : english;
    },
    argumentDescription(this: Help, argument: Argument) {
      const english = Help.prototype.argumentDescription.call(this, argument);
      const own = argument.description;
      return english.startsWith(own) ? helpText(own) + helpExtra(english.slice(own.length)) : english;
    },
  };
}

/** Each command's text after its options (examples, exit codes), replaced by the translation. */
export function translateHelpAfter(program: Command): void {
  if (lang !== 'zh') return;
  for (const cmd of program.commands) {
    const zh = HELP_AFTER_ZH[cmd.name()];
    // A Command is an EventEmitter; its typings leave that out.
    const events = cmd as unknown as NodeJS.EventEmitter;
    if (zh === undefined || events.listenerCount('afterHelp') === 0) continue;
    events.removeAllListeners('afterHelp');
    cmd.addHelpText('after', zh);
  }
}
