/**
 * The typed-array kernels against the definitions written out index by index. Values are small
 * integers, so every sum is exact and any wrong index or stride shows as a different number.
 */
import { describe, expect, it } from 'vitest';
import { matmulKernel } from '../../../src/engine/kernels/matmul.ts';
import { BLOCK, blockSum, fullSum, sumIntoKernel } from '../../../src/engine/kernels/reduce.ts';
import { broadcastKernel, rowsOf, transposeKernel } from '../../../src/engine/kernels/shape.ts';
import {
  binaryValue,
  loopArrayNumber,
  loopArrays,
  loopNumberArray,
  unaryValue,
} from '../../../src/engine/kernels/elementwise.ts';
import { ADD, DIV, MUL, NEG, SUB } from '../../../src/engine/ops/elementwise.ts';
import { rng } from '../gradcheck.ts';

const ints = (n: number, seed: number) => {
  const r = rng(seed);
  return new Float64Array(n).map(() => Math.floor(r() * 19) - 9);
};
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
/** Row-major index of `idx` in `shape`, with axes of extent 1 read at 0 (broadcast). */
const at = (idx: readonly number[], shape: readonly number[]) =>
  idx.reduce((o, v, ax) => o * shape[ax] + (shape[ax] === 1 ? 0 : v), 0);
function* indices(shape: readonly number[]): Generator<number[]> {
  const idx = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < size(shape); n++) {
    yield [...idx];
    for (let ax = shape.length - 1; ax >= 0; ax--) {
      if (++idx[ax] < shape[ax]) break;
      idx[ax] = 0;
    }
  }
}

describe('matmulKernel', () => {
  it.each([
    [1, 1, 1],
    [2, 3, 4],
    [5, 1, 3],
    [4, 7, 2],
  ])('an %i×%i by %i-column product, at offsets, is Σ a·b', (m, k, n) => {
    const a = ints(m * k + 3, m),
      b = ints(k * n + 2, n),
      out = new Float64Array(m * n + 5).fill(99);
    matmulKernel(
      { data: a, offset: 3, rowStride: k, colStride: 1 },
      { data: b, offset: 2, rowStride: n, colStride: 1 },
      out,
      5,
      m,
      k,
      n,
      new Float64Array(n),
    );
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[3 + i * k + p] * b[2 + p * n + j];
        expect(out[5 + i * n + j]).toBe(s);
      }
    expect(Array.from(out.subarray(0, 5))).toEqual([99, 99, 99, 99, 99]); // nothing written before the offset
  });

  // Narrow products take one output at a time, wide ones a row accumulator: both must add each
  // output's products from +0 in the order p = 0, 1, … and round once, or float32 bits change.
  it.each([
    [25, 8, 8],
    [10, 2, 4],
    [3, 5, 64],
    [3, 5, 65],
    [2, 9, 130],
  ])('a %i×%i by %i-column float32 product rounds Σ a·b, summed in order, once', (m, k, n) => {
    const r = rng(m * 31 + n);
    const a = Float32Array.from({ length: m * k }, () => r() * 4 - 2),
      b = Float32Array.from({ length: k * n }, () => r() * 4 - 2),
      out = new Float32Array(m * n);
    const plain = (data: Float32Array, cols: number) => ({ data, offset: 0, rowStride: cols, colStride: 1 });
    matmulKernel(plain(a, k), plain(b, n), out, 0, m, k, n, new Float64Array(n));
    const want = new Float32Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
        want[i * n + j] = s;
      }
    expect(Array.from(out)).toEqual(Array.from(want));
    // Read in place as transposes: Aᵀ stored k×m and Bᵀ stored n×k give the same bits.
    const at = new Float32Array(k * m),
      bt = new Float32Array(n * k);
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
    for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
    const out2 = new Float32Array(m * n);
    matmulKernel(
      { data: at, offset: 0, rowStride: 1, colStride: m },
      { data: bt, offset: 0, rowStride: 1, colStride: k },
      out2,
      0,
      m,
      k,
      n,
      new Float64Array(n),
    );
    expect(Array.from(out2)).toEqual(Array.from(want));
  });
});

describe('sums', () => {
  it('blockSum and fullSum add every element, across block edges', () => {
    for (const n of [0, 1, 3, 4, 5, BLOCK - 1, BLOCK, 2 * BLOCK + 7]) {
      const a = ints(n, n + 1);
      expect(fullSum(a)).toBe(a.reduce((s, v) => s + v, 0));
      if (n >= 3) expect(blockSum(a, 1, n - 2)).toBe(a.subarray(1, n - 1).reduce((s, v) => s + v, 0));
    }
  });

  it.each([
    [
      [2, 3, 4],
      [1, 3, 1],
    ],
    [
      [2, 3, 4],
      [2, 1, 4],
    ],
    [
      [2, 3, 4],
      [1, 1, 1],
    ],
    [[5], [1]],
    [
      [3, 2],
      [3, 2],
    ],
    [
      [4, 3],
      [1, 3],
    ],
    [
      [2, 3, 4],
      [1, 3, 4],
    ],
    [
      [2, 3, 4],
      [1, 1, 4],
    ],
    [[], []],
  ])('sumIntoKernel of shape %j into %j sums over the axes of extent 1', (shape, keep) => {
    const src = ints(size(shape), 7);
    const acc = new Float64Array(size(keep));
    sumIntoKernel(src, shape, keep, acc);
    const want = new Float64Array(size(keep));
    let o = 0;
    for (const idx of indices(shape)) want[at(idx, keep)] += src[o++];
    expect(Array.from(acc)).toEqual(Array.from(want));
  });
});

describe('layout', () => {
  it.each([
    [[3], [2, 3]],
    [
      [2, 1],
      [2, 4],
    ],
    [
      [1, 3, 1],
      [2, 3, 2],
    ],
    [[], [2, 2]],
    [[4], [4]],
  ])('broadcastKernel expands %j to %j as numpy does (aligned at the right)', (from, to) => {
    const src = ints(size(from), 3);
    const out = new Float64Array(size(to));
    broadcastKernel(src, from, to, out);
    const padded = [...new Array<number>(to.length - from.length).fill(1), ...from];
    let o = 0;
    for (const idx of indices(to)) expect(out[o++]).toBe(src[at(idx, padded)]);
  });

  it('rowsOf steps 0 along a broadcast last axis', () => {
    expect(rowsOf([2, 3], [2, 1]).step).toBe(0);
    expect(Array.from(rowsOf([2, 3], [2, 1]).starts)).toEqual([0, 1]);
    expect(rowsOf([2, 3], [2, 3]).step).toBe(1);
  });

  it('transposeKernel swaps the last two axes of each matrix in a batch', () => {
    const [batch, rows, cols] = [3, 2, 5];
    const src = ints(batch * rows * cols, 11);
    const out = new Float64Array(src.length);
    transposeKernel(src, out, batch, rows, cols);
    for (let b = 0; b < batch; b++)
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          expect(out[b * rows * cols + j * rows + i]).toBe(src[b * rows * cols + i * cols + j]);
        }
  });
});

describe('elementwise loops', () => {
  const ops = [
    [ADD, (x: number, y: number) => x + y],
    [SUB, (x: number, y: number) => x - y],
    [MUL, (x: number, y: number) => x * y],
    [DIV, (x: number, y: number) => x / y],
  ] as const;
  it.each(ops)(
    '$name: array·array, array·number and number·array loops, at offsets, and the one-pair kernel',
    (op, math) => {
      const a = ints(12, 1),
        b = ints(12, 2).map((v) => v || 1);
      const out = new Float64Array(12).fill(99);
      loopArrays(op, a, 2, b, 1, out, 3, 8);
      for (let i = 0; i < 8; i++) expect(out[3 + i]).toBe(math(a[2 + i], b[1 + i]));
      expect(Array.from(out.subarray(0, 3))).toEqual([99, 99, 99]);
      loopArrayNumber(op, a, 0, 4, out, 0, 12);
      for (let i = 0; i < 12; i++) expect(out[i]).toBe(math(a[i], 4));
      loopNumberArray(op, 4, b, 0, out, 0, 12);
      for (let i = 0; i < 12; i++) expect(out[i]).toBe(math(4, b[i]));
      expect(binaryValue(op, 7, -2)).toBe(math(7, -2));
    },
  );

  it('a Float32Array output rounds each result to float32, the engine’s rule', () => {
    const out = new Float32Array(1);
    loopArrayNumber(DIV, new Float32Array([1]), 0, 3, out, 0, 1);
    expect(out[0]).toBe(Math.fround(1 / 3));
    expect(out[0]).not.toBe(1 / 3);
    expect(unaryValue(NEG, 2, 0)).toBe(-2);
  });
});
