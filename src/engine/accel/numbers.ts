/**
 * The number path: ops on one-element tensors compute on plain numbers, with no typed array
 * and no kernel loop, and a tape of one-element tensors is swept on plain numbers — by the
 * core's own sweep and rules, in an arithmetic that rounds each result (and each constant)
 * to the dtype exactly as the ops would, so the bits are the reference's.
 */
import { binaryValue, unaryValue } from '../kernels/elementwise.ts';
import { needs, type Arith, type Elementwise, type Entry, type Operand } from '../op.ts';
import { SIGN, STEP } from '../ops/elementwise.ts';
import { isRecording } from '../record.ts';
import { Tensor, filled, fromScalar, roundTo, type DType, type TensorLike } from '../tensor.ts';

const identity = (v: number): number => v;

/** The arithmetic of one-element tensors of one dtype; `r` rounds a number as storing it would. */
function numbersIn(r: (v: number) => number): Arith<number> {
  // A recorded tensor stands for its value; a constant is rounded as `operand` rounds it.
  const v = (x: Operand): number => (typeof x === 'number' ? r(x) : x._s);
  return {
    add: (a, b) => r(v(a) + v(b)),
    sub: (a, b) => r(v(a) - v(b)),
    mul: (a, b) => r(v(a) * v(b)),
    div: (a, b) => r(v(a) / v(b)),
    neg: (a) => -v(a),
    square: (a) => r(v(a) * v(a)),
    pow: (a, p) => r(Math.pow(v(a), p)),
    sign: (a) => SIGN.forward(v(a), 0),
    step: (a) => STEP.forward(v(a), 0),
    // For one element, summing, broadcasting, reshaping and transposing change no value.
    sumTo: (a) => v(a),
    unbroadcast: (g) => v(g),
    broadcastTo: (a) => v(a),
    reshape: (a) => v(a),
    transpose: (a) => v(a),
    // matmul's float64 accumulator starts at +0, and +0 + −0 is +0.
    matmul: (a, b) => r(0 + v(a) * v(b)),
    exp: (a) => r(Math.exp(v(a))),
    log: (a) => r(Math.log(v(a))),
    ones: () => 1,
  };
}

const BY_DTYPE: Record<DType, Arith<number>> = { float32: numbersIn(Math.fround), float64: numbersIn(identity) };

const settledScalar = (t: Tensor): boolean => t.size === 1 && t._pending === null;

/** `op(t, number)` on a settled one-element tensor outside any tape (as in `mul(grad, learningRate)`): no tensor for the number. */
export function numberOperand(op: Elementwise, a: TensorLike, b: TensorLike): Tensor | null {
  if (typeof b !== 'number' || !(a instanceof Tensor) || !settledScalar(a) || isRecording()) return null;
  // b is rounded to a's dtype exactly as `operand` would round it.
  return fromScalar(binaryValue(op, a._s, roundTo(a.dtype, b)), a.dtype, a.shape);
}

/** A two-input op on settled one-element tensors, computed on their numbers. */
export function numbersBinary(op: Elementwise, a: Tensor, b: Tensor): Tensor | null {
  if (!settledScalar(a) || !settledScalar(b)) return null;
  return fromScalar(binaryValue(op, a._s, b._s), a.dtype, a.shape.length >= b.shape.length ? a.shape : b.shape);
}

/** A one-input op on a settled one-element tensor, computed on its number (p: pow's exponent). */
export function numbersUnary(op: Elementwise, x: Tensor, p: number): Tensor | null {
  if (!settledScalar(x)) return null;
  return fromScalar(unaryValue(op, x._s, p), x.dtype, x.shape);
}

/** The number arithmetic for a sweep from `last` back: no tape records, and every tensor holds one settled element. */
export function sweepArith(last: Entry | null, target: Tensor): Arith<number> | null {
  if (isRecording() || !settledScalar(target)) return null;
  for (let e = last; e !== null; e = e.prev) {
    if (!settledScalar(e.output) || !settledScalar(e.a) || (e.b !== null && !settledScalar(e.b))) return null;
  }
  return BY_DTYPE[target.dtype];
}

/** Longest tape the map-free sweep serves (its look-ups are linear). */
const enum Short {
  Tape = 16,
}
// Reused [id, gradient] pairs of the current map-free sweep (nothing allocated per call).
const pairIds: number[] = [];
const pairValues: number[] = [];

/**
 * d target / d source for one source on a short tape of one-element tensors, or null when
 * that does not hold: backprop's visits, rules and rounding, with the gradients in two reused
 * arrays instead of a Map. Notes nothing on the entries (the tape redoes the sweep for trace).
 */
export function gradient(last: Entry | null, count: number, target: Tensor, source: Tensor): Tensor | null {
  if (count > Short.Tape || isRecording() || !settledScalar(target)) return null;
  const dtype = target.dtype;
  const m = BY_DTYPE[dtype];
  pairIds[0] = target.id;
  pairValues[0] = 1;
  let n = 1;
  for (let e = last; e !== null; e = e.prev) {
    const at = pairIndex(n, e.output.id);
    if (at < 0) continue;
    // Every tensor read must hold one settled element (an output was read as a later op's input).
    if (!settledScalar(e.a) || (e.b !== null && !settledScalar(e.b))) return null;
    const g = pairValues[at];
    for (let j = 0; j < 2; j++) {
      if (!needs(e, j)) continue;
      const id = j === 0 ? e.a.id : e.b!.id;
      const v = e.op.backward(m, g, j, e)!;
      const k = pairIndex(n, id);
      // Accumulated as backprop adds: rounded to the dtype.
      if (k >= 0) {
        pairValues[k] = roundTo(dtype, pairValues[k] + v);
      } else {
        pairIds[n] = id;
        pairValues[n++] = v;
      }
    }
  }
  const s = pairIndex(n, source.id);
  return s < 0 ? filled(source.shape, source.dtype, 0) : fromScalar(pairValues[s], source.dtype, source.shape);
}

function pairIndex(count: number, id: number): number {
  for (let k = 0; k < count; k++) if (pairIds[k] === id) return k;
  return -1;
}

/** The number path's hooks into the seam. */
export const NUMBERS = { numberOperand, numbersBinary, numbersUnary, sweepArith, gradient };
