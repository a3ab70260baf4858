import { describe, expect, it } from 'vitest';
import { chartRows, decimate, type StepPoint } from '../../src/components/chart-rows.ts';

const series = (values: number[], from = 0): StepPoint[] => values.map((value, i) => ({ step: from + i, value }));

describe('decimate', () => {
  it('keeps short series whole', () => {
    const pts = series([3, 2, 1]);
    expect(decimate(pts, 0, 2, 100)).toEqual(pts);
  });

  it('keeps at most two points per pixel column, plus the first and last', () => {
    const pts = series(Array.from({ length: 10_001 }, (_, i) => Math.sin(i / 50)));
    const out = decimate(pts, 0, 10_000, 300);
    expect(out.length).toBeLessThanOrEqual(2 * 300 + 2);
    expect(out[0]).toEqual(pts[0]);
    expect(out[out.length - 1]).toEqual(pts[10_000]);
    const steps = out.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('keeps a one-step spike that a stride would skip', () => {
    const values = Array.from({ length: 100_000 }, () => 1);
    values[54_321] = 500;
    values[77_777] = -40;
    const out = decimate(series(values), 0, 99_999, 200);
    expect(out.some((p) => p.step === 54_321 && p.value === 500)).toBe(true);
    expect(out.some((p) => p.step === 77_777 && p.value === -40)).toBe(true);
  });

  it('prefers finite values over NaN within a column', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 2 ? NaN : i));
    const out = decimate(series(values), 0, 999, 10);
    expect(out.slice(1, -1).every((p) => Number.isFinite(p.value))).toBe(true);
  });
});

describe('chartRows', () => {
  it('merges series by step, each under its index key', () => {
    const rows = chartRows(
      [
        { key: 'a', name: 'A', color: 'red', points: series([5, 4, 3]) },
        { key: 'b', name: 'B', color: 'blue', points: series([9, 8], 1) },
      ],
      { columns: 100, x0: 0, x1: 2 },
    );
    expect(rows).toEqual([
      { step: 0, s0: 5 },
      { step: 1, s0: 4, s1: 9 },
      { step: 2, s0: 3, s1: 8 },
    ]);
  });

  it('leaves out what a log axis cannot place, and non-finite values', () => {
    const rows = chartRows([{ key: 'l', name: 'L', color: 'red', points: series([1, 0, -1, Infinity, 0.5]) }], {
      columns: 100,
      x0: 0,
      x1: 4,
      log: true,
    });
    expect(rows.map((r) => r.s0)).toEqual([1, null, null, null, 0.5]);
  });
});
