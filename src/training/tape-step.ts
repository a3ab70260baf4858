/**
 * One step of the negator recorded for the tape inspector, and the finite-difference check of
 * its gradient. Everything the Tape step draws comes from here, computed by the engine: the
 * tape's trace (each op's value, the gradient reaching it and what it sends to each input),
 * each op's local derivative (asked of the same persistent tape: d output / d input), and the
 * loss at w ± h.
 */
import {
  GradientTape,
  add,
  div,
  mul,
  scalar,
  square,
  sub,
  variable,
  type TapeEntry,
  type TapeLeaf,
} from '../engine/index.ts';
import type { DTypeName } from './config.ts';

export interface TapeStepInput {
  input: number;
  target: number;
  weight: number;
  learningRate: number;
  dtype: DTypeName;
}

export interface TapeStepResult extends TapeStepInput {
  /** mul, sub, square as the tape recorded them, with the backward pass filled in. */
  trace: TapeEntry[];
  /** x and t (constants) and w (the variable, with dL/dw). */
  leaves: TapeLeaf[];
  /** `locals[i][j]`: d(output of entry i) / d(input j), from the engine; null where no gradient flows. */
  locals: (number | null)[][];
  loss: number;
  gradient: number;
  /** The weight after the update w + gradient · (−learning rate). */
  next: number;
}

/** Records L = (t − x·w)², walks it backwards, and applies one update. */
export function recordTapeStep(p: TapeStepInput): TapeStepResult {
  const x = scalar(p.input, p.dtype);
  const t = scalar(p.target, p.dtype);
  const w = variable(p.weight, p.dtype);
  // Persistent: the same tape answers each op's local derivative before the real backward pass.
  const tape = new GradientTape({ persistent: true });
  const [t1, t2, loss] = tape.record(() => {
    const a = mul(x, w);
    const b = sub(t, a);
    return [a, b, square(b)];
  });
  const local = (out: typeof loss, inp: typeof loss) => tape.gradient(out, inp).item();
  const locals: (number | null)[][] = [[null, local(t1, w)], [null, local(t2, t1)], [local(loss, t2)]];
  // The backward pass last, so the trace holds its gradients (each sweep overwrites the last).
  const gradient = tape.gradient(loss, w);
  const next = add(w, mul(gradient, -p.learningRate)).item();
  return {
    ...p,
    trace: tape.trace(),
    leaves: tape.leaves(),
    locals,
    loss: loss.item(),
    gradient: gradient.item(),
    next,
  };
}

export interface FiniteDifference {
  h: number;
  dtype: DTypeName;
  plus: number;
  minus: number;
  /** (L(w + h) − L(w − h)) / 2h, in `dtype`. */
  estimate: number;
}

/** The central-difference estimate of dL/dw at `weight`, every operation in `dtype`. */
export function finiteDifference(p: Omit<TapeStepInput, 'learningRate'>, h: number): FiniteDifference {
  const L = (wv: ReturnType<typeof scalar>) =>
    square(sub(scalar(p.target, p.dtype), mul(scalar(p.input, p.dtype), wv)));
  const w = scalar(p.weight, p.dtype);
  const hh = scalar(h, p.dtype);
  const plus = L(add(w, hh));
  const minus = L(sub(w, hh));
  const estimate = div(sub(plus, minus), mul(hh, 2));
  return { h, dtype: p.dtype, plus: plus.item(), minus: minus.item(), estimate: estimate.item() };
}
