/**
 * The fused residual kernel (accel/fused): its totals are the bits of the separate eager ops,
 * for every variant of the residual family it matches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../../../src/engine/index.ts';
import { tensor, type DType } from '../../../../src/engine/index.ts';
import { setAcceleration } from '../../../../src/engine/accel/index.ts';
import { residualSums } from '../../../../src/engine/accel/fused/residual.ts';
import { BLOCK, fullSum } from '../../../../src/engine/kernels/reduce.ts';
import { rng } from '../../gradcheck.ts';

const defaults = setAcceleration({});
afterEach(() => void setAcceleration(defaults));

function pairs(n: number, dtype: DType, seed: number) {
  const r = rng(seed);
  const xs = new Float64Array(n).map(() => r() * 10 - 5);
  return {
    x: tensor(xs, dtype),
    y: tensor(
      xs.map((v) => -v + (r() - 0.5) * 0.1),
      dtype,
    ),
  };
}

describe('residual kernel totals (before the final rounding of each sum)', () => {
  // The sums are rounded to float32 at the end, which could hide a wrong intermediate; so the
  // kernel's float64 totals are compared with fullSum over the eager ops' own arrays.
  const cases = [
    { dtype: 'float32', bias: false, yFirst: true, wantE: false },
    { dtype: 'float32', bias: false, yFirst: false, wantE: true },
    { dtype: 'float32', bias: true, yFirst: true, wantE: true },
    { dtype: 'float32', bias: true, yFirst: false, wantE: true },
    { dtype: 'float64', bias: true, yFirst: false, wantE: true },
    { dtype: 'float64', bias: false, yFirst: true, wantE: false },
  ] as const;
  it.each(cases)('%j', ({ dtype, bias, yFirst, wantE }) => {
    setAcceleration({ lazy: false });
    for (const n of [1, 6, 2 * BLOCK + 5]) {
      const { x, y } = pairs(n, dtype, 40 + n);
      const w = E.scalar(0.37, dtype),
        b = E.scalar(bias ? 0.11 : 0, dtype),
        k = E.scalar(-2 / n, dtype);
      const pred = bias ? E.add(E.mul(x, w), b) : E.mul(x, w);
      const d = yFirst ? E.sub(y, pred) : E.sub(pred, y);
      const e = E.mul(d, k);
      const want = [fullSum(E.square(d).data), fullSum(e.data), fullSum(E.mul(e, x).data)];
      const totals = new Float64Array(3);
      const r = { w: w.item(), b: b.item(), hasBias: bias, yFirst, k: k.item(), f32: dtype === 'float32', wantE };
      residualSums(x.data, y.data, n, r, totals);
      expect(totals[0]).toBe(want[0]);
      if (wantE) expect(totals[1]).toBe(want[1]);
      expect(totals[2]).toBe(want[2]);
    }
  });
});
