/**
 * Reductions: sum and mean over some or all axes, and sumTo, which sums a broadcast
 * gradient back down to its source's shape. Backward of a reduction broadcasts the
 * gradient back up (and divides by the count, for mean).
 */
import { EngineError, formatShape } from '../errors.ts';
import { fullSum, sumIntoKernel } from '../kernels/reduce.ts';
import { broadcastsTo, normalizeAxes, sameShape, sizeOf } from '../shape.ts';
import type { Entry, OpDef } from '../op.ts';
import { isRecording, recordOp } from '../record.ts';
import { seam } from '../seam.ts';
import { allocate, fromArray, fromScalar, operand, type Tensor, type TensorLike } from '../tensor.ts';

interface ReduceAttrs {
  axis: number[];
  keepDims: boolean;
  /** Shape of the input with the reduced axes set to 1. */
  keep: number[];
  count: number;
}

const reduceAttrs = (e: Entry) => e.attrs as ReduceAttrs;

// d sum / dx = 1 on every summed element: broadcast g back over the reduced axes.
const SUM_OP: OpDef = {
  name: 'sum',
  backward: (m, g, _i, e) => m.broadcastTo(m.reshape(g, reduceAttrs(e).keep), e.a.shape),
};

// d mean / dx = 1/count on every averaged element.
const MEAN_OP: OpDef = {
  name: 'mean',
  backward: (m, g, _i, e) => m.broadcastTo(m.div(m.reshape(g, reduceAttrs(e).keep), reduceAttrs(e).count), e.a.shape),
};

// sumTo is sum over the broadcast axes; its gradient broadcasts back.
const SUM_TO_OP: OpDef = { name: 'sumTo', backward: (m, g, _i, e) => m.broadcastTo(g, e.a.shape) };

/**
 * Sum over `axis` (a number, a list, or all axes when omitted; negative counts from the end):
 * a new tensor of x's shape without the reduced axes (kept as 1 with `keepDims`), x unchanged.
 * Accumulates in float64 and rounds once.
 */
export function sum(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduce(SUM_OP, x, axis, keepDims);
}

/** Mean over `axis`: shapes and rounding as for `sum`. */
export function mean(x: TensorLike, axis?: number | readonly number[], keepDims = false): Tensor {
  return reduce(MEAN_OP, x, axis, keepDims);
}

function reduce(op: OpDef, x: TensorLike, axis: number | readonly number[] | undefined, keepDims: boolean): Tensor {
  const X = operand(x, x);
  if (X.shape.length === 0 && X._pending === null) return reduceScalar(op, X);
  const axes = normalizeAxes(op.name, axis, X.shape);
  const keep = X.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const shape = keepDims ? keep : X.shape.filter((_, i) => !axes.includes(i));
  const count = axes.reduce((c, a) => c * X.shape[a], 1);
  const out = sumKeep(X, keep, shape, op === MEAN_OP ? count : 1);
  if (isRecording()) recordOp(op, X, null, out, { axis: axes, keepDims, keep, count });
  return out;
}

const SCALAR_ATTRS: ReduceAttrs = Object.freeze({ axis: [], keepDims: false, keep: [], count: 1 });

/** Scalar fast path: the sum or mean of a rank-0 tensor is its value (a new tensor). */
function reduceScalar(op: OpDef, X: Tensor): Tensor {
  const out = fromScalar(X._s, X.dtype);
  if (isRecording()) recordOp(op, X, null, out, SCALAR_ATTRS);
  return out;
}

/**
 * Sums `g` down to `shape` (which must broadcast to g's shape): the gradient of a
 * broadcast, a new tensor of `shape` (g itself when the shapes already match).
 */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  if (!broadcastsTo(shape, g.shape)) {
    throw new EngineError('sumTo', `shape ${formatShape(g.shape)} cannot be summed to shape ${formatShape(shape)}`);
  }
  const G = g._read();
  const keep = new Array<number>(G.shape.length - shape.length).fill(1).concat(shape);
  const out = sumKeep(G, keep, shape, 1);
  if (isRecording()) recordOp(SUM_TO_OP, G, null, out, { shape: [...shape] });
  return out;
}

/** Sums X over the axes where `keep` is 1, divides by `divisor`, and shapes the result as `shape`. */
function sumKeep(X: Tensor, keep: readonly number[], shape: readonly number[], divisor: number): Tensor {
  const n = sizeOf(keep);
  if (n === 1) {
    const pending = seam.lazySum(X, shape, divisor);
    if (pending !== null) return pending;
    const total = X.size === 1 && X._pending === null ? X._s : fullSum(X.data);
    return fromScalar(divisor === 1 ? total : total / divisor, X.dtype, shape);
  }
  const acc = new Float64Array(n);
  sumIntoKernel(X.data, X.shape, keep, acc);
  if (divisor !== 1) for (let i = 0; i < n; i++) acc[i] /= divisor;
  const out = allocate(X.dtype, n);
  out.set(acc);
  return fromArray(shape, X.dtype, out);
}
