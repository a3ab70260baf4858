/**
 * Matrix product with numpy's matmul rules: the last two axes multiply, leading (batch) axes
 * broadcast; a 1-D first operand acts as a row, a 1-D second operand as a column, and that
 * axis is dropped from the result. Backward: dA = g·Bᵀ, dB = Aᵀ·g, summed over broadcast batches.
 */
import { EngineError, formatShape } from '../errors.ts';
import { matmulKernel } from '../kernels/matmul.ts';
import { broadcastKernel } from '../kernels/shape.ts';
import { broadcastShapes, sizeOf } from '../shape.ts';
import type { Entry, OpDef } from '../op.ts';
import { isRecording, recordOp } from '../record.ts';
import { allocate, checkDTypes, fromArray, operand, type Tensor, type TensorLike } from '../tensor.ts';

// Work on ≥2-D views: promote 1-D operands, multiply, then sum to the original shapes.
// dA = g·Bᵀ, dB = Aᵀ·g.
const MATMUL_OP: OpDef = {
  name: 'matmul',
  backward: (m, g, i, e) => {
    const pa = promotedA(e),
      pb = promotedB(e);
    const g2 = m.reshape(g, plan(pa, pb).shape);
    if (i === 0) return m.reshape(m.sumTo(m.matmul(g2, m.transpose(m.reshape(e.b!, pb))), pa), e.a.shape);
    return m.reshape(m.sumTo(m.matmul(m.transpose(m.reshape(e.a, pa)), g2), pb), e.b!.shape);
  },
};

const promotedA = (e: Entry) => (e.a.shape.length === 1 ? [1, e.a.shape[0]] : e.a.shape);
const promotedB = (e: Entry) => (e.b!.shape.length === 1 ? [e.b!.shape[0], 1] : e.b!.shape);

/** Matrix product of a [..., m, k] and b [..., k, n] → [..., m, n] (numpy matmul rules). */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const A = operand(a, b);
  const B = operand(b, A);
  checkDTypes('matmul', A, B);
  if (A.shape.length === 0 || B.shape.length === 0) {
    throw new EngineError(
      'matmul',
      `needs operands of rank ≥ 1, got shapes ${formatShape(A.shape)} and ${formatShape(B.shape)}`,
    );
  }
  const a2 = A.shape.length === 1 ? [1, A.shape[0]] : A.shape;
  const b2 = B.shape.length === 1 ? [B.shape[0], 1] : B.shape;
  if (a2[a2.length - 1] !== b2[b2.length - 2]) {
    throw new EngineError(
      'matmul',
      `shapes ${formatShape(A.shape)} and ${formatShape(B.shape)} are not aligned: ${a2[a2.length - 1]} (last axis of the first) ≠ ${b2[b2.length - 2]} (second-to-last axis of the second)`,
    );
  }
  const p = plan(a2, b2, A.shape, B.shape);
  const data = allocate(A.dtype, sizeOf(p.shape));
  multiplyBatches(A.data, B.data, data, a2, b2, p.batch);
  let shape = p.shape;
  if (A.shape.length === 1) shape = [...shape.slice(0, -2), shape[shape.length - 1]];
  if (B.shape.length === 1) shape = shape.slice(0, -1);
  const out = fromArray(shape, A.dtype, data);
  if (isRecording()) recordOp(MATMUL_OP, A, B, out, null);
  return out;
}

function plan(a: readonly number[], b: readonly number[], origA = a, origB = b) {
  let batch: readonly number[];
  try {
    batch = broadcastShapes('matmul', a.slice(0, -2), b.slice(0, -2));
  } catch {
    throw new EngineError(
      'matmul',
      `batch axes of shapes ${formatShape(origA)} and ${formatShape(origB)} cannot be broadcast together`,
    );
  }
  return { batch, shape: [...batch, a[a.length - 2], b[b.length - 1]] };
}

/** Runs the kernel once per batch index, mapping broadcast batch axes to operand offsets. */
function multiplyBatches(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
  as: readonly number[],
  bs: readonly number[],
  batch: readonly number[],
): void {
  const m = as[as.length - 2],
    k = as[as.length - 1],
    n = bs[bs.length - 1];
  const acc = rowBuffer(n);
  // Two plain matrices (every layer of a network): no batch plan to build.
  if (batch.length === 0) return matmulKernel(a, 0, b, 0, out, 0, m, k, n, acc);
  const nb = sizeOf(batch);
  const aIndex = batchIndex(as.slice(0, -2), batch, nb);
  const bIndex = batchIndex(bs.slice(0, -2), batch, nb);
  for (let i = 0; i < nb; i++) matmulKernel(a, aIndex[i] * m * k, b, bIndex[i] * k * n, out, i * m * n, m, k, n, acc);
}

let rows = new Float64Array(64);
/** The kernel's float64 row accumulator, reused across calls (it is zeroed per row). */
function rowBuffer(n: number): Float64Array {
  if (rows.length < n) rows = new Float64Array(n);
  return rows;
}

/** For each batch position of the broadcast batch shape, which matrix of the operand it uses. */
function batchIndex(own: readonly number[], batch: readonly number[], nb: number): Float64Array {
  const ids = new Float64Array(sizeOf(own)).map((_, i) => i);
  const out = new Float64Array(nb);
  broadcastKernel(ids, own, batch, out);
  return out;
}
