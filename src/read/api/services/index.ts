import type { ApiShape } from '../shape.js';

/** The tracking-service shapes (17TRACK, AfterShip, Cainiao): written beside this branch, replaced at merge. */
export const SERVICE_SHAPES: ApiShape[] = [];
