import { describe, expect, it } from 'vitest';
import { RunHistory, descentPath, downsample } from '../../src/store/history.ts';
import type { Batch } from '../../src/worker-client.ts';

function batch(from: number, values: number[], runId = 1): Batch {
  const col = (f: (v: number) => number) => Float64Array.from(values, f);
  return {
    runId,
    fromStep: from,
    steps: col((_) => 0).map((_, i) => from + i),
    loss: col((v) => v),
    weight: col((v) => -v),
    bias: col(() => 0),
    grad: col((v) => 2 * v),
    gradBias: col(() => 0),
  };
}

describe('RunHistory', () => {
  it('appends batches into typed arrays that grow by doubling', () => {
    const h = new RunHistory(4);
    h.appendBatch(batch(1, [1, 2, 3]));
    expect(h.steps.length).toBe(4);
    h.appendBatch(batch(4, [4, 5, 6, 7, 8, 9]));
    expect(h.length).toBe(9);
    expect(h.steps.length).toBe(16);
    expect(Array.from(h.loss.subarray(0, 9))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(h.latest()).toEqual({ step: 9, loss: 9, weight: -9, bias: 0, grad: 18, gradBias: 0 });
    expect(h.indexOf(4)).toBe(3);
    expect(h.indexOf(10)).toBe(-1);
  });

  it('holds a million steps as six Float64Arrays', () => {
    const h = new RunHistory();
    for (let from = 1; from <= 1_000_000; from += 10_000) h.appendBatch(batch(from, new Array(10_000).fill(from)));
    expect(h.length).toBe(1_000_000);
    expect(h.loss).toBeInstanceOf(Float64Array);
    expect(h.loss.length).toBeLessThan(2 * 1_048_576 + 1);
  });
});

describe('downsample', () => {
  it('returns every point for short runs', () => {
    const h = new RunHistory();
    h.appendBatch(batch(1, [5, 4, 3]));
    expect(downsample(h, 'loss')).toEqual([
      { step: 1, value: 5 },
      { step: 2, value: 4 },
      { step: 3, value: 3 },
    ]);
  });

  it('keeps at most ~1000 points and never loses a spike', () => {
    const h = new RunHistory();
    const values = Array.from({ length: 100_000 }, (_, i) => 1 / (i + 1));
    values[73_456] = 50; // a single-step spike
    h.appendBatch(batch(1, values));
    const pts = downsample(h, 'loss', 1000);
    expect(pts.length).toBeLessThanOrEqual(1000);
    expect(pts.some((p) => p.step === 73_457 && p.value === 50)).toBe(true);
    expect(pts[0].step).toBe(1);
    // Steps stay in order so the line is drawn left to right.
    for (let i = 1; i < pts.length; i++) expect(pts[i].step).toBeGreaterThan(pts[i - 1].step);
  });
});

describe('descentPath', () => {
  // The tutorial's first three steps as states, as the worker records them (row 0 is the start).
  const rows = {
    steps: [0, 1, 2, 3],
    loss: [20.25, 13.6161, 9.1555, 6.156],
    weight: [0.5, 0.23, 0.0086, -0.172948],
    grad: [27, 22.14, 18.1548, 14.887],
  };
  const h = new RunHistory();
  h.append({ ...rows, bias: [0, 0, 0, 0], gradBias: [0, 0, 0, 0] }, 4);

  it('is the rows themselves: each weight with the loss and slope measured there', () => {
    expect(descentPath(h).map((p) => [p.step, p.w, p.loss, p.grad])).toEqual([
      [0, 0.5, 20.25, 27],
      [1, 0.23, 13.6161, 22.14],
      [2, 0.0086, 9.1555, 18.1548],
      [3, -0.172948, 6.156, 14.887],
    ]);
  });

  it('thins long runs to at most ~max points, keeping the first and the last', () => {
    const long = new RunHistory();
    for (let i = 0; i < 1000; i++) long.push({ steps: i, loss: 999 - i, weight: i, grad: 1 });
    const path = descentPath(long, 50);
    expect(path.length).toBeLessThanOrEqual(51);
    expect(path[0].step).toBe(0);
    expect(path[path.length - 1]).toMatchObject({ step: 999, loss: 0 });
  });
});
