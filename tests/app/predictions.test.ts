// The router lists each step's predictions (the Overview's tally counts them from there): every
// <Prediction id> a lesson renders must be listed once, under the step whose page asks it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PREDICTIONS, NEGATOR_PREDICTIONS, NEGATOR_STEPS } from '../../src/router.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('predictions', () => {
  it('are listed in the router exactly as the lessons ask them', () => {
    const asked = sources('src/lessons').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/<Prediction\s[^>]*?id="([^"]+)"/gs)].map((m) => m[1]),
    );
    expect([...asked].sort()).toEqual([...ALL_PREDICTIONS].sort());
    expect(new Set(ALL_PREDICTIONS).size).toBe(ALL_PREDICTIONS.length);
  });

  it('of lesson 1 are its steps’ in order', () => {
    expect(NEGATOR_PREDICTIONS).toEqual(NEGATOR_STEPS.flatMap((s) => [...s.predictions]));
    expect(NEGATOR_PREDICTIONS[0]).toBe('perceptron-weight');
  });
});
