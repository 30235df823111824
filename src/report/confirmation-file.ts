import type { Release } from '../model/gate.js';

/**
 * Amazon's shipping-confirmation flat file (the template Seller Central's "Upload shipping confirmation"
 * accepts, POST_FLAT_FILE_FULFILLMENT_DATA): tab-separated, these columns in this order, one row per
 * order item (or one per order when its items are not known: order-item-id blank confirms the whole order).
 */
const CONFIRMATION_COLUMNS = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
] as const;

/** Flat files have no quoting: a tab or line break inside a value would shift or split the row. */
const cell = (v: string | number | undefined) =>
  v === undefined
    ? ''
    : String(v)
        .replace(/[\t\r\n]+/g, ' ')
        .trim();

/**
 * `earlier`: the lines of a file written before and not uploaded yet, kept first (a line already there is not
 * repeated).
 */
export function formatConfirmationFile(releases: readonly Release[], earlier: readonly string[] = []): string {
  const rows = [CONFIRMATION_COLUMNS.join('\t'), ...earlier];
  for (const r of releases) {
    for (const line of r.lines) {
      rows.push(
        [
          r.orderId,
          line.orderItemId,
          line.orderItemId === undefined ? undefined : line.quantity,
          r.shipDate,
          r.carrierCode,
          // Amazon reads carrier-name only with "Other"; given for every carrier it is harmless and readable.
          r.carrierName,
          r.trackingNumber,
          r.shipMethod,
        ]
          .map(cell)
          .join('\t'),
      );
    }
  }
  return `${[...new Set(rows)].join('\r\n')}\r\n`;
}

/** The data lines of a confirmation file shipaudit wrote. */
export function confirmationLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
}

/** A confirmation file as shipaudit writes it starts with this header: such a file may be replaced. */
export function isConfirmationFile(head: string): boolean {
  return head.replace(/^\uFEFF/, '').startsWith(CONFIRMATION_COLUMNS.join('\t'));
}
