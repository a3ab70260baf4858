/**
 * Elementwise kernels: top-level functions over typed arrays, one loop per op so the loop
 * body has no calls. Every kernel takes explicit offsets so the same code serves a whole
 * tensor (offset 0) and one block of a lazily evaluated chain. Writing into a Float32Array
 * rounds each result to float32, which is the engine's rounding rule.
 */
import { Op } from '../opcodes.ts';
import type { TypedArray } from '../tensor.ts';

/** One binary op on plain numbers (the scalar path); unrounded. */
export function scalarBinary(op: number, a: number, b: number): number {
  switch (op) {
    case Op.Add: return a + b;
    case Op.Sub: return a - b;
    case Op.Mul: return a * b;
    default: return a / b;
  }
}

/** Numerically stable logistic function. */
export function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** One unary op on a plain number (the scalar path); `p` is pow's exponent; unrounded. */
export function scalarUnary(op: number, x: number, p: number): number {
  switch (op) {
    case Op.Neg: return -x;
    case Op.Square: return x * x;
    case Op.Pow: return Math.pow(x, p);
    case Op.Exp: return Math.exp(x);
    case Op.Log: return Math.log(x);
    case Op.Sqrt: return Math.sqrt(x);
    case Op.Abs: return Math.abs(x);
    case Op.Relu: return x > 0 ? x : 0;
    case Op.Sigmoid: return sigmoidOf(x);
    case Op.Tanh: return Math.tanh(x);
    case Op.Sign: return x > 0 ? 1 : x < 0 ? -1 : x;
    default: return x > 0 ? 1 : 0;
  }
}

/** out[o+i] = a[ao+i] op b[bo+i] for i < n. */
export function binaryKernel(op: number, a: TypedArray, ao: number, b: TypedArray, bo: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case Op.Add: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] + b[bo + i]; break;
    case Op.Sub: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] - b[bo + i]; break;
    case Op.Mul: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] * b[bo + i]; break;
    default: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] / b[bo + i];
  }
}

/** out[o+i] = a[ao+i] op s for i < n (scalar on the right). */
export function binaryScalarRight(op: number, a: TypedArray, ao: number, s: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case Op.Add: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] + s; break;
    case Op.Sub: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] - s; break;
    case Op.Mul: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] * s; break;
    default: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] / s;
  }
}

/** out[o+i] = s op b[bo+i] for i < n (scalar on the left). */
export function binaryScalarLeft(op: number, s: number, b: TypedArray, bo: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case Op.Add: for (let i = 0; i < n; i++) out[o + i] = s + b[bo + i]; break;
    case Op.Sub: for (let i = 0; i < n; i++) out[o + i] = s - b[bo + i]; break;
    case Op.Mul: for (let i = 0; i < n; i++) out[o + i] = s * b[bo + i]; break;
    default: for (let i = 0; i < n; i++) out[o + i] = s / b[bo + i];
  }
}

/** out[o+i] = op(x[xo+i]) for i < n; `p` is pow's exponent. */
export function unaryKernel(op: number, x: TypedArray, xo: number, out: TypedArray, o: number, n: number, p: number): void {
  switch (op) {
    case Op.Neg: for (let i = 0; i < n; i++) out[o + i] = -x[xo + i]; break;
    case Op.Square: for (let i = 0; i < n; i++) { const v = x[xo + i]; out[o + i] = v * v; } break;
    case Op.Pow: for (let i = 0; i < n; i++) out[o + i] = Math.pow(x[xo + i], p); break;
    case Op.Exp: for (let i = 0; i < n; i++) out[o + i] = Math.exp(x[xo + i]); break;
    case Op.Log: for (let i = 0; i < n; i++) out[o + i] = Math.log(x[xo + i]); break;
    case Op.Sqrt: for (let i = 0; i < n; i++) out[o + i] = Math.sqrt(x[xo + i]); break;
    case Op.Abs: for (let i = 0; i < n; i++) out[o + i] = Math.abs(x[xo + i]); break;
    case Op.Relu: for (let i = 0; i < n; i++) { const v = x[xo + i]; out[o + i] = v > 0 ? v : 0; } break;
    case Op.Sigmoid: for (let i = 0; i < n; i++) out[o + i] = sigmoidOf(x[xo + i]); break;
    case Op.Tanh: for (let i = 0; i < n; i++) out[o + i] = Math.tanh(x[xo + i]); break;
    default: for (let i = 0; i < n; i++) out[o + i] = scalarUnary(op, x[xo + i], p);
  }
}
