/**
 * The UI's handle on the trainer worker: Comlink.wrap of `workers/trainer.worker.ts`,
 * created on first use and replaced by a fresh worker if it dies.
 */
import * as Comlink from 'comlink';
import type { Batch, RunEnd, StepResult, TrainOptions, TrainerApi } from '../workers/trainer-api.ts';
import type { Evaluation, TrainerState } from './training/trainer.ts';

export type { Batch, Evaluation, RunEnd, StepResult, TrainOptions };

/** What the store needs from a trainer; the worker client is one, tests can pass another. */
export interface TrainerClient {
  train(config: unknown, onBatch: (b: Batch) => void, opts: TrainOptions): Promise<RunEnd>;
  stop(runId: number): Promise<void>;
  step(config: unknown, state?: TrainerState): Promise<StepResult>;
  curvature(config: unknown, weight: number): Promise<number>;
  lossCurve(config: unknown, from: number, to: number, n: number, bias?: number): Promise<{ weights: number[]; losses: number[] }>;
  evaluate(config: unknown, weight: number, bias?: number): Promise<Evaluation>;
  crashForTesting(): Promise<void>;
}

/** The worker died (uncaught error or terminated); the next call gets a fresh one. */
export class WorkerCrashedError extends Error {
  readonly name = 'WorkerCrashedError';
}

interface Live {
  worker: Worker;
  api: Comlink.Remote<TrainerApi>;
  /** Rejects when the worker dies, so calls in flight do not hang forever. */
  died: Promise<never>;
  kill: (reason: string) => void;
}

function spawn(onDeath: (live: Live) => void): Live {
  const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
  let kill!: (reason: string) => void;
  const died = new Promise<never>((_, reject) => {
    kill = (reason) => reject(new WorkerCrashedError(reason));
  });
  died.catch(() => undefined); // observed by whichever call races it
  const live: Live = { worker, api: Comlink.wrap<TrainerApi>(worker), died, kill };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    live.kill(`The training worker stopped unexpectedly${e.message ? `: ${e.message}` : ''}. It has been restarted; press Train to try again.`);
    worker.terminate();
    onDeath(live);
  });
  return live;
}

/**
 * Builds a client backed by a real Web Worker. `terminate()` exists for tests and for the
 * "worker killed" path: the next call starts a new worker.
 */
export function createWorkerClient(): TrainerClient & { terminate(): void } {
  let live: Live | null = null;
  const get = (): Live => (live ??= spawn((dead) => { if (live === dead) live = null; }));
  const call = <T>(fn: (api: Comlink.Remote<TrainerApi>) => Promise<T>): Promise<T> => {
    const l = get();
    return Promise.race([fn(l.api), l.died]);
  };
  return {
    train: (config, onBatch, opts) => call((api) => api.train(config, Comlink.proxy(onBatch), opts)),
    stop: (runId) => call((api) => api.stop(runId)),
    step: (config, state) => call((api) => api.step(config, state)),
    curvature: (config, weight) => call((api) => api.curvature(config, weight)),
    lossCurve: (config, from, to, n, bias) => call((api) => api.lossCurve(config, from, to, n, bias)),
    evaluate: (config, weight, bias) => call((api) => api.evaluate(config, weight, bias)),
    crashForTesting: () => call((api) => api.crashForTesting()),
    terminate() {
      if (!live) return;
      const dead = live;
      live = null;
      dead.worker.terminate();
      dead.kill('The training worker was stopped. It has been restarted; press Train to try again.');
    },
  };
}
