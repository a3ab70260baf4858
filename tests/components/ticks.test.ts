import { describe, expect, it } from 'vitest';
import { extent, logTicks, niceTicks } from '../../src/components/ticks.ts';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(1, 40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(-0.9995, 0.5)).toEqual([-1, -0.5, 0, 0.5]);
    expect(niceTicks(3.8e-6, 20.25)).toEqual([0, 10, 20, 30]);
  });
  it('widens a zero-width range instead of dividing by zero', () => {
    const t = niceTicks(2, 2);
    expect(t[0]).toBeLessThan(2);
    expect(t[t.length - 1]).toBeGreaterThan(2);
  });
  it('returns nothing for non-finite input', () => {
    expect(niceTicks(NaN, 1)).toEqual([]);
    expect(niceTicks(Infinity, -Infinity)).toEqual([]);
  });
});

describe('logTicks', () => {
  it('gives powers of ten spanning the data', () => {
    const t = logTicks(3.8e-6, 20.25);
    expect(t[0]).toBeLessThanOrEqual(3.8e-6);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(20.25);
    expect(t.length).toBeLessThanOrEqual(7);
    for (const v of t) expect(Math.log10(v) % 1).toBeCloseTo(0, 9);
  });
});

describe('extent', () => {
  it('finds min and max across several keys', () => {
    expect(
      extent(
        [
          { a: 1, b: -2 },
          { a: 5, b: 0 },
        ],
        ['a', 'b'],
      ),
    ).toEqual([-2, 5]);
  });
});
