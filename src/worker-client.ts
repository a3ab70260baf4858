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
  /** Counts `call` as waiting for the worker while it is in flight (the heartbeat watches those). */
  track: <T>(call: Promise<T>) => Promise<T>;
}

/** While a call waits, the worker is pinged this often... */
export const HEARTBEAT_MS = 1000;
/**
 * ...and taken for gone when a ping has waited this long: it closed itself, or its code never
 * loaded. A run yields to its messages every ~16 ms, so a live worker answers in well under this.
 */
export const SILENT_MS = 6000;

export const CRASHED = (detail: string) =>
  `The training worker stopped unexpectedly${detail ? `: ${detail}` : ''}. It has been restarted; press Train to try again.`;
export const SILENT = 'The training worker stopped answering. It has been restarted; press Train to try again.';
export const NEVER_STARTED =
  'The training worker could not start: its code did not load (it may be missing from this browser’s offline copy). Reload the page while online to fetch it again.';

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
  // Whether the worker has ever answered: a worker that dies before that never started, and
  // restarting it will not help until its code can be fetched again.
  let answered = false;
  let waiting = 0;
  let beat: ReturnType<typeof setInterval> | null = null;
  let pingSince: number | null = null;
  let dead = false;
  const die = (reason: string) => {
    if (dead) return;
    dead = true;
    if (beat !== null) clearInterval(beat);
    live.kill(reason);
    worker.terminate();
    onDeath(live);
  };
  const heartbeat = () => {
    if (pingSince === null) {
      pingSince = Date.now();
      live.client.ping().then(() => {
        answered = true;
        pingSince = null;
      }, ignore);
    } else if (Date.now() - pingSince > SILENT_MS) die(answered ? SILENT : NEVER_STARTED);
  };
  const track = <T>(call: Promise<T>): Promise<T> => {
    if (waiting++ === 0) beat = setInterval(heartbeat, HEARTBEAT_MS);
    const settle = (ok: boolean) => {
      if (ok) answered = true;
      if (--waiting === 0 && beat !== null) {
        clearInterval(beat);
        beat = null;
        pingSince = null;
      }
    };
    call.then(
      () => settle(true),
      (e: unknown) => settle(!(e instanceof WorkerCrashedError)),
    );
    return call;
  };
  const live: Live = { worker, client: wrapTrainer(worker, died), kill, track };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    die(answered ? CRASHED(e.message ?? '') : e.message ? CRASHED(e.message) : NEVER_STARTED);
  });
  return live;
}

const ignore = () => undefined;

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
        ? (...args: unknown[]) => {
            const l = get();
            return l.track((l.client as unknown as Record<string, AnyCall>)[name](...args));
          }
        : undefined;
    },
  });
}
