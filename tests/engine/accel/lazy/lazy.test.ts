// The lazy blocks' own behaviour (the fused residual kernel's totals are in ../fused).
// (That every acceleration gives the eager bits on random programs is in ../accel.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../../../src/engine/index.ts';
import { tensor } from '../../../../src/engine/index.ts';
import { setAcceleration } from '../../../../src/engine/accel/index.ts';
import { evaluations } from '../../../../src/engine/accel/lazy/evaluate.ts';

const defaults = setAcceleration({});
afterEach(() => void setAcceleration(defaults));

describe('lazy block-wise chains', () => {
  it('run other graphs on the general block plan (no fused kernel)', () => {
    const before = evaluations.swept;
    const x = tensor(new Float32Array(3000).map((_, i) => Math.sin(i)));
    expect(E.sum(E.tanh(x)).item()).toBeCloseTo(
      Array.from(x.data).reduce((s, v) => s + Math.tanh(v), 0),
      2,
    );
    expect(evaluations.swept).toBe(before + 1);
  });
});
