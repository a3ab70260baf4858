/**
 * Shape ops: reshape (same values, new shape), broadcastTo (numpy broadcasting made
 * explicit) and transpose (swap the last two axes). Their gradients undo the layout change.
 */
import { EngineError, formatShape } from '../errors.ts';
import { broadcastKernel, transposeKernel } from '../kernels/shape.ts';
import { broadcastsTo, sameShape, sizeOf } from '../shape.ts';
import type { OpDef } from '../op.ts';
import { isRecording, recordOp } from '../record.ts';
import { seam } from '../seam.ts';
import { allocate, fromArray, fromScalar, operand, sharing, type Tensor, type TensorLike } from '../tensor.ts';

// Each gradient undoes the layout change: reshape back, sum over the broadcast axes, transpose back.
const RESHAPE_OP: OpDef = { name: 'reshape', backward: (m, g, _i, e) => m.reshape(g, e.a.shape) };
const BROADCAST_OP: OpDef = { name: 'broadcastTo', backward: (m, g, _i, e) => m.sumTo(g, e.a.shape) };
const TRANSPOSE_OP: OpDef = { name: 'transpose', backward: (m, g) => m.transpose(g) };

/**
 * The same values in a new shape with the same number of elements; one extent may be −1
 * (inferred). Shares storage with x (tensors are immutable).
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  const X = operand(x, x);
  if (sameShape(shape, X.shape)) return X;
  const target = resolveShape(X, shape);
  if (sameShape(target, X.shape)) return X;
  const out = sharing(X, target);
  if (isRecording()) recordOp(RESHAPE_OP, X, null, out, { shape: target });
  return out;
}

function resolveShape(X: Tensor, shape: readonly number[]): number[] {
  const target = [...shape];
  const free = target.indexOf(-1);
  if (free >= 0) {
    const known = sizeOf(target.filter((_, i) => i !== free));
    target[free] = known === 0 ? 0 : X.size / known;
  }
  const bad = target.some((d) => !Number.isInteger(d) || d < 0) || target.indexOf(-1, free + 1) > free;
  if (bad || sizeOf(target) !== X.size) {
    throw new EngineError(
      'reshape',
      `cannot reshape shape ${formatShape(X.shape)} (${X.size} elements) to shape ${formatShape(shape)}`,
    );
  }
  return target;
}

/** x repeated along broadcast axes to `shape` (numpy rules): a new tensor of `shape` (x itself when the shapes match). */
export function broadcastTo(x: TensorLike, shape: readonly number[]): Tensor {
  const X = operand(x, x);
  if (sameShape(X.shape, shape)) return X;
  if (!broadcastsTo(X.shape, shape)) {
    throw new EngineError(
      'broadcastTo',
      `shape ${formatShape(X.shape)} cannot be broadcast to shape ${formatShape(shape)}`,
    );
  }
  const target = [...shape];
  const n = sizeOf(target);
  const out =
    (X.size === 1 && n > 1 ? seam.lazyFill(target, X.dtype, X.item()) : null) ?? broadcastValues(X, target, n);
  if (isRecording()) recordOp(BROADCAST_OP, X, null, out, { shape: target });
  return out;
}

/** The reference: X's values written out to `target` (n elements). */
function broadcastValues(X: Tensor, target: number[], n: number): Tensor {
  if (n === 1) return fromScalar(X.item(), X.dtype, target);
  const data = allocate(X.dtype, n);
  if (X.size === 1) data.fill(X.item());
  else broadcastKernel(X.data, X.shape, target, data);
  return fromArray(target, X.dtype, data);
}

/** Swaps the last two axes (a matrix transpose, batched over leading axes): [..., m, n] → [..., n, m], a new tensor. Needs rank ≥ 2. */
export function transpose(x: TensorLike): Tensor {
  const X = operand(x, x);
  const r = X.shape.length;
  if (r < 2) throw new EngineError('transpose', `needs rank ≥ 2, got shape ${formatShape(X.shape)}`);
  const rows = X.shape[r - 2];
  const cols = X.shape[r - 1];
  const shape = [...X.shape.slice(0, r - 2), cols, rows];
  const data = allocate(X.dtype, X.size);
  transposeKernel(X.data, data, X.size / (rows * cols) || 0, rows, cols);
  const out = fromArray(shape, X.dtype, data);
  if (isRecording()) recordOp(TRANSPOSE_OP, X, null, out, null);
  return out;
}
