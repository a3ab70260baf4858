/**
 * Fused kernel for the residual family: d = y − (x·w + b) (or (x·w + b) − y, bias optional)
 * with w, b scalars, and any of three sums over it in ONE pass over the data:
 *   Σ d²,   Σ d·k,   Σ (d·k)·x        (k a scalar)
 * which is the forward loss and both gradients of mean((y − x·w − b)²). Each product and
 * sum is rounded exactly as the separate float32 ops would round it, and every sum uses the
 * same four interleaved accumulators per BLOCK as `blockSum`, so the results are bit-for-bit
 * those of the unfused ops. It is only an optimisation: the ops stay the reference.
 */
import { BLOCK } from '../../kernels/reduce.ts';
import type { TypedArray } from '../../tensor.ts';
import { WASM_MIN_ELEMENTS, residualSumsWasm } from '../wasm/residual.ts';

/** Scalars and flags of one residual: d = y − (x·w [+ b]) (or its negative), each op rounded when `f32`. */
export interface Residual {
  w: number;
  b: number;
  hasBias: boolean;
  /** true: d = y − pred; false: d = pred − y. */
  yFirst: boolean;
  k: number;
  f32: boolean;
  /** Whether Σ d·k is wanted (the bias gradient); the others are always computed. */
  wantE: boolean;
}

/**
 * Adds Σd², Σd·k and Σ(d·k)·x over all n elements into totals[0..2] (block by block).
 * pred − y = −(y − pred) exactly, so that case runs as y − pred with k negated
 * (d² is unchanged and round(−d·k) = round(d·(−k))).
 */
export function residualSums(x: TypedArray, y: TypedArray, n: number, r: Residual, totals: Float64Array): void {
  const k = r.yFirst ? r.k : -r.k;
  // The same sums, four float32 lanes at a time (wasm/residual.wat); b = 0 as below.
  if (
    r.f32 &&
    n >= WASM_MIN_ELEMENTS &&
    x instanceof Float32Array &&
    y instanceof Float32Array &&
    residualSumsWasm(x, y, n, r.w, r.hasBias ? r.b : 0, k, totals)
  )
    return;
  residualSumsJs(x, y, n, r, k, totals);
}

/** The JavaScript loops: the definition the WebAssembly kernel must match, and its fallback. */
export function residualSumsJs(
  x: TypedArray,
  y: TypedArray,
  n: number,
  r: Residual,
  k: number,
  totals: Float64Array,
): void {
  totals.fill(0);
  for (let o = 0; o < n; o += BLOCK) {
    const len = Math.min(BLOCK, n - o);
    if (!r.f32) residualBlock64(x, y, o, len, r.w, r.b, k, totals);
    else if (r.hasBias) biasBlock32(x, y, o, len, r.w, r.b, k, totals);
    else if (!r.wantE) noBiasBlock32(x, y, o, len, r.w, k, totals);
    else biasBlock32(x, y, o, len, r.w, 0, k, totals); // + 0 changes no sum (see match.ts)
  }
}

/** float32, no bias, Σd² and Σ(d·k)·x only (the W2 gradient step). */
function noBiasBlock32(
  x: TypedArray,
  y: TypedArray,
  o: number,
  len: number,
  w: number,
  k: number,
  t: Float64Array,
): void {
  const f = Math.fround;
  let q0 = 0,
    q1 = 0,
    q2 = 0,
    q3 = 0,
    g0 = 0,
    g1 = 0,
    g2 = 0,
    g3 = 0;
  let i = o;
  const end = o + len;
  for (; i + 3 < end; i += 4) {
    let v = x[i];
    let d = f(y[i] - f(v * w));
    q0 += f(d * d);
    g0 += f(f(d * k) * v);
    v = x[i + 1];
    d = f(y[i + 1] - f(v * w));
    q1 += f(d * d);
    g1 += f(f(d * k) * v);
    v = x[i + 2];
    d = f(y[i + 2] - f(v * w));
    q2 += f(d * d);
    g2 += f(f(d * k) * v);
    v = x[i + 3];
    d = f(y[i + 3] - f(v * w));
    q3 += f(d * d);
    g3 += f(f(d * k) * v);
  }
  for (; i < end; i++) {
    const v = x[i];
    const d = f(y[i] - f(v * w));
    q0 += f(d * d);
    g0 += f(f(d * k) * v);
  }
  t[0] += q0 + q1 + (q2 + q3);
  t[2] += g0 + g1 + (g2 + g3);
}

/** float32 with a bias: all three sums (the W3 gradient step). */
function biasBlock32(
  x: TypedArray,
  y: TypedArray,
  o: number,
  len: number,
  w: number,
  b: number,
  k: number,
  t: Float64Array,
): void {
  const f = Math.fround;
  let q0 = 0,
    q1 = 0,
    q2 = 0,
    q3 = 0,
    e0 = 0,
    e1 = 0,
    e2 = 0,
    e3 = 0,
    g0 = 0,
    g1 = 0,
    g2 = 0,
    g3 = 0;
  let i = o;
  const end = o + len;
  for (; i + 3 < end; i += 4) {
    let v = x[i];
    let d = f(y[i] - f(f(v * w) + b));
    let e = f(d * k);
    q0 += f(d * d);
    e0 += e;
    g0 += f(e * v);
    v = x[i + 1];
    d = f(y[i + 1] - f(f(v * w) + b));
    e = f(d * k);
    q1 += f(d * d);
    e1 += e;
    g1 += f(e * v);
    v = x[i + 2];
    d = f(y[i + 2] - f(f(v * w) + b));
    e = f(d * k);
    q2 += f(d * d);
    e2 += e;
    g2 += f(e * v);
    v = x[i + 3];
    d = f(y[i + 3] - f(f(v * w) + b));
    e = f(d * k);
    q3 += f(d * d);
    e3 += e;
    g3 += f(e * v);
  }
  for (; i < end; i++) {
    const v = x[i];
    const d = f(y[i] - f(f(v * w) + b));
    const e = f(d * k);
    q0 += f(d * d);
    e0 += e;
    g0 += f(e * v);
  }
  t[0] += q0 + q1 + (q2 + q3);
  t[1] += e0 + e1 + (e2 + e3);
  t[2] += g0 + g1 + (g2 + g3);
}

/** float64: the same sums without intermediate rounding (b = 0 when there is no bias). */
function residualBlock64(
  x: TypedArray,
  y: TypedArray,
  o: number,
  len: number,
  w: number,
  b: number,
  k: number,
  t: Float64Array,
): void {
  let q0 = 0,
    q1 = 0,
    q2 = 0,
    q3 = 0,
    e0 = 0,
    e1 = 0,
    e2 = 0,
    e3 = 0,
    g0 = 0,
    g1 = 0,
    g2 = 0,
    g3 = 0;
  let i = o;
  const end = o + len;
  for (; i + 3 < end; i += 4) {
    let v = x[i];
    let d = y[i] - (v * w + b);
    q0 += d * d;
    e0 += d * k;
    g0 += d * k * v;
    v = x[i + 1];
    d = y[i + 1] - (v * w + b);
    q1 += d * d;
    e1 += d * k;
    g1 += d * k * v;
    v = x[i + 2];
    d = y[i + 2] - (v * w + b);
    q2 += d * d;
    e2 += d * k;
    g2 += d * k * v;
    v = x[i + 3];
    d = y[i + 3] - (v * w + b);
    q3 += d * d;
    e3 += d * k;
    g3 += d * k * v;
  }
  for (; i < end; i++) {
    const v = x[i];
    const d = y[i] - (v * w + b);
    q0 += d * d;
    e0 += d * k;
    g0 += d * k * v;
  }
  t[0] += q0 + q1 + (q2 + q3);
  t[1] += e0 + e1 + (e2 + e3);
  t[2] += g0 + g1 + (g2 + g3);
}
