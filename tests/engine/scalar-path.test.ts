// The scalar fast paths (plain numbers instead of typed arrays, forward and backward) must
// give exactly the bits of the op-based rules, in float32 and float64.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../src/engine/index.ts';
import { GradientTape, scalar, tensor, type Tensor } from '../../src/engine/index.ts';
import { setScalarBackward } from '../../src/engine/short-sweep.ts';

afterEach(() => setScalarBackward(true));

type Op = (a: Tensor, b: Tensor) => Tensor;
const OPS: Op[] = [
  E.add, E.sub, E.mul, E.div, (a) => E.neg(a), (a) => E.square(a), (a) => E.pow(E.abs(a), 2.5), (a) => E.pow(a, 3),
  (a) => E.exp(E.tanh(a)), (a) => E.log(E.abs(a)), (a) => E.sqrt(E.abs(a)), (a) => E.abs(a), (a) => E.relu(a),
  (a) => E.sigmoid(a), (a) => E.tanh(a), (a) => E.sum(a), (a) => E.mean(a), (a) => E.reshape(a, [1, 1]),
  (a) => E.broadcastTo(a, [1, 1, 1]), (a) => E.mul(a, 0.3),
];


/** Records a random program of binary ops over watched scalars; `pool` grows with each result. */
function recordProgram(prog: { op: number; a: number; b: number }[], vs: number[], dtype: 'float32' | 'float64') {
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

describe('scalar backward rules', () => {
  it('equal the op-based rules bit for bit on random scalar graphs', () => {
    const program = fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(9), b: fc.nat(9) }), { minLength: 1, maxLength: 12 });
    const values = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(program, values, fc.constantFrom(...(['float32', 'float64'] as const)), (prog, vs, dtype) => {
        const run = (numbers: boolean) => {
          setScalarBackward(numbers);
          const { xs, tape, out } = recordProgram(prog, vs, dtype);
          return tape.gradient(out, xs).map((g) => g.item());
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('scalar forward path', () => {
  it('equals the typed-array kernels for one-element tensors of any rank', () => {
    const vals = [0.1, -2.5, 3.3, 1e-3, 7];
    for (const dtype of ['float32', 'float64'] as const) {
      for (const a of vals) {
        for (const b of vals) {
          for (const op of OPS.filter((_, i) => i !== 17 && i !== 18)) {
            const fast = op(scalar(a, dtype), scalar(b, dtype)).item();
            // A two-element tensor forces the kernel path; its first element is the same computation.
            const slow = op(tensor([a, a], dtype), tensor([b, b], dtype));
            if (slow.size === 2) expect(slow.data[0]).toBe(fast);
          }
        }
      }
    }
  });
});

describe('op(tensor, number) outside a tape', () => {
  it('equals the same op with the number as a scalar tensor, recorded or not, bit for bit', () => {
    const BIN = [E.add, E.sub, E.mul, E.div];
    const vals = [0.1, -2.5, 3.3, 1e-3, 7, 0.01, -0];
    for (const dtype of ['float32', 'float64'] as const) {
      for (const a of vals) {
        for (const b of vals) {
          for (const op of BIN) {
            const fast = op(E.variable(a, dtype), b);
            const ref = op(scalar(a, dtype), scalar(b, dtype));
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

describe('short number sweep (one source, no Map)', () => {
  it('gives the bits of the full number sweep and of the op-based rules, and leaves() still reports dL/dsource', () => {
    const program = fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(9), b: fc.nat(9) }), { minLength: 1, maxLength: 14 });
    const values = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(program, values, fc.constantFrom(...(['float32', 'float64'] as const)), fc.nat(1), (prog, vs, dtype, src) => {
        const run = (mode: 'short' | 'map' | 'ops') => {
          setScalarBackward(mode !== 'ops');
          const { xs, tape, out } = recordProgram(prog, vs, dtype);
          const g = mode === 'short' ? tape.gradient(out, xs[src]) : tape.gradient(out, [xs[src]])[0];
          const leaf = tape.leaves().find((l) => l.id === xs[src].id);
          return [g.item(), leaf?.grad ?? null, tape.trace().map((e) => e.grad ?? null)];
        };
        const short = run('short');
        expect(short).toEqual(run('map'));
        expect(short).toEqual(run('ops'));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
