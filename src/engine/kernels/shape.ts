/** Layout kernels: broadcasting a tensor to a larger shape and transposing the last two axes. */
import type { TypedArray } from '../tensor.ts';
import { advance, keptStrides } from './reduce.ts';

/**
 * Writes src (shape `from`, broadcastable to `to`) expanded to shape `to` into out.
 * `from` may have lower rank; it is aligned at the right, as in numpy.
 */
export function broadcastKernel(src: TypedArray | Float64Array, from: readonly number[], to: readonly number[], out: TypedArray | Float64Array): void {
  const rank = to.length;
  const n = out.length;
  if (n === 0) return;
  const padded = new Array<number>(rank - from.length).fill(1).concat(from);
  const st = keptStrides(padded);
  const inner = rank === 0 ? 1 : to[rank - 1];
  const innerStride = rank === 0 ? 0 : st[rank - 1];
  const idx = new Array<number>(rank).fill(0);
  let off = 0;
  for (let o = 0; o < n; o += inner) {
    for (let j = 0; j < inner; j++) out[o + j] = src[off + j * innerStride];
    off = advance(idx, to, st, off);
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
