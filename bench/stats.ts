/** Timing and summary helpers for the engine benchmark. */
import { mulberry32 } from '../src/training/random.ts';

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Deterministic PRNG (mulberry32), so every run benchmarks the same data. */
export const seeded = mulberry32;

/** N pairs with x uniform in [−5, 5] and y = −x (the batch negator), as float32. */
export function negatorData(n: number, seed = 42): { x: Float32Array; y: Float32Array } {
  const rand = seeded(seed);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rand() * 10 - 5;
    y[i] = -x[i];
  }
  return { x, y };
}

/** Formats seconds per step in the most readable unit. */
export function perStep(seconds: number): string {
  if (seconds < 1e-6) return `${(seconds * 1e9).toFixed(0)} ns`;
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(2)} µs`;
  return `${(seconds * 1e3).toFixed(3)} ms`;
}
