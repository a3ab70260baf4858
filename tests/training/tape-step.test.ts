import { describe, expect, it } from 'vitest';
import { finiteDifference, recordTapeStep } from '../../src/training/tape-step.ts';

const tutorial = { input: 3, target: -3, weight: 0.5, learningRate: 0.01, dtype: 'float32' as const };

describe('recordTapeStep', () => {
  it("records the tutorial's step: mul, sub, square with 1.5, −4.5, 20.25 and the backward pass", () => {
    const r = recordTapeStep(tutorial);
    expect(r.trace.map((e) => e.op)).toEqual(['mul', 'sub', 'square']);
    expect(r.trace.map((e) => e.value)).toEqual([[1.5], [-4.5], [20.25]]);
    expect(r.trace.map((e) => e.grad)).toEqual([[9], [-9], [1]]);
    expect(r.trace.map((e) => e.inputGrads)).toEqual([[null, [27]], [null, [9]], [[-9]]]);
    expect(r).toMatchObject({ loss: 20.25, gradient: 27 });
    expect(r.next).toBeCloseTo(0.23, 6);
  });

  it('asks the engine for each local derivative: 2·t2 = −9, −1, and x = 3', () => {
    expect(recordTapeStep(tutorial).locals).toEqual([[null, 3], [null, -1], [-9]]);
  });

  it('names the leaves: x and t are constants, w the variable with dL/dw', () => {
    const { leaves } = recordTapeStep(tutorial);
    expect(leaves.map((l) => [l.kind, l.value])).toEqual([
      ['constant', [3]],
      ['variable', [0.5]],
      ['constant', [-3]],
    ]);
    expect(leaves.find((l) => l.kind === 'variable')!.grad).toEqual([27]);
    expect(leaves.filter((l) => l.kind === 'constant').every((l) => l.grad === undefined)).toBe(true);
  });

  it('input 2, target −3, weight 1 gives L = 25 and dL/dw = 20', () => {
    const r = recordTapeStep({ ...tutorial, input: 2, weight: 1 });
    expect([r.loss, r.gradient]).toEqual([25, 20]);
    expect(r.locals).toEqual([[null, 2], [null, -1], [-10]]);
  });
});

describe('finiteDifference', () => {
  it('in float64 with h = 1e-4 agrees with the tape to many digits', () => {
    const fd = finiteDifference({ ...tutorial, dtype: 'float64' }, 1e-4);
    expect(fd.estimate).toBeCloseTo(27, 8);
    expect(fd.plus).toBeCloseTo((-3 - 3 * 0.5001) ** 2, 10);
  });

  it('in float32 the error grows for tiny h: cancellation', () => {
    const err = (h: number) => Math.abs(finiteDifference(tutorial, h).estimate - 27);
    expect(err(1e-2)).toBeLessThan(1e-2);
    expect(err(1e-6)).toBeGreaterThan(0.1);
    expect(err(1e-7)).toBeGreaterThan(err(1e-3));
  });
});
