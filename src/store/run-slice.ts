/**
 * The one run slice every store that trains builds on (the page-side twin of the worker's one
 * run loop): runs by channel, each replaced as a whole when it changes, stale news ignored,
 * batches published at a watchable rate, and the controls (pause, resume, stop, speed, advance
 * one step, reset) that every kind of run has. A store adds only what its runs carry.
 */
import { stepsPerSecond, type Speed } from '../training/pace.ts';
import type { EndStatus } from '../worker-types.ts';
import { batchReceiver } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';

/** Where a run is: still going ('running', 'paused'), ended (EndStatus), advanced by Step only, or failed. */
export type RunStatus = EndStatus | 'running' | 'paused' | 'stepped' | 'error';

/** What every run has, whatever it trains. */
export interface RunBase<C extends { steps: number }> {
  runId: number;
  channel: string;
  config: C;
  status: RunStatus;
  speed: Speed;
  /** Where the run ended or was stepped to (weights and optimizer slots): Step continues from here. */
  state: unknown;
  /** Bumped on every published batch so selectors re-render; the history mutates in place. */
  version: number;
  /** Learner-facing explanation (divergence, overflow, error). */
  message?: string;
  /** The step where the loss was first seen blowing up; the run goes on to show it. */
  divergedAt?: number;
  /** Worker-side wall time, once the run has ended. */
  elapsedMs?: number;
}

/** A run still in the worker (it can be paused, resumed, stepped or stopped there). */
export const isLive = (run: { status: RunStatus } | undefined): boolean =>
  run?.status === 'running' || run?.status === 'paused';

/**
 * The rule for Step after a run has ended: it continues that run (with its optimizer state)
 * when the run ended well and the settings are still the run's; otherwise Step starts anew.
 */
export function continues<C extends { steps: number }, V extends RunBase<C>>(
  run: V | undefined,
  config: C,
  same: (a: C, b: C) => boolean,
): run is V & { state: NonNullable<V['state']> } {
  return (
    !!run && run.state != null && run.status !== 'overflowed' && run.status !== 'error' && same(run.config, config)
  );
}

/** The message of a failed call, for the learner. */
export const failure = (e: unknown) => (e instanceof Error ? e.message : String(e));

const ignore = () => undefined;

type Runs<V> = { runs: Record<string, V | undefined> };

/** The controls every store's runs have, by channel (see runSlice's `actions`). */
export interface RunControls {
  /** Ends the channel's run before its next step. */
  stop(channel: string): Promise<void>;
  /** Holds the channel's running run. */
  pause(channel: string): Promise<void>;
  /** Continues the channel's paused run. */
  resume(channel: string): Promise<void>;
  /** Changes the pace of the channel's run (and of its next runs). */
  setSpeed(channel: string, speed: Speed): Promise<void>;
  /** Ends and forgets the channel's run (Reset). */
  reset(channel: string): void;
}

export function runSlice<C extends { steps: number }, V extends RunBase<C>>(
  get: () => Runs<V>,
  set: (s: Runs<V>) => void,
) {
  const client = () => getTrainerClient();
  const current = (channel: string) => get().runs[channel];

  /** Changes the channel's run, if it is still run `runId` (a stale run's news must not reach the charts). */
  const patch = (channel: string, runId: number, p: Partial<V>) => {
    const run = current(channel);
    if (run && run.runId === runId) set({ runs: { ...get().runs, [channel]: { ...run, ...p } } });
  };
  const put = (run: V) => set({ runs: { ...get().runs, [run.channel]: run } });

  /** Takes batches into the run (`take` mutates it in place) and publishes them at a watchable rate. */
  const receiver = <B extends { runId: number }>(
    channel: string,
    runId: number,
    take: (run: V, batch: B) => void,
    maxMs?: number,
  ) =>
    batchReceiver<B>(
      (batch) => {
        const run = current(channel);
        if (!run || run.runId !== batch.runId) return false;
        take(run, batch);
        return true;
      },
      () => {
        const run = current(channel);
        return !!run && (stepsPerSecond(run.speed, run.config.steps) !== null || run.status === 'paused');
      },
      () => {
        const run = current(channel);
        if (run) patch(channel, runId, { version: run.version + 1 } as Partial<V>);
      },
      maxMs,
    );

  /** Calls the worker for the channel's run when it is in `when`, first moving it to `next`. */
  const control = (
    channel: string,
    when: 'running' | 'paused' | 'live',
    act: (runId: number, run: V) => Promise<void>,
    next?: RunStatus,
  ): Promise<void> => {
    const run = current(channel);
    if (!run || (when === 'live' ? !isLive(run) : run.status !== when)) return Promise.resolve();
    if (next) patch(channel, run.runId, { status: next } as Partial<V>);
    return act(run.runId, run).catch(ignore);
  };

  const actions: RunControls = {
    stop: (channel) => control(channel, 'live', (id) => client().stop(id)),
    pause: (channel) => control(channel, 'running', (id) => client().pause(id), 'paused'),
    resume: (channel) => control(channel, 'paused', (id) => client().resume(id), 'running'),
    async setSpeed(channel, speed) {
      const run = current(channel);
      if (!run) return;
      patch(channel, run.runId, { speed } as Partial<V>);
      await control(channel, 'live', (id, r) => client().setSpeed(id, stepsPerSecond(speed, r.config.steps)));
    },
    reset(channel) {
      void control(channel, 'live', (id) => client().stop(id));
      set({ runs: { ...get().runs, [channel]: undefined } });
    },
  };

  const advancePaused = (channel: string): Promise<boolean> | false => {
    if (current(channel)?.status !== 'paused') return false;
    return control(channel, 'paused', (id) => client().advance(id)).then(() => true);
  };

  return {
    patch,
    put,
    receiver,
    actions,
    /** Stops the channel's run in the worker if it is still going (a new run replaces it). */
    endPrevious(channel: string): void {
      void control(channel, 'live', (id) => client().stop(id));
    },
    /** One step of the channel's paused run (it streams like a batch); false when it is not paused. */
    advancePaused,
    /**
     * The Step button's rule, the same for every kind of run: nothing while one runs; one step
     * of a paused run; one more from an ended run with these settings (`more`); otherwise
     * `first`, a run of one step, which is then marked 'stepped' (with `first`'s patch).
     */
    async step(
      channel: string,
      config: C,
      same: (a: C, b: C) => boolean,
      more: (run: V & { state: NonNullable<V['state']> }) => Promise<void>,
      first: () => Promise<Partial<V> | void>,
    ): Promise<void> {
      const cur = current(channel);
      if (cur?.status === 'running') return;
      const advancing = advancePaused(channel);
      if (advancing) return void (await advancing);
      if (continues(cur, config, same)) return more(cur);
      const extra = await first();
      const made = current(channel);
      if (made) patch(channel, made.runId, { ...extra, status: 'stepped', elapsedMs: undefined } as Partial<V>);
    },
  };
}
