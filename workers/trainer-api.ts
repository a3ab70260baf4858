/**
 * The training service the worker exposes. A plain object of async functions taking plain
 * data, so it runs (and is tested) in node exactly as it runs behind Comlink in the worker.
 * Every number the UI shows is computed here, by the engine.
 */
import { ConfigError, NEGATOR_CONFIG, assertValidConfig } from '../src/training/config.ts';
import type { FiniteDifference, TapeStepInput, TapeStepResult } from '../src/training/tape-step.ts';
import { tutorialPrintout, type Printout } from '../src/training/printout.ts';
import type { CsvResult } from '../src/training/csv.ts';
import {
  Trainer,
  curvature,
  evaluate,
  initialState,
  lossCurve,
  type Evaluation,
  type Head,
  type StepRecord,
  type TrainerState,
} from '../src/training/trainer.ts';
import { accelerated, type TapeEntry } from '../src/engine/index.ts';
import { newControl, poke, runLoop, type Control, type Stepper } from './run-loop.ts';
import type { ReduceBatch, ReduceEnd } from './reduce-run.ts';
import type { NetworkBatch, NetworkEnd, NetworkRunFrom } from './network-run.ts';
import type { AutoencoderState, StressState } from '../src/training/reduce/index-types.ts';
import type { reduceQueries } from './reduce-queries.ts';
import type { networkQueries } from './network-queries.ts';
import { NegatorRun, type BatchCallback, type RunEnd } from './negator-run.ts';

export type { EndStatus } from './run-loop.ts';
export type { Batch, BatchCallback, RunEnd } from './negator-run.ts';
export type { ReduceBatch, ReduceEnd, ReduceRunConfig } from './reduce-run.ts';
export type { NetworkBatch, NetworkEnd } from './network-run.ts';

export interface TrainOptions {
  runId: number;
  /** Runs on one channel supersede each other; runs on different channels run side by side. */
  channel?: string;
  /** Longest time between batches when unpaced, in ms (~60 per second by default). */
  batchMs?: number;
  /** Steps per second; omitted or null runs as fast as it can ("Max"). */
  stepsPerSecond?: number | null;
}

const MAX_PRINTOUT_STEPS = 1000;

export interface StepResult {
  record: StepRecord;
  state: TrainerState;
  /** The tape of the gradients that moved the parameters (measured at `record.before`). */
  trace: TapeEntry[];
}

const active = new Map<string, number>();
const controls = new Map<number, Control>();

/** Applies `change` to a live run's control and wakes its loop; unknown (finished) runs are ignored. */
function control(runId: number, change: (c: Control) => void): void {
  const c = controls.get(runId);
  if (!c) return;
  change(c);
  poke(c);
}

/** The tape step's numbers, checked by the same rules as a training config. */
function validTapeInput(p: TapeStepInput): TapeStepInput {
  const c = assertValidConfig({
    ...NEGATOR_CONFIG,
    pairs: [{ input: p?.input, target: p?.target }],
    initialWeight: p?.weight,
    learningRate: p?.learningRate,
    dtype: p?.dtype,
  });
  return {
    input: c.pairs[0].input,
    target: c.pairs[0].target,
    weight: c.initialWeight,
    learningRate: c.learningRate,
    dtype: c.dtype,
  };
}

const validSpeed = (sps: number | null | undefined): number | null =>
  typeof sps === 'number' && sps > 0 && Number.isFinite(sps) ? sps : null;

// The Reduce lesson's code (its trainers, PCA and the iris data) is a chunk of its own, loaded
// by the worker the first time it is asked for: the negator's lesson never pays for it.
type Queries = typeof reduceQueries;
const queries = () => import('./reduce-queries.ts').then((m) => m.reduceQueries);
const lazyQueries: Queries = {
  datasetInfo: async (...a) => (await queries()).datasetInfo(...a),
  reduceCurvature: async (...a) => (await queries()).reduceCurvature(...a),
  projectFlower: async (...a) => (await queries()).projectFlower(...a),
  reduceStart: async (...a) => (await queries()).reduceStart(...a),
  pcaPicture: async (...a) => (await queries()).pcaPicture(...a),
  stressInfo: async () => (await queries()).stressInfo(),
  stressCurvature: async () => (await queries()).stressCurvature(),
};

// Lesson 3's and the Network page's questions, likewise a chunk of their own.
type NetQueries = typeof networkQueries;
const netQueries = () => import('./network-queries.ts').then((m) => m.networkQueries);
const lazyNetworkQueries: NetQueries = {
  dataPoints: async (...a) => (await netQueries()).dataPoints(...a),
  stackLandscape: async (...a) => (await netQueries()).stackLandscape(...a),
  layerTape: async (...a) => (await netQueries()).layerTape(...a),
  layerFiniteDifference: async (...a) => (await netQueries()).layerFiniteDifference(...a),
  exampleThrough: async (...a) => (await netQueries()).exampleThrough(...a),
  confusedPair: async (...a) => (await netQueries()).confusedPair(...a),
  layerView: async (...a) => (await netQueries()).layerView(...a),
};

/**
 * Registers a run on its channel (superseding the channel's previous run), drives it, and times
 * it. The run is registered before anything is awaited, so a Stop or Pause sent while its code
 * or the accelerations load still reaches it; `prepare` then builds it.
 */
async function supervise<End extends { elapsedMs?: number }>(
  opts: TrainOptions,
  prepare: () => Promise<{ steps: number; run: Stepper<End> }>,
): Promise<End> {
  const channel = opts.channel ?? 'default';
  const ctrl = newControl(validSpeed(opts.stepsPerSecond));
  active.set(channel, opts.runId);
  controls.set(opts.runId, ctrl);
  try {
    // The large-tensor accelerations load beside the worker's chunk; a run starts with them.
    await accelerated;
    const { steps, run } = await prepare();
    const started = performance.now();
    const end = await runLoop(run, steps, ctrl, () => active.get(channel) !== opts.runId, opts.batchMs);
    return { ...end, elapsedMs: performance.now() - started };
  } finally {
    controls.delete(opts.runId);
    if (active.get(channel) === opts.runId) active.delete(channel);
  }
}

export const trainerApi = {
  /**
   * Trains on a validated copy of `config`, streaming batches to `onBatch`. Throws ConfigError
   * for an invalid config. A new run on the same channel stops the previous one at its next
   * batch boundary.
   */
  async train(config: unknown, onBatch: BatchCallback, opts: TrainOptions): Promise<RunEnd> {
    const valid = assertValidConfig(config);
    return supervise(opts, async () => ({ steps: valid.steps, run: new NegatorRun(valid, opts.runId, onBatch) }));
  },

  /**
   * A Reduce lesson run (the iris autoencoder or the four points' stress), paced and
   * controlled like `train`. `from` continues a run from its last state, up to `until` steps
   * (default: the config's steps) — one step further is the Step button.
   */
  async trainReduce(
    config: unknown,
    onBatch: (b: ReduceBatch) => void | Promise<void>,
    opts: TrainOptions & { from?: AutoencoderState | StressState; until?: number },
  ): Promise<ReduceEnd> {
    return supervise(opts, async () => {
      const { ReduceRun, assertValidReduceConfig } = await import('./reduce-run.ts');
      const valid = assertValidReduceConfig(config);
      const run = new ReduceRun(valid, opts.runId, onBatch, opts.from);
      return { steps: Math.min(opts.until ?? valid.steps, run.lastStep + valid.steps), run };
    });
  },

  /**
   * A network run (lesson 3, the Network page): one step is one epoch, paced and controlled
   * like `train`; batches carry the rows, the weights and (about 20 times a second, and at the
   * end) the maps. `from` continues a run up to `until` epochs (default: the config's epochs).
   */
  async trainNetwork(
    config: unknown,
    onBatch: (b: NetworkBatch) => void | Promise<void>,
    opts: TrainOptions & NetworkRunFrom,
  ): Promise<NetworkEnd> {
    return supervise(opts, async () => (await import('./network-run.ts')).prepareNetworkRun(config, onBatch, opts));
  },

  /** Ends a run before its next step; its train() call resolves as 'stopped'. */
  async stop(runId: number): Promise<void> {
    control(runId, (c) => {
      c.stopped = true;
    });
  },

  /** Holds a run after the step in progress; weights and optimizer slots are kept. */
  async pause(runId: number): Promise<void> {
    control(runId, (c) => {
      c.paused = true;
    });
  },

  /** Continues a paused run where it was. */
  async resume(runId: number): Promise<void> {
    control(runId, (c) => {
      c.paused = false;
      c.advances = 0;
    });
  },

  /** Takes one step of a paused run (and stays paused). */
  async advance(runId: number): Promise<void> {
    control(runId, (c) => {
      if (c.paused) c.advances += 1;
    });
  },

  /** Changes a running run's pace (null: as fast as it can). */
  async setSpeed(runId: number, stepsPerSecond: number | null): Promise<void> {
    control(runId, (c) => {
      c.stepsPerSecond = validSpeed(stepsPerSecond);
    });
  },

  /** Exactly one step from `state` (or the config's start), with the tape's trace. */
  async step(config: unknown, state?: TrainerState): Promise<StepResult> {
    const valid = assertValidConfig(config);
    const trainer = new Trainer(valid, state ?? initialState(valid));
    const record = trainer.step(true);
    const trace = trainer.lastTrace ?? [];
    return { record, state: trainer.state, trace };
  },

  /**
   * What the tutorial's loop prints, step by step: the loss measured inside step k, before its
   * update (state k − 1's loss); and the state the run ends at, with its own loss. At most
   * MAX_PRINTOUT_STEPS steps: it answers in one go.
   */
  async printout(config: unknown): Promise<Printout> {
    const valid = assertValidConfig(config);
    if (valid.steps > MAX_PRINTOUT_STEPS)
      throw new ConfigError([
        { field: 'steps', message: `A printout covers at most ${MAX_PRINTOUT_STEPS} steps; train the run instead.` },
      ]);
    return tutorialPrintout(valid);
  },

  /** The loss and gradients at given parameters (no update): the point and slope on the curve. */
  async measure(config: unknown, weight: number, bias = 0): Promise<Head> {
    const valid = assertValidConfig(config);
    return new Trainer(valid, { ...initialState(valid), weight, bias }).peek();
  },

  /** One negator step recorded for the tape inspector: trace, local derivatives, gradient, update. */
  async recordTape(p: TapeStepInput): Promise<TapeStepResult> {
    const { recordTapeStep } = await import('../src/training/tape-step.ts');
    return recordTapeStep(validTapeInput(p));
  },

  /** (L(w + h) − L(w − h)) / 2h at the given numbers, in their dtype. Throws ConfigError for a bad h. */
  async finiteDifference(p: TapeStepInput, h: number): Promise<FiniteDifference> {
    if (typeof h !== 'number' || !(h > 0 && h <= 1))
      throw new ConfigError([{ field: 'h', message: 'Step size h must be greater than 0 and at most 1.' }]);
    const { finiteDifference } = await import('../src/training/tape-step.ts');
    return finiteDifference(validTapeInput(p), h);
  },

  ...lazyQueries,
  ...lazyNetworkQueries,

  /** d²L/dw² at `weight`, computed with nested tapes. */
  async curvature(config: unknown, weight: number): Promise<number> {
    return curvature(assertValidConfig(config), weight);
  },

  /** The loss over a grid of weights, for drawing the parabola. */
  async lossCurve(
    config: unknown,
    from: number,
    to: number,
    n: number,
    bias = 0,
  ): Promise<{ weights: number[]; losses: number[] }> {
    return lossCurve(assertValidConfig(config), from, to, Math.min(Math.max(2, Math.floor(n)), 2001), bias);
  },

  /** The model's predictions and losses on the config's pairs at the given parameters. */
  async evaluate(config: unknown, weight: number, bias = 0): Promise<Evaluation> {
    return evaluate(assertValidConfig(config), weight, bias);
  },

  /** Parses CSV text into input/target pairs and notes (long pastes and files, off the page's thread). */
  async parseCsv(text: string, maxRows?: number): Promise<CsvResult> {
    if (typeof text !== 'string') throw new ConfigError([{ field: 'csv', message: 'CSV text must be a string.' }]);
    const { parseCsvInSlices } = await import('../src/training/csv.ts');
    // In slices, with a turn of the event loop between them: a 20 MB file takes seconds, and
    // the page takes a worker that leaves its heartbeat unanswered for 6 s as gone.
    const steps = parseCsvInSlices(text, typeof maxRows === 'number' && maxRows >= 0 ? maxRows : Infinity);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  },

  /** Answers at once: the page's heartbeat, so a worker that went silent is noticed. */
  async ping(): Promise<true> {
    return true;
  },

  /** Test hook: the worker closes itself without an error event (as a silent death would look). */
  async closeForTesting(): Promise<void> {
    setTimeout(() => (globalThis as { close?: () => void }).close?.());
  },

  /** Test hook: throws outside any call so the worker dies the way a real bug would kill it. */
  async crashForTesting(): Promise<void> {
    setTimeout(() => {
      throw new Error('Trainer worker crashed (forced for testing).');
    });
  },
};

export type TrainerApi = typeof trainerApi;
