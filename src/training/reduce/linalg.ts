/**
 * Exact PCA in plain numbers: the oracle the learned projection is compared against, not the
 * thing the lesson teaches (that is gradient descent on the engine). Matrices are arrays of
 * rows (`m[i][j]`, row i, column j); every function returns new arrays and mutates nothing.
 */
import { ReduceError } from './errors.ts';

export type Matrix = number[][];
type ReadonlyMatrix = readonly (readonly number[])[];

/** Eigenvalues in descending order and their unit eigenvectors (`vectors[i]` belongs to `values[i]`). */
export interface Eigen {
  values: number[];
  vectors: number[][];
}

function checkSymmetric(a: ReadonlyMatrix): void {
  const n = a.length;
  if (n === 0 || a.some((row) => row.length !== n))
    throw new ReduceError(
      'jacobiEigen',
      `needs a square matrix, got ${n} rows of lengths ${a.map((r) => r.length).join(', ')}`,
    );
  const big = Math.max(...a.map((row) => Math.max(...row.map(Math.abs))));
  if (!Number.isFinite(big)) throw new ReduceError('jacobiEigen', 'the matrix has a non-finite entry');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * big)
        throw new ReduceError(
          'jacobiEigen',
          `the matrix is not symmetric: [${i}][${j}] = ${a[i][j]} but [${j}][${i}] = ${a[j][i]}`,
        );
    }
  }
}

/** One Jacobi rotation in the (p, q) plane that zeroes a[p][q]; mutates `a` (two-sided) and `v` (columns). */
function rotate(a: Matrix, v: Matrix, p: number, q: number): void {
  if (a[p][q] === 0) return;
  // The smaller of the two rotation angles (|t| ≤ 1) keeps the update numerically stable.
  const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (const m of [a, v]) {
    for (const row of m) {
      const kp = row[p],
        kq = row[q];
      row[p] = c * kp - s * kq;
      row[q] = s * kp + c * kq;
    }
  }
  for (let k = 0; k < a.length; k++) {
    const pk = a[p][k],
      qk = a[q][k];
    a[p][k] = c * pk - s * qk;
    a[q][k] = s * pk + c * qk;
  }
  a[p][q] = a[q][p] = 0;
}

const offDiagonal = (a: Matrix) =>
  a.reduce((s, row, i) => s + row.reduce((t, x, j) => t + (i === j ? 0 : x * x), 0), 0);

/**
 * Eigen-decomposition of a real symmetric n×n matrix by cyclic Jacobi rotations: sweep over
 * every off-diagonal pair until they are zero to rounding (quadratic convergence: a 4×4
 * needs about six sweeps). Each eigenvector's largest component is made positive, so the
 * PCA axes (and the scatter built on them) never flip sign between runs.
 */
export function jacobiEigen(symmetric: ReadonlyMatrix): Eigen {
  checkSymmetric(symmetric);
  const n = symmetric.length;
  const a = symmetric.map((row) => [...row]);
  const v = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  const scale = a.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0);
  for (let sweep = 0; sweep < 64 && offDiagonal(a) > 1e-32 * scale; sweep++) {
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) rotate(a, v, p, q);
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => canonicalSign(v.map((row) => row[i]))) };
}

function canonicalSign(u: number[]): number[] {
  let k = 0;
  for (let i = 1; i < u.length; i++) if (Math.abs(u[i]) > Math.abs(u[k]) + 1e-12) k = i;
  return u[k] < 0 ? u.map((x) => -x) : u;
}

/** Column means of n×d rows. */
export function columnMeans(rows: ReadonlyMatrix): number[] {
  const mean = new Array<number>(rows[0].length).fill(0);
  for (const row of rows)
    row.forEach((x, j) => {
      mean[j] += x;
    });
  return mean.map((m) => m / rows.length);
}

/** Population covariance (divide by n) of n×d rows, centred on their column means: d×d. */
export function covariance(rows: ReadonlyMatrix): Matrix {
  if (rows.length === 0) throw new ReduceError('covariance', 'needs at least one row');
  const mean = columnMeans(rows);
  const d = mean.length;
  const c = mean.map(() => new Array<number>(d).fill(0));
  for (const row of rows) {
    for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) c[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]);
  }
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) c[j][i] = c[i][j] = c[i][j] / rows.length;
  return c;
}

/** Correlation matrix of n×d rows: the covariance of their z-scores (d×d, ones on the diagonal). */
export function correlation(rows: ReadonlyMatrix): Matrix {
  const c = covariance(rows);
  const sd = c.map((row, i) => Math.sqrt(row[i]));
  return c.map((row, i) => row.map((x, j) => (i === j ? 1 : x / (sd[i] * sd[j]))));
}

/** Exact PCA of some rows: every eigenvalue of their covariance, the top k axes, and shares of variance. */
export interface Pca {
  mean: number[];
  /** All d covariance eigenvalues, descending. */
  eigenvalues: number[];
  /** d×k: column c is the c-th principal axis (unit length). */
  components: Matrix;
  /** Each eigenvalue's share of the total variance (all d, sums to 1). */
  explained: number[];
}

/** PCA of n×d rows keeping k components (1 ≤ k ≤ d), from the covariance eigen-decomposition. */
export function pca(rows: ReadonlyMatrix, k: number): Pca {
  const e = jacobiEigen(covariance(rows));
  const d = e.values.length;
  if (!Number.isInteger(k) || k < 1 || k > d)
    throw new ReduceError('pca', `k must be a whole number from 1 to ${d}, got ${k}`);
  const total = e.values.reduce((s, x) => s + x, 0);
  const components = e.values.map((_, i) => e.vectors.slice(0, k).map((u) => u[i]));
  return { mean: columnMeans(rows), eigenvalues: e.values, components, explained: e.values.map((x) => x / total) };
}

/**
 * The lowest mean((x − x·W·Wᵀ)²) any d×k W can reach on centred data: the variance left in
 * the dropped directions, spread over the d columns the mean divides by — (λₖ₊₁ + … + λ_d) / d.
 */
export function reconstructionFloor(eigenvalues: readonly number[], k: number): number {
  return eigenvalues.slice(k).reduce((s, x) => s + x, 0) / eigenvalues.length;
}

const transposeM = (m: ReadonlyMatrix): Matrix => m[0].map((_, j) => m.map((row) => row[j]));
const multiply = (a: ReadonlyMatrix, b: ReadonlyMatrix): Matrix =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, x, t) => s + x * b[t][j], 0)));

/**
 * Orthonormal columns spanning the same space as m's (d×k), by modified Gram–Schmidt done
 * twice (the second pass removes what rounding left). Null if the columns are (nearly) dependent.
 */
export function orthonormalColumns(m: ReadonlyMatrix): Matrix | null {
  const cols = transposeM(m);
  const q: number[][] = [];
  for (const col of cols) {
    const size = Math.hypot(...col);
    let u = [...col];
    for (let pass = 0; pass < 2; pass++) {
      for (const e of q) {
        const dot = u.reduce((s, x, i) => s + x * e[i], 0);
        u = u.map((x, i) => x - dot * e[i]);
      }
    }
    const norm = Math.hypot(...u);
    if (!(norm > 1e-10 * size)) return null;
    q.push(u.map((x) => x / norm));
  }
  return transposeM(q);
}

/**
 * Singular values of an r×k matrix, descending, by one-sided Jacobi (Hestenes): rotate pairs
 * of columns until all are orthogonal; their lengths are then the singular values. Unlike
 * eigenvalues of mᵀm it never squares m, so a small singular value keeps its accuracy.
 */
export function singularValues(m: ReadonlyMatrix): number[] {
  const cols = transposeM(m);
  const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i], 0);
  for (let sweep = 0, rotated = true; rotated && sweep < 64; sweep++) {
    rotated = false;
    for (let p = 0; p < cols.length - 1; p++) {
      for (let q = p + 1; q < cols.length; q++) {
        const alpha = dot(cols[p], cols[p]),
          beta = dot(cols[q], cols[q]),
          gamma = dot(cols[p], cols[q]);
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t),
          s = c * t;
        cols[p].forEach((x, i) => {
          const y = cols[q][i];
          cols[p][i] = c * x - s * y;
          cols[q][i] = s * x + c * y;
        });
      }
    }
  }
  return cols.map((c) => Math.hypot(...c)).sort((x, y) => y - x);
}

/**
 * The largest principal angle, in degrees, between the column spaces of two d×k matrices
 * (0 when they span the same plane). With orthonormal bases Qa, Qb and M = Qaᵀ·Qb, the
 * angle's cosine is M's smallest singular value and its sine the largest singular value of
 * the residual Qb − Qa·M; atan2 of the two is accurate at every angle, where acos of a cosine
 * near 1 would lose everything below ~1e-8 rad. NaN if either has dependent or non-finite columns.
 */
export function planeAngle(a: ReadonlyMatrix, b: ReadonlyMatrix): number {
  if (a.length !== b.length || a[0]?.length !== b[0]?.length) {
    throw new ReduceError(
      'planeAngle',
      `needs two matrices of the same shape, got ${a.length}×${a[0]?.length} and ${b.length}×${b[0]?.length}`,
    );
  }
  if (![...a, ...b].every((row) => row.every(Number.isFinite))) return NaN;
  const qa = orthonormalColumns(a);
  const qb = orthonormalColumns(b);
  if (qa === null || qb === null) return NaN;
  const m = multiply(transposeM(qa), qb);
  const qaM = multiply(qa, m);
  const sin = singularValues(qb.map((row, i) => row.map((x, j) => x - qaM[i][j])))[0];
  const cos = singularValues(m).at(-1)!;
  return (Math.atan2(sin, cos) * 180) / Math.PI;
}

/** Largest eigenvalue of the symmetric 2×2 [[p, q], [q, r]], in the form that does not cancel. */
const top2 = (p: number, q: number, r: number) => (p + r) / 2 + Math.hypot((p - r) / 2, q);

/**
 * {@link planeAngle} for the trainer's hot path: d×2 weights given flat row-major, against a
 * fixed d×2 reference whose orthonormal basis is computed once. Same formulation (atan2 of
 * the residual's sine and M's smallest singular value), with the 2×2 singular values in closed
 * form: σmin(M) = |det M| / σmax(M) keeps its absolute accuracy near 90°, and λmax(RᵀR) keeps
 * its relative accuracy near 0°. Returns a function of the flat weights; it allocates nothing.
 */
export function planeAngleTo(reference: ReadonlyMatrix): (flat: ArrayLike<number>) => number {
  const q = orthonormalColumns(reference);
  if (q === null || reference[0].length !== 2)
    throw new ReduceError('planeAngleTo', 'needs a d×2 reference with independent columns');
  const d = q.length;
  const b1 = q.map((row) => row[0]),
    b2 = q.map((row) => row[1]);
  const u1 = new Float64Array(d),
    u2 = new Float64Array(d);
  return (w) => {
    if (w.length !== 2 * d) throw new ReduceError('planeAngleTo', `needs ${2 * d} weights, got ${w.length}`);
    if (!orthonormalPair(w, u1, u2)) return NaN;
    let m11 = 0,
      m12 = 0,
      m21 = 0,
      m22 = 0;
    for (let i = 0; i < d; i++) {
      m11 += u1[i] * b1[i];
      m12 += u1[i] * b2[i];
      m21 += u2[i] * b1[i];
      m22 += u2[i] * b2[i];
    }
    let g11 = 0,
      g12 = 0,
      g22 = 0;
    for (let i = 0; i < d; i++) {
      const r1 = b1[i] - u1[i] * m11 - u2[i] * m21,
        r2 = b2[i] - u1[i] * m12 - u2[i] * m22;
      g11 += r1 * r1;
      g12 += r1 * r2;
      g22 += r2 * r2;
    }
    const sin = Math.sqrt(top2(g11, g12, g22));
    const sigmaMax = Math.sqrt(top2(m11 * m11 + m21 * m21, m11 * m12 + m21 * m22, m12 * m12 + m22 * m22));
    const cos = sigmaMax > 0 ? Math.abs(m11 * m22 - m12 * m21) / sigmaMax : 0;
    return (Math.atan2(sin, cos) * 180) / Math.PI;
  };
}

/** Gram–Schmidt (twice) on the two columns of flat row-major d×2 `w`, into u1 and u2; false if they are dependent or non-finite. */
function orthonormalPair(w: ArrayLike<number>, u1: Float64Array, u2: Float64Array): boolean {
  const d = u1.length;
  let n1 = 0,
    n2 = 0;
  for (let i = 0; i < d; i++) {
    u1[i] = w[2 * i];
    u2[i] = w[2 * i + 1];
    n1 += u1[i] * u1[i];
    n2 += u2[i] * u2[i];
  }
  if (!(n1 > 0 && n2 > 0 && Number.isFinite(n1 + n2))) return false;
  n1 = Math.sqrt(n1);
  for (let i = 0; i < d; i++) u1[i] /= n1;
  for (let pass = 0; pass < 2; pass++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += u1[i] * u2[i];
    for (let i = 0; i < d; i++) u2[i] -= dot * u1[i];
  }
  let n = 0;
  for (let i = 0; i < d; i++) n += u2[i] * u2[i];
  if (!(Math.sqrt(n) > 1e-10 * Math.sqrt(n2))) return false;
  n = Math.sqrt(n);
  for (let i = 0; i < d; i++) u2[i] /= n;
  return true;
}

/**
 * The orthogonal 2×2 R (a rotation, or a rotation with a flip) that turns the points `a` (n×2)
 * as close as they can come to the points `b` (n×2), by least squares: orthogonal Procrustes.
 * With M = aᵀb, R = M·(MᵀM)^(−½), the orthogonal factor of M's polar decomposition. A turn
 * changes neither the points' distances nor the plane they span, only how they face the page.
 */
export function procrustes2(a: ReadonlyMatrix, b: ReadonlyMatrix): Matrix {
  const m = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < a.length; i++)
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) m[r][c] += a[i][r] * b[i][c];
  const mtm = [
    [m[0][0] * m[0][0] + m[1][0] * m[1][0], m[0][0] * m[0][1] + m[1][0] * m[1][1]],
    [m[0][1] * m[0][0] + m[1][1] * m[1][0], m[0][1] * m[0][1] + m[1][1] * m[1][1]],
  ];
  const e = jacobiEigen(mtm);
  if (!(e.values[1] > 1e-300))
    return [
      [1, 0],
      [0, 1],
    ];
  // (MᵀM)^(−½) = Σ vᵢ vᵢᵀ / √λᵢ
  const inv = [
    [0, 0],
    [0, 0],
  ];
  e.values.forEach((l, k) => {
    const v = e.vectors[k];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) inv[r][c] += (v[r] * v[c]) / Math.sqrt(l);
  });
  return [
    [m[0][0] * inv[0][0] + m[0][1] * inv[1][0], m[0][0] * inv[0][1] + m[0][1] * inv[1][1]],
    [m[1][0] * inv[0][0] + m[1][1] * inv[1][0], m[1][0] * inv[0][1] + m[1][1] * inv[1][1]],
  ];
}
