/**
 * Reduction kernels. Sums accumulate in float64 and are rounded once when stored, for both
 * dtypes. A full sum always walks fixed blocks of BLOCK elements from index 0, so the eager
 * path and the lazy block-wise path add in exactly the same order and agree bit for bit.
 */
import type { TypedArray } from '../tensor.ts';
import { rowsOf } from './shape.ts';
import { trailingBlock } from '../shape.ts';

/** Elements per block, for full sums and lazy chains (fits L1/L2 for a few operands). */
export const BLOCK = 2048;

/** Sum of a[o … o+n) with four interleaved accumulators (n ≤ BLOCK in practice). */
export function blockSum(a: TypedArray, o: number, n: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[o + i];
    s1 += a[o + i + 1];
    s2 += a[o + i + 2];
    s3 += a[o + i + 3];
  }
  for (; i < n; i++) s0 += a[o + i];
  return s0 + s1 + (s2 + s3);
}

/** Sum of every element, block by block (the one order every full sum uses). */
export function fullSum(a: TypedArray): number {
  let total = 0;
  for (let o = 0; o < a.length; o += BLOCK) total += blockSum(a, o, Math.min(BLOCK, a.length - o));
  return total;
}

/**
 * Adds src (shape `shape`) into acc (shape `keep`: same rank, each extent equal or 1),
 * summing over the axes where `keep` is 1, row by row in order. acc must start at zero.
 */
export function sumIntoKernel(
  src: TypedArray,
  shape: readonly number[],
  keep: readonly number[],
  acc: Float64Array,
): void {
  if (src.length === 0) return;
  const len = trailingBlock(keep, shape);
  if (len > 0 && len === acc.length) {
    // Summing whole leading rows (a bias's gradient): the same additions in the same order.
    for (let o = 0; o < src.length; o += len) for (let j = 0; j < len; j++) acc[j] += src[o + j];
    return;
  }
  const { starts, length, step } = rowsOf(shape, keep);
  for (let r = 0; r < starts.length; r++) {
    const at = starts[r];
    for (let j = 0, o = r * length; j < length; j++) acc[at + j * step] += src[o + j];
  }
}
