/**
 * What the Layers pages share: reading a network run for the page (its latest epoch, chart
 * points, status line), its Speed, and the run configs each step trains.
 */
import type { StoreApi } from 'zustand';
import type { RunStore } from '../../components/run-controls.tsx';
import type { StatusInfo } from '../../components/run-status.tsx';
import { useRedrawLater } from '../../components/schedule.tsx';
import { lessonStore, useLesson } from '../../store/lesson-store.ts';
import { networkStore, useNetwork, type NetworkColumn, type NetworkRunView } from '../../store/network-store.ts';
import { LESSON_SPEED, type Speed } from '../../training/pace.ts';
import { PLAYGROUND_DEFAULTS, type NetworkConfig } from '../../training/network/config.ts';

export const NETWORK_STORE = networkStore as unknown as StoreApi<RunStore<NetworkConfig>>;

/** A channel's run, redrawn when the page has time. */
export function useNetworkRun(channel: string): NetworkRunView | undefined {
  return useRedrawLater(useNetwork((s) => s.runs[channel]));
}

/** The run's latest row: epoch and its losses and accuracies, or undefined before any. */
export function latest(run: NetworkRunView | undefined): Record<NetworkColumn, number> | undefined {
  const n = run?.history.length ?? 0;
  return n ? run!.history.row(n - 1) : undefined;
}

/** "after step 40" (or "after epoch 40") — the state a figure shows, in the words its page counts in. */
export const stateOf = (run: NetworkRunView | undefined, unit = 'step'): string => {
  const row = latest(run);
  return row ? (row.epochs === 0 ? `before training (${unit} 0)` : `after ${unit} ${row.epochs}`) : 'before training';
};

/** The run's status line; `unit` names a step ('epoch' where a step is a pass over mini-batches). */
export const networkStatus = (run: NetworkRunView | undefined, unit = 'step'): StatusInfo | undefined =>
  run && {
    status: run.status,
    step: latest(run)?.epochs ?? 0,
    steps: run.config.steps,
    message: run.message,
    unit,
  };

/** Every update's mini-batch loss, at most ~`max` points (evenly spread, the last kept). */
export function batchPoints(run: NetworkRunView | undefined, max = 3000): { step: number; value: number }[] {
  const h = run?.batchHistory;
  if (!h || !h.length) return [];
  const at = h.column('at');
  const loss = h.column('loss');
  const stride = Math.max(1, Math.ceil(h.length / max));
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < h.length; i += stride) out.push({ step: at[i], value: loss[i] });
  if ((h.length - 1) % stride !== 0) out.push({ step: at[h.length - 1], value: loss[h.length - 1] });
  return out;
}

/** At most ~`max` points of one column, evenly spread, the last always included. */
export function epochPoints(
  run: NetworkRunView | undefined,
  column: NetworkColumn,
  scale = 1,
  max = 500,
): { step: number; value: number }[] {
  if (!run) return [];
  const h = run.history;
  const epochs = h.column('epochs');
  const ys = h.column(column);
  const stride = Math.max(1, Math.ceil(h.length / max));
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < h.length; i += stride) out.push({ step: epochs[i], value: ys[i] * scale });
  const last = h.length - 1;
  if (last >= 0 && last % stride !== 0) out.push({ step: epochs[last], value: ys[last] * scale });
  return out;
}

/** The Speed a Layers page shows its runs at: the learner's choice, or `fallback`. */
export function useLayersSpeed(page: string, fallback: Speed = LESSON_SPEED): [Speed, (s: Speed) => void] {
  const speed = useLesson((s) => s.speeds[page] ?? fallback);
  return [speed, (s) => lessonStore.getState().setSpeed(page, s)];
}

/** A network run's settings for the lessons: the Playground's defaults with these changes. */
export const networkConfig = (c: Partial<NetworkConfig>): NetworkConfig => ({ ...PLAYGROUND_DEFAULTS, ...c });

/** |x| at 21 evenly spaced x from −2 to 2 (step 0.2). */
export const ABS_XS = Array.from({ length: 21 }, (_, i) => Number((-2 + i * 0.2).toFixed(1)));
export const ABS_DATA: NetworkConfig['data'] = {
  kind: 'pairs',
  inputs: ABS_XS.map((x) => [x]),
  targets: ABS_XS.map(Math.abs),
};

/** "setosa and versicolor" */
export const pairName = (names: readonly string[], [i, j]: readonly [number, number]) => `${names[i]} and ${names[j]}`;
