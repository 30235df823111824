import type { Command, Option } from 'commander';
import { LANGS } from '../report/seller-note.js';

/**
 * Shell completion scripts, generated from the commander program itself (its commands, options and
 * option values), so that a new command or option is completed without anyone editing a script. Pure:
 * `completionSpec` reads the program, `completionScript` writes the script text; the CLI prints it.
 */

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** What to offer after an option, or for a command's arguments. */
type Values = { kind: 'words'; words: string[] } | { kind: 'files' } | { kind: 'dirs' } | { kind: 'any' };

interface OptionSpec {
  /** `--format`, and the short form when there is one (`-V`). */
  long?: string;
  short?: string;
  description: string;
  /** What its value is; undefined for a switch that takes none. */
  value?: Values;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What the command's arguments are; undefined when it takes none. */
  args?: Values;
}

export interface CompletionSpec {
  name: string;
  /** The program's own options, taken before or after the command. */
  options: OptionSpec[];
  commands: CommandSpec[];
}

/**
 * Option values that commander does not know as choices because the command checks them itself (to give
 * its own one-line error): by the option's long name. Choices declared with `.choices()` need no entry.
 */
const KNOWN_VALUES: Record<string, readonly string[]> = {
  '--format': ['text', 'json'],
  '--fail-on': ['error', 'warning', 'never'],
  '--lang': LANGS,
};

/** Option arguments named so are paths: completed with file (or folder) names. */
const FILE_ARGS = /^[<[](?:file|path|paths\.\.\.)[>\]]$/;
const DIR_ARGS = /^[<[]dir[>\]]$/;

function valuesOf(o: Option): Values | undefined {
  if (!o.required && !o.optional) return undefined;
  const choices = o.argChoices ?? (o.long ? KNOWN_VALUES[o.long] : undefined);
  if (choices) return { kind: 'words', words: [...choices] };
  const arg = o.flags.split(/[ ,]+/).find((p) => /^[<[]/.test(p)) ?? '';
  if (DIR_ARGS.test(arg)) return { kind: 'dirs' };
  if (FILE_ARGS.test(arg)) return { kind: 'files' };
  return { kind: 'any' };
}

function optionSpecs(cmd: Command): OptionSpec[] {
  const opts: OptionSpec[] = cmd.options
    .filter((o) => !o.hidden)
    .map((o) => ({ long: o.long, short: o.short, description: o.description, value: valuesOf(o) }));
  // Help is implicit in commander: not among `options`, but taken everywhere.
  opts.push({ long: '--help', short: '-h', description: 'display help for command' });
  return opts;
}

/** The spec of a program whose commands are all registered. */
export function completionSpec(program: Command): CompletionSpec {
  const commands = program.commands.map((c): CommandSpec => {
    const args = c.registeredArguments;
    const choices = args.find((a) => a.argChoices)?.argChoices;
    const isPaths = args.some((a) => /path/.test(a.name()));
    return {
      name: c.name(),
      description: c.summary() || c.description().split('\n')[0],
      options: optionSpecs(c),
      args: choices
        ? { kind: 'words', words: [...choices] }
        : isPaths
          ? { kind: 'files' }
          : args.length > 0
            ? { kind: 'any' }
            : undefined,
    };
  });
  // Commander's implicit `help [command]`, not among `commands`.
  const names = commands.map((c) => c.name);
  if (!names.includes('help'))
    commands.push({
      name: 'help',
      description: 'display help for command',
      options: [],
      args: { kind: 'words', words: names },
    });
  return { name: program.name(), options: optionSpecs(program), commands };
}

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return { bash, zsh, fish, powershell }[shell](spec);
}

/** A command's options and the program's, each once (both have --help). */
const withGlobal = (c: CommandSpec, spec: CompletionSpec) => [
  ...c.options,
  ...spec.options.filter((g) => !c.options.some((o) => o.long === g.long)),
];
const flagsOf = (o: OptionSpec) => [o.long, o.short].filter((f): f is string => f !== undefined);
const takesValue = (o: OptionSpec) => o.value !== undefined;
const fnName = (spec: CompletionSpec) => `_${spec.name.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** A string as one single-quoted word of a POSIX shell (bash, zsh). */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** One line of a description: no newlines, no tabs. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function bash(spec: CompletionSpec): string {
  const fn = fnName(spec);
  const valueFlags = (opts: OptionSpec[]) => opts.filter(takesValue).flatMap(flagsOf);
  const globalValueFlags = valueFlags(spec.options);
  const cases: string[] = [];
  const reply = (v: Values) =>
    v.kind === 'words'
      ? `COMPREPLY=($(compgen -W ${sq(v.words.join(' '))} -- "$cur")); return ;;`
      : v.kind === 'dirs'
        ? 'COMPREPLY=($(compgen -d -- "$cur")); return ;;'
        : v.kind === 'files'
          ? // Nothing here, so that bash falls back to file names (-o default).
            'return ;;'
          : // A value to type (a date, a zone): no file names offered either.
            'compopt +o default +o bashdefault 2>/dev/null; COMPREPLY=(); return ;;';
  for (const c of spec.commands) {
    for (const o of c.options.filter(takesValue)) {
      cases.push(
        `    ${flagsOf(o)
          .map((f) => `${c.name}:${f}`)
          .join('|')}) ${reply(o.value!)}`,
      );
    }
  }
  for (const o of spec.options.filter(takesValue))
    cases.push(
      `    ${flagsOf(o)
        .map((f) => `*:${f}`)
        .join('|')}) ${reply(o.value!)}`,
    );
  const optionWords = spec.commands.map(
    (c) => `    ${c.name}) opts=${sq(withGlobal(c, spec).flatMap(flagsOf).join(' '))} ;;`,
  );
  const argCases = spec.commands
    .filter((c) => c.args?.kind === 'words' || c.args?.kind === 'dirs')
    .map((c) => `    ${c.name}) ${reply(c.args!)}`);
  const skip = [...new Set([...globalValueFlags, ...spec.commands.flatMap((c) => valueFlags(c.options))])];
  return `# ${spec.name} completion for bash. Load it in this shell:  source <(${spec.name} completion bash)
# or for every shell:  ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${skip.length > 0 ? `${skip.join('|')}) ((i++)) ;;` : ''}
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd:$prev" in
${cases.join('\n')}
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W ${sq(spec.options.flatMap(flagsOf).join(' '))} -- "$cur"))
    else
      COMPREPLY=($(compgen -W ${sq(spec.commands.map((c) => c.name).join(' '))} -- "$cur"))
    fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    local opts=""
    case "$cmd" in
${optionWords.join('\n')}
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
${argCases.join('\n')}
  esac
}
complete -o default -o bashdefault -F ${fn} ${spec.name}
`;
}

/** Text inside the brackets of a zsh `_arguments` spec: `]`, `:` and `\\` escaped. */
const zdesc = (s: string) => oneLine(s).replace(/([\\\]:[])/g, '\\$1');

function zshAction(v: Values | undefined): string {
  if (!v) return '';
  if (v.kind === 'words') return `:value:(${v.words.join(' ')})`;
  if (v.kind === 'files') return ':file:_files';
  if (v.kind === 'dirs') return ':folder:_files -/';
  return ':value: ';
}

function zshOption(o: OptionSpec): string {
  const flags = flagsOf(o);
  const desc = `[${zdesc(o.description)}]${zshAction(o.value)}`;
  if (flags.length === 1) return sq(`${flags[0]}${desc}`);
  // Either form, given once: '(-h --help)'{-h,--help}'[…]'
  return `${sq(`(${flags.join(' ')})`)}{${flags.join(',')}}${sq(desc)}`;
}

function zsh(spec: CompletionSpec): string {
  const fn = fnName(spec);
  const commands = spec.commands.map((c) => `      ${sq(`${c.name}:${oneLine(c.description).replace(/:/g, '\\:')}`)}`);
  const perCommand = spec.commands.map((c) => {
    const args = c.args
      ? ` ${sq(`*:${c.args.kind === 'files' ? 'file:_files' : c.args.kind === 'dirs' ? 'folder:_files -/' : c.args.kind === 'words' ? `value:(${c.args.words.join(' ')})` : 'value: '}`)}`
      : '';
    return `        (${c.name}) _arguments -s ${withGlobal(c, spec).map(zshOption).join(' ')}${args} ;;`;
  });
  return `#compdef ${spec.name}
# ${spec.name} completion for zsh. Load it in this shell:  source <(${spec.name} completion zsh)
# or for every shell: save it as _${spec.name} in a folder of $fpath, before compinit runs.
${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C -s ${spec.options.map(zshOption).join(' ')} '1: :->command' '*:: :->args'
  case $state in
    (command)
      local -a commands
      commands=(
${commands.join('\n')}
      )
      _describe -t commands 'command' commands
      ;;
    (args)
      case $line[1] in
${perCommand.join('\n')}
      esac
      ;;
  esac
}
if [[ "\${funcstack[1]}" == "${fn}" ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.name}
fi
`;
}

function fishOption(name: string, cond: string | undefined, o: OptionSpec): string {
  const parts = [`complete -c ${name}`];
  if (cond) parts.push(`-n ${sq(cond)}`);
  if (o.long) parts.push(`-l ${o.long.slice(2)}`);
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (o.value?.kind === 'words') parts.push(`-x -a ${sq(o.value.words.join(' '))}`);
  else if (o.value?.kind === 'dirs') parts.push(`-x -a '(__fish_complete_directories)'`);
  else if (o.value?.kind === 'files') parts.push('-r -F');
  else if (o.value) parts.push('-x');
  parts.push(`-d ${sq(oneLine(o.description))}`);
  return parts.join(' ');
}

function fish(spec: CompletionSpec): string {
  const n = spec.name;
  const lines = [
    `# ${n} completion for fish. Load it in this shell:  ${n} completion fish | source`,
    `# or for every shell:  ${n} completion fish > ~/.config/fish/completions/${n}.fish`,
    `complete -c ${n} -e`,
    ...spec.options.map((o) => fishOption(n, undefined, o)),
    ...spec.commands.map(
      (c) => `complete -c ${n} -n '__fish_use_subcommand' -f -a ${c.name} -d ${sq(oneLine(c.description))}`,
    ),
  ];
  for (const c of spec.commands) {
    const cond = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.filter((o) => o.long !== '--help').map((o) => fishOption(n, cond, o)));
    if (c.args?.kind === 'words') lines.push(`complete -c ${n} -n ${sq(cond)} -f -a ${sq(c.args.words.join(' '))}`);
    if (c.args === undefined) lines.push(`complete -c ${n} -n ${sq(cond)} -f`);
  }
  return `${lines.join('\n')}\n`;
}

/** A PowerShell single-quoted string: `'` doubled. */
const psq = (s: string) => `'${s.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
const psArray = (xs: readonly string[]) => `@(${xs.map(psq).join(', ')})`;

function psValues(v: Values | undefined): string {
  if (!v) return '$null';
  if (v.kind === 'words') return psArray(v.words);
  return psq(v.kind);
}

function psOptions(opts: OptionSpec[]): string {
  return `@{ ${opts.flatMap((o) => flagsOf(o).map((f) => `${psq(f)} = ${psValues(o.value)}`)).join('; ')} }`;
}

function powershell(spec: CompletionSpec): string {
  const n = spec.name;
  const commands = spec.commands.map(
    (c) =>
      `    ${psq(c.name)} = @{ Description = ${psq(oneLine(c.description))}; Options = ${psOptions(c.options)}; Args = ${psValues(c.args)} }`,
  );
  return `# ${n} completion for PowerShell. Load it in this session:  ${n} completion powershell | Out-String | Invoke-Expression
# or for every session: add that line to your profile (notepad $PROFILE).
Register-ArgumentCompleter -Native -CommandName ${[n, `${n}.exe`, `${n}.cmd`, `${n}.ps1`].map(psq).join(', ')} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $globalOptions = ${psOptions(spec.options)}
  $commands = [ordered]@{
${commands.join('\n')}
  }
  # The words before the cursor, the one being completed left out.
  $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition -or ($_.Extent.EndOffset -eq $cursorPosition -and $wordToComplete -eq '') } | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $words.Count -gt 0 -and $words[-1] -eq $wordToComplete) { $words = @($words | Select-Object -SkipLast 1) }
  $command = $null
  for ($i = 1; $i -lt $words.Count; $i++) {
    $w = $words[$i]
    if ($w.StartsWith('-')) {
      if ($globalOptions[$w] -or ($command -and $commands[$command].Options[$w])) { $i++ }
      continue
    }
    if (-not $command) { $command = $w }
  }
  $previous = if ($words.Count -gt 0) { $words[-1] } else { '' }
  $options = $globalOptions.Clone()
  if ($command -and $commands.Contains($command)) { foreach ($k in $commands[$command].Options.Keys) { $options[$k] = $commands[$command].Options[$k] } }
  $candidates = @()
  $values = if ($options.ContainsKey($previous)) { $options[$previous] } else { $null }
  if ($values -is [array]) { $candidates = $values }
  elseif ($values -is [string]) { return }
  elseif ($wordToComplete.StartsWith('-')) { $candidates = @($options.Keys) }
  elseif (-not $command) { $candidates = @($commands.Keys) }
  elseif ($commands[$command].Args -is [array]) { $candidates = $commands[$command].Args }
  else { return }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | Sort-Object | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}
