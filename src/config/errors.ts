/** Kept apart from the loader so that a run without a config file never loads the schema library. */
export const DEFAULT_CONFIG_NAME = 'shipaudit.config.json';

/** A config that can't be used; the message names the file and the path of the bad key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The largest grace a setting may give, in hours (30 days): more is a typo that silences every rule. */
export const MAX_GRACE_HOURS = 24 * 30;
