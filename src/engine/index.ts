/**
 * The engine room's one door: files in, shipments out. Everything behind it exists for speed (columns, the
 * collector that folds rows as they are read, the join over numbers, a second reading thread); every command
 * loads through `loadShipments` (or `readAll`, for sinks of their own) and sees only plain shipments.
 */
import type { Handling } from '../knowledge/ship-by.js';
import { Collector, type KeptOrder } from './collect.js';
import { expectedJoinMs, join, type Joined, type Shipments, type Window } from './join.js';
import { collectAll, type ReadAll } from './load.js';
import type { LoadHooks, LoadSettings } from './types.js';

export { EXCLUSION, type Window } from './join.js';
export type { ClockReading } from './clock.js';
export {
  expandPaths,
  expectedData,
  notInputByName,
  passedOver,
  readAll,
  requireConfirmations,
  spooledPath,
  walk,
} from './load.js';
export { eventsOfNumbers } from './timeline.js';
export type { LoadHooks, LoadSettings, Progress } from './types.js';
export { Collector };

/** What a run knows of its data beyond the shipments: counts, freshness, the clock, the gate's assignments. */
export type LoadedData = Pick<
  Collector,
  | 'orderCount'
  | 'confirmationCount'
  | 'trackingCount'
  | 'afterAsOf'
  | 'newestOrderDataMs'
  | 'newestOrderMs'
  | 'newestConfirmationMs'
  | 'orderDays'
  | 'confirmationDays'
  | 'assignments'
  | 'clock'
  | 'movedOnAfter'
  | 'trackingFacts'
>;

/** The shipments of a run and what was left out of them. */
export interface LoadedShipments {
  shipments: Shipments;
  excluded: Joined['excluded'];
  /** Seller-fulfilled orders with no confirmation yet (from order reports), for the nightly check. */
  awaiting: Joined['awaiting'];
  /** Shipments whose order no order file mentions (checked without purchase or ship-by dates). */
  withoutOrder: number;
  data: LoadedData;
}

export interface Loaded extends LoadedShipments, ReadAll {
  /** The records of `keepOrder` as read. */
  kept?: KeptOrder;
}

export interface LoadOptions {
  /** The confirmation window, asked for once the marketplace zone is settled (see `rezone`). */
  window?: () => Window;
  /**
   * Whether the orders' sales channels call for another marketplace zone than the settings had: the files
   * are then read again in it (the CLI decides, and changes the settings).
   */
  rezone?: (
    marketplaces: ReadonlyMap<string, number>,
    marketplaceOfOrder: (orderId: string) => { channel: string; zone: string } | undefined,
  ) => boolean;
  /** Keep this order's records as read (for `explain`). */
  keepOrder?: string;
  hooks?: LoadHooks;
}

/**
 * Reads the files, folds them and joins them into shipments. With a second reading thread the join is made
 * while that thread still reads the tracking files (it reads only orders and confirmations; shipments read
 * their tracking facts when they are made).
 */
export async function loadShipments(
  paths: readonly string[],
  settings: LoadSettings,
  options: LoadOptions = {},
): Promise<Loaded> {
  const { hooks = {} } = options;
  let joined: Joined | undefined;
  const joinNow = (c: Collector) => {
    hooks.step?.('joining orders and confirmations');
    return join(c, settings.handling, options.window?.() ?? {});
  };
  const read = await collectAll(paths, settings, {
    meanwhile: {
      run(c) {
        joined = joinNow(c);
        hooks.phase?.('join');
      },
      expectedMs: expectedJoinMs,
    },
    rezone: options.rezone,
    keepOrder: options.keepOrder,
    hooks,
  });
  hooks.phase?.('all read');
  const { collector, ...files } = read;
  return { ...files, ...shipmentsOf(collector, (joined ??= joinNow(collector))), kept: collector.kept };
}

/** Shipments joined from records pushed into a collector by hand (tests, benchmarks). */
export function joinCollected(c: Collector, handling: Handling, window: Window = {}): LoadedShipments {
  return shipmentsOf(c, join(c, handling, window));
}

function shipmentsOf(c: Collector, j: Joined): LoadedShipments {
  return { shipments: j, excluded: j.excluded, awaiting: j.awaiting, withoutOrder: j.withoutOrder, data: c };
}
