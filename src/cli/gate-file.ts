import { existsSync } from 'node:fs';
import type { Release } from '../model/gate.js';
import { settleStaging, type Ledger, type LedgerRecord } from '../gate/ledger.js';
import { ledgerRecord } from '../gate/submit.js';
import type { FileOptions, Outputs } from './write.js';

/** The moments between the steps of `releaseToFile`, where a test injects a failure (a crash). */
export type ReleaseStep = 'staged' | 'recorded' | 'placed';

export interface ReleaseToFile {
  outputs: Outputs;
  /** The confirmation file, as named on the command line (recorded so in the ledger). */
  out: string;
  text: string;
  fileOptions: FileOptions;
  release: readonly Release[];
  /** Appends records to the ledger in one write, synced. */
  append: (records: readonly LedgerRecord[]) => Promise<void>;
  now: () => string;
  /** Called after each step: a test throws here to stop the run as a crash would. */
  after?: (step: ReleaseStep) => Promise<void> | void;
}

/**
 * Writes the released packages to the confirmation file so that no crash confirms one twice or loses one:
 * 1. the file's text goes to a temp file beside it (synced);
 * 2. the whole batch is appended to the ledger at once as 'releasing', naming the file and the temp file;
 * 3. the temp file is renamed into place;
 * 4. the batch is appended as 'released'.
 * Dying before 2 records nothing (the next run decides the orders again); between 2 and 4 the next run
 * settles the batch by the temp file (`settleStagedReleases`): still there, nothing was placed and the
 * orders may go again; gone, the file was placed (and maybe uploaded and removed since): released.
 */
export async function releaseToFile(o: ReleaseToFile): Promise<void> {
  const staged = await o.outputs.stageFile(o.out, o.text, o.fileOptions);
  await o.after?.('staged');
  const at = o.now();
  const batch = o.release.map((r) => ledgerRecord(r, 'releasing', at, { file: o.out, staged: staged.temp }));
  await o.append(batch);
  await o.after?.('recorded');
  await staged.place();
  await o.after?.('placed');
  await o.append(batch.map(({ staged: _, ...r }) => ({ ...r, status: 'released' as const })));
}

/** What `settleStagedReleases` found: packages whose file was placed, and those whose file never was. */
export interface StagedSettled {
  placed: number;
  notPlaced: number;
  files: string[];
}

/**
 * Settles the batches an earlier run recorded as 'releasing' and died before recording as placed: by
 * whether their temp files are still there. `append`, when given, records the outcome (and a temp file
 * never placed is removed); without it (the nightly check, read only) the ledger is only told in memory.
 */
export async function settleStagedReleases(
  ledger: Ledger,
  now: string,
  append?: (records: readonly LedgerRecord[]) => Promise<void>,
  remove?: (temp: string) => Promise<void>,
): Promise<StagedSettled | undefined> {
  const staging = ledger.staging();
  if (staging.length === 0) return undefined;
  const { placed, notPlaced } = settleStaging(staging, (temp) => existsSync(temp), now);
  const settled = [...placed, ...notPlaced];
  if (append) await append(settled);
  for (const r of settled) ledger.add(r);
  if (remove) for (const temp of new Set(staging.flatMap((r) => (r.staged ? [r.staged] : [])))) await remove(temp);
  const files = [...new Set(staging.map((r) => r.file ?? '?'))].sort();
  return { placed: placed.length, notPlaced: notPlaced.length, files };
}
