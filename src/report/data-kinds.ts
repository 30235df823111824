import type { InputKind } from '../model/input.js';

/**
 * The kinds of data, as the letter to Amazon names them. File names stay out of the letter: they are the
 * seller's own (often Chinese) names and tell a reviewer nothing; the evidence files keep file and line.
 */
const DATA_KIND_NAMES: Readonly<Record<InputKind, string>> = {
  'all-orders': 'Amazon All Orders report',
  'order-report': 'Amazon Order report',
  'unshipped-orders': 'Amazon Unshipped Orders report',
  'confirmation-upload': 'shipping confirmation file',
  'orders-api-json': 'Amazon Orders API data',
  'erp-confirmations': 'shipping confirmation export from our order system',
  'tracking-events': 'carrier tracking export',
  'tracking-summary': 'carrier tracking export',
  'tracking-api': 'carrier tracking data (API)',
  'amazon-fulfilled-shipments': 'Amazon Fulfilled Shipments report',
  'easyship-picked-up': 'Amazon Easy Ship picked-up report',
  'order-fulfillment-feed': 'shipping confirmation feed (XML)',
  'tracking-assignments': 'tracking numbers assigned to orders',
};

/** The distinct kinds of the files read, in the order first read. */
export function dataKindList(kinds: readonly string[]): string[] {
  return [...new Set(kinds.map((k) => (DATA_KIND_NAMES as Record<string, string>)[k] ?? 'other data'))];
}
