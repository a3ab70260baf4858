// How often streamed batches are shown: the first at once, then at most every 200 ms at Max (a
// million-step run), every 50 ms paced, and every 33 ms for a run whose maps move.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PACED_RENDER_MS, RENDER_INTERVAL_MS, batchReceiver } from '../../src/store/batch-receiver.ts';
import { MAPS_RENDER_MS } from '../../src/store/network-store.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function count(paced: boolean, maxMs?: number) {
  let shown = 0;
  const r = batchReceiver<number>(
    () => true,
    () => paced,
    () => shown++,
    maxMs,
  );
  return { r, shown: () => shown };
}

describe('batch receiver', () => {
  it('shows the first batch at once and the next ones at most every interval', () => {
    for (const [paced, maxMs, wait] of [
      [false, undefined, RENDER_INTERVAL_MS],
      [true, undefined, PACED_RENDER_MS],
      [false, MAPS_RENDER_MS, MAPS_RENDER_MS],
      [true, MAPS_RENDER_MS, MAPS_RENDER_MS],
    ] as const) {
      const c = count(paced, maxMs);
      c.r.onBatch(1);
      expect(c.shown()).toBe(1);
      c.r.onBatch(2);
      c.r.onBatch(3);
      vi.advanceTimersByTime(wait - 1);
      expect(c.shown()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(c.shown()).toBe(2);
    }
  });

  it('waits only for the rest of the interval since it last showed one: a map run shows a batch every 33 ms, not every 33 + gap', () => {
    const c = count(false, MAPS_RENDER_MS);
    c.r.onBatch(1); // shown at t = 0
    vi.advanceTimersByTime(20);
    c.r.onBatch(2); // due at t = 33, 13 ms from now
    vi.advanceTimersByTime(12);
    expect(c.shown()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(c.shown()).toBe(2);
    // A batch that comes more than an interval after the last one shown is shown at once.
    vi.advanceTimersByTime(40);
    c.r.onBatch(3);
    expect(c.shown()).toBe(3);
    // Over a second of batches every 25 ms, ~30 are shown (one per 33 ms), not ~17.
    for (let t = 0; t < 1000; t += 25) {
      c.r.onBatch(4);
      vi.advanceTimersByTime(25);
    }
    expect(c.shown() - 3).toBeGreaterThanOrEqual(25);
    expect(c.shown() - 3).toBeLessThanOrEqual(31);
  });
});
