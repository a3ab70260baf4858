import { describe, expect, it } from 'vitest';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';
import {
  explainDivergence,
  explainOverflow,
  hasDiverged,
  overflowed,
  stableLearningRate,
} from '../../src/training/divergence.ts';

describe('stableLearningRate', () => {
  it('is 1/mean(x²) for the w model: 1/9 for the negator', () => {
    expect(stableLearningRate(NEGATOR_CONFIG)).toBeCloseTo(1 / 9, 15);
    expect(stableLearningRate({ model: 'w', pairs: [{ input: 0, target: 1 }] })).toBe(Infinity);
  });

  it('comes from the largest Hessian eigenvalue for w + b', () => {
    // x = ±1: mean x² = 1, mean x = 0, so the Hessian is 2·I and the limit 2/2 = 1.
    expect(
      stableLearningRate({
        model: 'w+b',
        pairs: [
          { input: 1, target: 0 },
          { input: -1, target: 0 },
        ],
      }),
    ).toBeCloseTo(1, 12);
  });
});

describe('hasDiverged', () => {
  it('SGD: a loss above twice the first one', () => {
    expect(hasDiverged(40, 20.25)).toBe(false);
    expect(hasDiverged(41, 20.25)).toBe(true);
  });

  it('momentum and Adam may overshoot; only a millionfold rise counts', () => {
    expect(hasDiverged(100, 20.25, 'momentum')).toBe(false);
    expect(hasDiverged(2.1e7, 20.25, 'adam')).toBe(true);
  });
});

describe('overflow', () => {
  const ok = { loss: 1, gradWeight: 2, gradBias: 0, weight: 3, bias: 0 };
  it('is any non-finite number in a step', () => {
    expect(overflowed(ok)).toBe(false);
    for (const key of Object.keys(ok) as (keyof typeof ok)[]) {
      expect(overflowed({ ...ok, [key]: Infinity })).toBe(true);
      expect(overflowed({ ...ok, [key]: NaN })).toBe(true);
    }
  });

  it('messages name the step and what to change', () => {
    expect(explainOverflow(NEGATOR_CONFIG, 12)).toBe(
      'Overflowed in step 12: the numbers grew past what float32 can hold, so the run stopped after step 11, the last with finite numbers.',
    );
    const m = explainDivergence({ ...NEGATOR_CONFIG, learningRate: 0.12 }, 4);
    expect(m).toMatch(/^The loss blew up at step 4, when the loss passed twice its first value/);
    expect(m).toMatch(/d²L\/dw² is 2·mean\(x²\) = 18/);
    expect(m).toMatch(/try a value below 0\.111\.$/);
  });

  it('says when the loss first rose, and the rule that caught it', () => {
    const m = explainDivergence({ ...NEGATOR_CONFIG, learningRate: 0.12 }, 4, { step: 2, from: 20.25, to: 27.25 });
    expect(m).toMatch(
      /^The loss first rose at step 2 \(from 20\.25 to 27\.25\), and the run was marked diverged at step 4, when the loss passed twice its first value:/,
    );
  });
});
