import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/components/contour/summary.ts';

describe('contour summary (the text alternative)', () => {
  const grid = {
    ws: [-2, 0, 2],
    bs: [-1, 1],
    losses: [
      [5, 4, 3],
      [2, 0.5, 9],
    ],
  };

  it('names the ranges and where the lowest loss on the grid is', () => {
    expect(summarise(grid, [])).toBe(
      'Contour map of the loss for w from -2 to 2 and b from -1 to 1. The lowest loss on this grid, 0.5, is near w = 0, b = 1. No descent path yet.',
    );
  });

  it('says where the path starts and ends', () => {
    const text = summarise(grid, [
      { step: 0, w: 0.5, b: 0, loss: 4 },
      { step: 40, w: -1, b: 1, loss: 0.01 },
    ]);
    expect(text).toMatch(/starts at w = 0\.5, b = 0 \(loss 4\) and ends at w = -1, b = 1 \(loss 0\.01\)\.$/);
  });

  it('while the grid is computed', () => {
    expect(summarise(null, [])).toBe('Computing the loss map…');
  });
});
