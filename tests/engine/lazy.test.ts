// The optimised paths — lazy block-wise chains and the fused residual kernel — must give
// exactly the bits of the eager reference path (one op, one array) in both dtypes.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../src/engine/index.ts';
import { GradientTape, tensor, variable, type DType, type Tensor } from '../../src/engine/index.ts';
import { evaluations } from '../../src/engine/lazy/evaluate.ts';
import { setLazyThreshold } from '../../src/engine/lazy/node.ts';
import { BLOCK, fullSum } from '../../src/engine/kernels/reduce.ts';
import { residualSums } from '../../src/engine/kernels/fused.ts';
import { rng } from './gradcheck.ts';

const initial = setLazyThreshold(512);
afterEach(() => setLazyThreshold(initial));

/** Runs f with the lazy path forced on (threshold 2) and off (eager), returning both. */
function bothPaths<T>(f: () => T): { lazy: T; eager: T } {
  setLazyThreshold(2);
  const lazy = f();
  setLazyThreshold(Infinity);
  const eager = f();
  setLazyThreshold(initial);
  return { lazy, eager };
}

const bits = (t: Tensor) => Array.from(t.data);

function pairs(n: number, dtype: DType, seed: number) {
  const r = rng(seed);
  const xs = new Float64Array(n).map(() => r() * 10 - 5);
  return { x: tensor(xs, dtype), y: tensor(xs.map((v) => -v + (r() - 0.5) * 0.1), dtype) };
}

type Model = (x: Tensor, y: Tensor, w: Tensor, b: Tensor) => Tensor;
// [name, model, has bias, runs on the fused kernel (mul(d, d)'s gradient is 2 sums → general plan)]
const MODELS: [string, Model, boolean, boolean][] = [
  ['mean((y − x·w)²)', (x, y, w) => E.mean(E.square(E.sub(y, E.mul(x, w)))), false, true],
  ['mean((w·x − y)²), operands swapped', (x, y, w) => E.mean(E.square(E.sub(E.mul(w, x), y))), false, true],
  ['mean((y − (x·w + b))²)', (x, y, w, b) => E.mean(E.square(E.sub(y, E.add(E.mul(x, w), b)))), true, true],
  ['sum((b + x·w − y)·(b + x·w − y))', (x, y, w, b) => { const d = E.sub(E.add(b, E.mul(x, w)), y); return E.sum(E.mul(d, d)); }, true, false],
];

describe.each(['float32', 'float64'] as const)('fused residual kernel (%s)', (dtype) => {
  it.each(MODELS)('%s: loss and gradients are bit-identical to the eager ops', (_name, model, bias, fused) => {
    for (const n of [BLOCK * 2 + 7, 1003]) {
      const { x, y } = pairs(n, dtype, n);
      const step = () => {
        const w = variable(0.37, dtype);
        const b = variable(0.11, dtype);
        const tape = new GradientTape();
        const loss = tape.record(() => model(x, y, w, b));
        const [gw, gb] = tape.gradient(loss, [w, b]);
        return [loss.item(), gw.item(), gb.item()];
      };
      const before = { ...evaluations };
      const { lazy, eager } = bothPaths(step);
      expect(evaluations.fused).toBe(before.fused + (fused ? 1 : 0));
      expect(evaluations.swept).toBe(before.swept + (fused ? 0 : 1));
      expect(lazy).toEqual(eager);
      if (!bias) expect(lazy[2]).toBe(0);
    }
  });

  it('trains 20 steps of the batch negator to identical weights', () => {
    const { x, y } = pairs(5000, dtype, 1);
    const train = () => {
      const w = variable(0.5, dtype);
      const b = variable(0, dtype);
      for (let s = 0; s < 20; s++) {
        const tape = new GradientTape();
        const loss = tape.record(() => E.mean(E.square(E.sub(y, E.add(E.mul(x, w), b)))));
        const [gw, gb] = tape.gradient(loss, [w, b]);
        w.assign(E.add(w, E.mul(gw, -0.01)));
        b.assign(E.add(b, E.mul(gb, -0.01)));
      }
      return [w.item(), b.item()];
    };
    const { lazy, eager } = bothPaths(train);
    expect(lazy).toEqual(eager);
  });
});

describe('lazy block-wise chains', () => {
  it('are bit-identical to eager ops over random graphs, values and gradients', () => {
    const OPS: ((a: Tensor, b: Tensor) => Tensor)[] = [
      E.add, E.sub, E.mul, (a, b) => E.div(a, E.add(E.square(b), 1)), (a) => E.neg(a), (a) => E.tanh(a),
      (a) => E.sigmoid(a), (a) => E.exp(E.neg(E.abs(a))), (a) => E.relu(a), (a) => E.sqrt(E.abs(a)),
      (a) => E.pow(E.abs(a), 1.5), (a) => E.log(E.add(E.abs(a), 1)), (a) => E.mul(a, 0.3), (a) => E.mean(a),
    ];
    const program = fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(9), b: fc.nat(9) }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(program, fc.constantFrom(...(['float32', 'float64'] as const)), fc.nat(1000), (prog, dtype, seed) => {
        const r = rng(seed);
        const n = BLOCK + 13;
        const xs = [0, 1].map(() => tensor(new Float64Array(n).map(() => r() * 4 - 2), dtype));
        const run = () => {
          const tape = new GradientTape();
          tape.watch(...xs);
          const out = tape.record(() => {
            const pool = [...xs];
            for (const i of prog) pool.push(OPS[i.op](pool[i.a % pool.length], pool[i.b % pool.length]));
            return E.sum(E.mul(pool[pool.length - 1], pool[pool.length - 2] ?? pool[0]));
          });
          return [out.item(), ...tape.gradient(out, xs).map(bits)];
        };
        const { lazy, eager } = bothPaths(run);
        expect(lazy).toEqual(eager);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('evaluate a value read before gradient, and keep it when a variable changes later', () => {
    const { x, y } = pairs(4000, 'float32', 3);
    const w = variable(0.5);
    const tape = new GradientTape();
    const loss = tape.record(() => E.mean(E.square(E.sub(y, E.mul(x, w)))));
    const residual = E.sub(y, E.mul(x, w));
    const first = loss.item();
    w.assign(2);
    expect(loss.item()).toBe(first);
    expect(Array.from(residual.data).slice(0, 3)).toEqual(Array.from(E.sub(y, E.mul(x, 0.5)).data).slice(0, 3));
    const g = tape.gradient(loss, w).item();
    setLazyThreshold(Infinity);
    const eagerTape = new GradientTape();
    const w2 = variable(0.5);
    const eagerLoss = eagerTape.record(() => E.mean(E.square(E.sub(y, E.mul(x, w2)))));
    expect([first, g]).toEqual([eagerLoss.item(), eagerTape.gradient(eagerLoss, w2).item()]);
  });

  it('run other graphs on the general block plan (no fused kernel)', () => {
    const before = evaluations.swept;
    const x = tensor(new Float32Array(3000).map((_, i) => Math.sin(i)));
    expect(E.sum(E.tanh(x)).item()).toBeCloseTo(Array.from(x.data).reduce((s, v) => s + Math.tanh(v), 0), 2);
    expect(evaluations.swept).toBe(before + 1);
  });
});

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
    setLazyThreshold(Infinity);
    for (const n of [1, 6, 2 * BLOCK + 5]) {
      const { x, y } = pairs(n, dtype, 40 + n);
      const w = E.scalar(0.37, dtype), b = E.scalar(bias ? 0.11 : 0, dtype), k = E.scalar(-2 / n, dtype);
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

describe('nested tapes over lazy chains', () => {
  it('give the batch curvature 2·mean(x²), the same bits as the eager path', () => {
    const { x, y } = pairs(3000, 'float64', 9);
    const curvature = () => {
      const w = variable(0.3, 'float64');
      const outer = new GradientTape();
      const dLdw = outer.record(() => {
        const inner = new GradientTape();
        const loss = inner.record(() => E.mean(E.square(E.sub(y, E.mul(x, w)))));
        return inner.gradient(loss, w);
      });
      return outer.gradient(dLdw, w).item();
    };
    const { lazy, eager } = bothPaths(curvature);
    expect(lazy).toBe(eager);
    const xs = Array.from(x.data);
    expect(lazy).toBeCloseTo((2 * xs.reduce((s, v) => s + v * v, 0)) / xs.length, 10);
  });
});
