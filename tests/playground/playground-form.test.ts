import { describe, expect, it } from 'vitest';
import { checkCell, readPlaygroundForm } from '../../src/playground/playground-form.ts';
import { DEFAULT_SETTINGS, type PairRow } from '../../src/store/playground-store.ts';

const rows = (...pairs: [string, string][]): PairRow[] =>
  pairs.map(([input, target], i) => ({ id: i + 1, input, target }));

describe('checkCell', () => {
  it('reads a number or says what is wrong', () => {
    expect(checkCell(' 2.5 ', 'Input')).toEqual({ value: 2.5 });
    expect(checkCell('', 'Target')).toEqual({ message: 'Target is empty; enter a number.' });
    expect(checkCell('2e7', 'Input')).toEqual({
      message: 'Input 2e7 is out of range. Input must be between −1,000,000 and 1,000,000.',
    });
  });
});

describe('readPlaygroundForm', () => {
  it('builds the config when every cell and setting is valid', () => {
    const f = readPlaygroundForm(rows(['1', '-1'], ['2', '-2']), {
      ...DEFAULT_SETTINGS,
      learningRate: '0.05',
      optimizer: 'adam',
    });
    expect(f.problems).toBe(0);
    expect(f.config).toMatchObject({
      pairs: [
        { input: 1, target: -1 },
        { input: 2, target: -2 },
      ],
      learningRate: 0.05,
      optimizer: 'adam',
    });
  });

  it('keys cell messages by row id and counts every problem', () => {
    const f = readPlaygroundForm(rows(['1', '-1'], ['x', ''], ['3', '-3']), { ...DEFAULT_SETTINGS, steps: '0' });
    expect(f.config).toBeNull();
    expect([...f.cells.keys()]).toEqual([2]);
    expect(f.cells.get(2)).toEqual({
      input: 'Input: "x" is not a number.',
      target: 'Target is empty; enter a number.',
    });
    expect(f.problems).toBe(2); // the steps check runs only once the table is valid
    const g = readPlaygroundForm(rows(['1', '-1']), { ...DEFAULT_SETTINGS, steps: '0' });
    expect(g.fields.steps).toBe('Steps must be at least 1.');
    expect(g.problems).toBe(1);
  });

  it('an empty table is one problem for the table as a whole', () => {
    const f = readPlaygroundForm([], DEFAULT_SETTINGS);
    expect(f.table).toMatch(/The table is empty/);
    expect(f.problems).toBe(1);
  });
});
