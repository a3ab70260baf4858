/**
 * Elementwise kernels: top-level functions over typed arrays, one loop per op so the loop
 * body has no calls. Every kernel takes explicit offsets so the same code serves a whole
 * tensor (offset 0) and one block of a lazily evaluated chain. Writing into a Float32Array
 * rounds each result to float32, which is the engine's rounding rule.
 */
import type { TypedArray } from '../tensor.ts';

export const ADD = 0;
export const SUB = 1;
export const MUL = 2;
export const DIV = 3;

export const NEG = 0;
export const SQUARE = 1;
export const POW = 2;
export const EXP = 3;
export const LOG = 4;
export const SQRT = 5;
export const ABS = 6;
export const RELU = 7;
export const SIGMOID = 8;
export const TANH = 9;
export const SIGN = 10;
export const STEP = 11;

/** One binary op on plain numbers (the scalar path); unrounded. */
export function scalarBinary(op: number, a: number, b: number): number {
  switch (op) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
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
    case NEG: return -x;
    case SQUARE: return x * x;
    case POW: return Math.pow(x, p);
    case EXP: return Math.exp(x);
    case LOG: return Math.log(x);
    case SQRT: return Math.sqrt(x);
    case ABS: return Math.abs(x);
    case RELU: return x > 0 ? x : 0;
    case SIGMOID: return sigmoidOf(x);
    case TANH: return Math.tanh(x);
    case SIGN: return x > 0 ? 1 : x < 0 ? -1 : x;
    default: return x > 0 ? 1 : 0;
  }
}

/** out[o+i] = a[ao+i] op b[bo+i] for i < n. */
export function binaryKernel(op: number, a: TypedArray, ao: number, b: TypedArray, bo: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] + b[bo + i]; break;
    case SUB: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] - b[bo + i]; break;
    case MUL: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] * b[bo + i]; break;
    default: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] / b[bo + i];
  }
}

/** out[o+i] = a[ao+i] op s for i < n (scalar on the right). */
export function binaryScalarRight(op: number, a: TypedArray, ao: number, s: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] + s; break;
    case SUB: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] - s; break;
    case MUL: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] * s; break;
    default: for (let i = 0; i < n; i++) out[o + i] = a[ao + i] / s;
  }
}

/** out[o+i] = s op b[bo+i] for i < n (scalar on the left). */
export function binaryScalarLeft(op: number, s: number, b: TypedArray, bo: number, out: TypedArray, o: number, n: number): void {
  switch (op) {
    case ADD: for (let i = 0; i < n; i++) out[o + i] = s + b[bo + i]; break;
    case SUB: for (let i = 0; i < n; i++) out[o + i] = s - b[bo + i]; break;
    case MUL: for (let i = 0; i < n; i++) out[o + i] = s * b[bo + i]; break;
    default: for (let i = 0; i < n; i++) out[o + i] = s / b[bo + i];
  }
}

/** out[o+i] = op(x[xo+i]) for i < n; `p` is pow's exponent. */
export function unaryKernel(op: number, x: TypedArray, xo: number, out: TypedArray, o: number, n: number, p: number): void {
  switch (op) {
    case NEG: for (let i = 0; i < n; i++) out[o + i] = -x[xo + i]; break;
    case SQUARE: for (let i = 0; i < n; i++) { const v = x[xo + i]; out[o + i] = v * v; } break;
    case POW: for (let i = 0; i < n; i++) out[o + i] = Math.pow(x[xo + i], p); break;
    case EXP: for (let i = 0; i < n; i++) out[o + i] = Math.exp(x[xo + i]); break;
    case LOG: for (let i = 0; i < n; i++) out[o + i] = Math.log(x[xo + i]); break;
    case SQRT: for (let i = 0; i < n; i++) out[o + i] = Math.sqrt(x[xo + i]); break;
    case ABS: for (let i = 0; i < n; i++) out[o + i] = Math.abs(x[xo + i]); break;
    case RELU: for (let i = 0; i < n; i++) { const v = x[xo + i]; out[o + i] = v > 0 ? v : 0; } break;
    case SIGMOID: for (let i = 0; i < n; i++) out[o + i] = sigmoidOf(x[xo + i]); break;
    case TANH: for (let i = 0; i < n; i++) out[o + i] = Math.tanh(x[xo + i]); break;
    default: for (let i = 0; i < n; i++) out[o + i] = scalarUnary(op, x[xo + i], p);
  }
}
