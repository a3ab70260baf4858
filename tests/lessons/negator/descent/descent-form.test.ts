import { describe, expect, it } from 'vitest';
import { readDescentForm } from '../../../../src/lessons/negator/descent/descent-form.ts';
import { DESCENT_DEFAULTS } from '../../../../src/store/lesson-store.ts';

describe('readDescentForm', () => {
  it('turns the defaults into the tutorial config', () => {
    const f = readDescentForm(DESCENT_DEFAULTS);
    expect(f.ok).toBe(true);
    expect(f.config).toMatchObject({
      pairs: [{ input: 3, target: -3 }],
      initialWeight: 0.5,
      learningRate: 0.01,
      steps: 40,
    });
  });

  it('says what is wrong per field, from the text and from the shared validation', () => {
    const f = readDescentForm({ ...DESCENT_DEFAULTS, input: 'x', learningRate: '0', steps: '2.5', target: '2e6' });
    expect(f.ok).toBe(false);
    expect(f.errors.input).toMatch(/"x" is not a number/);
    expect(f.errors.target).toBe('Target must be between −1,000,000 and 1,000,000.');
    // Text errors are reported first; once the text parses, the config validation speaks.
    const g = readDescentForm({ ...DESCENT_DEFAULTS, learningRate: '0', steps: '2.5' });
    expect(g.errors).toEqual({
      learningRate: 'Learning rate must be greater than 0.',
      steps: 'Steps must be a whole number.',
    });
  });

  it('accepts a typographic minus', () => {
    expect(readDescentForm({ ...DESCENT_DEFAULTS, target: '−3' }).config?.pairs[0].target).toBe(-3);
  });
});
