/**
 * Runs in flight and finished, one per channel ("lesson", "playground", …). The only code
 * that starts or stops training; components read it through selectors.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { validateConfig, type FieldIssue, type TrainingConfig } from '../training/config.ts';
import { RunHistory } from './history.ts';
import { getTrainerClient } from './trainer-client.ts';
import type { RunEnd } from '../worker-client.ts';
import type { StepRecord } from '../training/trainer.ts';

export type RunStatus = 'running' | 'done' | 'stopped' | 'diverged' | 'error';

export interface RunView {
  runId: number;
  channel: string;
  config: TrainingConfig;
  status: RunStatus;
  history: RunHistory;
  /** Bumped on every appended batch so selectors re-render; the history mutates in place. */
  version: number;
  /** Learner-facing explanation for 'diverged' and 'error'. */
  message?: string;
  /** For 'diverged': the step where the loss blew up. */
  divergedAt?: number;
  /** Batches received so far (each one message from the worker). */
  batches: number;
  /** Worker-side wall time, once the run has ended. */
  elapsedMs?: number;
}

export interface TrainingState {
  runs: Record<string, RunView | undefined>;
  /** Validates and starts a run on `channel`, stopping that channel's previous run. */
  start(channel: string, config: TrainingConfig): Promise<RunView | { issues: FieldIssue[] }>;
  /** Stops the channel's run at its next batch boundary. */
  stop(channel: string): Promise<void>;
  /**
   * Appends one manually taken step (the Step button) to the channel's run, starting a new
   * run when there is none, one is still running, or the config changed.
   */
  recordStep(channel: string, config: TrainingConfig, record: StepRecord): void;
  /** Forgets the channel's run (Reset). */
  clear(channel: string): void;
}

let nextRunId = 1;
/** Longest wait before appended batches are shown. */
const RENDER_INTERVAL_MS = 200;

export const trainingStore = createStore<TrainingState>()((set, get) => {
  const patch = (channel: string, runId: number, p: Partial<RunView>) => {
    const run = get().runs[channel];
    if (!run || run.runId !== runId) return; // a stale run: its news must not reach the charts
    set({ runs: { ...get().runs, [channel]: { ...run, ...p } } });
  };
  const finish = (channel: string, runId: number, end: RunEnd) =>
    patch(channel, runId, { status: end.status, message: end.message, divergedAt: end.status === 'diverged' ? end.lastStep : undefined, elapsedMs: end.elapsedMs });

  return {
    runs: {},
    async start(channel, config) {
      const v = validateConfig(config);
      if (!v.ok) return { issues: v.issues };
      const previous = get().runs[channel];
      const client = getTrainerClient();
      if (previous?.status === 'running') void client.stop(previous.runId).catch(() => undefined);
      const runId = nextRunId++;
      const run: RunView = { runId, channel, config, status: 'running', history: new RunHistory(), version: 0, batches: 0 };
      set({ runs: { ...get().runs, [channel]: run } });
      // Batches land in the history at once; re-renders are capped at ~10 per second so a
      // million-step run never keeps the main thread busy redrawing charts.
      let timer: ReturnType<typeof setTimeout> | null = null;
      const publish = () => {
        timer = null;
        const cur = get().runs[channel];
        if (cur) patch(channel, runId, { version: cur.version + 1 });
      };
      try {
        const end = await client.train(config, (batch) => {
          const cur = get().runs[channel];
          if (!cur || cur.runId !== batch.runId) return;
          cur.history.append(batch);
          cur.batches += 1;
          if (cur.version === 0) publish();
          else timer ??= setTimeout(publish, RENDER_INTERVAL_MS);
        }, { runId, channel });
        if (timer) clearTimeout(timer);
        publish();
        finish(channel, runId, end);
      } catch (e) {
        if (timer) clearTimeout(timer);
        patch(channel, runId, { status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
      return get().runs[channel] ?? run;
    },
    async stop(channel) {
      const run = get().runs[channel];
      if (run?.status === 'running') await getTrainerClient().stop(run.runId).catch(() => undefined);
    },
    recordStep(channel, config, record) {
      let run = get().runs[channel];
      if (!run || run.status === 'running' || JSON.stringify(run.config) !== JSON.stringify(config)) {
        run = { runId: nextRunId++, channel, config, status: 'stopped', history: new RunHistory(), version: 0, batches: 0 };
      }
      const one = (v: number) => Float64Array.of(v);
      run.history.append({ runId: run.runId, fromStep: record.step, steps: one(record.step), loss: one(record.loss), weight: one(record.weight), bias: one(record.bias) });
      set({ runs: { ...get().runs, [channel]: { ...run, status: 'stopped', version: run.version + 1, message: undefined } } });
    },
    clear(channel) {
      const run = get().runs[channel];
      if (run?.status === 'running') void getTrainerClient().stop(run.runId).catch(() => undefined);
      set({ runs: { ...get().runs, [channel]: undefined } });
    },
  };
});

/** React binding: select a slice of the training store. */
export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}
