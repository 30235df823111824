import { defineConfig } from 'vitest/config';
import { common, SLOW } from './vitest.config.js';

/** The slow tests (SLOW in vitest.config.ts), one file at a time: some compare timings. */
export default defineConfig({ test: { ...common, include: SLOW, maxWorkers: 1 } });
