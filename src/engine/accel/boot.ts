/**
 * What the engine installs when it loads. The number path goes in at once: every scalar step
 * of the lessons takes it. The rest (lazy blocks, the fused residual, WebAssembly) only pays
 * off from hundreds of elements, so it arrives as a chunk of its own (./index.ts) and the
 * training worker starts on less code. Until it is installed the core's reference path runs,
 * which gives the same bits, only slower.
 */
import { install } from '../seam.ts';
import { NUMBERS } from './numbers.ts';

install(NUMBERS);

/**
 * Resolves once every acceleration is installed; await it before timing a large workload.
 * Never rejects: if the chunk cannot load, the reference path keeps running (same results).
 */
export const accelerated: Promise<void> = import('./index.ts').then(
  () => undefined,
  () => undefined,
);
