/**
 * Softmax, log-softmax and softmax cross-entropy over the last axis (TensorFlow's default),
 * in a module of their own (the core's sweep needs only exp and log to differentiate them),
 * numerically stable: every row is shifted by its largest entry before exp, so no logit is too
 * large to exponentiate. Sums run in float64 and each result is rounded once. Cross-entropy's
 * chain rule is one rule for softmax and the loss together — d/dlogits = (softmax − labels)·g —
 * rather than the ill-conditioned product of the two separate rules.
 */
import { EngineError, formatShape } from '../errors.ts';
import type { OpDef } from '../op.ts';
import { isRecording, recordOp } from '../record.ts';
import { sameShape } from '../shape.ts';
import { allocate, checkDTypes, fromArray, operand, type Tensor, type TensorLike, type TypedArray } from '../tensor.ts';

/** The shape with its last axis kept as 1: where a row's sum lives, broadcastable back. */
const rowShape = (shape: readonly number[]) => [...shape.slice(0, -1), 1];

// y = softmax(x): dx = y·(g − Σ_row g·y).
const SOFTMAX_OP: OpDef = {
  name: 'softmax',
  backward: (m, g, _i, e) => m.mul(e.output, m.sub(g, m.sumTo(m.mul(g, e.output), rowShape(e.output.shape)))),
};

// y = log softmax(x): dx = g − softmax(x)·Σ_row g, with softmax(x) = exp(y).
const LOG_SOFTMAX_OP: OpDef = {
  name: 'logSoftmax',
  backward: (m, g, _i, e) => m.sub(g, m.mul(m.exp(e.output), m.sumTo(g, rowShape(e.a.shape)))),
};

// L = Σ_j labels_j·(logsumexp(z) − z_j) per row: dL/dz = softmax(z)·Σ labels − labels (the
// familiar softmax − labels when each row of labels sums to 1), dL/dlabels = −log softmax(z).
// log softmax(z) is rebuilt from z with ops, shifted by the forward's row maxima (a constant:
// any shift gives the same value), so an outer tape differentiates it again.
const CROSS_ENTROPY_OP: OpDef = {
  name: 'softmaxCrossEntropy',
  backward: (m, g, i, e) => {
    const z = e.b!;
    const row = rowShape(z.shape);
    const shifted = m.sub(z, (e.attrs as { shift: Tensor }).shift);
    const logP = m.sub(shifted, m.log(m.sumTo(m.exp(shifted), row)));
    const gRow = m.reshape(g, row);
    if (i === 0) return m.neg(m.mul(logP, gRow));
    return m.mul(m.sub(m.mul(m.exp(logP), m.sumTo(e.a, row)), e.a), gRow);
  },
};

function rowsOfLast(op: string, X: Tensor): { rows: number; c: number } {
  if (X.shape.length === 0)
    throw new EngineError(
      op,
      `needs a tensor of rank ≥ 1 (classes on the last axis), got shape ${formatShape(X.shape)}`,
    );
  const c = X.shape[X.shape.length - 1];
  return { rows: c === 0 ? 0 : X.size / c, c };
}

/** Per row of x (length c at offset o): its largest entry and Σ exp(x − max), in float64. */
function shifted(x: TypedArray, o: number, c: number): { max: number; total: number } {
  let max = -Infinity;
  for (let j = 0; j < c; j++) if (x[o + j] > max) max = x[o + j];
  let total = 0;
  for (let j = 0; j < c; j++) total += Math.exp(x[o + j] - max);
  return { max, total };
}

/** softmax(x) over the last axis: a new tensor of x's shape, each row positive and summing to 1. */
export function softmax(x: TensorLike): Tensor {
  const X = operand(x, x);
  const { rows, c } = rowsOfLast('softmax', X);
  const src = X.data,
    out = allocate(X.dtype, X.size);
  for (let r = 0, o = 0; r < rows; r++, o += c) {
    const { max, total } = shifted(src, o, c);
    for (let j = 0; j < c; j++) out[o + j] = Math.exp(src[o + j] - max) / total;
  }
  const y = fromArray(X.shape, X.dtype, out);
  if (isRecording()) recordOp(SOFTMAX_OP, X, null, y, null);
  return y;
}

/** log softmax(x) = x − logsumexp(x) over the last axis: a new tensor of x's shape. */
export function logSoftmax(x: TensorLike): Tensor {
  const X = operand(x, x);
  const { rows, c } = rowsOfLast('logSoftmax', X);
  const src = X.data,
    out = allocate(X.dtype, X.size);
  for (let r = 0, o = 0; r < rows; r++, o += c) {
    const { max, total } = shifted(src, o, c);
    const lse = max + Math.log(total);
    for (let j = 0; j < c; j++) out[o + j] = src[o + j] - lse;
  }
  const y = fromArray(X.shape, X.dtype, out);
  if (isRecording()) recordOp(LOG_SOFTMAX_OP, X, null, y, null);
  return y;
}

/**
 * Cross-entropy of softmax(logits) against `labels` (same shape; one-hot or probabilities per
 * row), as TensorFlow's softmax_cross_entropy_with_logits: −Σ_j labels_j·log softmax(logits)_j
 * for each row — a new tensor of the shape without the last axis. Average it with `mean` for
 * a batch loss.
 */
export function softmaxCrossEntropy(labels: TensorLike, logits: TensorLike): Tensor {
  const Z = operand(logits, labels);
  const Y = operand(labels, Z);
  checkDTypes('softmaxCrossEntropy', Y, Z);
  const { rows, c } = rowsOfLast('softmaxCrossEntropy', Z);
  if (!sameShape(Y.shape, Z.shape)) {
    throw new EngineError(
      'softmaxCrossEntropy',
      `labels of shape ${formatShape(Y.shape)} do not match logits of shape ${formatShape(Z.shape)}`,
    );
  }
  const z = Z.data,
    y = Y.data,
    out = allocate(Z.dtype, rows),
    maxima = allocate(Z.dtype, rows);
  for (let r = 0, o = 0; r < rows; r++, o += c) {
    const { max, total } = shifted(z, o, c);
    maxima[r] = max;
    const lse = max + Math.log(total);
    let loss = 0;
    for (let j = 0; j < c; j++) loss += y[o + j] * (lse - z[o + j]);
    out[r] = loss;
  }
  const result = fromArray(Z.shape.slice(0, -1), Z.dtype, out);
  if (isRecording()) recordOp(CROSS_ENTROPY_OP, Y, Z, result, { shift: fromArray(rowShape(Z.shape), Z.dtype, maxima) });
  return result;
}
