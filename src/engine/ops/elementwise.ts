/**
 * Elementwise ops with numpy broadcasting. Each op is written once, as in micrograd: its math
 * on one element (forward, from which kernels/elementwise.ts makes the loops) and its chain
 * rule (backward, in the arithmetic of op.ts, run on tensors or plain numbers).
 */
import { loopArrayNumber, loopArrays, loopNumberArray } from '../kernels/elementwise.ts';
import { broadcastKernel } from '../kernels/shape.ts';
import type { Elementwise, Entry, Interval, Rule } from '../op.ts';
import { Op } from '../opcodes.ts';
import { isRecording, recordOp } from '../record.ts';
import { broadcastShapes, sizeOf, trailingBlock } from '../shape.ts';
import { seam } from '../seam.ts';
import { allocate, checkDTypes, fromArray, operand, type Tensor, type TensorLike, type TypedArray } from '../tensor.ts';

const registry: Elementwise[] = [];
/** Every elementwise op, in the order defined (the tests draw their op lists from here). */
export const ELEMENTWISE: readonly Elementwise[] = registry;

/** An elementwise op from its two halves, and where it is smooth (see Elementwise.smooth). */
function def(
  name: string,
  code: Op,
  arity: 1 | 2,
  forward: Elementwise['forward'],
  backward: Rule,
  smooth: readonly (readonly Interval[])[],
): Elementwise {
  const op: Elementwise = { name, code, arity, forward, backward, smooth };
  registry.push(op);
  return op;
}

const ANY: Interval = [-2, 2];
const POSITIVE: Interval = [0.5, 3];
/** Either side of a kink at 0. */
const SIDES: Interval[] = [
  [0.2, 2],
  [-2, -0.2],
];

/** Numerically stable logistic function. */
function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const exponent = (e: Entry): number => (e.attrs as { exponent: number }).exponent;
// sign and step are flat almost everywhere: no gradient flows through them.
const flat: Rule = () => null;

// Each op: its forward on one element (a, b; or x and pow's exponent p), then its backward:
// what input i receives given g = d target / d output, reading the inputs e.a, e.b and the
// output e.output. A two-input op sums a broadcast input's share back to its shape
// (unbroadcast). Scalar factors multiply g first (g·2, then ·x), so a broadcast g folds to one number.
export const ADD = def(
  'add',
  Op.Add,
  2,
  (a, b) => a + b,
  (m, g, i, e) => m.unbroadcast(g, i, e),
  [[ANY], [ANY]],
);
export const SUB = def(
  'sub',
  Op.Sub,
  2,
  (a, b) => a - b,
  (m, g, i, e) => m.unbroadcast(i === 0 ? g : m.neg(g), i, e),
  [[ANY], [ANY]],
);
export const MUL = def(
  'mul',
  Op.Mul,
  2,
  (a, b) => a * b,
  (m, g, i, e) => m.unbroadcast(m.mul(g, i === 0 ? e.b! : e.a), i, e),
  [[ANY], [ANY]],
);
export const DIV = def(
  'div',
  Op.Div,
  2,
  (a, b) => a / b,
  (m, g, i, e) => m.unbroadcast(i === 0 ? m.div(g, e.b!) : m.neg(m.div(m.mul(g, e.a), m.square(e.b!))), i, e),
  [[ANY], [[0.5, 2]]],
);
export const NEG = def(
  'neg',
  Op.Neg,
  1,
  (x) => -x,
  (m, g) => m.neg(g),
  [[ANY]],
);
export const SQUARE = def(
  'square',
  Op.Square,
  1,
  (x) => x * x,
  (m, g, _i, e) => m.mul(m.mul(g, 2), e.a),
  [[ANY]],
);
export const POW = def(
  'pow',
  Op.Pow,
  1,
  (x, p) => Math.pow(x, p),
  (m, g, _i, e) => m.mul(m.mul(g, exponent(e)), m.pow(e.a, exponent(e) - 1)),
  [[POSITIVE]],
);
export const EXP = def(
  'exp',
  Op.Exp,
  1,
  (x) => Math.exp(x),
  (m, g, _i, e) => m.mul(g, e.output),
  [[ANY]],
);
export const LOG = def(
  'log',
  Op.Log,
  1,
  (x) => Math.log(x),
  (m, g, _i, e) => m.div(g, e.a),
  [[POSITIVE]],
);
export const SQRT = def(
  'sqrt',
  Op.Sqrt,
  1,
  (x) => Math.sqrt(x),
  (m, g, _i, e) => m.div(g, m.mul(e.output, 2)),
  [[POSITIVE]],
);
export const ABS = def(
  'abs',
  Op.Abs,
  1,
  (x) => Math.abs(x),
  (m, g, _i, e) => m.mul(g, m.sign(e.a)),
  [SIDES],
);
export const RELU = def(
  'relu',
  Op.Relu,
  1,
  (x) => (x > 0 ? x : 0),
  (m, g, _i, e) => m.mul(g, m.step(e.a)),
  [SIDES],
);
export const SIGMOID = def(
  'sigmoid',
  Op.Sigmoid,
  1,
  sigmoidOf,
  (m, g, _i, e) => m.mul(g, m.mul(e.output, m.sub(1, e.output))),
  [[[-4, 4]]],
);
export const TANH = def(
  'tanh',
  Op.Tanh,
  1,
  (x) => Math.tanh(x),
  (m, g, _i, e) => m.mul(g, m.sub(1, m.square(e.output))),
  [[ANY]],
);
export const SIGN = def('sign', Op.Sign, 1, (x) => (x > 0 ? 1 : x < 0 ? -1 : x), flat, []);
export const STEP = def('step', Op.Step, 1, (x) => (x > 0 ? 1 : 0), flat, []);

// The public ops. Each returns a new tensor (of the operands' broadcast shape, in their dtype;
// a number takes the other operand's dtype) and mutates nothing but the tapes recording it.
/** a + b, shape: broadcast of a's and b's. */
export const add = (a: TensorLike, b: TensorLike): Tensor => binary(ADD, a, b);
/** a − b, shape: broadcast of a's and b's. */
export const sub = (a: TensorLike, b: TensorLike): Tensor => binary(SUB, a, b);
/** a · b elementwise, shape: broadcast of a's and b's. */
export const mul = (a: TensorLike, b: TensorLike): Tensor => binary(MUL, a, b);
/** a / b elementwise, shape: broadcast of a's and b's. */
export const div = (a: TensorLike, b: TensorLike): Tensor => binary(DIV, a, b);
/** −x, shaped like x. */
export const neg = (x: TensorLike): Tensor => unary(NEG, x, 0);
/** x², shaped like x. */
export const square = (x: TensorLike): Tensor => unary(SQUARE, x, 0);
/** x^p for a constant number p (not differentiated), shaped like x. */
export const pow = (x: TensorLike, p: number): Tensor => unary(POW, x, p);
/** eˣ, shaped like x. */
export const exp = (x: TensorLike): Tensor => unary(EXP, x, 0);
/** Natural logarithm, shaped like x. */
export const log = (x: TensorLike): Tensor => unary(LOG, x, 0);
/** √x, shaped like x. */
export const sqrt = (x: TensorLike): Tensor => unary(SQRT, x, 0);
/** |x|, shaped like x (gradient 0 at 0, as in TensorFlow). */
export const abs = (x: TensorLike): Tensor => unary(ABS, x, 0);
/** max(x, 0), shaped like x (gradient 0 at 0). */
export const relu = (x: TensorLike): Tensor => unary(RELU, x, 0);
/** 1 / (1 + e⁻ˣ), shaped like x. */
export const sigmoid = (x: TensorLike): Tensor => unary(SIGMOID, x, 0);
/** Hyperbolic tangent, shaped like x. */
export const tanh = (x: TensorLike): Tensor => unary(TANH, x, 0);
/** −1, 0 or 1 by the sign of x, shaped like x (no gradient). */
export const sign = (x: TensorLike): Tensor => unary(SIGN, x, 0);
/** 1 where x > 0, else 0, shaped like x (no gradient). */
export const step = (x: TensorLike): Tensor => unary(STEP, x, 0);

/** Forward pass of a two-input op, then recording; the number path (accel/) may answer first. */
function binary(op: Elementwise, a: TensorLike, b: TensorLike): Tensor {
  if (typeof b === 'number') {
    const quick = seam.numberOperand(op, a, b);
    if (quick !== null) return quick;
  }
  const A = operand(a, b);
  const B = operand(b, A);
  if (A.dtype !== B.dtype) checkDTypes(op.name, A, B);
  const out = seam.numbersBinary(op, A, B) ?? binaryTensor(op, A, B);
  if (isRecording()) recordOp(op, A, B, out, null);
  return out;
}

/** The reference: broadcast, then one loop into one fresh array (unless the lazy blocks leave it pending). */
function binaryTensor(op: Elementwise, A: Tensor, B: Tensor): Tensor {
  const shape = broadcastShapes(op.name, A.shape, B.shape);
  const pending = seam.lazy(op, A, B, 0, shape);
  if (pending !== null) return pending;
  const n = sizeOf(shape);
  const out = allocate(A.dtype, n);
  if (A.size === n && B.size === n) loopArrays(op, A.data, 0, B.data, 0, out, 0, n);
  else if (A.size === n && B.size === 1) loopArrayNumber(op, A.data, 0, B.item(), out, 0, n);
  else if (A.size === 1 && B.size === n) loopNumberArray(op, A.item(), B.data, 0, out, 0, n);
  else if (!repeatRows(op, A, B, shape, out)) loopArrays(op, expand(A, shape), 0, expand(B, shape), 0, out, 0, n);
  return fromArray(shape, A.dtype, out);
}

/**
 * One operand full-size and the other one block repeated (a bias row added to a batch): the
 * loop runs block by block against the same row, with no expanded copy. Same order, same bits.
 */
function repeatRows(op: Elementwise, A: Tensor, B: Tensor, shape: readonly number[], out: TypedArray): boolean {
  const n = out.length;
  const full = A.size === n ? 0 : B.size === n ? 1 : -1;
  if (full < 0) return false;
  const small = full === 0 ? B : A;
  const len = trailingBlock(small.shape, shape);
  if (len === 0 || len !== small.size) return false;
  const a = A.data,
    b = B.data;
  for (let o = 0; o < n; o += len) {
    if (full === 0) loopArrays(op, a, o, b, 0, out, o, len);
    else loopArrays(op, a, 0, b, o, out, o, len);
  }
  return true;
}

function expand(t: Tensor, shape: readonly number[]): TypedArray {
  if (t.size === sizeOf(shape)) return t.data;
  const out = allocate(t.dtype, sizeOf(shape));
  broadcastKernel(t.data, t.shape, shape, out);
  return out;
}

/** Forward pass of a one-input op, then recording; `p` is pow's exponent (recorded as an attribute). */
function unary(op: Elementwise, x: TensorLike, p: number): Tensor {
  const X = operand(x, x);
  const out = seam.numbersUnary(op, X, p) ?? seam.lazy(op, X, null, p, X.shape) ?? unaryTensor(op, X, p);
  if (isRecording()) recordOp(op, X, null, out, op === POW ? { exponent: p } : null);
  return out;
}

/** The reference: one loop into one fresh array. */
function unaryTensor(op: Elementwise, X: Tensor, p: number): Tensor {
  const data = allocate(X.dtype, X.size);
  loopArrayNumber(op, X.data, 0, p, data, 0, X.size);
  return fromArray(X.shape, X.dtype, data);
}
