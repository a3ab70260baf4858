/**
 * One plain gradient-descent step, as both Reduce trainers take it: record the loss on a tape,
 * ask the tape for d loss / d parameters, and move the parameters against it.
 */
import { GradientTape, add, mul, type Tensor, type Variable } from '../../engine/index.ts';

/** How far a run has come: steps taken and the loss of its first step (to tell divergence). */
export interface Progress {
  step: number;
  firstLoss: number | null;
}

export interface Descended {
  /** The loss before the update. */
  loss: number;
  /** The parameters after it. */
  params: Float64Array;
  /** The length of the gradient. */
  gradNorm: number;
  /** Whether the loss or a parameter overflowed, or the loss grew a millionfold. */
  diverged: boolean;
}

/** v ← v + (dL/dv)·negLr for the loss `loss()`; counts the step in `progress` (mutated). */
export function descend(v: Variable, loss: () => Tensor, negLr: Tensor, progress: Progress): Descended {
  const tape = new GradientTape();
  const value = tape.record(loss);
  const g = tape.gradient(value, v);
  v.assign(add(v, mul(g, negLr)));
  const l = value.item();
  progress.step += 1;
  progress.firstLoss ??= l;
  const params = Float64Array.from(v.data);
  const diverged = !Number.isFinite(l) || l > 1e6 * progress.firstLoss || !params.every(Number.isFinite);
  return { loss: l, params, gradNorm: Math.hypot(...g.data), diverged };
}
