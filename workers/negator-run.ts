/**
 * The negator's runs in the worker: every row is one state of the run — step k's parameters
 * with the loss and gradients measured there — row 0 the start. (The tutorial prints, inside
 * step k, the loss of state k − 1: the one it measured before its update.)
 */
import type { TrainingConfig } from '../src/training/config.ts';
import { Columns, RUN_COLUMNS, type RunColumn } from '../src/training/columns.ts';
import { Trainer, type StateRecord, type TrainerState } from '../src/training/trainer.ts';
import {
  explainDivergence,
  explainOverflow,
  hasDiverged,
  overflowed,
  type FirstRise,
} from '../src/training/divergence.ts';
import { sendBatch, type EndStatus, type RunEndOf, type Stepper } from './run-loop.ts';

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
}

export type RunEnd = RunEndOf<TrainerState>;

export type BatchCallback = (batch: Batch) => void | Promise<void>;

/** A run in progress: its trainer, the rows not yet sent, and what it has seen. */
export class NegatorRun implements Stepper<RunEnd> {
  readonly trainer: Trainer;
  readonly rows = new Columns<RunColumn>(RUN_COLUMNS, 256);
  firstLoss = NaN;
  divergedAt: number | undefined;
  /** Where the loss first went up (a run can rise for a few steps before it is caught). */
  firstRise: FirstRise | undefined;
  lastLoss = NaN;
  lastStep = 0;
  private started = false;

  constructor(
    readonly config: TrainingConfig,
    readonly runId: number,
    readonly onBatch: BatchCallback,
  ) {
    this.trainer = new Trainer(config);
  }

  /** One step; false when the state it reached overflowed (nothing recorded). The first step also records the start as row 0. */
  step(): boolean {
    if (!this.started) {
      this.started = true;
      const start = this.trainer.at();
      if (overflowed(start)) return false;
      this.firstLoss = this.lastLoss = start.loss;
      this.rows.push(rowOf(0, start));
    }
    const r = this.trainer.step();
    if (overflowed(r)) return false;
    if (this.firstRise === undefined && r.loss > this.lastLoss)
      this.firstRise = { step: r.step, from: this.lastLoss, to: r.loss };
    this.lastLoss = r.loss;
    if (this.divergedAt === undefined && hasDiverged(r.loss, this.firstLoss, this.config.optimizer))
      this.divergedAt = r.step;
    this.rows.push(rowOf(r.step, r));
    this.lastStep = r.step;
    return true;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const cols = this.rows.take();
    await sendBatch(
      this.onBatch,
      { runId: this.runId, fromStep: cols.steps[0], ...cols },
      RUN_COLUMNS.map((k) => cols[k]),
    );
  }

  end(status: EndStatus): RunEnd {
    const message = status === 'overflowed' ? explainOverflow(this.config, this.lastStep + 1) : undefined;
    const diverged = this.divergedAt !== undefined;
    const final = status === 'done' && diverged ? 'diverged' : status;
    const why = diverged ? explainDivergence(this.config, this.divergedAt!, this.firstRise) : undefined;
    return {
      runId: this.runId,
      status: final,
      lastStep: this.lastStep,
      divergedAt: this.divergedAt,
      message: [message, why].filter(Boolean).join(' ') || undefined,
      state: this.trainer.state,
    };
  }
}

const rowOf = (step: number, r: StateRecord) => ({
  steps: step,
  loss: r.loss,
  weight: r.weight,
  bias: r.bias,
  grad: r.gradWeight,
  gradBias: r.gradBias,
});
