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
});
