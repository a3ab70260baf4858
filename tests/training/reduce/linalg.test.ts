import { describe, expect, it } from 'vitest';
import { center, loadIris, standardize } from '../../../src/training/reduce/iris.ts';
import {
  correlation,
  covariance,
  jacobiEigen,
  pca,
  planeAngle,
  planeAngleTo,
  reconstructionFloor,
  singularValues,
} from '../../../src/training/reduce/linalg.ts';
import { ReduceError } from '../../../src/training/reduce/errors.ts';
import { mulberry32 } from '../../../src/training/random.ts';

const cm = loadIris().measurements;

describe('jacobiEigen on the planning figures', () => {
  it('finds the correlation matrix eigenvalues 2.9185, 0.9140, 0.1468, 0.0207', () => {
    const { values } = jacobiEigen(correlation(cm));
    [2.9185, 0.914, 0.1468, 0.0207].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 4));
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(4, 12);
  });

  it('z-scored PCA: two components keep 95.81 % and the loss floor is 0.041868', () => {
    const p = pca(standardize(cm).rows, 2);
    expect((p.explained[0] + p.explained[1]) * 100).toBeCloseTo(95.81, 2);
    expect(reconstructionFloor(p.eigenvalues, 2)).toBeCloseTo(0.041868, 6);
    // The covariance of z-scores is the correlation matrix.
    expect(p.eigenvalues[0]).toBeCloseTo(jacobiEigen(correlation(cm)).values[0], 12);
  });

  it('raw centimetres: petal length dominates, 92.5 % and 5.3 %', () => {
    const p = pca(center(cm).rows, 2);
    expect(p.explained[0] * 100).toBeCloseTo(92.5, 1);
    expect(p.explained[1] * 100).toBeCloseTo(5.3, 1);
    const axis = p.components.map((row) => Math.abs(row[0]));
    expect(axis.indexOf(Math.max(...axis))).toBe(2); // petal length
  });
});

function randomSymmetric(n: number, seed: number): number[][] {
  const rand = mulberry32(seed);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i][j] = a[j][i] = rand() * 4 - 2;
  return a;
}

describe('jacobiEigen on a random symmetric matrix', () => {
  const a = randomSymmetric(7, 3);
  const { values, vectors } = jacobiEigen(a);

  it('A·v = λ·v for every pair, with unit, orthogonal vectors, values descending', () => {
    vectors.forEach((v, k) => {
      const av = a.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      av.forEach((x, i) => expect(x).toBeCloseTo(values[k] * v[i], 12));
      vectors.forEach((u, l) => expect(u.reduce((s, x, i) => s + x * v[i], 0)).toBeCloseTo(k === l ? 1 : 0, 12));
    });
    expect([...values].sort((x, y) => y - x)).toEqual(values);
  });

  it('keeps the trace and rejects non-symmetric or non-square input', () => {
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(
      a.reduce((s, row, i) => s + row[i], 0),
      12,
    );
    expect(() =>
      jacobiEigen([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(/not symmetric/);
    expect(() => jacobiEigen([[1, 2]])).toThrow(ReduceError);
  });

  it('handles an already diagonal matrix and repeated eigenvalues', () => {
    expect(
      jacobiEigen([
        [1, 0],
        [0, 3],
      ]).values,
    ).toEqual([3, 1]);
    expect(
      jacobiEigen([
        [2, 0, 0],
        [0, 2, 0],
        [0, 0, 2],
      ]).values,
    ).toEqual([2, 2, 2]);
  });
});

describe('covariance', () => {
  it('divides by n (population)', () => {
    expect(covariance([[0], [2]])).toEqual([[1]]);
  });
});

describe('singularValues', () => {
  it('matches a known 3×2 matrix and keeps a tiny singular value accurate', () => {
    // [[3, 0], [0, 4], [0, 0]] rotated in its column space has singular values 4 and 3.
    const c = Math.cos(0.3),
      s = Math.sin(0.3);
    const got = singularValues([
      [3 * c, -3 * s],
      [4 * s, 4 * c],
      [0, 0],
    ]);
    expect(got[0]).toBeCloseTo(4, 14);
    expect(got[1]).toBeCloseTo(3, 14);
    expect(
      singularValues([
        [1, 1],
        [1, 1 + 1e-12],
      ])[1] /
        (1e-12 / 2) -
        1,
    ).toBeLessThan(1e-3);
  });
});

describe('planeAngle', () => {
  const xy = [
    [1, 0],
    [0, 1],
    [0, 0],
    [0, 0],
  ];
  // The xy plane tilted by `deg` about the x axis, then given a skewed, scaled basis.
  const tilted = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const e1 = [1, 0, 0, 0],
      e2 = [0, Math.cos(t), Math.sin(t), 0];
    return e1.map((x, i) => [3 * x + e2[i], -0.5 * e2[i]]);
  };

  it.each([0, 1e-6, 0.01, 1, 30, 45, 89.99, 90])('measures a %s° tilt', (deg) => {
    const got = planeAngle(xy, tilted(deg));
    expect(Math.abs(got - deg)).toBeLessThan(1e-9 * Math.max(1, deg));
  });

  it('is 0.01° accurate to 1e-12 relative, symmetric in its arguments, and blind to the basis', () => {
    expect(planeAngle(xy, tilted(0.01)) / 0.01 - 1).toBeLessThan(1e-9);
    expect(planeAngle(tilted(0.01), xy)).toBeCloseTo(planeAngle(xy, tilted(0.01)), 14);
    expect(
      planeAngle(xy, [
        [2, 2],
        [1, -1],
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
  });

  it('gives NaN for a collapsed or non-finite matrix and throws on different shapes', () => {
    expect(
      planeAngle(xy, [
        [1, 2],
        [1, 2],
        [0, 0],
        [0, 0],
      ]),
    ).toBeNaN();
    expect(
      planeAngle(xy, [
        [NaN, 0],
        [0, 1],
        [0, 0],
        [0, 0],
      ]),
    ).toBeNaN();
    expect(() =>
      planeAngle(xy, [
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/same shape/);
  });
});

describe('planeAngleTo (the trainer’s fast d×2 path)', () => {
  const reference = pca(standardize(cm).rows, 2).components;
  const angle = planeAngleTo(reference);

  it('agrees with planeAngle on random planes and on tiny and right-angle tilts', () => {
    const rand = mulberry32(11);
    for (let k = 0; k < 50; k++) {
      const w = Array.from({ length: 8 }, () => rand() * 2 - 1);
      const rows = [0, 1, 2, 3].map((i) => [w[2 * i], w[2 * i + 1]]);
      expect(angle(w)).toBeCloseTo(planeAngle(rows, reference), 10);
    }
    // Tilt the reference plane by t radians towards the third PCA axis.
    const third = jacobiEigen(correlation(cm)).vectors[2];
    for (const t of [1e-9, 1e-4, 0.3, Math.PI / 2]) {
      const w = reference.flatMap((row, i) => [3 * row[0], Math.cos(t) * row[1] + Math.sin(t) * third[i]]);
      expect(Math.abs(angle(w) - (t * 180) / Math.PI)).toBeLessThan(1e-12 * Math.max(1, (t * 180) / Math.PI) + 1e-13);
    }
  });

  it('gives NaN for collapsed or non-finite weights and throws on the wrong length', () => {
    expect(angle([1, 2, 1, 2, 1, 2, 1, 2])).toBeNaN();
    expect(angle([Infinity, 0, 0, 1, 0, 0, 0, 0])).toBeNaN();
    expect(() => angle([1, 2])).toThrow(/8 weights/);
  });
});
