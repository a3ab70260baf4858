import { describe, expect, it } from 'vitest';
import { factorMeaning, stepArrows, stepFactor, tangentSegment } from '../../../src/components/curve/geometry.ts';

describe('tangentSegment', () => {
  it('is the line through the point with the given slope, centred on it', () => {
    // At w = 0.5 the negator's loss is 20.25 and its slope 27.
    const s = tangentSegment(0.5, 20.25, 27, 0.1, [-100, 100])!;
    expect(s[0]).toBeCloseTo(0.4, 12);
    expect(s[1]).toBeCloseTo(20.25 - 2.7, 12);
    expect(s[2]).toBeCloseTo(0.6, 12);
    expect(s[3]).toBeCloseTo(20.25 + 2.7, 12);
  });

  it('is cut where it would leave the view vertically', () => {
    const s = tangentSegment(0.5, 20.25, 27, 1, [0, 40])!;
    expect(s[1]).toBeCloseTo(0, 9); // hits the bottom of the view
    expect(s[3]).toBeCloseTo(40, 9); // and the top
    expect(s[0]).toBeCloseTo(0.5 - 20.25 / 27, 12);
  });

  it('is flat at the minimum, and absent when out of view or not a number', () => {
    expect(tangentSegment(-1, 0, 0, 0.5, [0, 10])).toEqual([-1.5, 0, -0.5, 0]);
    expect(tangentSegment(0, 50, 0, 0.5, [0, 10])).toBeNull();
    expect(tangentSegment(0, NaN, 1, 0.5, [0, 10])).toBeNull();
  });
});

describe('stepArrows', () => {
  const path = [
    { step: 0, w: 0.5, loss: 20.25, grad: 27 },
    { step: 1, w: 0.23, loss: 13.6161, grad: 22.14 },
    { step: 2, w: 0.0086, loss: 9.1555, grad: 18.1548 },
  ];
  it('one arrow per step, from the weight before to the weight after, with the gradient measured where it started', () => {
    const arrows = stepArrows(path);
    expect(arrows).toHaveLength(2);
    expect(arrows[0]).toMatchObject({
      step: 1,
      from: { w: 0.5, loss: 20.25 },
      to: { w: 0.23, loss: 13.6161 },
      grad: 27,
    });
    // Its length is learning rate × gradient: 0.01 × 27.
    expect(arrows[0].dw).toBeCloseTo(-0.01 * 27, 12);
  });

  it('no arrow between points of a thinned path that are not consecutive steps', () => {
    expect(stepArrows([path[0], path[2]])).toEqual([]);
  });
});

describe('stepFactor', () => {
  it('is 1 − η·d²L/dw²: × 0.82 at 0.01, × −0.8 at 0.1', () => {
    expect(stepFactor(0.01, 18)).toBeCloseTo(0.82, 12);
    expect(stepFactor(0.1, 18)).toBeCloseTo(-0.8, 12);
  });

  it('is 0 at 1/18 (one step lands on −1) and −1 at 1/9 (the limit)', () => {
    expect(stepFactor(1 / 18, 18)).toBeCloseTo(0, 12);
    expect(stepFactor(1 / 9, 18)).toBeCloseTo(-1, 12);
    expect(factorMeaning(stepFactor(1 / 18, 18))).toBe('one step lands exactly on the minimum');
    expect(factorMeaning(stepFactor(0.1, 18))).toMatch(/zig-zagging inwards/);
    expect(factorMeaning(stepFactor(0.12, 18))).toMatch(/zig-zags outwards and blows up/);
    expect(factorMeaning(stepFactor(0.01, 18))).toMatch(/from one side/);
  });
});
