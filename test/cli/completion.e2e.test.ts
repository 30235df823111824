import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completionScript, completionSpec, SHELLS, type Shell } from '../../src/cli/completion.js';
import { runCli } from '../helpers/cli.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'shipaudit-completion-'));

/** The commands `shipaudit --help` lists: what every script must name. */
function helpCommands(): string[] {
  const help = runCli(['--help']).stdout;
  const section = help.slice(help.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
}

// [shell, how to check a script's syntax without running it]
const SYNTAX: Array<[Shell, string[]]> = [
  ['bash', ['bash', '-n']],
  ['zsh', ['zsh', '-n']],
  ['fish', ['fish', '--no-execute']],
];

const scripts = new Map<Shell, string>();
function script(shell: Shell): string {
  if (!scripts.has(shell)) {
    const r = runCli(['completion', shell]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    scripts.set(shell, r.stdout);
  }
  return scripts.get(shell)!;
}

function saved(shell: Shell): string {
  const file = join(dir, `completion.${shell}`);
  writeFileSync(file, script(shell));
  return file;
}

describe('shipaudit completion <shell>', () => {
  const commands = helpCommands();

  it('the help lists the commands the scripts are checked against', () => {
    expect(commands).toEqual(expect.arrayContaining(['audit', 'check', 'appeal', 'confirm', 'completion', 'help']));
  });

  it.each(SHELLS)('%s: names every command and the values of --format, --fail-on, --lang and --color', (shell) => {
    const text = script(shell);
    for (const c of commands) expect(text).toMatch(new RegExp(`\\b${c}\\b`));
    for (const option of ['--format', '--fail-on', '--lang', '--color', '--marketplace-tz', '--fixed-on']) {
      expect(text).toContain(shell === 'fish' ? `-l ${option.slice(2)}` : option);
    }
    for (const value of ['json', 'warning', 'zh', 'always', 'powershell']) expect(text).toContain(value);
  });

  // Skipped, and so reported, where the shell is not installed (bash always is).
  for (const [shell, [cmd, ...args]] of SYNTAX) {
    it.skipIf(!has(cmd))(`${shell}: the script is valid for the shell`, () => {
      const r = spawnSync(cmd, [...args, saved(shell)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it.skipIf(!has('zsh'))('zsh: sourced after compinit, it is the completion of shipaudit', () => {
    const call = `autoload -U compinit && compinit -u -D; source ${saved('zsh')}; print -r -- $_comps[shipaudit]`;
    const r = spawnSync('zsh', ['-f', '-c', call], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('_shipaudit\n');
  });

  it('an unknown shell is a usage error', () => {
    const r = runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish, powershell');
  });

  // [words typed, the word being completed last, what bash offers]
  const BASH: Array<[string[], string[]]> = [
    [['shipaudit', 'au'], ['audit']],
    [['shipaudit', 'audit', '--fa'], ['--fail-on']],
    [
      ['shipaudit', 'audit', '--format', ''],
      ['text', 'json'],
    ],
    [['shipaudit', 'audit', '--fail-on', 'w'], ['warning']],
    [
      ['shipaudit', '--color', ''],
      ['auto', 'always', 'never'],
    ],
    [['shipaudit', '--color', 'never', 'che'], ['check']],
    [
      ['shipaudit', 'appeal', '--lang', ''],
      ['en', 'zh'],
    ],
    [['shipaudit', 'completion', 'p'], ['powershell']],
    [['shipaudit', 'help', 'app'], ['appeal']],
    [['shipaudit', 'check', '--out', 'x', '--f'], ['--format']],
  ];
  it.each(BASH)('bash completes %j to %j', (words, want) => {
    const cword = words.length - 1;
    const call = `source ${saved('bash')}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cword}; _shipaudit; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', call], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(want);
  });

  // [command line typed so far, what fish offers]
  const FISH: Array<[string, string[]]> = [
    ['shipaudit audit --format ', ['json', 'text']],
    ['shipaudit ch', ['check']],
    ['shipaudit check --fo', ['--format']],
    ['shipaudit completion z', ['zsh']],
  ];
  it.skipIf(!has('fish')).each(FISH)('fish completes "%s" to %j', (line, want) => {
    const r = spawnSync('fish', ['-c', `source ${saved('fish')}; complete -C "${line}"`], { encoding: 'utf8' });
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(want);
  });
});

describe('completionScript: quoting the texts of a program', () => {
  // A program whose descriptions hold every quote a shell cares about, and Chinese (as translated help will).
  const program = new Command('tool').option('--color <when>', 'it\'s "quoted": [a] $HOME `x` ‘y’');
  program
    .command('go')
    .summary('运行: 审核')
    .addOption(new Option('--mode <m>', 'the mode').choices(['fast', 'slow']))
    .option('--out <dir>', 'folder')
    .option('--dry', 'no value');
  program.command('shell').addArgument(new Argument('<name>').choices(['a', 'b']));
  const spec = completionSpec(program);

  it('reads choices, folders, switches and arguments from commander', () => {
    const go = spec.commands.find((c) => c.name === 'go')!;
    expect(go.description).toBe('运行: 审核');
    expect(go.options.map((o) => [o.long, o.value])).toEqual([
      ['--mode', { kind: 'words', words: ['fast', 'slow'] }],
      ['--out', { kind: 'dirs' }],
      ['--dry', undefined],
      ['--help', undefined],
    ]);
    expect(spec.commands.find((c) => c.name === 'shell')!.args).toEqual({ kind: 'words', words: ['a', 'b'] });
    expect(spec.commands.find((c) => c.name === 'help')!.args).toEqual({ kind: 'words', words: ['go', 'shell'] });
  });

  for (const [shell, [cmd, ...args]] of SYNTAX) {
    it.skipIf(!has(cmd))(`${shell}: the quoted texts keep the script valid`, () => {
      const file = join(dir, `quoted.${shell}`);
      writeFileSync(file, completionScript(shell, spec));
      const r = spawnSync(cmd, [...args, file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  it('PowerShell: single quotes, typographic ones too, are doubled', () => {
    const ps = completionScript('powershell', spec);
    expect(ps).toContain(`'运行: 审核'`);
    expect(ps).toContain(`'--mode' = @('fast', 'slow')`);
    expect(ps).toContain(`'--out' = 'dirs'`);
    expect(ps).toContain(`'--dry' = $null`);
  });

  it('fish: a description with a quote stays one word', () => {
    expect(completionScript('fish', spec)).toContain(`-d 'it'\\''s "quoted": [a] $HOME \`x\` ‘y’'`);
  });
});
