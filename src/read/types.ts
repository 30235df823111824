export { InputError, type NotData } from '../model/errors.js';
export type { InputKind, InputReport } from '../model/input.js';
import type {
  AssignmentRecord,
  ConfirmationRecord,
  OrderRecord,
  PackageSummary,
  TrackingEvent,
} from '../model/records.js';

/**
 * Readers push what they read here instead of returning arrays, so that a consumer decides what to keep:
 * the audit folds millions of events into one summary per tracking number, `inspect` keeps a few samples.
 */
export interface RecordSink {
  order?(record: OrderRecord): void;
  confirmation?(record: ConfirmationRecord): void;
  event?(event: TrackingEvent): void;
  package?(summary: PackageSummary): void;
  assignment?(record: AssignmentRecord): void;
}
