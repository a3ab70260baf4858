/**
 * How steep can the loss get? For gradient descent the answer that matters is the largest
 * eigenvalue of the loss's Hessian: a learning rate above 2 / that value overshoots along its
 * eigenvector by more each step. The Hessian of the autoencoder is 8×8 and never formed here:
 * power iteration only needs Hessian-vector products, which the engine's nested tapes give.
 */
import { GradientTape, mul, sum, tensor, type Tensor, type Variable, variable } from '../../engine/index.ts';
import { autoencoderLoss, type AutoencoderConfig } from './autoencoder.ts';
import { prepareDataset, type ReduceData } from './dataset.ts';
import { jacobiEigen } from './linalg.ts';
import { normals } from './normal.ts';

/**
 * H·v at w's current value: the gradient, on an outer tape, of sum(dL/dw ⊙ v), where dL/dw
 * comes from an inner tape — the tape records its own gradient computation, so
 * differentiating it again gives second derivatives. `v` has w's shape. Mutates nothing.
 */
export function hessianVectorProduct(loss: () => Tensor, w: Variable, v: Tensor): Tensor {
  const outer = new GradientTape();
  const gv = outer.record(() => {
    const inner = new GradientTape();
    const l = inner.record(loss);
    return sum(mul(inner.gradient(l, w), v));
  });
  return outer.gradient(gv, w);
}

export interface Curvature {
  /** The Hessian's largest eigenvalue (most positive). */
  curvature: number;
  /** 2 / curvature: plain gradient descent overshoots by more each step above this (Infinity if curvature ≤ 0). */
  stableLearningRate: number;
  /** Hessian-vector products used. */
  products: number;
  /** The unit eigenvector found (flattened like w). */
  direction: number[];
  /** False if the iteration limit came first (close top eigenvalues converge slowly). */
  converged: boolean;
  /** 'power': power iteration; 'dense': the full Hessian from one product per parameter (see topCurvature). */
  method: 'power' | 'dense';
}

export interface PowerOptions {
  seed?: number;
  maxIterations?: number;
  /** Stop when the Rayleigh quotient changes by less than this, relative. */
  tolerance?: number;
  /** Up to this many parameters, a negative dominant eigenvalue is resolved from the full Hessian. */
  denseLimit?: number;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

/** Power iteration on `apply` (a symmetric operator on n numbers): the dominant eigenvalue and its vector. */
interface Power {
  value: number;
  vector: number[];
  steps: number;
  converged: boolean;
}

function power(apply: (v: number[]) => number[], n: number, o: Required<PowerOptions>): Power {
  let v = normals(o.seed, n);
  v = v.map((x) => x / Math.hypot(...v));
  let value = 0;
  for (let k = 1; k <= o.maxIterations; k++) {
    const hv = apply(v);
    const next = dot(v, hv);
    const norm = Math.hypot(...hv);
    if (norm === 0) return { value: 0, vector: v, steps: k, converged: true };
    v = hv.map((x) => x / norm);
    const done = Math.abs(next - value) <= o.tolerance * Math.abs(next);
    value = next;
    if (done) return { value, vector: v, steps: k, converged: true };
  }
  return { value, vector: v, steps: o.maxIterations, converged: false };
}

/** The full Hessian of `hvp` (n products with unit vectors) and its top eigenvalue by Jacobi. */
function dense(hvp: (v: number[]) => number[], n: number): Power {
  const columns = Array.from({ length: n }, (_, i) => hvp(Array.from({ length: n }, (__, j) => (i === j ? 1 : 0))));
  // Symmetrise: the two halves differ only by rounding.
  const h = columns.map((col, i) => col.map((x, j) => (x + columns[j][i]) / 2));
  const e = jacobiEigen(h);
  return { value: e.values[0], vector: e.vectors[0], steps: n, converged: true };
}

/**
 * The largest eigenvalue of d²L/dw² at w's current value, by power iteration on
 * Hessian-vector products. Power iteration finds the eigenvalue largest in *size*. At a
 * minimum that is the top one, but elsewhere it can be negative (W near 0 is a saddle): then,
 * for up to `denseLimit` parameters, the n×n Hessian is built from n more products and solved
 * exactly; beyond that, power iteration runs again on H − λ·I (slow when the top eigenvalues
 * are close; `converged` says whether it finished). Reads w; mutates nothing.
 */
export function topCurvature(loss: () => Tensor, w: Variable, options: PowerOptions = {}): Curvature {
  const o = { seed: 7, maxIterations: 500, tolerance: 1e-12, denseLimit: 64, ...options };
  const n = w.size;
  const shape = [...w.shape];
  const hvp = (v: number[]) => Array.from(hessianVectorProduct(loss, w, tensor(v, w.dtype, shape)).data);
  let p = power(hvp, n, o);
  let method: Curvature['method'] = 'power';
  if (p.value < 0 && n <= o.denseLimit) {
    p = { ...dense(hvp, n), steps: p.steps + n };
    method = 'dense';
  } else if (p.value < 0) {
    const shift = p.value;
    const shifted = power((v) => hvp(v).map((x, i) => x - shift * v[i]), n, o);
    p = { ...shifted, value: shifted.value + shift, steps: p.steps + shifted.steps };
  }
  return {
    curvature: p.value,
    stableLearningRate: p.value > 0 ? 2 / p.value : Infinity,
    products: p.steps,
    direction: p.vector,
    converged: p.converged,
    method,
  };
}

/**
 * The autoencoder loss's top curvature at `weights` (d×2 row-major), in float64 whatever the
 * run's dtype (this is a measurement shown beside the run, not part of it). Without
 * weights it is measured at the minimum — exact PCA's axes — where it is 8·λ₁/d (5.837 on
 * z-scored iris).
 */
export function autoencoderCurvature(
  config: Pick<AutoencoderConfig, 'dataset'>,
  weights?: ArrayLike<number>,
  data: ReduceData = prepareDataset(config.dataset),
): Curvature {
  const at = weights ? Array.from(weights) : data.pca.components.flat();
  const x = tensor(data.rows, 'float64');
  const w = variable(tensor(at, 'float64', [at.length / 2, 2]));
  return topCurvature(() => autoencoderLoss(x, w), w);
}
