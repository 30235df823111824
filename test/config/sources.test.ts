import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG } from '../../src/check/example-config.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';

/** The config's "sources": secrets only by environment variable name or 0600 file, one way each. */
const amazon = {
  region: 'NA',
  marketplaceIds: ['ATVPDKIKX0DER'],
  refreshTokenEnv: 'LWA_REFRESH',
  clientIdEnv: 'LWA_ID',
  clientSecretFile: 'secrets/lwa',
};

describe('config: sources', () => {
  it('a full sources block loads', () => {
    const c = parseConfig(
      JSON.stringify({ sources: { amazon, tracking: { service: '17track', apiKeyEnv: 'K17' } } }),
      'c.json',
    );
    expect(c.sources?.amazon?.clientSecretFile).toBe('secrets/lwa');
    expect(c.sources?.tracking?.apiKeyEnv).toBe('K17');
  });

  it('AfterShip as the tracking service loads', () => {
    const tracking = { service: 'aftership', apiKeyEnv: 'AS_KEY' };
    const c = parseConfig(JSON.stringify({ sources: { tracking } }), 'c.json');
    expect([c.sources?.tracking?.service, c.sources?.tracking?.apiKeyEnv]).toEqual(['aftership', 'AS_KEY']);
  });

  const bad: Array<[string, unknown, string]> = [
    [
      'a secret in the config itself',
      { tracking: { service: '17track', apiKey: 'abc' } },
      'c.json: sources.tracking.apiKey: unknown key',
    ],
    [
      'neither env nor file',
      { tracking: { service: '17track' } },
      'c.json: sources.tracking.apiKeyEnv: give exactly one of "apiKeyEnv"',
    ],
    [
      'both env and file',
      { tracking: { service: '17track', apiKeyEnv: 'K', apiKeyFile: 'k' } },
      'c.json: sources.tracking.apiKeyEnv: give exactly one of',
    ],
    [
      'a value where a variable name belongs',
      { tracking: { service: '17track', apiKeyEnv: 'K17-abc-123' } },
      'c.json: sources.tracking.apiKeyEnv: expected an environment variable name',
    ],
    ['a carrier API: not yet', { tracking: { service: 'usps', apiKeyEnv: 'K' } }, 'c.json: sources.tracking.service:'],
    ['an unknown region', { amazon: { ...amazon, region: 'US' } }, 'c.json: sources.amazon.region:'],
    [
      'a marketplace id that is not one',
      { amazon: { ...amazon, marketplaceIds: ['amazon.com'] } },
      'c.json: sources.amazon.marketplaceIds.0: expected a marketplace id',
    ],
    [
      'no client secret',
      { amazon: { ...amazon, clientSecretFile: undefined } },
      'c.json: sources.amazon.clientSecretEnv: give exactly one of',
    ],
  ];
  for (const [name, sources, message] of bad) {
    it(`refused: ${name}`, () => {
      let e: unknown;
      try {
        parseConfig(JSON.stringify({ sources }), 'c.json');
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message.startsWith(message)).toBe(true);
    });
  }

  it('the commented example in the example config loads once uncommented', () => {
    const line = EXAMPLE_CONFIG.split('\n').find((l) => l.startsWith('  // "sources": {'))!;
    const c = parseConfig(`{${line.replace(/^ {2}\/\/ /, '').replace(/,$/, '')}}`, 'example');
    expect(c.sources?.tracking).toEqual({ service: '17track', apiKeyEnv: 'SHIPAUDIT_17TRACK_KEY' });
  });
});
