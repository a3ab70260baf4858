/**
 * Reduction kernels. Sums accumulate in float64 and are rounded once when stored, for both
 * dtypes. A full sum always walks fixed blocks of BLOCK elements from index 0, so the eager
 * path and the lazy block-wise path add in exactly the same order and agree bit for bit.
 */
import type { TypedArray } from '../tensor.ts';

/** Elements per block, for full sums and lazy chains (fits L1/L2 for a few operands). */
export const BLOCK = 2048;

/** Sum of a[o … o+n) with four interleaved accumulators (n ≤ BLOCK in practice). */
export function blockSum(a: TypedArray, o: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[o + i];
    s1 += a[o + i + 1];
    s2 += a[o + i + 2];
    s3 += a[o + i + 3];
  }
  for (; i < n; i++) s0 += a[o + i];
  return (s0 + s1) + (s2 + s3);
}

/** Sum of every element, block by block (the one order every full sum uses). */
export function fullSum(a: TypedArray): number {
  let total = 0;
  for (let o = 0; o < a.length; o += BLOCK) total += blockSum(a, o, Math.min(BLOCK, a.length - o));
  return total;
}

/**
 * Adds src (shape `shape`) into acc (shape `keep`: same rank, each extent equal or 1),
 * summing over the axes where `keep` is 1. acc must start at zero.
 */
export function sumIntoKernel(src: TypedArray, shape: readonly number[], keep: readonly number[], acc: Float64Array): void {
  const rank = shape.length;
  const n = src.length;
  if (n === 0) return;
  const st = keptStrides(keep);
  const inner = rank === 0 ? 1 : shape[rank - 1];
  const innerStride = rank === 0 ? 0 : st[rank - 1];
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let o = 0; o < n; o += inner) {
    for (let j = 0; j < inner; j++) acc[off + j * innerStride] += src[o + j];
    off = advance(idx, shape, st, off);
  }
}

/** Row-major strides of `keep`, with 0 on axes of extent 1 (those are summed or broadcast). */
export function keptStrides(keep: readonly number[]): number[] {
  const st = new Array<number>(keep.length);
  let s = 1;
  for (let i = keep.length - 1; i >= 0; i--) {
    st[i] = keep[i] === 1 ? 0 : s;
    s *= keep[i];
  }
  return st;
}

/** Odometer step over all axes but the last; returns the new offset into the strided side. */
export function advance(idx: number[], shape: readonly number[], st: readonly number[], off: number): number {
  for (let ax = shape.length - 2; ax >= 0; ax--) {
    idx[ax]++;
    off += st[ax];
    if (idx[ax] < shape[ax]) return off;
    off -= st[ax] * shape[ax];
    idx[ax] = 0;
  }
  return off;
}
