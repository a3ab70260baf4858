// The tutorial's number negator, trained the way the trainer does it, against the golden file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradientTape, add, mean, mul, square, sub, tensor, variable, type DType } from '../../src/engine/index.ts';
import { setAcceleration, type Acceleration } from '../../src/engine/accel/index.ts';
import { GOLDEN, closeRel } from '../helpers/golden.ts';

const { input, target, w0, lr, steps } = GOLDEN.config;

/** One SGD step written as a learner would; returns what the golden rows hold. */
function trainStep(w: ReturnType<typeof variable>, dtype: DType) {
  const x = tensor([input], dtype);
  const y = tensor([target], dtype);
  const weightBefore = w.item();
  const tape = new GradientTape();
  const loss = tape.record(() => mean(square(sub(y, mul(x, w)))));
  const gradient = tape.gradient(loss, w);
  w.assign(sub(w, mul(gradient, lr)));
  return { weightBefore, loss: loss.item(), gradient: gradient.item(), weightAfter: w.item() };
}

// The same bits with every acceleration on (as shipped) and off (the reference path alone).
const ALL_OFF: Partial<Acceleration> = { numbers: false, lazy: false, fused: false, wasm: false };
describe.each([
  ['float32', 1e-5, 'accelerated', {}],
  ['float64', 1e-12, 'accelerated', {}],
  ['float32', 1e-5, 'reference only', ALL_OFF],
  ['float64', 1e-12, 'reference only', ALL_OFF],
] as const)('number negator golden trace in %s (%s, %s)', (dtype, rel, _mode, settings: Partial<Acceleration>) => {
  let previous: Acceleration;
  beforeAll(() => void (previous = setAcceleration(settings)));
  afterAll(() => void setAcceleration(previous));

  it(`matches all ${steps} rows (loss at weightBefore, gradient, weightAfter)`, () => {
    const w = variable(w0, dtype);
    const rows = GOLDEN[dtype];
    expect(rows).toHaveLength(steps);
    for (const row of rows) {
      const got = trainStep(w, dtype);
      for (const key of ['weightBefore', 'loss', 'gradient', 'weightAfter'] as const) {
        if (!closeRel(got[key], row[key], rel))
          throw new Error(`step ${row.step} ${key}: got ${got[key]}, want ${row[key]}`);
      }
    }
  });

  it('stops changing after 1000 steps where the update rounds away', () => {
    const w = variable(w0, dtype);
    const last = GOLDEN.after1000Steps[dtype];
    let row = trainStep(w, dtype);
    for (let s = 2; s <= last.step; s++) row = trainStep(w, dtype);
    expect(row.weightBefore).toBe(last.weightBefore);
    expect(row.weightAfter).toBe(last.weightAfter);
    expect(closeRel(row.gradient, last.gradient, 1e-6)).toBe(true);
    // The update is smaller than half a unit in the last place: the weight no longer moves.
    expect(trainStep(w, dtype).weightAfter).toBe(row.weightAfter);
  });

  it('uses the tutorial form w ← w + gradient · (−lr) with the same result', () => {
    const a = variable(w0, dtype);
    const b = variable(w0, dtype);
    for (let s = 0; s < steps; s++) {
      trainStep(a, dtype);
      const tape = new GradientTape();
      const loss = tape.record(() => square(sub(target, mul(input, b))));
      b.assign(add(b, mul(tape.gradient(loss, b), -lr)));
    }
    expect(b.item()).toBe(a.item());
  });
});
