// allocate carves mid-sized arrays from shared slabs: each must start zeroed, be its own
// memory, and a batch of them must outlast the slab they came from.
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/engine/storage.ts';
import { add, matmul, tensor } from '../../src/engine/index.ts';

describe('allocate', () => {
  it.each([
    ['float32', 1],
    ['float32', 17],
    ['float64', 9],
    ['float32', 1000],
    ['float64', 600],
  ] as const)('gives zeroed, non-overlapping %s arrays of %i elements, many slabs over', (dtype, n) => {
    const arrays = Array.from({ length: 300 }, () => allocate(dtype, n));
    arrays.forEach((a, k) => {
      expect(a.length).toBe(n);
      expect(a.every((v) => v === 0)).toBe(true);
      a.fill(k + 1);
    });
    arrays.forEach((a, k) => expect(a.every((v) => v === k + 1)).toBe(true));
  });

  it('results of ops on slab-sized tensors stay intact while later ones are made', () => {
    const x = tensor(
      Array.from({ length: 200 }, (_, i) => i),
      'float32',
      [25, 8],
    );
    const first = add(x, 1);
    for (let i = 0; i < 500; i++) matmul(x, tensor(new Array(64).fill(i), 'float32', [8, 8]));
    expect(Array.from(first.data)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});
