// A row (or block) broadcast against a full operand runs block by block without expanding the
// row; each result must still be the op on the two elements numpy pairs, rounded to float32.
import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/index.ts';
import { rng } from '../gradcheck.ts';

const values = (n: number, seed: number) => {
  const r = rng(seed);
  return Array.from({ length: n }, () => Math.fround(r() * 4 - 2));
};

describe.each([
  ['add', E.add, (a: number, b: number) => a + b],
  ['sub', E.sub, (a: number, b: number) => a - b],
  ['mul', E.mul, (a: number, b: number) => a * b],
  ['div', E.div, (a: number, b: number) => a / b],
] as const)('%s with a repeated block', (_name, op, f) => {
  it.each([
    [[25, 8], [8]],
    [
      [25, 8],
      [1, 8],
    ],
    [
      [3, 4, 5],
      [4, 5],
    ],
    [
      [3, 4, 5],
      [1, 1, 5],
    ],
  ])('full %j with %j, either side', (full, small) => {
    const a = values(
      full.reduce((x, y) => x * y),
      3,
    );
    const b = values(
      small.reduce((x, y) => x * y),
      5,
    );
    const A = E.tensor(a, 'float32', full);
    const B = E.tensor(b, 'float32', small);
    const block = b.length;
    expect(Array.from(op(A, B).data)).toEqual(a.map((v, i) => Math.fround(f(v, b[i % block]))));
    expect(Array.from(op(B, A).data)).toEqual(a.map((v, i) => Math.fround(f(b[i % block], v))));
    expect(op(A, B).shape).toEqual(full);
  });
});
