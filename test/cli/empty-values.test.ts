import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { refuseEmptyValues } from '../../src/cli/empty-values.js';
import { UsageError } from '../../src/cli/errors.js';
import { say } from '../../src/cli/lang.js';
import { t } from '../../src/i18n/catalogue.js';

/** A command declared as shipaudit's are: path options, value options, a variadic option, paths. */
function parsed(args: string[]): Command {
  const cmd = new Command('audit')
    .exitOverride()
    .argument('[paths...]', 'inputs')
    .option('--evidence <path>', 'evidence CSV')
    .option('--out <dir>', 'folder')
    .option('--state <file>', 'state')
    .option('--from <date>', 'first day')
    .option('--reemit <order-ids...>', 'orders')
    .option('--format <format>', 'text or json', 'text')
    .option('--force', 'force')
    .action(() => undefined);
  cmd.parse(args, { from: 'user' });
  return cmd;
}

function refusal(args: string[]): string | undefined {
  try {
    refuseEmptyValues(parsed(args));
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
}

describe('refuseEmptyValues', () => {
  it.each<[string[], string, boolean]>([
    [['in', '--evidence', ''], '--evidence', true],
    [['in', '--out', ''], '--out', true],
    [['in', '--state', ''], '--state', true],
    [['in', '--from', ''], '--from', false],
    [['in', '--reemit', '113-1', ''], '--reemit', false],
    [['in', '--format', ''], '--format', false],
    [['in', ''], '<paths>', true],
    [[''], '<paths>', true],
  ])('%j → "%s" refused', (args, what, path) => {
    expect(refusal(args)).toBe(say('usage.empty', { what, path }));
  });

  it.each([
    [['in', '--evidence', 'e.csv', '--out', 'o', '--state', 's.json', '--force']],
    [['in', '--reemit', '113-1']],
    [[]],
    [['in']],
  ])('%j passes', (args) => {
    expect(refusal(args)).toBeUndefined();
  });

  it('says which option, and that it wants a path', () => {
    expect(t('en', 'usage.empty', { what: '--evidence', path: true })).toBe(
      '--evidence: expected a path, got an empty one ("")',
    );
    expect(t('en', 'usage.empty', { what: '--from', path: false })).toBe(
      '--from: expected a value, got an empty one ("")',
    );
    expect(t('zh', 'usage.empty', { what: '--evidence', path: true })).toBe('--evidence：应为路径，收到的是空值（""）');
  });
});
