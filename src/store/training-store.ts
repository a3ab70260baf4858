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
import { newRunId } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';
import { continues, failure, runSlice, type RunBase, type RunControls, type RunStatus } from './run-slice.ts';
import type { Batch, RunEnd, StepResult, TrainerState } from '../worker-client.ts';

export type { RunStatus } from './run-slice.ts';
export { isLive } from './run-slice.ts';

export interface RunView extends RunBase<TrainingConfig> {
  /** Every state so far: step k's weight and bias with the loss and gradients there. */
  history: RunHistory;
  state: TrainerState | null;
  /** Batches received so far (each one message from the worker). */
  batches: number;
}

export interface TrainingState extends RunControls {
  runs: Record<string, RunView | undefined>;
  /** Validates and starts a run on `channel` at `speed`, ending that channel's previous run. Resolves when it ends. */
  train(channel: string, config: TrainingConfig, speed?: Speed): Promise<RunView | { issues: FieldIssue[] }>;
  /**
   * One step: of the paused run; or continuing the ended run with its optimizer state when its
   * config is `config`; or the first step of a new run. Resolves with the step's tape when the
   * worker recorded one (not for a paused run's step, which streams like a batch).
   */
  step(channel: string, config: TrainingConfig): Promise<StepResult | null>;
  /** Puts an ended run back on `channel` (e.g. read from storage after a reload); a channel in use is left alone. */
  adopt(
    channel: string,
    run: Pick<RunView, 'config' | 'status' | 'history' | 'state' | 'message' | 'divergedAt'>,
  ): void;
}

/** Rows reserved up front at most (the field's maximum, a million steps). */
const MAX_PREALLOCATED = 1_000_000;

const newRun = (
  channel: string,
  config: TrainingConfig,
  status: RunStatus,
  speed: Speed,
  // Room for every row the run will send, allocated at once (the pages come zeroed from the
  // system, lazily): growing a million-step history by doubling copied ~24 MB in one task.
  history = new RunHistory(Math.min(config.steps, MAX_PREALLOCATED) + 1),
): RunView => ({
  runId: newRunId(),
  channel,
  config,
  status,
  speed,
  history,
  state: null,
  version: 0,
  batches: 0,
});

/** A single step's rows: the state it reached, after the start state when the run begins with it. */
const rowsOf = (r: StepResult, withStart: boolean): Batch => {
  const { record: s } = r;
  const states = withStart ? [s.before, s] : [s];
  const col = (f: (x: StepResult['record']['before']) => number) => Float64Array.from(states, f);
  return {
    runId: 0,
    fromStep: withStart ? 0 : s.step,
    steps: withStart ? Float64Array.of(0, s.step) : Float64Array.of(s.step),
    loss: col((x) => x.loss),
    weight: col((x) => x.weight),
    bias: col((x) => x.bias),
    grad: col((x) => x.gradWeight),
    gradBias: col((x) => x.gradBias),
  };
};

export const trainingStore = createStore<TrainingState>()((set, get) => {
  const slice = runSlice<TrainingConfig, RunView>(get, set);
  const { patch, put } = slice;
  const client = () => getTrainerClient();

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
    ...slice.actions,
    async train(channel, config, speed = 'max') {
      const v = validateConfig(config);
      if (!v.ok) return { issues: v.issues };
      slice.endPrevious(channel);
      const run = newRun(channel, config, 'running', speed);
      put(run);
      const r = slice.receiver<Batch>(channel, run.runId, (cur, batch) => {
        cur.history.appendBatch(batch);
        cur.batches += 1;
      });
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
        patch(channel, run.runId, { status: 'error', message: failure(e) });
      }
      return get().runs[channel] ?? run;
    },
    async step(channel, config) {
      const run = get().runs[channel];
      if (run?.status === 'running') return null;
      const advancing = slice.advancePaused(channel);
      if (advancing) {
        await advancing;
        return null;
      }
      const goOn = continues(run, config, sameConfig);
      const target = goOn ? run : newRun(channel, config, 'stepped', run?.speed ?? 'max');
      let result: StepResult;
      try {
        result = await client().step(config, goOn ? run.state : undefined);
      } catch (e) {
        if (get().runs[channel] === run) put({ ...target, status: 'error', message: failure(e) });
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
        version: target.version + 1,
        message: undefined,
        elapsedMs: undefined,
      });
      return result;
    },
    adopt(channel, saved) {
      if (get().runs[channel]) return;
      put({ ...newRun(channel, saved.config, saved.status, 'max', saved.history), ...saved, version: 1 });
    },
  };
});

/** React binding: select a slice of the training store. */
export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}
