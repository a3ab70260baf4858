/**
 * The accelerations, beside the core and behind one seam (../seam.ts): this module installs
 * them into the seam's hooks and holds their switches. Each is an optimisation only: switched
 * off, the core's reference path computes the same bits (tests/engine/accel/accel.test.ts).
 *
 * - numbers: one-element tensors as plain numbers, forward and backward (numbers.ts);
 * - lazy: large elementwise chains computed block by block when read (lazy/);
 * - fused: a linear model's squared error and its gradients in one loop (fused/);
 * - wasm: that loop in WebAssembly SIMD for float32 (wasm/).
 *
 * Internal: for tests and benchmarks; the engine's public surface is src/engine/index.ts.
 */
import { install } from '../seam.ts';
import { evaluate } from './lazy/evaluate.ts';
import { lazyElementwise, lazyFill, lazySum } from './lazy/build.ts';
import { NUMBERS } from './numbers.ts';
import { on, type Acceleration } from './settings.ts';

export type { Acceleration } from './settings.ts';

const LAZY = { lazy: lazyElementwise, lazySum, lazyFill };

/**
 * Switches accelerations (those not named keep their setting); returns the previous settings.
 * Mutates the engine-wide settings and the seam. A switched-off acceleration is not installed,
 * so the hot paths test no switch. Pending tensors made before are still settled when read.
 */
export function setAcceleration(next: Partial<Acceleration>): Acceleration {
  const previous = { ...on };
  Object.assign(on, next);
  install({ ...(on.numbers ? NUMBERS : {}), ...(on.lazy ? LAZY : {}), settle: evaluate });
  return previous;
}

setAcceleration({});
