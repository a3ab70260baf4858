/**
 * Matrix product with numpy's matmul rules: the last two axes multiply, leading (batch) axes
 * broadcast; a 1-D first operand acts as a row, a 1-D second operand as a column, and that
 * axis is dropped from the result. Backward: dA = g·Bᵀ, dB = Aᵀ·g, summed over broadcast batches.
 */
import { EngineError, formatShape } from '../errors.ts';
import { matmulKernel, type Strided } from '../kernels/matmul.ts';
import { broadcastKernel } from '../kernels/shape.ts';
import { broadcastShapes, sizeOf } from '../shape.ts';
import type { Entry, OpDef } from '../op.ts';
import { isRecording, recordOp } from '../record.ts';
import { allocate, checkDTypes, fromArray, operand, type Tensor, type TensorLike } from '../tensor.ts';

interface MatmulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

const PLAIN: MatmulAttrs = Object.freeze({ transposeA: false, transposeB: false });
const attrsOf = (e: Entry) => (e.attrs as MatmulAttrs | null) ?? PLAIN;

// Work on ≥2-D views: promote 1-D operands, multiply, then sum to the original shapes.
// With op(X) = X or Xᵀ as stored: d op(A) = g·op(B)ᵀ and d op(B) = op(A)ᵀ·g, each written as
// one product of the stored operands with flags, so no transpose is ever copied.
const MATMUL_OP: OpDef = {
  name: 'matmul',
  backward: (m, g, i, e) => {
    const { transposeA: ta, transposeB: tb } = attrsOf(e);
    const pa = promotedA(e),
      pb = promotedB(e);
    const g2 = m.reshape(g, plan(logical(pa, ta), logical(pb, tb)).shape);
    if (i === 0) {
      const B = m.reshape(e.b!, pb);
      const dA = ta ? m.matmul(B, g2, tb, true) : m.matmul(g2, B, false, !tb);
      return m.reshape(m.sumTo(dA, pa), e.a.shape);
    }
    const A = m.reshape(e.a, pa);
    const dB = tb ? m.matmul(g2, A, true, ta) : m.matmul(A, g2, !ta, false);
    return m.reshape(m.sumTo(dB, pb), e.b!.shape);
  },
};

const promotedA = (e: Entry) => (e.a.shape.length === 1 ? [1, e.a.shape[0]] : e.a.shape);
const promotedB = (e: Entry) => (e.b!.shape.length === 1 ? [e.b!.shape[0], 1] : e.b!.shape);
/** The shape a stored ≥2-D operand multiplies as: its last two axes swapped when transposed. */
const logical = (s: readonly number[], t: boolean) => (t ? [...s.slice(0, -2), s[s.length - 1], s[s.length - 2]] : s);

/**
 * Matrix product of op(a) [..., m, k] and op(b) [..., k, n] → [..., m, n] (numpy matmul
 * rules), where op(x) swaps x's last two axes when its flag is set, as TensorFlow's matMul
 * does (read in place: the same bits as multiplying a transposed copy). Flags need rank ≥ 2.
 */
export function matmul(a: TensorLike, b: TensorLike, transposeA = false, transposeB = false): Tensor {
  const A = operand(a, b);
  const B = operand(b, A);
  checkDTypes('matmul', A, B);
  if (A.shape.length === 0 || B.shape.length === 0) {
    throw new EngineError(
      'matmul',
      `needs operands of rank ≥ 1, got shapes ${formatShape(A.shape)} and ${formatShape(B.shape)}`,
    );
  }
  if ((transposeA && A.shape.length < 2) || (transposeB && B.shape.length < 2)) {
    throw new EngineError(
      'matmul',
      `can transpose only operands of rank ≥ 2, got shapes ${formatShape(A.shape)} and ${formatShape(B.shape)}`,
    );
  }
  const a2 = logical(A.shape.length === 1 ? [1, A.shape[0]] : A.shape, transposeA);
  const b2 = logical(B.shape.length === 1 ? [B.shape[0], 1] : B.shape, transposeB);
  if (a2[a2.length - 1] !== b2[b2.length - 2]) {
    const which = (t: boolean) => (t ? ' (transposed)' : '');
    throw new EngineError(
      'matmul',
      `shapes ${formatShape(A.shape)}${which(transposeA)} and ${formatShape(B.shape)}${which(transposeB)} are not aligned: ${a2[a2.length - 1]} (last axis of the first) ≠ ${b2[b2.length - 2]} (second-to-last axis of the second)`,
    );
  }
  const p = plan(a2, b2, A.shape, B.shape);
  const data = allocate(A.dtype, sizeOf(p.shape));
  multiplyBatches(A.data, B.data, data, a2, b2, p.batch, transposeA, transposeB);
  let shape = p.shape;
  if (A.shape.length === 1) shape = [...shape.slice(0, -2), shape[shape.length - 1]];
  if (B.shape.length === 1) shape = shape.slice(0, -1);
  const out = fromArray(shape, A.dtype, data);
  if (isRecording()) {
    const attrs = transposeA || transposeB ? { transposeA, transposeB } : null;
    recordOp(MATMUL_OP, A, B, out, attrs);
  }
  return out;
}

function plan(a: readonly number[], b: readonly number[], origA = a, origB = b) {
  let batch: readonly number[];
  try {
    batch = a.length === 2 && b.length === 2 ? NO_BATCH : broadcastShapes('matmul', a.slice(0, -2), b.slice(0, -2));
  } catch {
    throw new EngineError(
      'matmul',
      `batch axes of shapes ${formatShape(origA)} and ${formatShape(origB)} cannot be broadcast together`,
    );
  }
  return { batch, shape: [...batch, a[a.length - 2], b[b.length - 1]] };
}

const NO_BATCH: readonly number[] = Object.freeze([]);

/**
 * Runs the kernel once per batch index, mapping broadcast batch axes to operand offsets.
 * `as`, `bs` are the logical (possibly transposed) shapes; the flags say how each is stored.
 */
function multiplyBatches(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
  as: readonly number[],
  bs: readonly number[],
  batch: readonly number[],
  ta: boolean,
  tb: boolean,
): void {
  const m = as[as.length - 2],
    k = as[as.length - 1],
    n = bs[bs.length - 1];
  const acc = rowBuffer(n);
  const A: Strided = { data: a, offset: 0, rowStride: ta ? 1 : k, colStride: ta ? m : 1 };
  const B: Strided = { data: b, offset: 0, rowStride: tb ? 1 : n, colStride: tb ? k : 1 };
  // Two plain matrices (every layer of a network): no batch plan to build.
  if (batch.length === 0) return matmulKernel(A, B, out, 0, m, k, n, acc);
  const nb = sizeOf(batch);
  const aIndex = batchIndex(as.slice(0, -2), batch, nb);
  const bIndex = batchIndex(bs.slice(0, -2), batch, nb);
  for (let i = 0; i < nb; i++) {
    A.offset = aIndex[i] * m * k;
    B.offset = bIndex[i] * k * n;
    matmulKernel(A, B, out, i * m * n, m, k, n, acc);
  }
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
