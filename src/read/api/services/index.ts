import type { ApiShape } from '../shape.js';
import { AFTERSHIP } from './aftership.js';
import { CAINIAO } from './cainiao.js';
import { SEVENTEEN_TRACK_PUSH, SEVENTEEN_TRACK_V22, SEVENTEEN_TRACK_WEB } from './seventeen-track.js';

/**
 * The tracking services' response shapes, in the order the dispatcher offers a document to them. Their
 * `matches` don't overlap: 17TRACK v2.2 needs `track_info` (or rejections only), the legacy format `track` or
 * `dat` with `z1`/`z2`, AfterShip a `meta.code`, Cainiao `mailNo` entries.
 */
export const SERVICE_SHAPES: ApiShape[] = [
  SEVENTEEN_TRACK_V22,
  SEVENTEEN_TRACK_PUSH,
  SEVENTEEN_TRACK_WEB,
  AFTERSHIP,
  CAINIAO,
];
