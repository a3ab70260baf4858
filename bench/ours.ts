/**
 * (B) Our engine, used exactly as the trainer and the lesson use it: variables, a fresh
 * GradientTape per step, the loss written from elementary ops, tape.gradient, assign.
 */
import {
  GradientTape,
  add,
  mean,
  mul,
  scalar,
  square,
  sub,
  tensor,
  variable,
  type Tensor,
} from '../src/engine/index.ts';
import type { Run } from './types.ts';

/** One pair → scalars, as the tutorial; many pairs → vectors. */
function inputs(x: Float32Array, y: Float32Array): [Tensor, Tensor] {
  return x.length === 1 ? [scalar(x[0]), scalar(y[0])] : [tensor(x), tensor(y)];
}

/** Runs `steps` steps from w = w0, b = 0. */
export const ours: Run = (data, steps, lr, bias, w0) => {
  const [x, y] = inputs(data.x, data.y);
  const w = variable(w0);
  const b = variable(0);
  let loss = 0;
  for (let s = 0; s < steps; s++) {
    const tape = new GradientTape();
    // One pair: the tutorial's loss (target − input·w)²; many pairs: its mean.
    const l = tape.record(() => {
      const err = square(sub(y, bias ? add(mul(x, w), b) : mul(x, w)));
      return x.size === 1 ? err : mean(err);
    });
    if (bias) {
      const [gw, gb] = tape.gradient(l, [w, b]);
      w.assign(sub(w, mul(gw, lr)));
      b.assign(sub(b, mul(gb, lr)));
    } else {
      w.assign(sub(w, mul(tape.gradient(l, w), lr)));
    }
    loss = l.item();
  }
  return { loss, w: w.item(), b: b.item() };
};
