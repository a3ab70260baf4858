import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  NEGATOR_CONFIG,
  assertValidConfig,
  parseNumberField,
  validateConfig,
} from '../../src/training/config.ts';

const base = () => structuredClone(NEGATOR_CONFIG);

describe('validateConfig', () => {
  it('accepts the tutorial config', () => {
    expect(validateConfig(base())).toEqual({ ok: true, config: base() });
  });

  const bad: Array<[string, (c: Record<string, unknown>) => void, string, RegExp]> = [
    [
      'empty pairs',
      (c) => {
        c.pairs = [];
      },
      'pairs',
      /at least one/i,
    ],
    [
      '"abc" as input',
      (c) => {
        c.pairs = [{ input: 'abc', target: 1 }];
      },
      'pairs.0.input',
      /must be a number/i,
    ],
    [
      'NaN target',
      (c) => {
        c.pairs = [{ input: 1, target: NaN }];
      },
      'pairs.0.target',
      /NaN/,
    ],
    [
      'Infinity weight',
      (c) => {
        c.initialWeight = Infinity;
      },
      'initialWeight',
      /finite/i,
    ],
    [
      '1e309 (overflows to Infinity)',
      (c) => {
        c.initialWeight = Number('1e309');
      },
      'initialWeight',
      /finite/i,
    ],
    [
      'value above 1e6',
      (c) => {
        c.pairs = [{ input: 2e6, target: 1 }];
      },
      'pairs.0.input',
      /1,000,000/,
    ],
    [
      'negative learning rate',
      (c) => {
        c.learningRate = -0.1;
      },
      'learningRate',
      /greater than 0/i,
    ],
    [
      'zero learning rate',
      (c) => {
        c.learningRate = 0;
      },
      'learningRate',
      /greater than 0/i,
    ],
    [
      'learning rate above 10',
      (c) => {
        c.learningRate = 11;
      },
      'learningRate',
      /at most 10/i,
    ],
    [
      '0 steps',
      (c) => {
        c.steps = 0;
      },
      'steps',
      /at least 1/i,
    ],
    [
      '1e7 steps',
      (c) => {
        c.steps = 1e7;
      },
      'steps',
      /at most 1,000,000/i,
    ],
    [
      'fractional steps',
      (c) => {
        c.steps = 2.5;
      },
      'steps',
      /whole number/i,
    ],
    [
      '10,001 pairs',
      (c) => {
        c.pairs = Array.from({ length: 10_001 }, () => ({ input: 1, target: -1 }));
      },
      'pairs',
      /at most 10,000/i,
    ],
    [
      'unknown optimizer',
      (c) => {
        c.optimizer = 'rmsprop';
      },
      'optimizer',
      /sgd, momentum, adam/,
    ],
    [
      'unknown model',
      (c) => {
        c.model = 'w+b+c';
      },
      'model',
      /one of/,
    ],
    [
      'unknown dtype',
      (c) => {
        c.dtype = 'float16';
      },
      'dtype',
      /float32, float64/,
    ],
    [
      'unknown field',
      (c) => {
        c.turbo = true;
      },
      'turbo',
      /a setting this app does not know/,
    ],
  ];

  it.each(bad)('rejects %s with its own message', (_name, mutate, field, message) => {
    const c = base() as unknown as Record<string, unknown>;
    mutate(c);
    const v = validateConfig(c);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const issue = v.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(v.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('gives each bad config a distinct message', () => {
    const messages = bad.map(([, mutate]) => {
      const c = base() as unknown as Record<string, unknown>;
      mutate(c);
      const v = validateConfig(c);
      return v.ok ? '' : v.issues.map((i) => i.message).join('|');
    });
    // Several cases share a rule (0 and negative learning rate); the rest must differ.
    expect(new Set(messages).size).toBeGreaterThanOrEqual(bad.length - 2);
  });

  it('rejects non-objects without throwing', () => {
    for (const raw of [null, 3, 'config', [], undefined]) expect(validateConfig(raw).ok).toBe(false);
  });

  it('throws a typed ConfigError carrying every issue', () => {
    const c = { ...base(), learningRate: 0, steps: 0 };
    expect(() => assertValidConfig(c)).toThrow(ConfigError);
    try {
      assertValidConfig(c);
    } catch (e) {
      expect((e as ConfigError).issues.map((i) => i.field).sort()).toEqual(['learningRate', 'steps']);
    }
  });
});

describe('parseNumberField', () => {
  it('reads numbers the way learners type them', () => {
    expect(parseNumberField(' −3 ', 'Target')).toEqual({ ok: true, value: -3 });
    expect(parseNumberField('1e-2', 'Learning rate')).toEqual({ ok: true, value: 0.01 });
    expect(parseNumberField('.5', 'Initial weight')).toEqual({ ok: true, value: 0.5 });
  });

  it('explains what is wrong with the text', () => {
    expect(parseNumberField('', 'Input')).toEqual({ ok: false, message: 'Input is empty; enter a number.' });
    expect(parseNumberField('abc', 'Input')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/"abc" is not a number/),
    });
    expect(parseNumberField('1e309', 'Input')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
    expect(parseNumberField('NaN', 'Input').ok).toBe(false);
    expect(parseNumberField('Infinity', 'Input').ok).toBe(false);
  });
});
