/** Matrix product kernel: accumulating in float64 and rounding once per output. */
import type { TypedArray } from '../tensor.ts';

/**
 * How an operand's matrix is laid out: element (r, c) of the m×k (or k×n) factor is at
 * `offset + r·rowStride + c·colStride`, so a transposed operand is read in place.
 */
export interface Strided {
  data: TypedArray;
  offset: number;
  rowStride: number;
  colStride: number;
}

/** Up to this many columns, one output at a time in a register beats a row accumulator. */
const DOT_MAX_N = 64;

/**
 * out[oo + i·n + j] = Σ_p A(i, p) · B(p, j) for an m×k by k×n product, each sum started at +0
 * and taken in the order p = 0, 1, …, then rounded once by the store (so a transposed operand
 * read in place gives the bits of a transposed copy). `acc` is scratch of length ≥ n.
 */
export function matmulKernel(
  a: Strided,
  b: Strided,
  out: TypedArray,
  oo: number,
  m: number,
  k: number,
  n: number,
  acc: Float64Array,
): void {
  const ad = a.data,
    ar = a.rowStride,
    ac = a.colStride;
  const bd = b.data,
    br = b.rowStride,
    bc = b.colStride;
  if (n <= DOT_MAX_N) {
    for (let i = 0; i < m; i++) {
      const ai = a.offset + i * ar;
      const o = oo + i * n;
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0, x = ai, y = b.offset + j * bc; p < k; p++, x += ac, y += br) s += ad[x] * bd[y];
        out[o + j] = s;
      }
    }
    return;
  }
  // Wide products: a row of B stays in cache while it is added into the row of outputs.
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const av = ad[a.offset + i * ar + p * ac];
      const row = b.offset + p * br;
      for (let j = 0; j < n; j++) acc[j] += av * bd[row + j * bc];
    }
    const o = oo + i * n;
    for (let j = 0; j < n; j++) out[o + j] = acc[j];
  }
}
