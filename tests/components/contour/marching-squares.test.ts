import { describe, expect, it } from 'vitest';
import { contourSegments } from '../../../src/components/contour/marching-squares.ts';

describe('contourSegments (marching squares)', () => {
  it('a field with no crossing gives no segments', () => {
    expect(
      contourSegments(
        [
          [0, 0],
          [0, 0],
        ],
        0.5,
      ),
    ).toEqual([]);
    expect(
      contourSegments(
        [
          [1, 1],
          [1, 1],
        ],
        0.5,
      ),
    ).toEqual([]);
  });

  it('one corner above the level: one segment cutting that corner at the interpolated points', () => {
    // v[j][i]: only (i=1, j=0) is above 0.5, halfway along both edges that meet there.
    expect(
      contourSegments(
        [
          [0, 1],
          [0, 0],
        ],
        0.5,
      ),
    ).toEqual([[0.5, 0, 1, 0.5]]);
  });

  it('a vertical front: the crossing sits where linear interpolation puts it', () => {
    const segs = contourSegments(
      [
        [0, 1],
        [0, 1],
      ],
      0.25,
    );
    expect(segs).toHaveLength(1);
    const [x1, y1, x2, y2] = segs[0];
    expect([x1, x2]).toEqual([0.25, 0.25]);
    expect([y1, y2].sort()).toEqual([0, 1]);
  });

  it('a bowl gives a closed ring: every segment end is shared by another segment', () => {
    const n = 9;
    const v = Array.from({ length: n }, (_, j) =>
      Array.from({ length: n }, (_, i) => ((i - 4) ** 2 + (j - 4) ** 2) / 32),
    );
    const segs = contourSegments(v, 0.3);
    expect(segs.length).toBeGreaterThan(8);
    const key = (x: number, y: number) => `${x.toFixed(6)},${y.toFixed(6)}`;
    const ends = new Map<string, number>();
    for (const [a, b, c, d] of segs) for (const k of [key(a, b), key(c, d)]) ends.set(k, (ends.get(k) ?? 0) + 1);
    expect([...ends.values()].every((count) => count === 2)).toBe(true);
    // Every crossing point lies at radius √(0.3·32) ≈ 3.1 within interpolation error.
    for (const [a, b] of segs) expect(Math.hypot(a - 4, b - 4)).toBeGreaterThan(2.8);
  });
});
