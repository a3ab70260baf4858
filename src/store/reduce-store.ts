/**
 * The Reduce lesson's runs, one per channel ('points', 'iris', 'lr-0.5', …): the only code that
 * starts, paces, pauses, steps or stops them. Each keeps its loss (and angle to PCA) per step
 * and where the points are now, for the scatter.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { Columns } from '../training/columns.ts';
import { stepsPerSecond, type Speed } from '../training/pace.ts';
import type { ReduceBatch, ReduceEnd, ReduceRunConfig } from '../worker-client.ts';
import { newRunId } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';
import { failure, runSlice, type RunBase, type RunControls } from './run-slice.ts';

export const REDUCE_COLUMNS = ['steps', 'loss', 'angle', 'gradNorm'] as const;
export type ReduceColumn = (typeof REDUCE_COLUMNS)[number];

export interface ReduceRunView extends RunBase<ReduceRunConfig> {
  /** One state per row: step k's loss, angle to PCA's plane (autoencoder) and gradient size, all at its parameters. */
  history: Columns<ReduceColumn>;
  /** The 2-D points after the latest step (150×2 flowers or 4×2 positions), row-major. */
  points: Float64Array | null;
  /** The trained matrix after it (W, or the positions). */
  weights: Float64Array | null;
  /** For the four points: each pair's 2-D distance now. */
  pairDistances: Float64Array | null;
  state: ReduceEnd['state'] | null;
  computeMs?: number;
}

export interface ReduceState extends RunControls {
  runs: Record<string, ReduceRunView | undefined>;
  train(channel: string, config: ReduceRunConfig, speed?: Speed): Promise<void>;
  /** One step: of the paused run, or further along the ended run with these settings, or the first of a new one. */
  step(channel: string, config: ReduceRunConfig): Promise<void>;
}

const sameSettings = (a: ReduceRunConfig, b: ReduceRunConfig) => JSON.stringify(a) === JSON.stringify(b);

export const reduceStore = createStore<ReduceState>()((set, get) => {
  const slice = runSlice<ReduceRunConfig, ReduceRunView>(get, set);
  const { patch, put } = slice;
  const client = () => getTrainerClient();

  /** Runs `config` on `channel` (or one more step of `from`) and records how it ends. */
  const run = async (channel: string, config: ReduceRunConfig, speed: Speed, from?: ReduceRunView) => {
    const view: ReduceRunView = from
      ? { ...from, runId: newRunId(), status: 'running', speed }
      : {
          runId: newRunId(),
          channel,
          config,
          status: 'running',
          speed,
          history: new Columns(REDUCE_COLUMNS),
          points: null,
          weights: null,
          pairDistances: null,
          state: null,
          version: 0,
        };
    put(view);
    const r = slice.receiver<ReduceBatch>(channel, view.runId, (cur, b) => {
      cur.history.append(b, b.steps.length);
      Object.assign(cur, {
        points: b.points,
        weights: b.weights,
        pairDistances: b.pairDistances.length ? b.pairDistances : null,
      });
    });
    const opts = {
      runId: view.runId,
      channel: `reduce:${channel}`,
      stepsPerSecond: from ? null : stepsPerSecond(speed, config.steps),
      from: from?.state ?? undefined,
      until: from ? (from.state?.step ?? 0) + 1 : undefined,
    };
    try {
      const end = await client().trainReduce(config, r.onBatch, opts);
      r.flush();
      patch(channel, view.runId, {
        status: from ? 'stepped' : end.status,
        message: end.message,
        divergedAt: end.divergedAt ?? from?.divergedAt,
        elapsedMs: from ? undefined : end.elapsedMs,
        computeMs: from ? undefined : end.computeMs,
        state: end.state,
      });
    } catch (e) {
      r.flush();
      patch(channel, view.runId, { status: 'error', message: failure(e) });
    }
  };

  return {
    runs: {},
    ...slice.actions,
    async train(channel, config, speed = 'max') {
      slice.endPrevious(channel);
      await run(channel, config, speed);
    },
    async step(channel, config) {
      await slice.step(
        channel,
        config,
        sameSettings,
        (cur) => run(channel, config, cur.speed, cur),
        // A first Step: a run of one step, kept under the full config.
        async () => {
          await run(channel, { ...config, steps: 1 } as ReduceRunConfig, 'max');
          return { config };
        },
      );
    },
  };
});

export function useReduce<T>(selector: (s: ReduceState) => T): T {
  return useStore(reduceStore, selector);
}
