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
