import { describe, expect, it } from 'vitest';
import { RunHistory, downsample } from '../../src/store/history.ts';
import type { Batch } from '../../src/worker-client.ts';

function batch(from: number, values: number[], runId = 1): Batch {
  const steps = Float64Array.from(values, (_, i) => from + i);
  return { runId, fromStep: from, steps, loss: Float64Array.from(values), weight: Float64Array.from(values, (v) => -v) };
}

describe('RunHistory', () => {
  it('appends batches into typed arrays that grow by doubling', () => {
    const h = new RunHistory(4);
    h.append(batch(1, [1, 2, 3]));
    expect(h.steps.length).toBe(4);
    h.append(batch(4, [4, 5, 6, 7, 8, 9]));
    expect(h.length).toBe(9);
    expect(h.steps.length).toBe(16);
    expect(Array.from(h.loss.subarray(0, 9))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(h.latest()).toEqual({ step: 9, loss: 9, weight: -9, bias: 0 });
  });

  it('holds a million steps as four Float64Arrays', () => {
    const h = new RunHistory();
    for (let from = 1; from <= 1_000_000; from += 10_000) h.append(batch(from, new Array(10_000).fill(from)));
    expect(h.length).toBe(1_000_000);
    expect(h.loss).toBeInstanceOf(Float64Array);
    expect(h.loss.length).toBeLessThan(2 * 1_048_576 + 1);
  });
});

describe('downsample', () => {
  it('returns every point for short runs', () => {
    const h = new RunHistory();
    h.append(batch(1, [5, 4, 3]));
    expect(downsample(h, 'loss')).toEqual([{ step: 1, value: 5 }, { step: 2, value: 4 }, { step: 3, value: 3 }]);
  });

  it('keeps at most ~1000 points and never loses a spike', () => {
    const h = new RunHistory();
    const values = Array.from({ length: 100_000 }, (_, i) => 1 / (i + 1));
    values[73_456] = 50; // a single-step spike
    h.append(batch(1, values));
    const pts = downsample(h, 'loss', 1000);
    expect(pts.length).toBeLessThanOrEqual(1000);
    expect(pts.some((p) => p.step === 73_457 && p.value === 50)).toBe(true);
    expect(pts[0].step).toBe(1);
    // Steps stay in order so the line is drawn left to right.
    for (let i = 1; i < pts.length; i++) expect(pts[i].step).toBeGreaterThan(pts[i - 1].step);
  });
});
