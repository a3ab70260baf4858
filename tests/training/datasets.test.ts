import { describe, expect, it } from 'vitest';
import { validateConfig, NEGATOR_CONFIG } from '../../src/training/config.ts';
import { PRESETS, findPreset, mulberry32, noisyNegator } from '../../src/training/datasets.ts';

describe('presets', () => {
  it('has the five presets the issue names, each a valid config with its model', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['negator', 'negator-pairs', 'doubler', 'line-offset', 'noisy-negator']);
    for (const p of PRESETS) {
      expect(validateConfig({ ...NEGATOR_CONFIG, pairs: p.pairs(1), model: p.model }).ok).toBe(true);
    }
  });

  it('negator is 3 → −3; negator pairs, doubler and line with offset follow their rules', () => {
    expect(findPreset('negator')!.pairs(1)).toEqual([{ input: 3, target: -3 }]);
    const negs = findPreset('negator-pairs')!.pairs(1);
    expect(negs.length).toBeGreaterThan(2);
    for (const p of negs) expect(p.target).toBe(-p.input);
    for (const p of findPreset('doubler')!.pairs(1)) expect(p.target).toBe(2 * p.input);
    const line = findPreset('line-offset')!;
    expect(line.model).toBe('w+b');
    for (const p of line.pairs(1)) expect(p.target).toBe(-p.input + 1);
  });

  it('noisy negator repeats for a seed, differs between seeds, stays near −x', () => {
    expect(noisyNegator(7)).toEqual(noisyNegator(7));
    expect(noisyNegator(7)).not.toEqual(noisyNegator(8));
    for (const p of noisyNegator(3)) {
      expect(Math.abs(p.input)).toBeLessThanOrEqual(5);
      expect(Math.abs(p.target + p.input)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    expect(new Set(noisyNegator(3).map((p) => p.target + p.input)).size).toBeGreaterThan(10);
  });

  it('mulberry32 is uniform-ish in [0, 1) and deterministic', () => {
    const r = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.02);
    expect(mulberry32(42)()).toBe(xs[0]);
  });
});
