import type { ApiShape } from '../shape.js';
import { fedexTrackJson } from './fedex-json.js';
import { fedexTrackReplyXml } from './fedex-soap.js';
import { upsTrackJson } from './ups-json.js';
import { upsXml } from './ups-xml.js';
import { uspsV3Json } from './usps-v3.js';
import { uspsWebToolsXml } from './usps-webtools.js';

/** The carriers' own tracking APIs, in the order they are offered a document (no two match the same one). */
export const CARRIER_SHAPES: ApiShape[] = [
  uspsV3Json,
  uspsWebToolsXml,
  upsTrackJson,
  upsXml,
  fedexTrackJson,
  fedexTrackReplyXml,
];
