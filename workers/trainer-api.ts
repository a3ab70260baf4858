/**
 * The training service the worker exposes. A plain object of async functions taking plain
 * data, so it runs (and is tested) in node exactly as it runs behind Comlink in the worker.
 */
import * as Comlink from 'comlink';
import { assertValidConfig, type TrainingConfig } from '../src/training/config.ts';
import { Trainer, curvature, evaluate, initialState, lossCurve, type Evaluation, type StepRecord, type TrainerState } from '../src/training/trainer.ts';
import { explainDivergence, hasDiverged } from '../src/training/divergence.ts';
import type { TapeEntry } from '../src/engine/index.ts';

/** A slice of a run's history. Arrays are transferred, not copied. */
export interface Batch {
  runId: number;
  /** Step number of the first element (1-based). */
  fromStep: number;
  steps: Float64Array;
  loss: Float64Array;
  weight: Float64Array;
  /** Present for the 'w+b' model. */
  bias?: Float64Array;
}

export type RunStatus = 'done' | 'stopped' | 'diverged';

export interface RunEnd {
  runId: number;
  status: RunStatus;
  /** The last step whose values were sent (for 'diverged', the step where it blew up). */
  lastStep: number;
  message?: string;
  /** Wall time of the run inside the worker, in ms. */
  elapsedMs?: number;
}

export interface TrainOptions {
  runId: number;
  /** Runs on one channel supersede each other; runs on different channels run side by side. */
  channel?: string;
  /** Longest time between batches, in ms (~60 per second by default). */
  batchMs?: number;
}

export interface StepResult {
  record: StepRecord;
  state: TrainerState;
  trace: TapeEntry[];
}

export type BatchCallback = (batch: Batch) => void | Promise<void>;

// Yield to the event loop without setTimeout's 4 ms clamp, so stop() is seen promptly.
const yieldToEvents: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : (() => {
        const channel = new MessageChannel();
        const waiting: Array<() => void> = [];
        channel.port1.onmessage = () => waiting.shift()?.();
        return () => new Promise<void>((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });
      })();

const now = () => performance.now();

/** Growable columns for the steps run since the last batch. */
class Columns {
  private cap = 256;
  n = 0;
  steps = new Float64Array(this.cap);
  loss = new Float64Array(this.cap);
  weight = new Float64Array(this.cap);
  bias = new Float64Array(this.cap);

  push(r: StepRecord): void {
    if (this.n === this.cap) this.grow();
    this.steps[this.n] = r.step;
    this.loss[this.n] = r.loss;
    this.weight[this.n] = r.weight;
    this.bias[this.n] = r.bias;
    this.n += 1;
  }

  private grow(): void {
    this.cap *= 2;
    for (const key of ['steps', 'loss', 'weight', 'bias'] as const) {
      const next = new Float64Array(this.cap);
      next.set(this[key]);
      this[key] = next;
    }
  }

  /** Copies out the filled part as a batch and empties the columns. */
  take(runId: number, withBias: boolean): Batch {
    const cut = (a: Float64Array) => a.slice(0, this.n);
    const batch: Batch = { runId, fromStep: this.steps[0], steps: cut(this.steps), loss: cut(this.loss), weight: cut(this.weight) };
    if (withBias) batch.bias = cut(this.bias);
    this.n = 0;
    return batch;
  }
}

const active = new Map<string, number>();
const stopRequested = new Set<number>();

async function send(onBatch: BatchCallback, batch: Batch): Promise<void> {
  const buffers = [batch.steps.buffer, batch.loss.buffer, batch.weight.buffer];
  if (batch.bias) buffers.push(batch.bias.buffer);
  // Awaiting the callback is the back-pressure: the UI is never more than one batch behind.
  await onBatch(Comlink.transfer(batch, buffers as ArrayBuffer[]));
}

function shouldStop(runId: number, channel: string): boolean {
  return stopRequested.has(runId) || active.get(channel) !== runId;
}

async function runLoop(config: TrainingConfig, onBatch: BatchCallback, opts: TrainOptions, channel: string): Promise<RunEnd> {
  const { runId, batchMs = 16 } = opts;
  const trainer = new Trainer(config);
  const cols = new Columns();
  const withBias = config.model === 'w+b';
  let firstLoss = NaN;
  let lastStep = 0;
  while (lastStep < config.steps) {
    const sliceEnd = now() + batchMs;
    do {
      const r = trainer.step();
      if (lastStep === 0) firstLoss = r.loss;
      if (hasDiverged(r.loss, firstLoss, config.optimizer) || !Number.isFinite(r.weight) || !Number.isFinite(r.bias)) {
        if (cols.n) await send(onBatch, cols.take(runId, withBias));
        return { runId, status: 'diverged', lastStep: r.step, message: explainDivergence(config, r.step) };
      }
      cols.push(r);
      lastStep = r.step;
    } while (lastStep < config.steps && (lastStep & 31 || now() < sliceEnd));
    await send(onBatch, cols.take(runId, withBias));
    await yieldToEvents();
    if (shouldStop(runId, channel)) return { runId, status: 'stopped', lastStep };
  }
  return { runId, status: 'done', lastStep };
}

export const trainerApi = {
  /**
   * Trains on a validated copy of `config`, streaming batches to `onBatch` at most every
   * `batchMs`. Throws ConfigError for an invalid config. A new run on the same channel
   * stops the previous one at its next batch boundary.
   */
  async train(config: unknown, onBatch: BatchCallback, opts: TrainOptions): Promise<RunEnd> {
    const valid = assertValidConfig(config);
    const channel = opts.channel ?? 'default';
    active.set(channel, opts.runId);
    const started = now();
    try {
      const end = await runLoop(valid, onBatch, opts, channel);
      return { ...end, elapsedMs: now() - started };
    } finally {
      stopRequested.delete(opts.runId);
      if (active.get(channel) === opts.runId) active.delete(channel);
    }
  },

  /** Asks a run to end at its next batch boundary; its train() call resolves as 'stopped'. */
  async stop(runId: number): Promise<void> {
    stopRequested.add(runId);
  },

  /** Exactly one step from `state` (or the config's start), with the tape's trace. */
  async step(config: unknown, state?: TrainerState): Promise<StepResult> {
    const valid = assertValidConfig(config);
    const trainer = new Trainer(valid, state ?? initialState(valid));
    const record = trainer.step(true);
    return { record, state: trainer.state, trace: trainer.lastTrace ?? [] };
  },

  /** d²L/dw² at `weight`, computed with nested tapes. */
  async curvature(config: unknown, weight: number): Promise<number> {
    return curvature(assertValidConfig(config), weight);
  },

  /** The loss over a grid of weights, for drawing the parabola. */
  async lossCurve(config: unknown, from: number, to: number, n: number, bias = 0): Promise<{ weights: number[]; losses: number[] }> {
    return lossCurve(assertValidConfig(config), from, to, Math.min(Math.max(2, Math.floor(n)), 2001), bias);
  },

  /** The model's predictions and losses on the config's pairs at the given parameters. */
  async evaluate(config: unknown, weight: number, bias = 0): Promise<Evaluation> {
    return evaluate(assertValidConfig(config), weight, bias);
  },

  /** Test hook: throws outside any call so the worker dies the way a real bug would kill it. */
  async crashForTesting(): Promise<void> {
    setTimeout(() => {
      throw new Error('Trainer worker crashed (forced for testing).');
    });
  },
};

export type TrainerApi = typeof trainerApi;
