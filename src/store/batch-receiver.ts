/**
 * Takes a streaming run's batches in as they come and publishes them at a watchable rate: a
 * batch at once when the last publish is an interval old, otherwise when it will be; the
 * interval is 50 ms for paced runs (each step can be seen) and 200 ms at Max (a million-step
 * run must not keep the main thread redrawing).
 */

/** Longest wait before streamed batches are shown, for runs at Max. */
export const RENDER_INTERVAL_MS = 200;
/** Paced runs are shown at up to ~20 frames a second. */
export const PACED_RENDER_MS = 50;

export interface Receiver<B> {
  onBatch(batch: B): void;
  /** Publishes whatever arrived since the last time, now (at the run's end). */
  flush(): void;
}

/** `take` stores a batch in its run (false: the batch is stale and was dropped); `publish` tells the UI. */
export function batchReceiver<B>(
  take: (batch: B) => boolean,
  paced: () => boolean,
  publish: () => void,
  /** Longest wait at Max (RENDER_INTERVAL_MS unless given): a run whose pictures move wants ~30 a second. */
  maxMs = RENDER_INTERVAL_MS,
): Receiver<B> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // When the UI was last told: the next publish waits out the rest of the interval from then,
  // not a whole interval from the batch that came after it (which made a 33 ms interval
  // publish every 33–60 ms, 16 maps a second on the Network page instead of ~30).
  let last = -Infinity;
  const fire = () => {
    timer = null;
    last = performance.now();
    publish();
  };
  return {
    onBatch(batch) {
      if (!take(batch)) return;
      if (timer) return;
      const interval = paced() ? Math.min(PACED_RENDER_MS, maxMs) : maxMs;
      const wait = last + interval - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
  };
}

let nextRunId = 1;
/** A run id unique across every store that starts runs (the worker's controls are keyed by it). */
export const newRunId = (): number => nextRunId++;
