/**
 * One training run inside the worker: steps the trainer, paced to a number of steps per
 * second or as fast as it goes ("Max"), and sends the rows in batches. Pause, resume, a single
 * step while paused, speed changes and stop arrive through the run's Control and take effect
 * between steps, so the same trainer (weights and optimizer slots) carries on.
 */
import * as Comlink from 'comlink';
import type { TrainingConfig } from '../src/training/config.ts';
import { Columns, RUN_COLUMNS, type RunColumn } from '../src/training/columns.ts';
import { Trainer, type Head, type StepRecord, type TrainerState } from '../src/training/trainer.ts';
import { explainDivergence, explainOverflow, hasDiverged, overflowed } from '../src/training/divergence.ts';

/** A slice of a run's history: one typed array per column (transferred, not copied) and where it stands now. */
export interface Batch {
  runId: number;
  /** Step number of the first row (0 for the run's start row). */
  fromStep: number;
  steps: Float64Array;
  loss: Float64Array;
  weight: Float64Array;
  bias: Float64Array;
  grad: Float64Array;
  gradBias: Float64Array;
  /** Loss and gradients at the latest parameters (what the next step will measure); null if they overflow. */
  head: Head | null;
}

/** How a run ended. 'diverged': it ran all its steps but the loss blew up on the way. */
export type EndStatus = 'done' | 'stopped' | 'diverged' | 'overflowed';

export interface RunEnd {
  runId: number;
  status: EndStatus;
  /** The last step whose row was sent. */
  lastStep: number;
  /** The step where the loss was first seen blowing up, if it did. */
  divergedAt?: number;
  message?: string;
  /** Wall time of the run inside the worker, in ms (time spent paused included). */
  elapsedMs?: number;
  /** Where the run stopped: weights and optimizer slots, so a Step can continue it exactly. */
  state: TrainerState;
}

export type BatchCallback = (batch: Batch) => void | Promise<void>;

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
        return () => new Promise<void>((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });
      })();

/** Sleeps `ms` (forever when Infinity), or until the control is poked. */
function sleep(c: Control, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = Number.isFinite(ms) ? setTimeout(() => { c.wake = null; resolve(); }, Math.max(0, ms)) : null;
    c.wake = () => { if (timer !== null) clearTimeout(timer); resolve(); };
  });
}

async function send(onBatch: BatchCallback, batch: Batch): Promise<void> {
  const buffers = RUN_COLUMNS.map((k) => batch[k].buffer as ArrayBuffer);
  // Awaiting the callback is the back-pressure: the UI is never more than one batch behind.
  await onBatch(Comlink.transfer(batch, buffers));
}

/** A run in progress: its trainer, the rows not yet sent, and what it has seen. */
class Run {
  readonly trainer: Trainer;
  readonly rows = new Columns<RunColumn>(RUN_COLUMNS, 256);
  firstLoss = NaN;
  divergedAt: number | undefined;
  lastStep = 0;

  constructor(readonly config: TrainingConfig, readonly runId: number, readonly onBatch: BatchCallback) {
    this.trainer = new Trainer(config);
  }

  /** One step; false when it overflowed (nothing recorded). The first step also records the start as row 0. */
  step(): boolean {
    const r = this.trainer.step();
    if (overflowed(r)) return false;
    if (r.step === 1) {
      this.firstLoss = r.loss;
      this.rows.push({ steps: 0, loss: r.loss, weight: r.weightBefore, bias: r.biasBefore, grad: r.gradWeight, gradBias: r.gradBias });
    }
    if (this.divergedAt === undefined && hasDiverged(r.loss, this.firstLoss, this.config.optimizer)) this.divergedAt = r.step;
    this.rows.push(rowOf(r));
    this.lastStep = r.step;
    return true;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const head = this.trainer.peek();
    const cols = this.rows.take();
    const finite = Number.isFinite(head.loss) && Number.isFinite(head.grad) && Number.isFinite(head.gradBias);
    await send(this.onBatch, { runId: this.runId, fromStep: cols.steps[0], ...cols, head: finite ? head : null });
  }

  end(status: EndStatus, message?: string): RunEnd {
    const diverged = this.divergedAt !== undefined;
    const final = status === 'done' && diverged ? 'diverged' : status;
    const why = diverged ? explainDivergence(this.config, this.divergedAt!) : undefined;
    return { runId: this.runId, status: final, lastStep: this.lastStep, divergedAt: this.divergedAt, message: [message, why].filter(Boolean).join(' ') || undefined, state: this.trainer.state };
  }
}

const rowOf = (r: StepRecord) => ({ steps: r.step, loss: r.loss, weight: r.weight, bias: r.bias, grad: r.gradWeight, gradBias: r.gradBias });

/**
 * Runs `config` to its step count under `control`, sending batches at most every `batchMs`
 * when unpaced. `superseded()` is asked between batches (a newer run on the same channel).
 */
export async function runLoop(config: TrainingConfig, runId: number, onBatch: BatchCallback, control: Control, superseded: () => boolean, batchMs = 16): Promise<RunEnd> {
  const run = new Run(config, runId, onBatch);
  let base = now();
  let baseStep = 0;
  while (run.lastStep < config.steps) {
    if (control.stopped || superseded()) return run.end('stopped');
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
        if (control.stepsPerSecond !== before) { base = now(); baseStep = run.lastStep; }
        continue;
      }
    }
    const ok = control.paused || sps !== null ? run.step() : runSlice(run, config.steps, batchMs);
    await run.flush();
    if (!ok) return run.end('overflowed', explainOverflow(config, run.lastStep + 1));
    if (sps === null) await yieldToEvents();
  }
  return run.end('done');
}

/** As many steps as fit in one time slice (checking the clock every 32 steps); false on overflow. */
function runSlice(run: Run, steps: number, batchMs: number): boolean {
  const sliceEnd = now() + batchMs;
  do {
    if (!run.step()) return false;
  } while (run.lastStep < steps && (run.lastStep & 31 || now() < sliceEnd));
  return true;
}
