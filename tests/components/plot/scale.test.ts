import { describe, expect, it } from 'vitest';
import { clamp, finiteExtent, linearScale, niceView } from '../../../src/components/plot/scale.ts';

describe('plot scales', () => {
  it('linearScale maps the domain onto the range and back, a y axis running backwards', () => {
    const y = linearScale([0, 40], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(40)).toBe(0);
    expect(y(10)).toBe(150);
    expect(y.invert(150)).toBe(10);
  });

  it('a domain of one value maps everything to the range start and inverts to that value', () => {
    const x = linearScale([3, 3], [0, 100]);
    expect(x(3)).toBe(0);
    expect(x.invert(42)).toBe(3);
  });

  it('niceView covers the data with round ticks whose ends are the domain', () => {
    const v = niceView(-0.13, 3.2, 5);
    expect(v.domain[0]).toBeLessThanOrEqual(-0.13);
    expect(v.domain[1]).toBeGreaterThanOrEqual(3.2);
    expect(v.domain).toEqual([v.ticks[0], v.ticks[v.ticks.length - 1]]);
    expect(v.ticks.every((t) => Math.abs(t * 10 - Math.round(t * 10)) < 1e-9)).toBe(true); // multiples of 0.1 at most
  });

  it('finiteExtent skips NaN and infinities; clamp keeps a value inside its bounds', () => {
    expect(finiteExtent([2, NaN, -Infinity, 5, -1, Infinity])).toEqual([-1, 5]);
    expect(finiteExtent([])).toEqual([Infinity, -Infinity]);
    expect([clamp(-3, 0, 1), clamp(0.5, 0, 1), clamp(7, 0, 1)]).toEqual([0, 0.5, 1]);
  });
});
