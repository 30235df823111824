import { loadShipments, type Loaded, type LoadHooks, type LoadOptions } from '../engine/index.js';
import type { InputSummary } from '../model/result.js';
import { err, runProgress, timing } from './io.js';
import { say, sentence } from './lang.js';
import { useMarketplaces, type Settings } from './settings.js';

/** The engine's hooks as the CLI fills them: the run's progress line, timings, notes on stderr. */
const CLI_HOOKS: LoadHooks = {
  progress() {
    const report = runProgress();
    return report && { report, end: () => undefined };
  },
  step: (name) => runProgress()?.(name),
  phase: timing,
  note: err,
};

/** The rule pass's progress, for AuditOptions.progress: shipments checked of all. */
export function rulesProgress(): ((done: number, total: number) => void) | undefined {
  const p = runProgress();
  return p && ((done, total) => p(say('progress.rules'), done, total, say('progress.shipments')));
}

/**
 * Every command's way in: the engine reads, folds and joins; the CLI decides the marketplace zone from the
 * orders' sales channels when none was configured (see useMarketplaces), and `rezoned` is then called, for
 * what the command worked out in the old zone, before the files are read again.
 */
export function load(
  paths: readonly string[],
  settings: Settings,
  options: Omit<LoadOptions, 'rezone' | 'hooks'> & { rezoned?: () => void } = {},
): Promise<Loaded> {
  const { rezoned, ...rest } = options;
  return loadShipments(paths, settings, {
    ...rest,
    rezone(marketplaces, marketplaceOfOrder) {
      if (!useMarketplaces(settings, marketplaces, marketplaceOfOrder)) return false;
      rezoned?.();
      return true;
    },
    hooks: CLI_HOOKS,
  });
}

/**
 * For commands whose output has no place for it (explain, the appeal pack's console): one stderr line per
 * folder file where data was expected that could not be read.
 */
export function warnSkipped(inputs: readonly InputSummary[]): void {
  for (const i of inputs) {
    if (i.warning)
      err(
        `${say('warning.prefix', { message: say('warning.skipped', { file: i.file, why: sentence(i.warning) }) })}\n`,
      );
  }
}
