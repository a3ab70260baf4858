// Every op's tape gradient against central finite differences (float64), over the
// broadcasting patterns numpy allows: equal shapes, scalar with n-D, row and column with a
// matrix, rank-3 against lower ranks.
import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import type { Interval } from '../../../src/engine/op.ts';
import { maxError, numericGradients, randomTensor, rng, scalarised, tapeGradients } from '../gradcheck.ts';
import { BINARY, UNARY } from '../op-list.ts';

const PATTERNS: [string, number[], number[]][] = [
  ['equal shapes', [3, 4], [3, 4]],
  ['scalar with matrix', [], [3, 4]],
  ['matrix with scalar', [2, 3], []],
  ['row with matrix', [1, 4], [3, 4]],
  ['column with matrix', [3, 1], [3, 4]],
  ['vector with matrix', [4], [3, 4]],
  ['column with row', [3, 1], [1, 4]],
  ['rank-3 with matrix', [2, 3, 4], [3, 1]],
  ['rank-3 with rank-3', [2, 1, 4], [1, 3, 1]],
  ['vector with rank-3', [4], [2, 3, 4]],
];

// The ops come from their own definitions (op-list.ts): each is checked on the intervals its
// definition says it is smooth on, so a new op needs no line here.
const BINARY_CASES: [string, (a: Tensor, b: Tensor) => Tensor, Interval, Interval][] = BINARY.map((c) => [
  c.name,
  c.f,
  ...c.domains,
]);

function check(f: (xs: Tensor[]) => Tensor, xs: Tensor[], tol = 1e-6): void {
  const g = scalarised(f);
  const tape = tapeGradients(g, xs);
  const numeric = numericGradients(g, xs);
  tape.forEach((t, k) => {
    expect(t.shape).toEqual(xs[k].shape);
    expect(maxError(t.data, numeric[k])).toBeLessThan(tol);
  });
}

describe.each(BINARY_CASES)('%s gradient', (_name, op, da, db) => {
  it.each(PATTERNS)('%s (%j, %j)', (_p, sa, sb) => {
    const r = rng(sa.length * 7 + sb.length * 13 + sa.concat(sb).reduce((x, y) => x + y, 0));
    check(([a, b]) => op(a, b), [randomTensor(sa, r, ...da), randomTensor(sb, r, ...db)]);
  });
});

const UNARY_CASES: [string, (x: Tensor) => Tensor, Interval][] = UNARY.map((c) => [c.name, c.f, c.domain]);

describe.each(UNARY_CASES)('%s gradient', (_name, op, domain) => {
  it.each([[[]], [[5]], [[2, 3]], [[2, 3, 2]]])('shape %j', (shape) => {
    check(([x]) => op(x), [randomTensor(shape, rng(shape.length + 3), ...domain)]);
  });
});

describe('reductions', () => {
  const x = () => randomTensor([2, 3, 4], rng(5));
  it.each([undefined, 0, 1, 2, -1, -2, [0, 2], [-1, 0]])('sum and mean over axis %j', (axis) => {
    check(([t]) => E.sum(t, axis), [x()]);
    check(([t]) => E.mean(t, axis), [x()]);
  });
  it('keepDims keeps the reduced axes as 1', () => {
    check(([t]) => E.sum(t, 1, true), [x()]);
    check(([t]) => E.mean(t, [0, -1], true), [x()]);
  });
});

describe('matmul', () => {
  it.each([
    [
      [3, 4],
      [4, 2],
    ],
    [
      [1, 5],
      [5, 1],
    ],
    [[4], [4, 3]],
    [[3, 4], [4]],
    [[4], [4]],
    [
      [2, 3, 4],
      [4, 5],
    ],
    [
      [2, 3, 4],
      [2, 4, 5],
    ],
    [
      [3, 4],
      [2, 4, 2],
    ],
    [
      [2, 1, 3, 4],
      [3, 4, 2],
    ],
  ])('%j × %j', (sa, sb) => {
    const r = rng(sa.length * 10 + sb.length);
    check(([a, b]) => E.matmul(a, b), [randomTensor(sa, r), randomTensor(sb, r)]);
  });
});

describe('matmul with transposed operands (read in place)', () => {
  it.each([
    [[4, 3], [4, 2], true, false],
    [[3, 4], [2, 4], false, true],
    [[4, 3], [2, 4], true, true],
    [[2, 4, 3], [4, 5], true, false],
    [[2, 3, 4], [2, 5, 4], false, true],
  ] as const)('%j × %j, transposeA %s, transposeB %s', (sa, sb, ta, tb) => {
    const r = rng(sa.length * 10 + sb.length + (ta ? 3 : 0) + (tb ? 5 : 0));
    const a = randomTensor([...sa], r),
      b = randomTensor([...sb], r);
    check(([x, y]) => E.matmul(x, y, ta, tb), [a, b]);
    // The same bits as multiplying transposed copies, forward and backward, in float32.
    const a32 = E.tensor(Array.from(a.data), 'float32', [...sa]),
      b32 = E.tensor(Array.from(b.data), 'float32', [...sb]);
    const copies = (x: Tensor, y: Tensor) => E.matmul(ta ? E.transpose(x) : x, tb ? E.transpose(y) : y);
    expect(Array.from(E.matmul(a32, b32, ta, tb).data)).toEqual(Array.from(copies(a32, b32).data));
    const grads = (f: (x: Tensor, y: Tensor) => Tensor) => {
      const x = E.variable(a32),
        y = E.variable(b32);
      const tape = new E.GradientTape();
      const loss = tape.record(() => E.sum(E.tanh(f(x, y))));
      return tape.gradient(loss, [x, y]).map((g) => Array.from(g.data));
    };
    expect(grads((x, y) => E.matmul(x, y, ta, tb))).toEqual(grads(copies));
  });
});

describe('shape ops', () => {
  it('reshape (with an inferred −1 axis)', () => {
    check(([t]) => E.mul(E.reshape(t, [3, -1]), E.reshape(t, [3, 4])), [randomTensor([2, 6], rng(1))]);
  });
  it('broadcastTo and transpose', () => {
    check(([t]) => E.broadcastTo(t, [2, 3, 4]), [randomTensor([3, 1], rng(2))]);
    check(([t]) => E.transpose(t), [randomTensor([2, 3, 4], rng(3))]);
  });
});

describe('composites', () => {
  it('a two-layer network: tanh(x·W1 + b1)·W2, mean squared error', () => {
    const r = rng(11);
    const xs = [
      randomTensor([5, 3], r),
      randomTensor([3, 4], r),
      randomTensor([4], r),
      randomTensor([4, 1], r),
      randomTensor([5, 1], r),
    ];
    check(([x, w1, b1, w2, y]) => E.mean(E.square(E.sub(E.matmul(E.tanh(E.add(E.matmul(x, w1), b1)), w2), y))), xs);
  });
  it('a tensor used several times in one expression', () => {
    check(([a]) => E.div(E.mul(a, E.exp(a)), E.add(E.square(a), 1)), [randomTensor([4], rng(4))]);
  });
});

/** Checks the Hessian-vector product H·v of the scalar f, from nested tapes, against central differences of v·∇f. */
function checkSecondOrder(f: (xs: Tensor[]) => Tensor, xs: Tensor[], tol = 1e-4): void {
  const v = xs.map((x, k) => randomTensor([...x.shape], rng(31 + k)));
  // h(x) = Σ_k v_k · ∂f/∂x_k; its gradient is H·v (an outer tape records the inner sweep).
  const h = (leaves: Tensor[]) =>
    tapeGradients(f, leaves).reduce((acc, g, k) => E.add(acc, E.sum(E.mul(g, v[k]))), E.scalar(0, 'float64'));
  const outer = tapeGradients(h, xs);
  const numeric = numericGradients(h, xs, 1e-5);
  outer.forEach((t, k) => {
    expect(t.shape).toEqual(xs[k].shape);
    expect(maxError(t.data, numeric[k])).toBeLessThan(tol);
  });
}

// Every one-input op's second derivative, through nested tapes (its backward rule, recorded
// and differentiated again), on the same smooth intervals.
describe.each(UNARY_CASES)('%s second derivative', (_name, op, domain) => {
  it('Hessian-vector product of sum(f(x))', () => {
    checkSecondOrder(([x]) => E.sum(op(x)), [randomTensor([5], rng(17), ...domain)]);
  });
});

describe('transpose, first and second order', () => {
  it.each([[[3, 4]], [[2, 3, 4]], [[1, 5]]])('transpose of %j', (shape) => {
    check(([t]) => E.transpose(t), [randomTensor(shape, rng(shape.length + 40))]);
  });
  it('sum((X·Xᵀ)²): gradient and Hessian-vector product', () => {
    const f = ([x]: Tensor[]) => E.sum(E.square(E.matmul(x, E.transpose(x))));
    check(f, [randomTensor([3, 4], rng(41))]);
    checkSecondOrder(f, [randomTensor([3, 4], rng(42))]);
  });
  it('a product through a transposed operand: Aᵀ·B with both watched', () => {
    const f = ([a, b]: Tensor[]) => E.sum(E.tanh(E.matmul(E.transpose(a), b)));
    const xs = [randomTensor([4, 3], rng(43)), randomTensor([4, 2], rng(44))];
    check(f, xs);
    checkSecondOrder(f, xs);
  });
});

describe('the Reduce lesson losses', () => {
  it('tied linear autoencoder mean((x − x·W·Wᵀ)²), x [150, 4], W [4, 2]', () => {
    const x = randomTensor([150, 4], rng(50));
    const f = ([w]: Tensor[]) => E.mean(E.square(E.sub(x, E.matmul(E.matmul(x, w), E.transpose(w)))));
    const w = randomTensor([4, 2], rng(51), -1, 1);
    check(f, [w]);
    checkSecondOrder(f, [w]);
  });

  it('squared-distance stress mean over pairs of (|p_i − p_j|² − D_ij²)², 4 points in 2-D', () => {
    const r = rng(60);
    const q = Array.from({ length: 4 }, () => [r() * 4 - 2, r() * 4 - 2]);
    const D = E.tensor(
      q.map((a) => q.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]) * (0.8 + 0.4 * r()))),
      'float64',
    );
    const target = E.square(E.div(E.add(D, E.transpose(D)), 2)); // symmetric D, squared
    const f = ([p]: Tensor[]) => {
      const diff = E.sub(E.reshape(p, [4, 1, 2]), E.reshape(p, [1, 4, 2])); // [4, 4, 2] by broadcasting
      return E.mean(E.square(E.sub(E.sum(E.square(diff), -1), target)));
    };
    const p = randomTensor([4, 2], rng(61));
    check(f, [p]);
    checkSecondOrder(f, [p]);
  });
});

describe('softmax, log softmax and softmax cross-entropy (last axis)', () => {
  const SHAPES = [[[5]], [[3, 4]], [[2, 3, 4]], [[4, 1]]];
  it.each(SHAPES)('softmax and logSoftmax of %j, first and second order', (shape) => {
    const x = randomTensor(shape, rng(shape.length + 60), -3, 3);
    check(([t]) => E.softmax(t), [x]);
    check(([t]) => E.logSoftmax(t), [x]);
    checkSecondOrder(([t]) => E.sum(E.mul(E.softmax(t), E.logSoftmax(t))), [x]);
  });

  it.each(SHAPES)('cross-entropy of %j against soft labels: both inputs, first and second order', (shape) => {
    const r = rng(shape.length + 70);
    const labels = E.softmax(randomTensor(shape, r));
    const logits = randomTensor(shape, r, -3, 3);
    check(([y, z]) => E.softmaxCrossEntropy(y, z), [labels, logits]);
    checkSecondOrder(([y, z]) => E.mean(E.softmaxCrossEntropy(y, z)), [labels, logits]);
  });

  it('is cross-entropy of the softmax, and its logit gradient is softmax − one-hot labels', () => {
    const logits = randomTensor([4, 3], rng(80), -3, 3);
    const labels = E.tensor(
      [
        [1, 0, 0],
        [0, 0, 1],
        [0, 1, 0],
        [0, 0, 1],
      ],
      'float64',
    );
    const direct = E.neg(E.sum(E.mul(labels, E.log(E.softmax(logits))), -1));
    expect(maxError(E.softmaxCrossEntropy(labels, logits).data, direct.data)).toBeLessThan(1e-12);
    const z = E.variable(logits);
    const tape = new E.GradientTape();
    const loss = tape.record(() => E.sum(E.softmaxCrossEntropy(labels, z)));
    const want = E.sub(E.softmax(logits), labels);
    expect(maxError(tape.gradient(loss, z).data, want.data)).toBeLessThan(1e-12);
  });

  it('stays finite for logits far too large to exponentiate, in float32', () => {
    const z = E.tensor([[1000, 990, -1000]], 'float32');
    const p = Array.from(E.softmax(z).data);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-10)), 6);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(Array.from(E.logSoftmax(z).data).every(Number.isFinite)).toBe(true);
    expect(E.softmaxCrossEntropy(E.tensor([[0, 1, 0]], 'float32'), z).item()).toBeCloseTo(10, 3);
  });

  it('names both shapes when labels and logits differ, and needs a class axis', () => {
    expect(() => E.softmaxCrossEntropy(E.tensor([[1, 0]]), E.tensor([[1, 2, 3]]))).toThrow(/\[1, 2\].*\[1, 3\]/);
    expect(() => E.softmax(E.scalar(1))).toThrow(/rank ≥ 1/);
  });
});

describe('cross-entropy in the tape’s trace', () => {
  it('lists its row maxima as plain numbers', () => {
    const z = E.variable(E.tensor([[1, 3, 2]], 'float64'));
    const tape = new E.GradientTape({ persistent: true });
    tape.record(() => E.softmaxCrossEntropy(E.tensor([[0, 1, 0]], 'float64'), z));
    const entry = tape.trace().find((t) => t.op === 'softmaxCrossEntropy')!;
    expect(entry.attrs).toEqual({ shift: [3] });
  });
});
