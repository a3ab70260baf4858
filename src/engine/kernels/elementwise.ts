/**
 * Elementwise loops, made from each op's one-element math (`op.forward`, ops/elementwise.ts).
 * Every kernel takes explicit offsets, so the same loop serves a whole tensor (offset 0) and
 * one block of a lazily evaluated chain. Writing into a Float32Array rounds each result to
 * float32, which is the engine's rounding rule.
 *
 * Each one-input switch has one case per op (tests/engine/kernels/switch-cases.test.ts checks), and the
 * cases read alike on purpose: each case's call then
 * only ever sees one function, which V8 inlines (into a tight loop, for the loops). One call
 * shared by all ops would call whichever op it is given, which V8 cannot inline: ~10× slower
 * per element in a loop, and ~500 of the tutorial step's ~4,900 instructions (README, counted as bench/steps.bench.ts says) in `binaryValue`.
 * An op without a case still computes the right values, only through that slower call.
 */
import type { Elementwise } from '../op.ts';
import { Op } from '../opcodes.ts';
import type { TypedArray } from '../tensor.ts';

/** A two-input op on one pair of numbers, unrounded: the number path's kernel. */
export function binaryValue(op: Elementwise, a: number, b: number): number {
  const f = op.forward;
  switch (op.code) {
    case Op.Add:
      return f(a, b);
    case Op.Sub:
      return f(a, b);
    case Op.Mul:
      return f(a, b);
    default:
      return f(a, b);
  }
}

/** A one-input op on one number (p: pow's exponent), unrounded: the number path's kernel. */
export function unaryValue(op: Elementwise, x: number, p: number): number {
  const f = op.forward;
  switch (op.code) {
    case Op.Neg:
      return f(x, p);
    case Op.Square:
      return f(x, p);
    case Op.Pow:
      return f(x, p);
    case Op.Exp:
      return f(x, p);
    case Op.Log:
      return f(x, p);
    case Op.Sqrt:
      return f(x, p);
    case Op.Abs:
      return f(x, p);
    case Op.Relu:
      return f(x, p);
    case Op.Sigmoid:
      return f(x, p);
    case Op.Tanh:
      return f(x, p);
    case Op.Sign:
      return f(x, p);
    case Op.Step:
      return f(x, p);
    default:
      return f(x, p);
  }
}

/** out[o+i] = op(a[ao+i], b[bo+i]) for i < n (a two-input op on two arrays). */
export function loopArrays(
  op: Elementwise,
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  out: TypedArray,
  o: number,
  n: number,
): void {
  const f = op.forward;
  switch (op.code) {
    case Op.Add:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], b[bo + i]);
      break;
    case Op.Sub:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], b[bo + i]);
      break;
    case Op.Mul:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], b[bo + i]);
      break;
    default:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], b[bo + i]);
  }
}

/**
 * out[o+i] = op(a[ao+i], s) for i < n: a two-input op with a number on the right, or a
 * one-input op with its attribute as s (pow's exponent; 0 for the others).
 */
export function loopArrayNumber(
  op: Elementwise,
  a: TypedArray,
  ao: number,
  s: number,
  out: TypedArray,
  o: number,
  n: number,
): void {
  const f = op.forward;
  switch (op.code) {
    case Op.Add:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Sub:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Mul:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Div:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Neg:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Square:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Pow:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Exp:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Log:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Sqrt:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Abs:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Relu:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Sigmoid:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Tanh:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Sign:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    case Op.Step:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
      break;
    default:
      for (let i = 0; i < n; i++) out[o + i] = f(a[ao + i], s);
  }
}

/** out[o+i] = op(s, b[bo+i]) for i < n (a two-input op with a number on the left). */
export function loopNumberArray(
  op: Elementwise,
  s: number,
  b: TypedArray,
  bo: number,
  out: TypedArray,
  o: number,
  n: number,
): void {
  const f = op.forward;
  switch (op.code) {
    case Op.Add:
      for (let i = 0; i < n; i++) out[o + i] = f(s, b[bo + i]);
      break;
    case Op.Sub:
      for (let i = 0; i < n; i++) out[o + i] = f(s, b[bo + i]);
      break;
    case Op.Mul:
      for (let i = 0; i < n; i++) out[o + i] = f(s, b[bo + i]);
      break;
    default:
      for (let i = 0; i < n; i++) out[o + i] = f(s, b[bo + i]);
  }
}
