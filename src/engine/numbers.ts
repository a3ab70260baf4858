/**
 * Chain-rule arithmetic on plain numbers, for tapes whose tensors all hold one element: the
 * same rules and sweep as on tensors, rounding each result (and each constant) to the dtype
 * exactly as the ops would, so the results are the same bits without a tensor per step.
 */
import type { Arith, Operand } from './op.ts';
import { SIGN, STEP } from './ops/elementwise.ts';
import type { DType } from './tensor.ts';

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
    neg: (a) => -a,
    square: (a) => r(v(a) * v(a)),
    pow: (a, p) => r(Math.pow(v(a), p)),
    sign: (a) => SIGN.forward(v(a), 0),
    step: (a) => STEP.forward(v(a), 0),
    // For one element, summing, broadcasting, reshaping and transposing change no value.
    sumTo: identity,
    broadcastTo: identity,
    reshape: (a) => v(a),
    transpose: (a) => v(a),
    // matmul's float64 accumulator starts at +0, and +0 + −0 is +0.
    matmul: (a, b) => r(0 + v(a) * v(b)),
    ones: () => 1,
  };
}

const BY_DTYPE: Record<DType, Arith<number>> = { float32: numbersIn(Math.fround), float64: numbersIn(identity) };

/** The number arithmetic for `dtype`. */
export const numbersFor = (dtype: DType): Arith<number> => BY_DTYPE[dtype];
