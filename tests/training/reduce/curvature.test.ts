import { describe, expect, it } from 'vitest';
import { mul, square, sum, tensor, variable, type Tensor } from '../../../src/engine/index.ts';
import { autoencoderLoss, initialWeights } from '../../../src/training/reduce/autoencoder.ts';
import { autoencoderCurvature, hessianVectorProduct, topCurvature } from '../../../src/training/reduce/curvature.ts';
import { prepareDataset } from '../../../src/training/reduce/dataset.ts';
import { jacobiEigen } from '../../../src/training/reduce/linalg.ts';
import { maxRelativeError, tapeGradient } from './fd.ts';

const data = prepareDataset('iris-z');
const x = tensor(data.rows, 'float64');
const lossOf = (w: Tensor) => autoencoderLoss(x, w);
const unit = (i: number) => Array.from({ length: 8 }, (_, j) => (j === i ? 1 : 0));

/** The 8×8 Hessian at W, one nested-tape product per column. */
function hessian(w: number[]): number[][] {
  const v = variable(tensor(w, 'float64', [4, 2]));
  return unit(0).map((_, i) =>
    Array.from(hessianVectorProduct(() => lossOf(v), v, tensor(unit(i), 'float64', [4, 2])).data),
  );
}

describe('hessianVectorProduct (nested tapes)', () => {
  it('equals central differences of the tape gradient along v', () => {
    const w = initialWeights(4, 4).map((a) => 6 * a);
    const dir = initialWeights(5, 4);
    const h = 1e-5;
    const g = (s: number) =>
      tapeGradient(
        lossOf,
        w.map((a, i) => a + s * dir[i]),
        [4, 2],
      );
    const numeric = g(h).map((a, i) => (a - g(-h)[i]) / (2 * h));
    const v = variable(tensor(w, 'float64', [4, 2]));
    const hv = Array.from(hessianVectorProduct(() => lossOf(v), v, tensor(dir, 'float64', [4, 2])).data);
    expect(maxRelativeError(hv, numeric)).toBeLessThan(1e-7);
  });

  it('gives a symmetric Hessian', () => {
    const H = hessian(initialWeights(2, 4).map((a) => 4 * a));
    H.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(H[j][i], 12)));
  });
});

describe('curvature at the minimum (exact PCA axes, z-scored iris)', () => {
  const [l1, l2, l3, l4] = data.pca.eigenvalues;

  it('is 5.837 = 8·λ₁/d = 2·λ₁ (d = 4), so the predicted limit is 2/5.837 ≈ 0.3426', () => {
    const c = autoencoderCurvature({ dataset: 'iris-z' });
    expect(c.method).toBe('power');
    expect(c.converged).toBe(true);
    expect(c.curvature).toBeCloseTo(5.837, 3);
    expect(c.curvature).toBeCloseTo(2 * l1, 9);
    expect(c.stableLearningRate).toBeCloseTo(0.3426, 4);
  });

  it('has the whole spectrum the tied autoencoder predicts: 8λ₁/d, 4(λ₁+λ₂)/d, 8λ₂/d, 2(λᵢ−λⱼ)/d, and 0 for turning W within its plane', () => {
    const predicted = [2 * l1, l1 + l2, 2 * l2, (l1 - l4) / 2, (l1 - l3) / 2, (l2 - l4) / 2, (l2 - l3) / 2, 0].sort(
      (a, b) => b - a,
    );
    const got = jacobiEigen(hessian(data.pca.components.flat())).values;
    got.forEach((v, i) => expect(v).toBeCloseTo(predicted[i], 9));
  });

  it('on centred centimetres is 8.400 (limit 0.238)', () => {
    const c = autoencoderCurvature({ dataset: 'iris-raw' });
    expect(c.curvature).toBeCloseTo(8.4001, 3);
    expect(c.stableLearningRate).toBeCloseTo(0.2381, 4);
  });
});

describe('topCurvature away from the minimum', () => {
  it('agrees with the full Hessian where the top eigenvalue dominates', () => {
    const w = initialWeights(5, 4).map((a) => 10 * a);
    const top = jacobiEigen(hessian(w)).values[0];
    const c = autoencoderCurvature({ dataset: 'iris-z' }, w, data);
    expect(c.method).toBe('power');
    expect(c.curvature).toBeCloseTo(top, 8);
  });

  it('finds the most positive eigenvalue at the saddle near W = 0, where power iteration alone finds the most negative', () => {
    const w = initialWeights(1, 4);
    const all = jacobiEigen(hessian(w)).values;
    expect(all.every((v) => v < 0)).toBe(true);
    const c = autoencoderCurvature({ dataset: 'iris-z' }, w, data);
    expect(c.method).toBe('dense');
    expect(c.curvature).toBeCloseTo(all[0], 12);
    expect(c.stableLearningRate).toBe(Infinity);
  });

  it('without the dense fallback, shifted power iteration finds it too', () => {
    // −1.5·v₀² − 0.5·v₁²: Hessian diag(−3, −1), so the top eigenvalue is −1.
    const v = variable(tensor([0.3, -0.2], 'float64'));
    const loss = () => sum(mul(square(v), tensor([-1.5, -0.5], 'float64')));
    const c = topCurvature(loss, v, { denseLimit: 0 });
    expect(c.method).toBe('power');
    expect(c.converged).toBe(true);
    expect(c.curvature).toBeCloseTo(-1, 9);
  });
});
