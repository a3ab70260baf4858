/**
 * The pacing of any training run inside the worker: steps paced to a number of steps per
 * second or as fast as they go ("Max"), sent in batches. Pause, resume, a single step while
 * paused, speed changes and stop arrive through the run's Control and take effect between
 * steps, so the same trainer (weights and optimizer slots) carries on. What a step is and what
 * a batch holds is the Stepper's business (negator-run.ts, reduce-run.ts).
 */
import * as Comlink from 'comlink';

/** How a run ended. 'diverged': it ran all its steps but the loss blew up on the way. */
export type EndStatus = 'done' | 'stopped' | 'diverged' | 'overflowed';

/** How any run ended, with the state it stopped in (so a Step can continue it exactly). */
export interface RunEndOf<State> {
  runId: number;
  status: EndStatus;
  /** The last step whose row was sent. */
  lastStep: number;
  /** The step where the loss was first seen blowing up, if it did. */
  divergedAt?: number;
  message?: string;
  /** Wall time of the run inside the worker, in ms (time spent paused included). */
  elapsedMs?: number;
  /** Of that, the time spent computing the steps (not waiting for the page or a paced step's turn). */
  computeMs?: number;
  /** Where the run stopped: its parameters (and for the negator its optimizer slots). */
  state: State;
}

/** One run as the loop drives it. */
export interface Stepper<End> {
  /** The last step taken. */
  readonly lastStep: number;
  /** One step; false when it overflowed (nothing recorded). */
  step(): boolean;
  /** Sends the rows recorded since the last flush (nothing when there are none). */
  flush(): Promise<void>;
  /** How the run ended, for `status` ('overflowed' comes with the step that overflowed). */
  end(status: EndStatus): End;
  /**
   * Steps between two looks at the clock in an unpaced slice, a power of 2 (32 unless given):
   * many for steps of microseconds, 1 for steps of milliseconds (a network's epoch), so a
   * slice ends on time and batches keep coming about 60 times a second.
   */
  readonly clockEvery?: number;
  /**
   * True once the run has settled and more steps would only repeat the same numbers: the loop
   * then ends it as done, early (the Stepper's end says when and why).
   */
  readonly settled?: boolean;
}

/** What the UI can change while a run goes on. */
export interface Control {
  paused: boolean;
  stopped: boolean;
  /** Steps per second; null runs as fast as it can. */
  stepsPerSecond: number | null;
  /** Steps asked for while paused (the Step button), taken one at a time. */
  advances: number;
  /** Wakes a sleeping loop early (set while it sleeps). */
  wake: (() => void) | null;
}

export function newControl(stepsPerSecond: number | null): Control {
  return { paused: false, stopped: false, stepsPerSecond, advances: 0, wake: null };
}

/** Tells a sleeping loop to look at its control again. */
export function poke(c: Control): void {
  const wake = c.wake;
  c.wake = null;
  wake?.();
}

const now = () => performance.now();

// Yield to the event loop without setTimeout's 4 ms clamp, so stop() is seen promptly.
const yieldToEvents: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : (() => {
        const channel = new MessageChannel();
        const waiting: Array<() => void> = [];
        channel.port1.onmessage = () => waiting.shift()?.();
        return () =>
          new Promise<void>((resolve) => {
            waiting.push(resolve);
            channel.port2.postMessage(0);
          });
      })();

/** Sleeps `ms` (forever when Infinity), or until the control is poked. */
function sleep(c: Control, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = Number.isFinite(ms)
      ? setTimeout(
          () => {
            c.wake = null;
            resolve();
          },
          Math.max(0, ms),
        )
      : null;
    c.wake = () => {
      if (timer !== null) clearTimeout(timer);
      resolve();
    };
  });
}

/** Sends `batch` with its typed arrays transferred, and waits until the UI has taken it. */
export async function sendBatch<B>(
  onBatch: (b: B) => void | Promise<void>,
  batch: B,
  arrays: ArrayBufferView[],
): Promise<void> {
  const buffers = arrays.map((a) => a.buffer as ArrayBuffer);
  // Awaiting the callback is the back-pressure: the UI is never more than one batch behind.
  await onBatch(Comlink.transfer(batch, buffers));
}

/**
 * Runs `run` to `steps` under `control`, sending batches at most every `batchMs` when
 * unpaced. `superseded()` is asked between batches (a newer run on the same channel). The end
 * reports `computeMs`: the time spent in the steps themselves, not sleeping or sending.
 */
export async function runLoop<End>(
  run: Stepper<End>,
  steps: number,
  control: Control,
  superseded: () => boolean,
  batchMs = 16,
): Promise<End & { computeMs: number }> {
  let computeMs = 0;
  const done = (e: End) => ({ ...e, computeMs });
  let base = now();
  let baseStep = 0;
  while (run.lastStep < steps && !run.settled) {
    if (control.stopped || superseded()) return done(run.end('stopped'));
    if (control.paused && control.advances === 0) {
      await sleep(control, Infinity);
      base = now();
      baseStep = run.lastStep;
      continue;
    }
    const sps = control.paused ? null : control.stepsPerSecond;
    if (control.paused) control.advances -= 1;
    if (sps !== null) {
      // Paced: each step has its time; sleep until it comes (speed changes re-base the clock).
      const due = base + ((run.lastStep - baseStep + 1) * 1000) / sps;
      if (now() < due) {
        const before = control.stepsPerSecond;
        await sleep(control, due - now());
        if (control.stepsPerSecond !== before) {
          base = now();
          baseStep = run.lastStep;
        }
        continue;
      }
    }
    const t0 = now();
    const ok = control.paused || sps !== null ? run.step() : runSlice(run, steps, batchMs);
    computeMs += now() - t0;
    await run.flush();
    if (!ok) return done(run.end('overflowed'));
    if (sps === null) await yieldToEvents();
  }
  return done(run.end('done'));
}

/** As many steps as fit in one time slice (checking the clock every `clockEvery` steps); false on overflow. */
function runSlice(run: Stepper<unknown>, steps: number, batchMs: number): boolean {
  const sliceEnd = now() + batchMs;
  const mask = (run.clockEvery ?? 32) - 1;
  do {
    if (!run.step()) return false;
  } while (run.lastStep < steps && !run.settled && (run.lastStep & mask || now() < sliceEnd));
  return true;
}
