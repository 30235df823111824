import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG } from '../../src/check/example-config.js';
import { CHECK_DEFAULTS } from '../../src/check/defaults.js';
import { parseConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { DEFAULTS } from '../../src/cli/settings.js';

describe('the example config that `shipaudit init` writes', () => {
  const config = parseConfig(EXAMPLE_CONFIG, 'shipaudit.config.json');

  it('loads cleanly with the loader', () => {
    expect(config.inputs).toEqual(['downloads/amazon', 'downloads/tracking/*.csv']);
  });

  it.each(Object.keys(configSchema.shape).filter((k) => k !== '$schema'))('documents "%s"', (key) => {
    expect(EXAMPLE_CONFIG).toContain(`"${key}":`);
  });

  it('sets the defaults, so that it changes nothing until edited', () => {
    expect([
      config.marketplaceTimeZone,
      config.graceHours,
      config.handling?.days,
      config.handling?.sameDayCutoff,
    ]).toEqual([DEFAULTS.marketplaceTimeZone, DEFAULTS.graceHours, DEFAULTS.handlingDays, DEFAULTS.sameDayCutoff]);
    expect(config.handling?.operatingDays).toEqual(DEFAULTS.operatingDays);
    expect([config.failOn, config.staleAfterHours, config.state, config.keepReports]).toEqual([
      CHECK_DEFAULTS.failOn,
      CHECK_DEFAULTS.staleAfterHours,
      CHECK_DEFAULTS.state,
      CHECK_DEFAULTS.keepReports,
    ]);
    expect(config.thresholds).toEqual(CHECK_DEFAULTS.thresholds);
    expect(config.atRisk).toEqual(CHECK_DEFAULTS.atRisk);
  });

  it('its commented-out examples load too, once uncommented', () => {
    const uncommented = EXAMPLE_CONFIG.replace(
      /^(\s*)\/\/ (\{ .*\}|"[^"]+": .*),?$/gm,
      (_, indent, body) => `${indent}${body.replace(/,$/, '')},`,
    ).replace(/,(\s*[\]}])/g, '$1');
    const c = parseConfig(uncommented, 'uncommented.json');
    expect(c.files).toHaveLength(1);
    expect(c.events).toHaveLength(2);
    expect(c.columns).toEqual({ trackingNumber: ['Waybill No.', '面单号'], shipDate: 'Marked Shipped At' });
  });
});
