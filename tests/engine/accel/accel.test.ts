// Every acceleration is an optimisation only: switched on or off (setAcceleration), random
// programs give the same bits (Object.is), forward and backward, in float32 and float64.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/index.ts';
import { GradientTape, scalar, tensor, variable, type DType, type Tensor } from '../../../src/engine/index.ts';
import { setAcceleration, type Acceleration } from '../../../src/engine/accel/index.ts';
import { evaluations } from '../../../src/engine/accel/lazy/evaluate.ts';
import { BLOCK } from '../../../src/engine/kernels/reduce.ts';
import { rng } from '../gradcheck.ts';
import { PROGRAM_OPS } from '../op-list.ts';

const defaults = setAcceleration({});
afterEach(() => void setAcceleration(defaults));

/** f's result with `settings` (the rest as by default). */
function under<T>(settings: Partial<Acceleration>, f: () => T): T {
  setAcceleration({ ...defaults, ...settings });
  try {
    return f();
  } finally {
    setAcceleration(defaults);
  }
}

/** Where a and b first differ, comparing numbers with Object.is (so −0 ≠ +0 and NaN = NaN); null if nowhere. */
function difference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' || typeof b === 'number')
    return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  return JSON.stringify(a) === JSON.stringify(b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

const expectSameBits = (a: unknown, b: unknown): void => expect(difference(a, b)).toBeNull();

const bits = (t: Tensor) => Array.from(t.data);
const dtypes = fc.constantFrom(...(['float32', 'float64'] as const));

describe('numbers: one-element tensors as plain numbers', () => {
  type Op = (a: Tensor, b: Tensor) => Tensor;
  /** Ops that only take one element as written (reshape to [1, 1], …): marked where they are listed, not by index. */
  const ONE_ELEMENT = new Set<Op>();
  const oneElement = (op: Op): Op => (ONE_ELEMENT.add(op), op);
  const OPS: Op[] = [
    // Every elementwise op, from the ops' own registry (op-list.ts), on raw values too for the
    // two-input ones (any value is a valid operand there).
    E.add,
    E.sub,
    E.mul,
    E.div,
    ...PROGRAM_OPS.map(([, f]) => f),
    (a) => E.sum(a),
    (a) => E.mean(a),
    oneElement((a) => E.reshape(a, [1, 1])),
    oneElement((a) => E.broadcastTo(a, [1, 1, 1])),
    (a) => E.mul(a, 0.3),
    oneElement((a, b) => E.matmul(E.reshape(a, [1]), E.reshape(b, [1, 1]))),
    oneElement((a) => E.transpose(E.reshape(a, [1, 1]))),
    oneElement((a, b) => E.matmul(E.reshape(a, [1, 1]), E.reshape(b, [1, 1]), true, true)),
    // A row of one class (softmax 1, log softmax 0): the number sweep must give the same bits.
    oneElement((a) => E.softmax(E.reshape(a, [1]))),
    oneElement((a) => E.logSoftmax(E.reshape(a, [1, 1]))),
    oneElement((a, b) => E.softmaxCrossEntropy(E.reshape(a, [1, 1]), E.reshape(b, [1, 1]))),
  ];
  const program = fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(9), b: fc.nat(9) }), {
    minLength: 1,
    maxLength: 14,
  });
  const values = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 });

  /** Records a random program over watched one-element tensors; `pool` grows with each result. */
  function recordProgram(prog: { op: number; a: number; b: number }[], vs: number[], dtype: DType) {
    const xs = vs.map((v) => scalar(v, dtype));
    const tape = new GradientTape();
    tape.watch(...xs);
    const out = tape.record(() => {
      const pool = [...xs];
      for (const i of prog) pool.push(OPS[i.op](pool[i.a % pool.length], pool[i.b % pool.length]));
      return pool[pool.length - 1];
    });
    return { xs, tape, out };
  }

  it('give the same loss, gradients (one source and a list), trace and leaves on random programs', () => {
    fc.assert(
      fc.property(program, values, dtypes, fc.nat(1), (prog, vs, dtype, src) => {
        const run = (list: boolean) => {
          const { xs, tape, out } = recordProgram(prog, vs, dtype);
          const g = list ? tape.gradient(out, xs).map((t) => t.item()) : [tape.gradient(out, xs[src]).item()];
          const leaves = tape.leaves().map((l) => l.grad ?? null);
          return [out.item(), g, leaves, tape.trace().map((e) => [e.value, e.grad ?? null, e.inputGrads ?? null])];
        };
        for (const list of [false, true])
          expectSameBits(
            under({ numbers: true }, () => run(list)),
            under({ numbers: false }, () => run(list)),
          );
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('give the bits of the typed-array kernels for one-element tensors of any rank', () => {
    const vals = [0.1, -2.5, 3.3, 1e-3, 7, -0];
    for (const dtype of ['float32', 'float64'] as const) {
      for (const a of vals) {
        for (const b of vals) {
          OPS.forEach((op) => {
            const run = () => bits(op(tensor([a], dtype, [1]), tensor([b], dtype)));
            expectSameBits(under({ numbers: true }, run), under({ numbers: false }, run));
            if (ONE_ELEMENT.has(op)) return;
            // A two-element tensor forces the kernel path; its first element is the same computation.
            const fast = op(scalar(a, dtype), scalar(b, dtype)).item();
            const slow = op(tensor([a, a], dtype), tensor([b, b], dtype));
            if (slow.size === 2) expect(Object.is(slow.data[0], fast)).toBe(true);
          });
        }
      }
    }
  });

  it('op(tensor, number) outside a tape equals the same op with the number as a scalar tensor, recorded or not', () => {
    const BIN = [E.add, E.sub, E.mul, E.div];
    const vals = [0.1, -2.5, 3.3, 1e-3, 7, 0.01, -0];
    for (const dtype of ['float32', 'float64'] as const) {
      for (const a of vals) {
        for (const b of vals) {
          for (const op of BIN) {
            const fast = op(E.variable(a, dtype), b);
            const ref = under({ numbers: false }, () => op(scalar(a, dtype), scalar(b, dtype)));
            const tape = new GradientTape();
            const recorded = tape.record(() => op(E.variable(a, dtype), b));
            expect(Object.is(fast.item(), ref.item())).toBe(true);
            expect(Object.is(recorded.item(), ref.item())).toBe(true);
            expect(fast.dtype).toBe(dtype);
            expect(fast.shape).toEqual([]);
          }
        }
      }
    }
    expect(E.mul(tensor([2], 'float32', [1, 1]), 0.1).shape).toEqual([1, 1]);
  });
});

describe('lazy: large elementwise chains computed block by block', () => {
  const OPS: ((a: Tensor, b: Tensor) => Tensor)[] = [
    E.add,
    E.sub,
    E.mul,
    (a, b) => E.div(a, E.add(E.square(b), 1)),
    ...PROGRAM_OPS.map(([, f]) => f),
    (a) => E.mul(a, 0.3),
    (a) => E.mean(a),
  ];

  it('give the bits of the eager ops over random graphs, values and gradients', () => {
    const program = fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(9), b: fc.nat(9) }), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(program, dtypes, fc.nat(1000), (prog, dtype, seed) => {
        const r = rng(seed);
        const n = BLOCK + 13;
        const xs = [0, 1].map(() =>
          tensor(
            new Float64Array(n).map(() => r() * 4 - 2),
            dtype,
          ),
        );
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
        expectSameBits(under({ lazyMin: 2 }, run), under({ lazy: false }, run));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('keep a value read before gradient when a variable changes later, with the eager bits', () => {
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
    const eager = under({ lazy: false }, () => {
      const eagerTape = new GradientTape();
      const w2 = variable(0.5);
      const eagerLoss = eagerTape.record(() => E.mean(E.square(E.sub(y, E.mul(x, w2)))));
      return [eagerLoss.item(), eagerTape.gradient(eagerLoss, w2).item()];
    });
    expectSameBits([first, g], eager);
  });

  it('give nested tapes the batch curvature 2·mean(x²), the same bits as the eager path', () => {
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
    const lazy = under({ lazyMin: 2 }, curvature);
    expectSameBits(lazy, under({ lazy: false }, curvature));
    const xs = Array.from(x.data);
    expect(lazy).toBeCloseTo((2 * xs.reduce((s, v) => s + v * v, 0)) / xs.length, 10);
  });
});

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

type Model = (x: Tensor, y: Tensor, w: Tensor, b: Tensor) => Tensor;
// [name, model, has bias, runs on the fused kernel (mul(d, d)'s gradient is 2 sums → general plan)]
const MODELS: [string, Model, boolean, boolean][] = [
  ['mean((y − x·w)²)', (x, y, w) => E.mean(E.square(E.sub(y, E.mul(x, w)))), false, true],
  ['mean((w·x − y)²), operands swapped', (x, y, w) => E.mean(E.square(E.sub(E.mul(w, x), y))), false, true],
  ['mean((y − (x·w + b))²)', (x, y, w, b) => E.mean(E.square(E.sub(y, E.add(E.mul(x, w), b)))), true, true],
  [
    'sum((b + x·w − y)·(b + x·w − y))',
    (x, y, w, b) => {
      const d = E.sub(E.add(b, E.mul(x, w)), y);
      return E.sum(E.mul(d, d));
    },
    true,
    false,
  ],
];

describe.each(['float32', 'float64'] as const)('fused: a linear model in one loop (%s)', (dtype) => {
  it.each(MODELS)(
    '%s: loss and gradients have the bits of the block plan and of the eager ops',
    (_name, model, bias, fused) => {
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
        const lazy = under({ lazyMin: 2 }, step);
        expect(evaluations.fused).toBe(before.fused + (fused ? 1 : 0));
        expect(evaluations.swept).toBe(before.swept + (fused ? 0 : 1));
        expectSameBits(lazy, under({ lazyMin: 2, fused: false }, step));
        expectSameBits(lazy, under({ lazy: false }, step));
        if (!bias) expect(lazy[2]).toBe(0);
      }
    },
  );

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
    const fused = under({ lazyMin: 2 }, train);
    expectSameBits(fused, under({ fused: false }, train));
    expectSameBits(fused, under({ lazy: false }, train));
  });
});

describe('wasm: the fused loop in WebAssembly', () => {
  it('gives the same training run as the JS loops, through the tape, with and without a bias', () => {
    const r = rng(9);
    const xs = Float32Array.from({ length: 5000 }, () => r() * 10 - 5);
    const x = E.tensor(xs),
      y = E.tensor(xs.map((v) => -v + (r() - 0.5) * 0.1));
    const train = (bias: boolean) => {
      const w = E.variable(0.5),
        b = E.variable(0);
      const losses: number[] = [];
      for (let s = 0; s < 15; s++) {
        const tape = new E.GradientTape();
        const loss = tape.record(() => E.mean(E.square(E.sub(y, bias ? E.add(E.mul(x, w), b) : E.mul(x, w)))));
        const [gw, gb] = tape.gradient(loss, [w, b]);
        w.assign(E.sub(w, E.mul(gw, 0.01)));
        b.assign(E.sub(b, E.mul(gb, 0.01)));
        losses.push(loss.item());
      }
      return [...losses, w.item(), b.item()];
    };
    for (const bias of [false, true]) {
      const fusedBefore = evaluations.fused;
      const withWasm = train(bias);
      expect(evaluations.fused).toBeGreaterThan(fusedBefore); // the fused kernel did run
      expectSameBits(
        withWasm,
        under({ wasm: false }, () => train(bias)),
      );
    }
  });
});

describe('small networks: every acceleration on and off', () => {
  const OFF: Partial<Acceleration> = { numbers: false, lazy: false, fused: false, wasm: false };
  const net = fc.record({
    hidden: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 0, maxLength: 3 }),
    classes: fc.integer({ min: 1, max: 3 }),
    batch: fc.integer({ min: 1, max: 25 }),
    act: fc.constantFrom('tanh', 'relu', 'sigmoid'),
    dtype: dtypes,
    seed: fc.nat(1000),
  });

  /** Three steps of a random multi-layer perceptron (squared error, or cross-entropy for 2+ classes): losses and weights. */
  function train(c: { hidden: number[]; classes: number; batch: number; act: string; dtype: DType; seed: number }) {
    const r = rng(c.seed);
    const sizes = [2, ...c.hidden, c.classes];
    const act = { tanh: E.tanh, relu: E.relu, sigmoid: E.sigmoid }[c.act]!;
    const vars = sizes.slice(1).flatMap((out, l) => [
      variable(
        tensor(
          Array.from({ length: sizes[l] * out }, () => r() - 0.5),
          c.dtype,
          [sizes[l], out],
        ),
      ),
      variable(tensor(new Array<number>(out).fill(0.1), c.dtype, [out])),
    ]);
    const x = tensor(
      Array.from({ length: 2 * c.batch }, () => r() * 12 - 6),
      c.dtype,
      [c.batch, 2],
    );
    const y = tensor(
      Array.from({ length: c.batch * c.classes }, (_, i) =>
        c.classes === 1 ? r() * 2 - 1 : Number(i % c.classes === 0),
      ),
      c.dtype,
      [c.batch, c.classes],
    );
    const losses: number[] = [];
    for (let step = 0; step < 3; step++) {
      const tape = new GradientTape();
      const loss = tape.record(() => {
        let h = x;
        for (let l = 0; l < vars.length; l += 2) {
          const z = E.add(E.matmul(h, vars[l]), vars[l + 1]);
          h = l + 2 < vars.length ? act(z) : z;
        }
        return c.classes === 1
          ? E.mean(E.mul(E.square(E.sub(E.tanh(h), y)), 0.5))
          : E.mean(E.softmaxCrossEntropy(y, h));
      });
      const grads = tape.gradient(loss, vars);
      vars.forEach((v, k) => v.assign(E.sub(v, E.mul(grads[k], 0.03))));
      losses.push(loss.item());
    }
    return { losses, weights: vars.map(bits) };
  }

  it('train to the same bits: losses and every weight after three steps', () => {
    fc.assert(
      fc.property(net, (c) => {
        expectSameBits(
          train(c),
          under(OFF, () => train(c)),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('setAcceleration', () => {
  it('returns the previous settings and changes only the switches named', () => {
    const before = setAcceleration({ numbers: false });
    expect(before).toEqual(defaults);
    expect(setAcceleration({ lazy: false })).toEqual({ ...defaults, numbers: false });
    expect(setAcceleration(defaults)).toEqual({ ...defaults, numbers: false, lazy: false });
  });

  it('everything off still trains the tutorial to the golden first gradient, 27', () => {
    const g = under({ numbers: false, lazy: false, fused: false, wasm: false }, () => {
      const w = variable(0.5);
      const tape = new GradientTape();
      const loss = tape.record(() => E.square(E.sub(-3, E.mul(3, w))));
      return tape.gradient(loss, w).item();
    });
    expect(g).toBe(27);
  });
});
