/**
 * Test helpers: central finite differences in float64, and a seeded PRNG, so gradient checks
 * compare the tape against an independent numerical derivative.
 */
import { GradientTape, mul, sum, tensor, type Tensor } from '../../src/engine/index.ts';
import { mulberry32 } from '../../src/training/random.ts';

/** Deterministic PRNG (mulberry32). */
export const rng = mulberry32;

/** A float64 tensor of `shape` with values uniform in [lo, hi). */
export function randomTensor(shape: number[], rand: () => number, lo = -2, hi = 2): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n).map(() => lo + (hi - lo) * rand());
  return tensor(data, 'float64', shape);
}

/**
 * Scalarises f's output as Σ f(xs) ⊙ r with fixed random weights r, so every output element's
 * gradient is exercised with a different upstream value.
 */
export function scalarised(f: (xs: Tensor[]) => Tensor, weightSeed = 99): (xs: Tensor[]) => Tensor {
  let weights: Tensor | null = null;
  return (xs) => {
    const out = f(xs);
    if (weights === null) weights = randomTensor([...out.shape], rng(weightSeed), 0.5, 1.5);
    return sum(mul(out, weights));
  };
}

/** Tape gradients of the scalar g(xs) w.r.t. every input. */
export function tapeGradients(g: (xs: Tensor[]) => Tensor, xs: Tensor[]): Tensor[] {
  const tape = new GradientTape();
  tape.watch(...xs);
  const y = tape.record(() => g(xs));
  return tape.gradient(y, xs);
}

/** Central differences of the scalar g(xs) w.r.t. every element of every input. */
export function numericGradients(g: (xs: Tensor[]) => Tensor, xs: Tensor[], h = 1e-6): Float64Array[] {
  return xs.map((x, k) => {
    const base = Float64Array.from(x.data);
    const out = new Float64Array(base.length);
    for (let i = 0; i < base.length; i++) {
      const at = (v: number) => {
        const moved = Float64Array.from(base);
        moved[i] = v;
        const args = xs.slice();
        args[k] = tensor(moved, 'float64', [...x.shape]);
        return g(args).item();
      };
      out[i] = (at(base[i] + h) - at(base[i] - h)) / (2 * h);
    }
    return out;
  });
}

/** Largest |a − b| / max(1, |b|) over two arrays of equal length. */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return Number.isNaN(worst) ? Infinity : worst;
}
