import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatUpdate } from '../../src/components/format.ts';

const golden = JSON.parse(readFileSync('tests/fixtures/number-negator.json', 'utf8')) as {
  float32: { step: number; weightBefore: number; gradient: number; weightAfter: number }[];
};

describe('formatUpdate', () => {
  it('prints every update of the tutorial run so that the sum adds up as written', () => {
    for (const r of golden.float32) {
      const [a, g, c] = formatUpdate(r.weightBefore, r.gradient, -0.01, r.weightAfter);
      const worked = Number(a) + Number(g) * -0.01;
      const last = c.includes('.') ? c.split('.')[1].length : 0;
      // The hand-worked sum, rounded to the result's printed places, is the printed result.
      expect(Number(worked.toFixed(last)), `step ${r.step}: ${a} + ${g} · (-0.01) = ${c}`).toBe(Number(c));
    }
  });

  it('keeps the short form where it already adds up: step 1 reads 0.5 + 27 · (-0.01) = 0.23', () => {
    expect(formatUpdate(0.5, 27, -0.01, 0.23000001907348633)).toEqual(['0.5', '27', '0.23']);
  });

  it('shows the digits the issue asks for at step 40: w₃₉ = −0.999347, w₄₀ = −0.999465', () => {
    const r = golden.float32[39];
    const [a, , c] = formatUpdate(r.weightBefore, r.gradient, -0.01, r.weightAfter);
    expect(a.startsWith('-0.99934')).toBe(true);
    expect(c.startsWith('-0.99946')).toBe(true);
    expect(formatNumber(r.weightAfter)).toBe('-0.9995'); // the short form elsewhere
  });
});
