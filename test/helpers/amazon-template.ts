/**
 * A validator of Amazon's shipping-confirmation flat file, written from Amazon's documented template rules
 * (Seller Central "Shipping confirmation template", POST_FLAT_FILE_FULFILLMENT_DATA), independent of the
 * code under test: its carrier list is typed here, not imported.
 */
const TEMPLATE_COLUMNS = [
  'order-id',
  'order-item-id',
  'quantity',
  'ship-date',
  'carrier-code',
  'carrier-name',
  'tracking-number',
  'ship-method',
];

/** Amazon's carrier-code values (the template's valid-values list, as in shared/DOMAIN.md). */
const AMAZON_CARRIER_CODES = new Set([
  'USPS',
  'UPS',
  'FedEx',
  'DHL',
  'DHL eCommerce',
  'OnTrac',
  'Lasership',
  'Canada Post',
  'Royal Mail',
  'Parcelforce',
  'DPD',
  'GLS',
  'Hermes',
  'Deutsche Post',
  'La Poste',
  'Poste Italiane',
  'SDA',
  'Australia Post',
  'Japan Post',
  'Yamato Transport',
  'Sagawa Express',
  'China Post',
  'EUB',
  'Yanwen',
  'Yun Express',
  '4PX',
  'SF Express',
  'Singapore Post',
  'Aramex',
  'Amazon Shipping',
  'Other',
]);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export interface TemplateRow {
  orderId: string;
  orderItemId: string;
  quantity: string;
  shipDate: string;
  carrierCode: string;
  carrierName: string;
  trackingNumber: string;
  shipMethod: string;
}

/** The rows of a valid file, or the list of what is wrong (line: problem). */
export function validateConfirmationFile(text: string): { rows: TemplateRow[]; errors: string[] } {
  const errors: string[] = [];
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (lines[0] !== TEMPLATE_COLUMNS.join('\t'))
    errors.push(`1: header is not the template's columns in order: ${lines[0]}`);
  const rows: TemplateRow[] = [];
  lines.slice(1).forEach((line, i) => {
    const n = i + 2;
    const c = line.split('\t');
    if (c.length !== TEMPLATE_COLUMNS.length) {
      errors.push(`${n}: ${c.length} fields, not ${TEMPLATE_COLUMNS.length}`);
      return;
    }
    const [orderId, orderItemId, quantity, shipDate, carrierCode, carrierName, trackingNumber, shipMethod] = c;
    if (!ORDER_ID.test(orderId)) errors.push(`${n}: order-id "${orderId}"`);
    if (quantity !== '' && !/^[1-9]\d*$/.test(quantity))
      errors.push(`${n}: quantity "${quantity}" is not a positive integer`);
    if (orderItemId !== '' && quantity === '') errors.push(`${n}: order-item-id without a quantity`);
    if (!DATE.test(shipDate) && !(ISO.test(shipDate) && !Number.isNaN(Date.parse(shipDate))))
      errors.push(`${n}: ship-date "${shipDate}"`);
    if (!AMAZON_CARRIER_CODES.has(carrierCode))
      errors.push(`${n}: carrier-code "${carrierCode}" is not on Amazon's list`);
    if (carrierCode === 'Other' && carrierName.trim() === '')
      errors.push(`${n}: carrier-code Other without a carrier-name`);
    if (trackingNumber.trim() === '' || /\s/.test(trackingNumber))
      errors.push(`${n}: tracking-number "${trackingNumber}"`);
    rows.push({ orderId, orderItemId, quantity, shipDate, carrierCode, carrierName, trackingNumber, shipMethod });
  });
  return { rows, errors };
}
