/**
 * Seeded normal random numbers for initial weights and positions: Box–Muller over the
 * project's mulberry32, so a Seed field gives the same starting point in every run and test.
 */
import { mulberry32 } from '../random.ts';

/**
 * `n` independent draws from N(0, sd²), seeded. Each pair of uniforms gives two normals
 * (Box–Muller); 1 − u keeps the logarithm's argument in (0, 1]. Returns a fresh array.
 */
export function normals(seed: number, n: number, sd = 1): number[] {
  const rand = mulberry32(seed);
  const out: number[] = [];
  while (out.length < n) {
    const radius = Math.sqrt(-2 * Math.log(1 - rand()));
    const turn = 2 * Math.PI * rand();
    out.push(sd * radius * Math.cos(turn), sd * radius * Math.sin(turn));
  }
  return out.slice(0, n);
}
