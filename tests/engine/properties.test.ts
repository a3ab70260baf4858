// Property-based tests: random expression graphs over the op set (fast-check). The tape's
// gradients must match central finite differences and be identical from run to run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/index.ts';
import type { Tensor } from '../../src/engine/index.ts';
import { maxError, numericGradients, randomTensor, rng, scalarised, tapeGradients } from './gradcheck.ts';
import { PROGRAM_OPS } from './op-list.ts';

// Shapes that all broadcast to the base, so any two values of a program combine.
const FAMILIES: number[][][] = [
  [[]],
  [[4], [], [1]],
  [[2, 3], [3], [1, 3], [2, 1], []],
  [[2, 1, 3], [3], [2, 1, 1], [1, 1, 3], []],
];

// Smooth ops with safe domains, so finite differences are meaningful everywhere.
type Step = (a: Tensor, b: Tensor, axis: number) => Tensor;
// Every elementwise op comes from the ops' own registry, each input drawn into the interval
// its definition says it is smooth on (op-list.ts); a new op joins without a line here.
const STEPS: [string, Step][] = [
  ['add', (a, b) => E.add(a, b)],
  ['sub', (a, b) => E.sub(a, b)],
  ['mul', (a, b) => E.mul(a, b)],
  ...PROGRAM_OPS,
  ['sum', (a, _b, axis) => (a.shape.length === 0 ? a : E.sum(a, axis % a.shape.length, true))],
  ['mean', (a, _b, axis) => (a.shape.length === 0 ? a : E.mean(a, -1 - (axis % a.shape.length), true))],
  ['scale', (a) => E.mul(a, 0.7)],
];

const instruction = fc.record({ op: fc.nat(STEPS.length - 1), a: fc.nat(20), b: fc.nat(20), axis: fc.nat(3) });
const graph = fc.record({
  family: fc.nat(FAMILIES.length - 1),
  leafShapes: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }),
  program: fc.array(instruction, { minLength: 1, maxLength: 8 }),
  seed: fc.nat(1e6),
});
type Graph = typeof graph extends fc.Arbitrary<infer T> ? T : never;

function build(g: Graph): { f: (xs: Tensor[]) => Tensor; xs: Tensor[] } {
  const family = FAMILIES[g.family];
  const r = rng(g.seed);
  const xs = g.leafShapes.map((s) => randomTensor(family[s % family.length], r, -1.5, 1.5));
  const f = (leaves: Tensor[]) => {
    const pool = [...leaves];
    for (const ins of g.program)
      pool.push(STEPS[ins.op][1](pool[ins.a % pool.length], pool[ins.b % pool.length], ins.axis));
    // Use every value so every leaf can matter: sum them all (they broadcast together).
    return pool.reduce((acc, t) => E.add(acc, t));
  };
  return { f, xs };
}

describe('random expression graphs', () => {
  it('tape gradients equal central finite differences (float64)', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const { f, xs } = build(g);
        const loss = scalarised(f, g.seed + 1);
        const tape = tapeGradients(loss, xs);
        const numeric = numericGradients(loss, xs);
        tape.forEach((t, k) => {
          expect(t.shape).toEqual(xs[k].shape);
          expect(maxError(t.data, numeric[k])).toBeLessThan(1e-5);
        });
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('gradients are deterministic: the same graph gives bit-identical gradients', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const { f, xs } = build(g);
        const loss = scalarised(f, g.seed + 1);
        const first = tapeGradients(loss, xs).map((t) => Array.from(t.data));
        const again = tapeGradients(loss, xs).map((t) => Array.from(t.data));
        expect(again).toEqual(first);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('a second-order gradient (nested tapes) equals finite differences of the first', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const { f, xs } = build(g);
        const loss = scalarised(f, g.seed + 1);
        // h(x) = Σ dL/dx (a scalar built from the inner gradient), differentiated on an outer tape.
        const h = (leaves: Tensor[]) => E.sum(tapeGradients(loss, leaves)[0]);
        const outer = tapeGradients(h, xs);
        const numeric = numericGradients(h, xs, 1e-5);
        outer.forEach((t, k) => expect(maxError(t.data, numeric[k])).toBeLessThan(1e-4));
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
