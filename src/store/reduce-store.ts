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
import { batchReceiver, newRunId } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';
import type { RunStatus } from './training-store.ts';

export const REDUCE_COLUMNS = ['steps', 'loss', 'angle', 'gradNorm'] as const;
export type ReduceColumn = (typeof REDUCE_COLUMNS)[number];

export interface ReduceRunView {
  runId: number;
  channel: string;
  config: ReduceRunConfig;
  status: RunStatus;
  speed: Speed;
  /** Per step: loss before the update, angle to PCA's plane after it (autoencoder), gradient size. */
  history: Columns<ReduceColumn>;
  /** The 2-D points after the latest step (150×2 flowers or 4×2 positions), row-major. */
  points: Float64Array | null;
  /** The trained matrix after it (W, or the positions). */
  weights: Float64Array | null;
  /** For the four points: each pair's 2-D distance now. */
  pairDistances: Float64Array | null;
  state: ReduceEnd['state'] | null;
  version: number;
  message?: string;
  divergedAt?: number;
  elapsedMs?: number;
  computeMs?: number;
}

export interface ReduceState {
  runs: Record<string, ReduceRunView | undefined>;
  train(channel: string, config: ReduceRunConfig, speed?: Speed): Promise<void>;
  pause(channel: string): Promise<void>;
  resume(channel: string): Promise<void>;
  stop(channel: string): Promise<void>;
  setSpeed(channel: string, speed: Speed): Promise<void>;
  /** One step: of the paused run, or further along the ended run with these settings, or the first of a new one. */
  step(channel: string, config: ReduceRunConfig): Promise<void>;
  reset(channel: string): void;
}

const live = (r: ReduceRunView | undefined) => r?.status === 'running' || r?.status === 'paused';
const sameSettings = (a: ReduceRunConfig, b: ReduceRunConfig) => JSON.stringify(a) === JSON.stringify(b);
const ignore = () => undefined;

export const reduceStore = createStore<ReduceState>()((set, get) => {
  const patch = (channel: string, runId: number, p: Partial<ReduceRunView>) => {
    const run = get().runs[channel];
    if (run && run.runId === runId) set({ runs: { ...get().runs, [channel]: { ...run, ...p } } });
  };
  const client = () => getTrainerClient();

  /** Runs `config` on `channel` (continuing `from`, up to `until` steps) and records how it ends. */
  const run = async (channel: string, config: ReduceRunConfig, speed: Speed, from?: ReduceRunView) => {
    const view: ReduceRunView = from
      ? { ...from, status: 'running', speed }
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
    if (from) view.runId = newRunId();
    set({ runs: { ...get().runs, [channel]: view } });
    const r = batchReceiver<ReduceBatch>(
      (b) => {
        const cur = get().runs[channel];
        if (!cur || cur.runId !== b.runId) return false;
        cur.history.append(b, b.steps.length);
        Object.assign(cur, {
          points: b.points,
          weights: b.weights,
          pairDistances: b.pairDistances.length ? b.pairDistances : null,
        });
        return true;
      },
      () => stepsPerSecond(get().runs[channel]?.speed ?? 'max', config.steps) !== null,
      () => {
        const cur = get().runs[channel];
        if (cur) patch(channel, view.runId, { version: cur.version + 1 });
      },
    );
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
      patch(channel, view.runId, { status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const control = (
    channel: string,
    status: RunStatus | null,
    act: (runId: number) => Promise<void>,
    next?: RunStatus,
  ) => {
    const cur = get().runs[channel];
    if (!cur || (status !== null && cur.status !== status) || (status === null && !live(cur))) return Promise.resolve();
    if (next) patch(channel, cur.runId, { status: next });
    return act(cur.runId).catch(ignore);
  };

  return {
    runs: {},
    async train(channel, config, speed = 'max') {
      const prev = get().runs[channel];
      if (live(prev)) void client().stop(prev!.runId).catch(ignore);
      await run(channel, config, speed);
    },
    pause: (channel) => control(channel, 'running', (id) => client().pause(id), 'paused'),
    resume: (channel) => control(channel, 'paused', (id) => client().resume(id), 'running'),
    stop: (channel) => control(channel, null, (id) => client().stop(id)),
    async setSpeed(channel, speed) {
      const cur = get().runs[channel];
      if (!cur) return;
      patch(channel, cur.runId, { speed });
      await control(channel, null, (id) => client().setSpeed(id, stepsPerSecond(speed, cur.config.steps)));
    },
    async step(channel, config) {
      const cur = get().runs[channel];
      if (cur?.status === 'paused') return control(channel, 'paused', (id) => client().advance(id));
      if (cur?.status === 'running') return;
      const goOn =
        cur && cur.state && cur.status !== 'overflowed' && cur.status !== 'error' && sameSettings(cur.config, config);
      if (goOn) return run(channel, config, cur.speed, cur);
      // A first Step: a run of one step.
      await run(channel, { ...config, steps: 1 } as ReduceRunConfig, 'max');
      const made = get().runs[channel];
      if (made) patch(channel, made.runId, { config, status: 'stepped', elapsedMs: undefined });
    },
    reset(channel) {
      const cur = get().runs[channel];
      if (live(cur)) void client().stop(cur!.runId).catch(ignore);
      set({ runs: { ...get().runs, [channel]: undefined } });
    },
  };
});

export function useReduce<T>(selector: (s: ReduceState) => T): T {
  return useStore(reduceStore, selector);
}
