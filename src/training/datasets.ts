/**
 * Ready-made pair sets for the Playground. Pure: no DOM, no React. The noisy negator draws
 * its noise from a small seeded generator, so the same seed always gives the same pairs.
 */
import type { ModelKind, Pair } from './config.ts';
import { mulberry32 } from './random.ts';

export { mulberry32 };

/** A preset: its pairs (a function of the seed) and the model that can fit them. */
export interface Preset {
  id: 'negator' | 'negator-pairs' | 'doubler' | 'line-offset' | 'noisy-negator';
  name: string;
  description: string;
  model: ModelKind;
  pairs(seed: number): Pair[];
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** `n` pairs with inputs spread over [−5, 5] and targets −x plus noise in ±`noise`, seeded. */
export function noisyNegator(seed: number, n = 20, noise = 0.5): Pair[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const input = round(rand() * 10 - 5, 2);
    const target = round(-input + (rand() * 2 - 1) * noise, 3);
    return { input, target };
  });
}

const fromInputs = (inputs: number[], f: (x: number) => number): Pair[] =>
  inputs.map((input) => ({ input, target: f(input) }));

export const PRESETS: readonly Preset[] = Object.freeze([
  {
    id: 'negator',
    name: 'Negator (3 → −3)',
    model: 'w',
    description: 'The tutorial’s single pair: input 3, target −3.',
    pairs: () => [{ input: 3, target: -3 }],
  },
  {
    id: 'negator-pairs',
    name: 'Negator pairs',
    model: 'w',
    description: 'Several inputs, each with its negative as the target.',
    pairs: () => fromInputs([-4, -2, -1, 1, 2, 3, 5], (x) => -x),
  },
  {
    id: 'doubler',
    name: 'Doubler (y = 2x)',
    model: 'w',
    description: 'Targets twice the input; the weight should reach 2.',
    pairs: () => fromInputs([-3, -1, 1, 2, 4], (x) => 2 * x),
  },
  {
    id: 'line-offset',
    name: 'Line with offset (y = −x + 1)',
    model: 'w+b',
    description: 'A line that misses the origin: only the w + b model can fit it.',
    pairs: () => fromInputs([-2, -1, 0, 1, 2, 3], (x) => -x + 1),
  },
  {
    id: 'noisy-negator',
    name: 'Noisy negator',
    model: 'w',
    description: 'Twenty negator pairs with seeded noise (change Seed for other noise).',
    pairs: (seed: number) => noisyNegator(seed),
  },
] satisfies Preset[]);

/** The preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
