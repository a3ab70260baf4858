/**
 * The UI's handle on the trainer worker: Comlink.wrap of `workers/trainer.worker.ts`, created
 * on first use and replaced by a fresh worker if it dies. The client has exactly the worker
 * API's methods; a function argument (a run's batch callback) is passed as a Comlink proxy.
 */
import * as Comlink from 'comlink';
import type { TrainerApi } from '../workers/trainer-api.ts';

export type * from './worker-types.ts';

/** What the store needs from a trainer: the worker API itself (tests may pass `trainerApi` directly). */
export type TrainerClient = TrainerApi;

/** The worker died (uncaught error or terminated); the next call gets a fresh one. */
export class WorkerCrashedError extends Error {
  readonly name = 'WorkerCrashedError';
}

type AnyCall = (...args: unknown[]) => Promise<unknown>;

/** Property names a proxy answers with a remote call: not symbols, and not `then` (or the proxy would look like a promise). */
const isMethodName = (name: string | symbol): name is string => typeof name === 'string' && name !== 'then';

/**
 * The trainer API over a Comlink endpoint (a Worker or a MessagePort). Calls race `died`, so
 * a call in flight when the worker dies rejects instead of hanging.
 */
export function wrapTrainer(
  endpoint: Comlink.Endpoint,
  died: Promise<never> = new Promise<never>(() => undefined),
): TrainerClient & { release(): void } {
  const api = Comlink.wrap<TrainerApi>(endpoint);
  const call = (name: string, args: unknown[]) => {
    const fn = (api as unknown as Record<string, AnyCall>)[name];
    // Callbacks (a run's batch receiver) cannot be copied to the worker: they go as Comlink proxies.
    const sent = args.map((a) => (typeof a === 'function' ? Comlink.proxy(a) : a));
    return Promise.race([fn(...sent), died]);
  };
  return new Proxy({} as TrainerClient & { release(): void }, {
    get: (_, name) => {
      if (name === 'release') return () => api[Comlink.releaseProxy]();
      return isMethodName(name) ? (...args: unknown[]) => call(name, args) : undefined;
    },
  });
}

interface Live {
  worker: Worker;
  client: TrainerClient;
  kill: (reason: string) => void;
}

function spawn(onDeath: (live: Live) => void): Live {
  const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  let kill!: (reason: string) => void;
  const died = new Promise<never>((_, reject) => {
    kill = (reason) => reject(new WorkerCrashedError(reason));
  });
  died.catch(() => undefined); // observed by whichever call races it
  const live: Live = { worker, client: wrapTrainer(worker, died), kill };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    live.kill(
      `The training worker stopped unexpectedly${e.message ? `: ${e.message}` : ''}. It has been restarted; press Train to try again.`,
    );
    worker.terminate();
    onDeath(live);
  });
  return live;
}

/**
 * Builds a client backed by a real Web Worker. `terminate()` exists for tests and for the
 * "worker killed" path: the next call starts a new worker. `onRestart` is told when the worker
 * it had is gone (died or terminated), so what it answered can be forgotten.
 */
export function createWorkerClient(onRestart?: () => void): TrainerClient & { terminate(): void } {
  let live: Live | null = null;
  const get = (): Live =>
    (live ??= spawn((dead) => {
      if (live === dead) {
        live = null;
        onRestart?.();
      }
    }));
  const terminate = () => {
    if (!live) return;
    const dead = live;
    live = null;
    dead.worker.terminate();
    dead.kill('The training worker was stopped. It has been restarted; press Train to try again.');
    onRestart?.();
  };
  return new Proxy({} as TrainerClient & { terminate(): void }, {
    get: (_, name) => {
      if (name === 'terminate') return terminate;
      return isMethodName(name)
        ? (...args: unknown[]) => (get().client as unknown as Record<string, AnyCall>)[name](...args)
        : undefined;
    },
  });
}
