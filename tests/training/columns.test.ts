import { describe, expect, it } from 'vitest';
import { Columns } from '../../src/training/columns.ts';

describe('Columns', () => {
  it('pushes rows, grows by doubling and keeps what was there', () => {
    const c = new Columns(['a', 'b'] as const, 2);
    for (let i = 0; i < 5; i++) c.push({ a: i, b: -i });
    expect(c.length).toBe(5);
    expect(c.column('a').length).toBe(8);
    expect(Array.from(c.column('b').subarray(0, 5))).toEqual([-0, -1, -2, -3, -4]);
    expect(c.row(3)).toEqual({ a: 3, b: -3 });
  });

  it('appends blocks column by column; missing columns are zero', () => {
    const c = new Columns(['a', 'b'] as const, 1);
    c.push({ a: 9, b: 9 });
    c.append({ a: [1, 2, 3] }, 3);
    expect(Array.from(c.column('a').subarray(0, 4))).toEqual([9, 1, 2, 3]);
    expect(Array.from(c.column('b').subarray(0, 4))).toEqual([9, 0, 0, 0]);
  });

  it('take() copies exactly the filled rows out and empties the columns', () => {
    const c = new Columns(['a'] as const, 4);
    c.push({ a: 1 });
    c.push({ a: 2 });
    const out = c.take();
    expect(Array.from(out.a)).toEqual([1, 2]);
    expect(out.a.buffer).not.toBe(c.column('a').buffer); // safe to transfer
    expect(c.length).toBe(0);
  });
});
