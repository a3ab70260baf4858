// The elementwise kernels switch on the op's code so that V8 inlines each op's math into its
// loop. An op without a case still gives the right values (through a slower call), so nothing
// else would notice a missing one: this test does, for every op in the registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Op } from '../../../src/engine/opcodes.ts';
import { ELEMENTWISE } from '../../../src/engine/ops/elementwise.ts';

const source = readFileSync('src/engine/kernels/elementwise.ts', 'utf8');

/** The `case Op.X` names in the body of exported function `name`. */
function cases(name: string): string[] {
  const start = source.indexOf(`export function ${name}(`);
  expect(start, `kernels/elementwise.ts has ${name}`).toBeGreaterThanOrEqual(0);
  const end = source.indexOf('\nexport function ', start + 1);
  return [...source.slice(start, end < 0 ? undefined : end).matchAll(/case Op\.(\w+):/g)].map((m) => m[1]);
}

describe('kernel switches', () => {
  // The switches every one-input op goes through; loopArrayNumber also serves two-input ops
  // with a number on the right.
  it.each(['unaryValue', 'loopArrayNumber'])('%s has a case for every one-input op', (fn) => {
    const have = new Set(cases(fn));
    const missing = ELEMENTWISE.filter((op) => op.arity === 1)
      .map((op) => Op[op.code])
      .filter((name) => !have.has(name));
    expect(missing, `add a case for each to ${fn}`).toEqual([]);
  });

  it('loopArrayNumber has a case for every two-input op', () => {
    const have = new Set(cases('loopArrayNumber'));
    expect(ELEMENTWISE.filter((op) => op.arity === 2 && !have.has(Op[op.code])).map((op) => op.name)).toEqual([]);
  });
});
