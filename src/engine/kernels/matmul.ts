/** Matrix product kernel: row by row, accumulating in float64 and rounding once per output. */
import type { TypedArray } from '../tensor.ts';

/**
 * out[oo + i·n + j] = Σ_p a[ao + i·k + p] · b[bo + p·n + j] for an m×k by k×n product.
 * `acc` is scratch of length ≥ n.
 */
export function matmulKernel(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  out: TypedArray,
  oo: number,
  m: number,
  k: number,
  n: number,
  acc: Float64Array,
): void {
  if (n <= DOT_MAX_N) return dotKernel(a, ao, b, bo, out, oo, m, k, n);
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const av = a[ao + i * k + p];
      const row = bo + p * n;
      for (let j = 0; j < n; j++) acc[j] += av * b[row + j];
    }
    const o = oo + i * n;
    for (let j = 0; j < n; j++) out[o + j] = acc[j];
  }
}

/** Up to this many columns, one output at a time in a register beats a row accumulator (B's column stays in cache). */
const DOT_MAX_N = 64;

/**
 * The same sums as the row accumulator, one output at a time: each starts at +0 and adds its
 * k products in the order p = 0, 1, …, so the bits are the same.
 */
function dotKernel(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  out: TypedArray,
  oo: number,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * k;
    const o = oo + i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0, q = bo + j; p < k; p++, q += n) s += a[ar + p] * b[q];
      out[o + j] = s;
    }
  }
}
