/**
 * Runs in flight and finished, one per channel ("descent", "playground-3", …). The only code
 * that starts, paces, pauses, steps or stops training: features call these actions and read
 * runs through selectors.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { sameConfig, validateConfig, type FieldIssue, type TrainingConfig } from '../training/config.ts';
import { stepsPerSecond, type Speed } from '../training/pace.ts';
import { explainOverflow, overflowed } from '../training/divergence.ts';
import { RunHistory } from './history.ts';
import { batchReceiver, newRunId } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';
import type { Batch, EndStatus, Head, RunEnd, StepResult, TrainerState } from '../worker-client.ts';

/** Where a run is: still going ('running', 'paused'), ended (EndStatus), advanced by Step only, or failed. */
export type RunStatus = EndStatus | 'running' | 'paused' | 'stepped' | 'error';

export interface RunView {
  runId: number;
  channel: string;
  config: TrainingConfig;
  status: RunStatus;
  speed: Speed;
  history: RunHistory;
  /** Loss and gradients at the latest parameters (what the next step will measure). */
  head: Head | null;
  /** Weights and optimizer slots where the run ended or was stepped to; Step continues from here. */
  state: TrainerState | null;
  /** Bumped on every appended batch so selectors re-render; the history mutates in place. */
  version: number;
  /** Learner-facing explanation (divergence, overflow, error). */
  message?: string;
  /** The step where the loss was first seen blowing up; the run goes on to show it. */
  divergedAt?: number;
  /** Batches received so far (each one message from the worker). */
  batches: number;
  /** Worker-side wall time, once the run has ended. */
  elapsedMs?: number;
}

/** A run still in the worker (it can be paused, resumed, stepped or stopped there). */
export const isLive = (run: RunView | undefined): boolean => run?.status === 'running' || run?.status === 'paused';

export interface TrainingState {
  runs: Record<string, RunView | undefined>;
  /** Validates and starts a run on `channel` at `speed`, ending that channel's previous run. Resolves when it ends. */
  train(channel: string, config: TrainingConfig, speed?: Speed): Promise<RunView | { issues: FieldIssue[] }>;
  /** Ends the channel's run before its next step. */
  stop(channel: string): Promise<void>;
  /** Holds the channel's running run. */
  pause(channel: string): Promise<void>;
  /** Continues the channel's paused run. */
  resume(channel: string): Promise<void>;
  /** Changes the pace of the channel's run (and of its next runs). */
  setSpeed(channel: string, speed: Speed): Promise<void>;
  /**
   * One step: of the paused run; or continuing the ended run with its optimizer state when its
   * config is `config`; or the first step of a new run. Resolves with the step's tape when the
   * worker recorded one (not for a paused run's step, which streams like a batch).
   */
  step(channel: string, config: TrainingConfig): Promise<StepResult | null>;
  /** Ends and forgets the channel's run (Reset). */
  reset(channel: string): void;
  /** Puts an ended run back on `channel` (e.g. read from storage after a reload); a channel in use is left alone. */
  adopt(
    channel: string,
    run: Pick<RunView, 'config' | 'status' | 'history' | 'head' | 'state' | 'message' | 'divergedAt'>,
  ): void;
}

const newRun = (channel: string, config: TrainingConfig, status: RunStatus, speed: Speed): RunView => ({
  runId: newRunId(),
  channel,
  config,
  status,
  speed,
  history: new RunHistory(),
  head: null,
  state: null,
  version: 0,
  batches: 0,
});

const rowsOf = (r: StepResult, withStart: boolean): Batch => {
  const { record: s } = r;
  const col = (start: number, v: number) => (withStart ? Float64Array.of(start, v) : Float64Array.of(v));
  return {
    runId: 0,
    fromStep: withStart ? 0 : s.step,
    steps: col(0, s.step),
    loss: col(s.loss, s.loss),
    weight: col(s.weightBefore, s.weight),
    bias: col(s.biasBefore, s.bias),
    grad: col(s.gradWeight, s.gradWeight),
    gradBias: col(s.gradBias, s.gradBias),
    head: r.head,
  };
};

export const trainingStore = createStore<TrainingState>()((set, get) => {
  const patch = (channel: string, runId: number, p: Partial<RunView>) => {
    const run = get().runs[channel];
    if (!run || run.runId !== runId) return; // a stale run: its news must not reach the charts
    set({ runs: { ...get().runs, [channel]: { ...run, ...p } } });
  };
  const put = (run: RunView) => set({ runs: { ...get().runs, [run.channel]: run } });
  const client = () => getTrainerClient();
  const ignore = () => undefined;

  /** Takes batches into the run's history and publishes them at a watchable rate. */
  const receiver = (channel: string, runId: number) =>
    batchReceiver<Batch>(
      (batch) => {
        const cur = get().runs[channel];
        if (!cur || cur.runId !== batch.runId) return false;
        cur.history.appendBatch(batch);
        cur.head = batch.head;
        cur.batches += 1;
        return true;
      },
      () => {
        const cur = get().runs[channel];
        return !!cur && (stepsPerSecond(cur.speed, cur.config.steps) !== null || cur.status === 'paused');
      },
      () => {
        const cur = get().runs[channel];
        if (cur) patch(channel, runId, { version: cur.version + 1 });
      },
    );

  const finish = (channel: string, runId: number, end: RunEnd) =>
    patch(channel, runId, {
      status: end.status,
      message: end.message,
      divergedAt: end.divergedAt,
      elapsedMs: end.elapsedMs,
      state: end.state,
    });

  return {
    runs: {},
    async train(channel, config, speed = 'max') {
      const v = validateConfig(config);
      if (!v.ok) return { issues: v.issues };
      const previous = get().runs[channel];
      if (isLive(previous)) void client().stop(previous!.runId).catch(ignore);
      const run = newRun(channel, config, 'running', speed);
      put(run);
      const r = receiver(channel, run.runId);
      try {
        const end = await client().train(config, r.onBatch, {
          runId: run.runId,
          channel,
          stepsPerSecond: stepsPerSecond(speed, config.steps),
        });
        r.flush();
        finish(channel, run.runId, end);
      } catch (e) {
        r.flush();
        patch(channel, run.runId, { status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
      return get().runs[channel] ?? run;
    },
    async stop(channel) {
      const run = get().runs[channel];
      if (isLive(run)) await client().stop(run!.runId).catch(ignore);
    },
    async pause(channel) {
      const run = get().runs[channel];
      if (run?.status !== 'running') return;
      patch(channel, run.runId, { status: 'paused' });
      await client().pause(run.runId).catch(ignore);
    },
    async resume(channel) {
      const run = get().runs[channel];
      if (run?.status !== 'paused') return;
      patch(channel, run.runId, { status: 'running' });
      await client().resume(run.runId).catch(ignore);
    },
    async setSpeed(channel, speed) {
      const run = get().runs[channel];
      if (!run) return;
      patch(channel, run.runId, { speed });
      if (isLive(run)) await client().setSpeed(run.runId, stepsPerSecond(speed, run.config.steps)).catch(ignore);
    },
    async step(channel, config) {
      const run = get().runs[channel];
      if (run?.status === 'running') return null;
      if (run?.status === 'paused') {
        await client().advance(run.runId).catch(ignore);
        return null;
      }
      const goOn =
        run && run.state && run.status !== 'overflowed' && run.status !== 'error' && sameConfig(run.config, config);
      const target = goOn ? run : newRun(channel, config, 'stepped', run?.speed ?? 'max');
      let result: StepResult;
      try {
        result = await client().step(config, goOn ? run.state! : undefined);
      } catch (e) {
        if (get().runs[channel] === run)
          put({ ...target, status: 'error', message: e instanceof Error ? e.message : String(e) });
        return null;
      }
      if (get().runs[channel] !== run) return result; // reset or replaced meanwhile
      if (overflowed(result.record)) {
        put({ ...target, status: 'overflowed', message: explainOverflow(config, result.record.step) });
        return result;
      }
      target.history.appendBatch(rowsOf(result, !goOn));
      put({
        ...target,
        status: 'stepped',
        state: result.state,
        head: result.head,
        version: target.version + 1,
        message: undefined,
        elapsedMs: undefined,
      });
      return result;
    },
    reset(channel) {
      const run = get().runs[channel];
      if (isLive(run)) void client().stop(run!.runId).catch(ignore);
      set({ runs: { ...get().runs, [channel]: undefined } });
    },
    adopt(channel, saved) {
      if (get().runs[channel]) return;
      put({ ...newRun(channel, saved.config, saved.status, 'max'), ...saved, version: 1 });
    },
  };
});

/** React binding: select a slice of the training store. */
export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}
