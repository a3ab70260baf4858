// The backward sweep on hand-built tapes (as tfjs tests backpropagateGradients): entries made
// by hand, no GradientTape, the sweep run on tensors and on plain numbers.
import { describe, expect, it } from 'vitest';
import { backprop, type Note } from '../../src/engine/backprop.ts';
import { seam } from '../../src/engine/seam.ts';
import { entry, type Entry, type Grad } from '../../src/engine/op.ts';
import { TENSORS } from '../../src/engine/ops/arith.ts';
import { MUL, SQUARE, SUB } from '../../src/engine/ops/elementwise.ts';
import { mul, square, sub, tensor, type Tensor } from '../../src/engine/index.ts';

const W = 0b10,
  A = 0b01,
  BOTH = 0b11;
const values = (g: Grad | null | undefined) =>
  g === null || g === undefined ? g : typeof g === 'number' ? [g] : Array.from(g.data);

/** L = (x·w − t)² as three hand-built entries, w watched, in float64. */
function negatorTape(x: number, w: number, t: number) {
  const X = tensor([x], 'float64'),
    Wt = tensor([w], 'float64'),
    T = tensor([t], 'float64');
  const y = mul(X, Wt),
    d = sub(y, T),
    L = square(d);
  const e1 = entry(MUL, X, Wt, y, null, W, null);
  const e2 = entry(SUB, y, T, d, null, A, e1);
  const e3 = entry(SQUARE, d, null, L, null, A, e2);
  return { X, Wt, T, y, d, L, e1, e2, e3 };
}

describe('backprop on a hand-built tape', () => {
  it('gives d L / d w = 2(x·w − t)·x and notes what each op received and passed back', () => {
    const { Wt, X, L, d, e1, e2, e3 } = negatorTape(3, 0.5, -3);
    const notes = new Map<Entry, Note<Grad>>();
    const grads = backprop(TENSORS, e3, L, notes);
    expect(values(grads.get(Wt.id))).toEqual([27]);
    expect(values(grads.get(d.id))).toEqual([9]);
    expect(grads.has(X.id)).toBe(false); // x is not watched: no gradient flows to it
    expect(values(notes.get(e3)!.grad)).toEqual([1]);
    expect(values(notes.get(e2)!.ga)).toEqual([9]);
    expect(notes.get(e2)!.gb).toBeNull();
    expect([notes.get(e1)!.ga, values(notes.get(e1)!.gb)]).toEqual([null, [27]]);
  });

  it('skips an op the target does not depend on, and changes no entry', () => {
    const t = negatorTape(3, 0.5, -3);
    const unrelated = entry(SQUARE, t.X, null, square(t.X), null, A, t.e3);
    const before = JSON.stringify(
      [unrelated, t.e3, t.e2, t.e1].map((e) => [e.op.name, e.a.id, e.b?.id, e.output.id, e.mask]),
    );
    const notes = new Map<Entry, Note<Grad>>();
    backprop(TENSORS, unrelated, t.L, notes);
    expect(notes.has(unrelated)).toBe(false);
    expect(notes.size).toBe(3);
    expect(
      JSON.stringify([unrelated, t.e3, t.e2, t.e1].map((e) => [e.op.name, e.a.id, e.b?.id, e.output.id, e.mask])),
    ).toBe(before);
  });

  it('adds up the gradients of a tensor used twice (x·x → 2x), in visiting order', () => {
    const x = tensor([1.5, -2], 'float64');
    const y = mul(x, x);
    const grads = backprop(TENSORS, entry(MUL, x, x, y, null, BOTH, null), y);
    expect(values(grads.get(x.id))).toEqual([3, -4]);
  });

  it('seeds a non-scalar target with ones (the gradient of its sum)', () => {
    const x = tensor([1, 2, 3], 'float64');
    const y = square(x);
    expect(values(backprop(TENSORS, entry(SQUARE, x, null, y, null, A, null), y).get(x.id))).toEqual([2, 4, 6]);
  });

  it('runs the same rules on plain numbers with the same bits (float32)', () => {
    const X = tensor([3]),
      Wt = tensor([0.37]),
      T = tensor([-3]);
    const y = mul(X, Wt),
      d = sub(y, T),
      L = square(d);
    const last = entry(SQUARE, d, null, L, null, A, entry(SUB, y, T, d, null, A, entry(MUL, X, Wt, y, null, W, null)));
    const numbers = seam.sweepArith(last, L);
    expect(numbers).not.toBeNull(); // installed by the engine's index (imported above)
    const onTensors = (backprop(TENSORS, last, L).get(Wt.id) as Tensor).item();
    const onNumbers = backprop(numbers!, last, L).get(Wt.id) as number;
    expect(Object.is(onNumbers, onTensors)).toBe(true);
    expect(onNumbers).toBe(Math.fround(2 * Math.fround(Math.fround(3 * Math.fround(0.37)) + 3) * 3));
  });
});
