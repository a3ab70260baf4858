/**
 * Layout kernels: walking the rows of a tensor against a broadcast layout (shared by
 * broadcasting and by summing a broadcast gradient back), and transposing the last two axes.
 */
import { sizeOf } from '../shape.ts';
import type { TypedArray } from '../tensor.ts';

/** A tensor's rows (runs along its last axis) placed in another layout. */
export interface Rows {
  /** Where each row starts in the other layout, in row order. */
  starts: Float64Array;
  /** Elements per row: the last extent (1 for a scalar). */
  length: number;
  /** The other layout's stride along the last axis (0 where that axis is broadcast). */
  step: number;
}

/**
 * The rows of a non-empty tensor of `shape`, placed in a layout of shape `keep` (same rank,
 * each extent equal or 1) whose axes of extent 1 repeat, as numpy broadcasting does.
 */
export function rowsOf(shape: readonly number[], keep: readonly number[]): Rows {
  const rank = shape.length;
  const st = keptStrides(keep);
  const length = rank === 0 ? 1 : shape[rank - 1];
  const starts = new Float64Array(sizeOf(shape) / length);
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let r = 0; r < starts.length; r++) {
    starts[r] = off;
    off = advance(idx, shape, st, off);
  }
  return { starts, length, step: rank === 0 ? 0 : st[rank - 1] };
}

/** Row-major strides of `keep`, with 0 on axes of extent 1 (those repeat). */
function keptStrides(keep: readonly number[]): number[] {
  const st = new Array<number>(keep.length);
  let s = 1;
  for (let i = keep.length - 1; i >= 0; i--) {
    st[i] = keep[i] === 1 ? 0 : s;
    s *= keep[i];
  }
  return st;
}

/** Odometer step over all axes but the last; returns the new offset into the strided layout. */
function advance(idx: number[], shape: readonly number[], st: readonly number[], off: number): number {
  for (let ax = shape.length - 2; ax >= 0; ax--) {
    idx[ax]++;
    off += st[ax];
    if (idx[ax] < shape[ax]) return off;
    off -= st[ax] * shape[ax];
    idx[ax] = 0;
  }
  return off;
}

/**
 * Writes src (shape `from`, broadcastable to `to`) expanded to shape `to` into out.
 * `from` may have lower rank; it is aligned at the right, as in numpy.
 */
export function broadcastKernel(
  src: TypedArray | Float64Array,
  from: readonly number[],
  to: readonly number[],
  out: TypedArray | Float64Array,
): void {
  if (out.length === 0) return;
  const padded = new Array<number>(to.length - from.length).fill(1).concat(from);
  const { starts, length, step } = rowsOf(to, padded);
  for (let r = 0; r < starts.length; r++) {
    const at = starts[r];
    for (let j = 0, o = r * length; j < length; j++) out[o + j] = src[at + j * step];
  }
}

/** out[b, j, i] = src[b, i, j] for `batch` matrices of rows × cols. */
export function transposeKernel(src: TypedArray, out: TypedArray, batch: number, rows: number, cols: number): void {
  const m = rows * cols;
  for (let b = 0; b < batch; b++) {
    const o = b * m;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) out[o + j * rows + i] = src[o + i * cols + j];
    }
  }
}
