/**
 * Elementwise ops with numpy broadcasting. Each op is its forward kernel code plus its
 * backward rule, side by side; backward rules use the public ops (so outer tapes can record
 * them) and reduce broadcast gradients back to each input's shape with `sumTo`.
 */
import * as K from '../kernels/elementwise.ts';
import { Op } from '../opcodes.ts';
import { broadcastKernel } from '../kernels/shape.ts';
import { broadcastShapes, sizeOf } from '../shape.ts';
import { isRecording, recordOp, type OpDef, type Recorded } from '../tape.ts';
import { Tensor, allocate, checkDTypes, fromArray, fromScalar, operand, roundTo, type TensorLike } from '../tensor.ts';
import { sumTo } from './reduce.ts';
import { lazyBinary, lazyUnary } from '../lazy/node.ts';

/** An elementwise op: kernel code plus backward rule. */
export interface ElementwiseDef extends OpDef {
  readonly code: Op;
}

const def = (name: string, code: number, backward: OpDef['backward'], scalar?: OpDef['scalar']): ElementwiseDef =>
  ({ name, code, backward, scalar });
const x0 = (e: Recorded) => e.a;
const x1 = (e: Recorded) => e.b!;
/** A broadcast input's gradient, summed back to that input's shape. */
const unbroadcast = (e: Recorded, i: number, g: Tensor): Tensor => sumTo(g, e.input(i).shape);
// For the number rules: an operand's value, a constant or result rounded to the op's dtype.
const v0 = (e: Recorded) => e.a._s;
const v1 = (e: Recorded) => e.b!._s;
const y = (e: Recorded) => e.output._s;
const R = (e: Recorded, v: number) => (e.output.dtype === 'float32' ? Math.fround(v) : v);

// Binary ops: d(a+b) = da + db; d(a−b) = da − db; d(ab) = b·da + a·db; d(a/b) = da/b − a·db/b².
// Only the inputs the tape watches get a gradient (e.needs). Each op's second rule is the
// same formula on plain numbers, for one-element tensors (see OpDef.scalar).
const ADD_OP = def('add', Op.Add, (g, e) => [
  e.needs(0) ? unbroadcast(e, 0, g) : null,
  e.needs(1) ? unbroadcast(e, 1, g) : null,
], (g) => g);
const SUB_OP = def('sub', Op.Sub, (g, e) => [
  e.needs(0) ? unbroadcast(e, 0, g) : null,
  e.needs(1) ? unbroadcast(e, 1, neg(g)) : null,
], (g, _e, i) => (i === 0 ? g : -g));
const MUL_OP = def('mul', Op.Mul, (g, e) => [
  e.needs(0) ? unbroadcast(e, 0, mul(g, x1(e))) : null,
  e.needs(1) ? unbroadcast(e, 1, mul(g, x0(e))) : null,
], (g, e, i) => R(e, g * (i === 0 ? v1(e) : v0(e))));
const DIV_OP = def('div', Op.Div, (g, e) => [
  e.needs(0) ? unbroadcast(e, 0, div(g, x1(e))) : null,
  e.needs(1) ? unbroadcast(e, 1, neg(div(mul(g, x0(e)), square(x1(e))))) : null,
], (g, e, i) => (i === 0 ? R(e, g / v1(e)) : -R(e, R(e, g * v0(e)) / R(e, v1(e) * v1(e)))));

// Unary ops: g times the local derivative; some reuse the forward output y = e.output.
// Scalar factors multiply g first (g·2, then ·x), so a broadcast-scalar g folds to one number.
const NEG_OP = def('neg', Op.Neg, (g) => [neg(g)], (g) => -g);
const SQUARE_OP = def('square', Op.Square, (g, e) => [mul(mul(g, 2), x0(e))], (g, e) => R(e, R(e, g * 2) * v0(e)));
const exponent = (e: Recorded) => (e.attrs as { exponent: number }).exponent;
const POW_OP = def('pow', Op.Pow, (g, e) => [mul(mul(g, exponent(e)), pow(x0(e), exponent(e) - 1))],
  (g, e) => R(e, R(e, g * R(e, exponent(e))) * R(e, Math.pow(v0(e), exponent(e) - 1))));
const EXP_OP = def('exp', Op.Exp, (g, e) => [mul(g, e.output)], (g, e) => R(e, g * y(e)));
const LOG_OP = def('log', Op.Log, (g, e) => [div(g, x0(e))], (g, e) => R(e, g / v0(e)));
const SQRT_OP = def('sqrt', Op.Sqrt, (g, e) => [div(g, mul(e.output, 2))], (g, e) => R(e, g / R(e, y(e) * 2)));
const ABS_OP = def('abs', Op.Abs, (g, e) => [mul(g, sign(x0(e)))], (g, e) => R(e, g * K.scalarUnary(Op.Sign, v0(e), 0)));
const RELU_OP = def('relu', Op.Relu, (g, e) => [mul(g, step(x0(e)))], (g, e) => R(e, g * K.scalarUnary(Op.Step, v0(e), 0)));
const SIGMOID_OP = def('sigmoid', Op.Sigmoid, (g, e) => [mul(g, mul(e.output, sub(1, e.output)))],
  (g, e) => R(e, g * R(e, y(e) * R(e, 1 - y(e)))));
const TANH_OP = def('tanh', Op.Tanh, (g, e) => [mul(g, sub(1, square(e.output)))], (g, e) => R(e, g * R(e, 1 - R(e, y(e) * y(e)))));
// sign and step are flat almost everywhere: no gradient flows through them.
const SIGN_OP = def('sign', Op.Sign, () => [null]);
const STEP_OP = def('step', Op.Step, () => [null]);

/** a + b, broadcast. */
export const add = (a: TensorLike, b: TensorLike): Tensor => binary(ADD_OP, a, b);
/** a − b, broadcast. */
export const sub = (a: TensorLike, b: TensorLike): Tensor => binary(SUB_OP, a, b);
/** a · b elementwise, broadcast. */
export const mul = (a: TensorLike, b: TensorLike): Tensor => binary(MUL_OP, a, b);
/** a / b elementwise, broadcast. */
export const div = (a: TensorLike, b: TensorLike): Tensor => binary(DIV_OP, a, b);
/** −x. */
export const neg = (x: TensorLike): Tensor => unary(NEG_OP, x, 0);
/** x². */
export const square = (x: TensorLike): Tensor => unary(SQUARE_OP, x, 0);
/** x^p for a constant number p (the exponent is not differentiated). */
export const pow = (x: TensorLike, p: number): Tensor => unary(POW_OP, x, p);
/** eˣ. */
export const exp = (x: TensorLike): Tensor => unary(EXP_OP, x, 0);
/** Natural logarithm. */
export const log = (x: TensorLike): Tensor => unary(LOG_OP, x, 0);
/** √x. */
export const sqrt = (x: TensorLike): Tensor => unary(SQRT_OP, x, 0);
/** |x| (gradient 0 at 0, as in TensorFlow). */
export const abs = (x: TensorLike): Tensor => unary(ABS_OP, x, 0);
/** max(x, 0) (gradient 0 at 0). */
export const relu = (x: TensorLike): Tensor => unary(RELU_OP, x, 0);
/** 1 / (1 + e⁻ˣ). */
export const sigmoid = (x: TensorLike): Tensor => unary(SIGMOID_OP, x, 0);
/** Hyperbolic tangent. */
export const tanh = (x: TensorLike): Tensor => unary(TANH_OP, x, 0);
/** −1, 0 or 1 by the sign of x (no gradient). */
export const sign = (x: TensorLike): Tensor => unary(SIGN_OP, x, 0);
/** 1 where x > 0, else 0 (no gradient). */
export const step = (x: TensorLike): Tensor => unary(STEP_OP, x, 0);

/** Forward pass of a binary op: the scalar fast path, or a kernel over typed arrays. */
function binary(op: ElementwiseDef, a: TensorLike, b: TensorLike): Tensor {
  if (typeof b === 'number' && typeof a !== 'number' && !isRecording()) {
    const out = scalarNumberRight(op, a, b);
    if (out !== null) return out;
  }
  const A = operand(a, b);
  const B = operand(b, A);
  if (A.dtype !== B.dtype) checkDTypes(op.name, A, B);
  let out: Tensor;
  if (A.size === 1 && B.size === 1 && A._lazy === null && B._lazy === null) {
    const shape = A.shape.length >= B.shape.length ? A.shape : B.shape;
    out = fromScalar(K.scalarBinary(op.code, A._s, B._s), A.dtype, shape);
  } else {
    out = binaryTensor(op, A, B);
  }
  if (isRecording()) recordOp(op, A, B, out);
  return out;
}

/**
 * Shortcut for `op(t, number)` on a settled one-element tensor when no tape records (as in
 * `mul(grad, learningRate)`): the number is rounded to t's dtype exactly as `operand` would,
 * then the same scalar kernel runs, without a tensor for the number. Null: take the full path.
 */
function scalarNumberRight(op: ElementwiseDef, a: Tensor, b: number): Tensor | null {
  if (!(a instanceof Tensor) || a.size !== 1 || a._lazy !== null) return null;
  return fromScalar(K.scalarBinary(op.code, a._s, roundTo(a.dtype, b)), a.dtype, a.shape);
}

/**
 * Tensors: lazily above the lazy threshold (lazy/node.ts), else the reference path —
 * one kernel call, one fresh output array.
 */
function binaryTensor(op: ElementwiseDef, A: Tensor, B: Tensor): Tensor {
  const shape = broadcastShapes(op.name, A.shape, B.shape);
  const n = sizeOf(shape);
  const lazy = lazyBinary(op.code, A, B, shape, n);
  if (lazy !== null) return lazy;
  const out = allocate(A.dtype, n);
  if (A.size === n && B.size === n) K.binaryKernel(op.code, A.data, 0, B.data, 0, out, 0, n);
  else if (A.size === n && B.size === 1) K.binaryScalarRight(op.code, A.data, 0, B.item(), out, 0, n);
  else if (A.size === 1 && B.size === n) K.binaryScalarLeft(op.code, A.item(), B.data, 0, out, 0, n);
  else K.binaryKernel(op.code, expand(A, shape), 0, expand(B, shape), 0, out, 0, n);
  return fromArray(shape, A.dtype, out);
}

function expand(t: Tensor, shape: readonly number[]) {
  if (t.size === sizeOf(shape)) return t.data;
  const out = allocate(t.dtype, sizeOf(shape));
  broadcastKernel(t.data, t.shape, shape, out);
  return out;
}

/** Forward pass of a unary op; `p` is pow's exponent (recorded as an attribute). */
function unary(op: ElementwiseDef, x: TensorLike, p: number): Tensor {
  const X = operand(x, x);
  let out: Tensor;
  if (X.size === 1 && X._lazy === null) {
    out = fromScalar(K.scalarUnary(op.code, X._s, p), X.dtype, X.shape);
  } else {
    out = lazyUnary(op.code, X, p) ?? unaryTensor(op, X, p);
  }
  if (isRecording()) recordOp(op, X, null, out, op === POW_OP ? { exponent: p } : null);
  return out;
}

/** Reference path for tensors: one kernel call, one fresh output array. */
function unaryTensor(op: ElementwiseDef, X: Tensor, p: number): Tensor {
  const data = allocate(X.dtype, X.size);
  K.unaryKernel(op.code, X.data, 0, data, 0, X.size, p);
  return fromArray(X.shape, X.dtype, data);
}
