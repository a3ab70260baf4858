import { describe, expect, it } from 'vitest';
import { pathData } from '../../src/components/plot-paths.tsx';

const x = (v: number) => v * 10;
const y = (v: number) => 100 - v;

describe('pathData', () => {
  it('moves to the first point and draws lines through the rest, in pixels', () => {
    expect(pathData([1, 2, 3], [5, 4, 3], x, y)).toBe('M10.0,95.0L20.0,96.0L30.0,97.0');
  });

  it('skips values that cannot be drawn instead of writing NaN into the path', () => {
    expect(pathData([1, 2, 3, 4], [5, NaN, Infinity, 1], x, y)).toBe('M10.0,95.0L40.0,99.0');
    const undefinedScale = (v: number) => (v > 2 ? undefined : v);
    expect(pathData([1, 2, 3], [1, 1, 1], undefinedScale, y)).toBe('M1.0,99.0L2.0,99.0');
  });

  it('drops non-positive values on a log axis', () => {
    expect(pathData([1, 2, 3], [1, 0, -1], x, y, (v) => !(v > 0))).toBe('M10.0,99.0');
  });
});
