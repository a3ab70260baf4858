/**
 * Which accelerations run. All are on by default; setAcceleration (accel/index.ts) switches
 * them, and each must give the same bits on as off.
 */

/** One switch per acceleration, and the size from which elementwise results are left pending. */
export interface Acceleration {
  /** One-element tensors as plain numbers, forward and backward (numbers.ts). */
  numbers: boolean;
  /** Large elementwise chains left pending and computed block by block when read (lazy/). */
  lazy: boolean;
  /** Pending chains of a linear model's squared error computed in one loop (fused/); needs `lazy`. */
  fused: boolean;
  /** That loop in WebAssembly SIMD for float32 where the platform allows (wasm/); needs `fused`. */
  wasm: boolean;
  /** Smallest elementwise result left pending when `lazy` is on. */
  lazyMin: number;
}

/** The current settings (mutated only by setAcceleration). */
export const on: Acceleration = { numbers: true, lazy: true, fused: true, wasm: true, lazyMin: 512 };
