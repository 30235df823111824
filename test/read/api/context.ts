import type { PackageSummary, TrackingEvent } from '../../../src/model/records.js';
import type { ZoneHint } from '../../../src/model/timestamp.js';
import type { ReadOptions } from '../../../src/read/context.js';
import type { ApiReadContext } from '../../../src/read/api/shape.js';

/** A small ApiReadContext for testing shapes directly: it collects what a reader hands over. */
export interface TestContext extends ApiReadContext {
  events: TrackingEvent[];
  packages: PackageSummary[];
  problems: { trackingNumber: string | undefined; message: string }[];
}

const TEST_FALLBACK: ZoneHint = {
  zone: 'America/Los_Angeles',
  source: 'assumed',
  note: 'no offset, location or zone in the response; marketplace zone used',
};

export function testContext(
  opts: { options?: Partial<ReadOptions>; lines?: Record<string, number> } = {},
): TestContext {
  const events: TrackingEvent[] = [];
  const packages: PackageSummary[] = [];
  const problems: TestContext['problems'] = [];
  return {
    file: 'response.json',
    line: 1,
    lineOf: (hint) => (hint !== undefined ? opts.lines?.[hint] : undefined) ?? 1,
    options: { marketplaceZone: TEST_FALLBACK, ...opts.options },
    fallbackZone: TEST_FALLBACK,
    events,
    packages,
    problems,
    event: (e) => events.push(e),
    package: (p) => packages.push(p),
    problem: (trackingNumber, message) => problems.push({ trackingNumber, message }),
  };
}
