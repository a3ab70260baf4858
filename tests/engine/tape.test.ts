// GradientTape semantics that must match TensorFlow's, and the trace the tape inspector draws.
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  GradientTape,
  add,
  mean,
  mul,
  pow,
  scalar,
  square,
  sub,
  sum,
  tanh,
  tensor,
  variable,
  type Tensor,
} from '../../src/engine/index.ts';

const values = (t: Tensor) => Array.from(t.data);

describe('gradient semantics', () => {
  it('gives dL/dw = 27 for the tutorial first step, as a tensor shaped like w', () => {
    const w = variable(0.5);
    const tape = new GradientTape();
    const loss = tape.record(() => square(sub(-3, mul(3, w))));
    const g = tape.gradient(loss, w);
    expect(g.shape).toEqual([]);
    expect(g.dtype).toBe('float32');
    expect(g.item()).toBe(27);
  });

  it('differentiates a non-scalar target as its sum', () => {
    const x = tensor([1, 2, 3], 'float64');
    const tape = new GradientTape();
    tape.watch(x);
    const y = tape.record(() => square(x));
    expect(values(tape.gradient(y, x))).toEqual([2, 4, 6]);
  });

  it('gives zeros of the source shape when the target does not depend on it', () => {
    const w = variable(
      tensor(
        [
          [1, 2],
          [3, 4],
        ],
        'float64',
      ),
    );
    const unused = variable(tensor([5, 6, 7], 'float64'));
    const tape = new GradientTape();
    const y = tape.record(() => sum(w));
    const [gw, gu] = tape.gradient(y, [w, unused]);
    expect(values(gw)).toEqual([1, 1, 1, 1]);
    expect(gu.shape).toEqual([3]);
    expect(values(gu)).toEqual([0, 0, 0]);
  });

  it('adds up the gradients of a tensor used twice', () => {
    const x = variable(3, 'float64');
    const tape = new GradientTape();
    const y = tape.record(() => add(mul(x, x), mul(x, 4))); // x² + 4x → 2x + 4
    expect(tape.gradient(y, x).item()).toBe(10);
  });

  it('records constants only once watched, like TensorFlow', () => {
    const c = tensor([2], 'float64');
    const unwatched = new GradientTape();
    const y1 = unwatched.record(() => square(c));
    expect(unwatched.trace()).toHaveLength(0);
    expect(values(unwatched.gradient(y1, c))).toEqual([0]);
    const watched = new GradientTape();
    watched.watch(c);
    const y2 = watched.record(() => square(c));
    expect(values(watched.gradient(y2, c))).toEqual([4]);
  });

  it('throws a clear error on a second gradient call of a non-persistent tape', () => {
    const w = variable(1);
    const tape = new GradientTape();
    const y = tape.record(() => square(w));
    tape.gradient(y, w);
    expect(() => tape.gradient(y, w)).toThrow(EngineError);
    expect(() => tape.gradient(y, w)).toThrow(/non-persistent.*persistent: true/);
  });

  it('allows many gradient calls on a persistent tape', () => {
    const w = variable(2, 'float64');
    const tape = new GradientTape({ persistent: true });
    const y = tape.record(() => square(w));
    const z = tape.record(() => mul(y, w)); // w³, recorded in a second record() call
    expect(tape.gradient(y, w).item()).toBe(4);
    expect(tape.gradient(z, w).item()).toBe(12);
    expect(tape.gradient(z, y).item()).toBe(2);
  });

  it('keeps the value a tensor was computed from when the variable is assigned later', () => {
    const w = variable(2, 'float64');
    const tape = new GradientTape();
    const y = tape.record(() => square(w));
    w.assign(10);
    expect(y.item()).toBe(4);
    expect(tape.gradient(y, w).item()).toBe(4); // 2·w at the recorded w = 2
  });

  it('returns a list for a list of sources, in order', () => {
    const a = variable(2, 'float64');
    const b = variable(5, 'float64');
    const tape = new GradientTape();
    const y = tape.record(() => mul(a, b));
    const grads = tape.gradient(y, [b, a]);
    expect(grads.map((g) => g.item())).toEqual([2, 5]);
  });
});

describe('nested tapes give second derivatives', () => {
  const second = (f: (x: Tensor) => Tensor, at: number) => {
    const x = variable(at, 'float64');
    const outer = new GradientTape();
    const dy = outer.record(() => {
      const inner = new GradientTape();
      const y = inner.record(() => f(x));
      return inner.gradient(y, x);
    });
    return { first: dy.item(), second: outer.gradient(dy, x).item() };
  };

  it('d²/dx² x³ = 6x', () => {
    for (const at of [-1.5, 0.5, 2]) {
      const r = second((x) => pow(x, 3), at);
      expect(r.first).toBeCloseTo(3 * at * at, 12);
      expect(r.second).toBeCloseTo(6 * at, 12);
    }
  });

  it('d²/dx² tanh x = −2 tanh x (1 − tanh² x)', () => {
    for (const at of [-1, 0.3, 1.7]) {
      const t = Math.tanh(at);
      expect(second(tanh, at).second).toBeCloseTo(-2 * t * (1 - t * t), 12);
    }
  });

  it("the negator's loss has curvature d²L/dw² = 2·input² = 18 at any weight", () => {
    for (const at of [0.5, -1, 7]) expect(second((w) => square(sub(-3, mul(3, w))), at).second).toBe(18);
  });

  it('a batch loss has curvature 2·mean(x²)', () => {
    const xs = tensor([1, 2, 3, 4], 'float64');
    const ys = tensor([-1, -2, -3, -4], 'float64');
    expect(second((w) => mean(square(sub(ys, mul(xs, w)))), 0.25).second).toBeCloseTo(15, 12);
  });
});

describe('trace', () => {
  const run = () => {
    const w = variable(0.5);
    const tape = new GradientTape();
    const loss = tape.record(() => square(sub(scalar(-3), mul(scalar(3), w))));
    return { w, tape, loss };
  };

  it('lists the ops in order, as plain structured-cloneable data', () => {
    const { w, tape } = run();
    const trace = tape.trace();
    expect(trace.map((e) => e.op)).toEqual(['mul', 'sub', 'square']);
    expect(trace[0].inputs[1]).toBe(w.id);
    expect(trace[1].inputs[1]).toBe(trace[0].output);
    expect(trace[2].value).toEqual([20.25]);
    expect(trace[0].inputValues).toEqual([[3], [0.5]]);
    expect(trace[0].inputShapes).toEqual([[], []]);
    expect(structuredClone(trace)).toEqual(trace);
  });

  it('fills in the backward pass after gradient(): d loss / d each output, and dL/dw on the leaves', () => {
    const { w, tape, loss } = run();
    expect(tape.trace().some((e) => e.grad !== undefined)).toBe(false);
    tape.gradient(loss, w);
    const trace = tape.trace();
    expect(trace.map((e) => e.grad)).toEqual([[9], [-9], [1]]);
    expect(trace[0].inputGrads).toEqual([null, [27]]);
    const leaf = tape.leaves().find((l) => l.id === w.id);
    expect(leaf).toMatchObject({ kind: 'variable', value: [0.5], grad: [27] });
    expect(
      tape
        .leaves()
        .filter((l) => l.kind === 'constant')
        .map((l) => l.value),
    ).toEqual([[3], [-3]]); // in order of first use
  });

  it('omits values of tensors larger than 64 elements', () => {
    const big = tensor(new Float32Array(65).fill(1));
    const w = variable(2);
    const tape = new GradientTape();
    const y = tape.record(() => sum(mul(big, w)));
    tape.gradient(y, w);
    const [m, s] = tape.trace();
    expect(m.value).toBeUndefined();
    expect(m.inputValues).toBeUndefined();
    expect(m.grad).toBeUndefined();
    expect(m.outputShape).toEqual([65]);
    expect(s.value).toEqual([130]);
  });
});
