import { compareAroundFix, evidenceRows } from '../../src/audit/compare.js';
import { auditDetailed } from '../../src/audit/run.js';
import { loadShipments } from '../../src/engine/index.js';
import { auditOptions, loadSettings } from '../../src/cli/settings.js';
import { periodColumn } from '../../src/report/poa.js';

/** The appeal's inputs built in-process from a fixture folder, as `shipaudit appeal` builds them. */
export async function sampleAppeal(dir = 'fixtures/sample-month', fixedOn = '2026-11-03') {
  const settings = await loadSettings({});
  const loaded = await loadShipments([dir], settings);
  const zone = settings.zone.zone;
  const { result, shipments, hits } = auditDetailed(
    loaded,
    auditOptions(settings, { inputs: loaded.inputs, unclassified: loaded.unclassified }),
  );
  const comparison = compareAroundFix(shipments, hits, { fixedOn, zone, graceHours: settings.graceHours });
  return {
    result,
    comparison,
    rows: evidenceRows(result.findings, comparison.boundaryMs),
    periodColumn: periodColumn(comparison),
  };
}
