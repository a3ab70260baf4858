import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/training/digits.ts';

describe('groupDigits', () => {
  it('writes what toLocaleString("en-US") writes for whole numbers', () => {
    for (const n of [
      0,
      1,
      12,
      999,
      1000,
      1001,
      40_000,
      123_456,
      1_000_000,
      9_999_999,
      -1,
      -1000,
      -1_234_567,
      1e21,
      2e25,
      1.2345e22,
      Infinity,
      -Infinity,
    ]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('keeps a short fraction as it is', () => {
    expect(groupDigits(1234.5)).toBe('1,234.5');
  });
});
