/**
 * mulberry32: a 32-bit seeded PRNG, uniform in [0, 1). Returns a function that mutates its
 * own closed-over state on every call. Any integer seed works (it is taken modulo 2³²).
 * Shared by the datasets, the engine's gradient checks and the benchmarks, so all repeat.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
