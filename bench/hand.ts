/**
 * (A) The practical limit: the closed-form gradient of mean((y − x·w − b)²) in one loop over
 * the typed arrays, no tape and no allocation. Same float32 parameter storage as the others.
 */
import type { Run, RunResult } from './types.ts';

/** y ≈ x·w: loss and dL/dw in one pass per step, then the SGD update. */
function handW(x: Float32Array, y: Float32Array, steps: number, lr: number, w0: number): RunResult {
  const n = x.length;
  let w = Math.fround(w0);
  let loss = 0;
  for (let s = 0; s < steps; s++) {
    let l = 0,
      gw = 0;
    for (let i = 0; i < n; i++) {
      const d = y[i] - x[i] * w;
      l += d * d;
      gw += x[i] * d;
    }
    loss = l / n;
    w = Math.fround(w + (lr * 2 * gw) / n);
  }
  return { loss, w, b: 0 };
}

/** y ≈ x·w + b: loss, dL/dw and dL/db in one pass per step, then the SGD update. */
function handWB(x: Float32Array, y: Float32Array, steps: number, lr: number, w0: number): RunResult {
  const n = x.length;
  let w = Math.fround(w0);
  let b = 0;
  let loss = 0;
  for (let s = 0; s < steps; s++) {
    let l = 0,
      gw = 0,
      gb = 0;
    for (let i = 0; i < n; i++) {
      const d = y[i] - (x[i] * w + b);
      l += d * d;
      gw += x[i] * d;
      gb += d;
    }
    loss = l / n;
    w = Math.fround(w + (lr * 2 * gw) / n);
    b = Math.fround(b + (lr * 2 * gb) / n);
  }
  return { loss, w, b };
}

/** Runs `steps` steps from w = w0, b = 0. */
export const hand: Run = (data, steps, lr, bias, w0) => (bias ? handWB : handW)(data.x, data.y, steps, lr, w0);
