import { describe, expect, it } from 'vitest';
import { rampColor, scaler } from '../../../src/components/contour/ramp.ts';

describe('rampColor', () => {
  it('runs from dark blue at 0 to pale yellow at 1 and clamps outside', () => {
    expect(rampColor(0)).toBe('rgb(12,22,79)');
    expect(rampColor(1)).toBe('rgb(255,255,204)');
    expect(rampColor(-3)).toBe(rampColor(0));
    expect(rampColor(7)).toBe(rampColor(1));
  });

  it('gets lighter as the value rises', () => {
    const light = (c: string) =>
      c
        .match(/\d+/g)!
        .map(Number)
        .reduce((a, b) => a + b, 0);
    const ts = [0, 0.2, 0.4, 0.6, 0.8, 1];
    for (let i = 1; i < ts.length; i++) expect(light(rampColor(ts[i]))).toBeGreaterThan(light(rampColor(ts[i - 1])));
  });
});

describe('scaler', () => {
  const grid = {
    ws: [0, 1, 2],
    bs: [0, 1],
    losses: [
      [0, 1e-2, 1],
      [10, 100, 1000],
    ],
  };
  it('maps the largest loss to 1 and at most five decades below it to 0, on a log scale', () => {
    const s = scaler(grid);
    expect(s(1000)).toBeCloseTo(1, 12);
    expect(s(1e-2)).toBeCloseTo(0, 12);
    expect(s(0)).toBe(0); // the exact minimum does not wash out the rest
    expect(s(1)).toBeCloseTo(0.4, 12);
    expect(s(Infinity)).toBe(1);
  });
});
