import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuditOptions, RuleSetting } from '../audit/run.js';
import type { Handling } from '../knowledge/ship-by.js';
import { ConfigError, DEFAULT_CONFIG_NAME } from '../config/errors.js';
import type { Config } from '../config/schema.js';
import type { EventEntry } from '../knowledge/events.js';
import { FUTURE_TOLERANCE_MS } from '../knowledge/plausible.js';
import type { ZoneHint } from '../model/timestamp.js';
import { marketplaceOf } from '../knowledge/amazon.js';
import type { ReadOptions } from '../read/index.js';
import type { OrderZone } from '../read/context.js';
import { parseStamp, startOfLocalDay, TimeParseError, zoneNameProblem } from '../read/time.js';
import { MAX_GRACE_HOURS } from '../config/errors.js';
import { UsageError } from './errors.js';
import { spooledPath } from '../engine/index.js';
import { fileMatches } from './paths.js';
import { VERSION } from './version.js';
import { say } from './lang.js';

/** Defaults a seller in the US gets without a config file; each one is overridable. */
export const DEFAULTS = {
  marketplaceTimeZone: 'America/Los_Angeles',
  graceHours: 24,
  handlingDays: 2,
  operatingDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
  sameDayCutoff: '14:00',
} as const;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface CommonFlags {
  config?: string;
  marketplaceTz?: string;
  grace?: string;
}

export interface Settings {
  config: Config;
  configFile?: string;
  zone: ZoneHint;
  graceHours: number;
  handling: Handling;
  rules: Record<string, Partial<RuleSetting>>;
  /** The clock dates are judged against while reading (--as-of, else now): see knowledge/plausible.ts. */
  clockMs: number;
  readOptionsFor(file: string): ReadOptions;
  /** `--as-of` given: what the files say happened after it is left out (the files as they stood then). */
  asOfMs?: number;
  /** Orders of several marketplaces: each order's own zone (see useMarketplaces). */
  orderZone?: OrderZone;
  /** How the marketplace zone was decided when the orders' sales channels decided it, for the report. */
  marketplaceNotes: string[];
}

/** Config file (given, or shipaudit.config.json in the working folder) merged with the flags. */
export async function loadSettings(flags: CommonFlags, cwd = process.cwd()): Promise<Settings> {
  const configFile =
    flags.config ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_NAME)) ? resolve(cwd, DEFAULT_CONFIG_NAME) : undefined);
  if (flags.config && !existsSync(flags.config)) throw new ConfigError(`${flags.config}: no such config file`);
  // The schema library loads only when there is a config to validate: start-up counts in a nightly job.
  const config = configFile ? await (await import('../config/load.js')).loadConfig(configFile) : {};

  const zoneName = flags.marketplaceTz ?? config.marketplaceTimeZone;
  const tzProblem = flags.marketplaceTz === undefined ? undefined : zoneNameProblem(flags.marketplaceTz);
  if (tzProblem) throw new UsageError(`--marketplace-tz: ${tzProblem}`);
  const zone: ZoneHint = zoneName
    ? {
        zone: zoneName,
        source: 'setting',
        note: flags.marketplaceTz ? '--marketplace-tz' : 'marketplaceTimeZone in config',
      }
    : {
        zone: DEFAULTS.marketplaceTimeZone,
        source: 'assumed',
        note: 'default marketplace zone (Amazon.com); set --marketplace-tz',
      };

  const graceHours = flags.grace !== undefined ? graceFlag(flags.grace) : (config.graceHours ?? DEFAULTS.graceHours);
  const h = config.handling ?? {};
  const handling: Handling = {
    days: h.days ?? DEFAULTS.handlingDays,
    operatingDays: (h.operatingDays ?? DEFAULTS.operatingDays).map((d) => WEEKDAYS.indexOf(d) + 1),
    holidays: h.holidays ?? [],
    sameDayCutoff: h.sameDayCutoff ?? DEFAULTS.sameDayCutoff,
    zone: zone.zone,
  };

  const rules: Record<string, Partial<RuleSetting>> = {};
  for (const [id, s] of Object.entries(config.rules ?? {})) {
    if (typeof s === 'string') rules[id] = { severity: s };
    else {
      const { severity, ...options } = s;
      rules[id] = { severity, options };
    }
  }

  const events = (config.events ?? []).map(toEventEntry);
  // files[].match is relative to the config's folder, as `inputs` is: the same config means the same
  // thing whether shipaudit runs in that folder or elsewhere with --config.
  const matchBase = configFile ? dirname(resolve(cwd, configFile)) : cwd;
  const readOptionsFor = (file: string): ReadOptions => {
    const per = (config.files ?? []).filter((f) => fileMatches(resolve(cwd, file), f.match, matchBase));
    const fileZone = per.findLast((f) => f.timeZone)?.timeZone;
    const order = per.findLast((f) => f.dateOrder)?.dateOrder;
    return {
      marketplaceZone: settings.zone,
      orderZone: settings.orderZone,
      fileZone,
      dayFirst: order === undefined ? undefined : order === 'day-first',
      columns: config.columns,
      events,
      acceptancePendingIsPossession: config.acceptancePendingIsPossession,
      notAfterMs: settings.clockMs + FUTURE_TOLERANCE_MS,
      openAs: spooledPath(file),
    };
  };
  const clockMs = Date.now();
  const settings: Settings = {
    config,
    configFile,
    zone,
    graceHours,
    handling,
    rules,
    clockMs,
    readOptionsFor,
    marketplaceNotes: [],
  };
  return settings;
}

export { fileMatches };

/**
 * The marketplace zone the orders' sales channels call for when no zone was configured (Amazon.co.uk →
 * Europe/London), or undefined when they call for none other than the assumed one. With orders of several
 * marketplaces, the one with most orders gives the audit's zone, and every other order keeps its own.
 * `marketplaceOfOrder` tells an order's marketplace from what a first reading collected.
 */
export function useMarketplaces(
  settings: Settings,
  counts: ReadonlyMap<string, number>,
  marketplaceOfOrder: (orderId: string) => { channel: string; zone: string } | undefined,
): boolean {
  if (settings.zone.source !== 'assumed' || counts.size === 0) return false;
  const named = [...counts].map(([channel, orders]) => ({ ...marketplaceOf(channel)!, orders }));
  named.sort((a, b) => b.orders - a.orders || a.channel.localeCompare(b.channel));
  const main = named[0];
  const zones = new Set(named.map((m) => m.zone));
  if (zones.size === 1 && main.zone === settings.zone.zone) return false;
  settings.zone = { zone: main.zone, source: 'inferred', note: `from sales channel ${main.channel}` };
  settings.handling = { ...settings.handling, zone: main.zone };
  settings.marketplaceNotes = [`marketplace zone: ${main.zone} (from sales channel ${main.channel})`];
  if (zones.size > 1) {
    const hints = new Map<string, ZoneHint>();
    for (const m of named) {
      hints.set(m.channel, { zone: m.zone, source: 'inferred', note: `from sales channel ${m.channel}` });
    }
    settings.orderZone = (orderId) => {
      const m = marketplaceOfOrder(orderId);
      return m && m.zone !== main.zone ? hints.get(m.channel) : undefined;
    };
    const list = named.map((m) => `${m.channel} ${m.orders} (${m.zone})`).join(', ');
    settings.marketplaceNotes.push(
      `The orders name several marketplaces (${list}): each order's times without an offset are placed in its own ` +
        `marketplace's zone; figures, weeks and computed ship-by dates use ${main.zone}.`,
    );
  }
  return true;
}

function toEventEntry(e: NonNullable<Config['events']>[number], i: number): EventEntry {
  return {
    id: `config-events-${i}`,
    carriers: e.carriers,
    match: e.phrase ? { phrases: [e.phrase] } : e.code ? { codes: [e.code] } : { pattern: new RegExp(e.pattern!, 'i') },
    class: e.class,
    possession: e.possession ?? (e.class === 'physical' || e.class === 'delivered'),
    note: e.note ?? 'from the config file',
  };
}

/** "24h", "36", "90m", "2d" → hours. */
function parseDuration(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(h|hours?|m|min|minutes?|d|days?)?\s*$/i.exec(text);
  if (!m) throw new UsageError(say('usage.duration', { flag, got: text }));
  const n = Number(m[1]);
  const unit = (m[2] ?? 'h')[0].toLowerCase();
  return unit === 'm' ? n / 60 : unit === 'd' ? n * 24 : n;
}

/** --grace: a duration within 0–720 h (30 days); more is a typo, and would silence every rule. */
function graceFlag(text: string): number {
  const h = parseDuration(text, '--grace');
  if (h > MAX_GRACE_HOURS) {
    throw new UsageError(say('usage.graceTooLong', { got: text, max: MAX_GRACE_HOURS }));
  }
  return h;
}

/** A --from / --to / --fixed-on day (YYYY-MM-DD, in the marketplace zone) → the start of that day. */
export function parseDay(text: string, flag: string, zone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(say('usage.day', { flag, got: text }));
  try {
    return startOfLocalDay(text, zone);
  } catch (e) {
    if (e instanceof TimeParseError) throw new UsageError(`${flag}: ${e.message}`);
    throw e;
  }
}

/** --as-of: a date-time with or without offset (without: marketplace zone), or a date (its end). */
export function parseAsOf(text: string, zone: ZoneHint): number {
  try {
    const s = parseStamp(text, { hint: zone });
    return s.precision === 'date' ? s.epochMs + (s.dayLengthMs ?? 86_400_000) - 1 : s.epochMs;
  } catch (e) {
    if (e instanceof TimeParseError) throw new UsageError(`--as-of: ${e.message}`);
    throw e;
  }
}

/** The audit's options from the settings and what was read; `window` and `asOfMs` per command. */
export function auditOptions(
  settings: Settings,
  read: Pick<AuditOptions, 'inputs' | 'unclassified' | 'unclassifiedMore'>,
  per: Pick<AuditOptions, 'window' | 'asOfMs'> = { window: {} },
): AuditOptions {
  return {
    version: VERSION,
    marketplaceZone: settings.zone.zone,
    handling: settings.handling,
    graceHours: settings.graceHours,
    rules: settings.rules,
    inputs: read.inputs,
    unclassified: read.unclassified,
    notes: settings.marketplaceNotes,
    unclassifiedMore: read.unclassifiedMore,
    ...per,
  };
}
