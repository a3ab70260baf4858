/**
 * Reading a network run for a page (lesson 3 and the Network page): the store as the run
 * controls see it, a channel's run redrawn when the page has time, its latest epoch, the state
 * a figure names, its status line and chart points.
 */
import type { StoreApi } from 'zustand';
import type { RunStore } from './run-controls.tsx';
import type { StatusInfo } from './run-status.tsx';
import { useRedrawLater } from './schedule.tsx';
import { networkStore, useNetwork, type NetworkColumn, type NetworkRunView } from '../store/network-store.ts';
import type { NetworkConfig } from '../training/network/config.ts';

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
