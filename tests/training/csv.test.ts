import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnsToCsv, looksLikeCsv, pairsToCsv, parseCsv } from '../../src/training/csv.ts';

describe('parseCsv', () => {
  it('a million one-value lines make a few notes and a count, not a million', () => {
    const text = Array.from({ length: 1_000_000 }, (_, i) => String(i)).join('\n');
    const { rows, notes } = parseCsv(text);
    expect(rows).toHaveLength(1_000_000);
    expect(notes).toHaveLength(6);
    expect(notes[0]).toBe('Line 1 has only one value; its target is left empty for you to fill in.');
    expect(notes[5]).toBe('…and 999,995 more lines like this (only one value).');
  });

  it('reads input,target lines with or without a header', () => {
    expect(parseCsv('3,-3\n1,-1\n').rows).toEqual([
      { input: '3', target: '-3' },
      { input: '1', target: '-1' },
    ]);
    const withHeader = parseCsv('input,target\n3,-3');
    expect(withHeader.rows).toEqual([{ input: '3', target: '-3' }]);
    expect(withHeader.notes.join(' ')).toMatch(/Line 1 .*header/);
  });

  it('handles messy input and keeps bad values as text to be flagged', () => {
    const r = parseCsv('\uFEFF"x";"y"\r\n 1,5 ; −2,5 \r\n\r\n4\t8\n5 10\n# comment\nabc,7\n9\n1,2,3\n');
    expect(r.rows).toEqual([
      { input: '1.5', target: '−2.5' },
      { input: '4', target: '8' },
      { input: '5', target: '10' },
      { input: 'abc', target: '7' },
      { input: '9', target: '' },
      { input: '1', target: '2' },
    ]);
    const notes = r.notes.join('\n');
    expect(notes).toMatch(/Line 1 .*header/);
    expect(notes).toMatch(/Line 8 has only one value/);
    expect(notes).toMatch(/Line 9 has 3 values; used the first two/);
    expect(notes).toMatch(/Skipped 1 blank line\./);
  });

  it('does not mistake a numeric first line for a header', () => {
    expect(parseCsv('1,2\n3,4').rows).toHaveLength(2);
    expect(parseCsv('x,2\n3,4').rows).toHaveLength(2);
  });

  it('says when nothing was found', () => {
    expect(parseCsv('\n\n').notes.join(' ')).toMatch(/No pairs found/);
  });

  it('never throws and writes back what it reads (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => parseCsv(s)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.record({ input: num, target: num }), { maxLength: 20 }), (pairs) => {
        const back = parseCsv(pairsToCsv(pairs)).rows.map((r) => ({
          input: Number(r.input),
          target: Number(r.target),
        }));
        expect(back).toEqual(pairs.map((p) => ({ input: p.input + 0, target: p.target + 0 })));
      }),
    );
  });
});

describe('CSV helpers', () => {
  it('looksLikeCsv: several values become rows, one number stays a cell edit', () => {
    expect(looksLikeCsv('3,-3')).toBe(true);
    expect(looksLikeCsv('1\n2')).toBe(true);
    expect(looksLikeCsv('1\t2')).toBe(true);
    expect(looksLikeCsv('-4.5')).toBe(false);
    expect(looksLikeCsv(' 7 ')).toBe(false);
  });

  it('columnsToCsv writes a header and one line per index', () => {
    expect(columnsToCsv({ step: [1, 2], loss: [0.5, 0.25] }, 2)).toBe('step,loss\n1,0.5\n2,0.25\n');
  });
});
