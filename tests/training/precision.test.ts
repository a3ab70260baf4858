import { describe, expect, it } from 'vitest';
import { float32Gap, float32HalfGapBelow, float32Moves } from '../../src/training/precision.ts';

describe('float32 spacing', () => {
  it('neighbours near −1 (just above it) are 2⁻²⁴ ≈ 5.96e-8 apart, so half a gap is ≈ 2.98e-8', () => {
    expect(float32Gap(-0.99999982)).toBe(2 ** -24);
    expect(float32HalfGapBelow(-0.99999982)).toBeCloseTo(2.98e-8, 10);
    expect(float32HalfGapBelow(-1)).toBe(2 ** -25);
  });

  it('matches Math.fround: the next float32 after v is v + gap', () => {
    for (const x of [0.5, 0.75, 1, 1.5, 3, 1000, 1e-3]) {
      const v = Math.fround(x);
      const g = float32Gap(v);
      expect(Math.fround(v + g)).toBe(v + g);
      expect(Math.fround(v + g * 0.4)).toBe(v);
    }
  });

  it('an update below half the gap rounds away; above it moves the weight', () => {
    const w = Math.fround(-0.99999982);
    expect(float32Moves(w, 2.5e-8)).toBe(false);
    expect(float32Moves(w, -3.5e-8)).toBe(true);
  });
});
