/**
 * The Reduce lesson's runs in the worker: the tied autoencoder on the iris flowers and the
 * four points' squared-distance stress. Every row is one state (row 0 the start): the loss,
 * gradient length and, for the autoencoder, the angle to exact PCA's plane, all at that step's
 * parameters; each batch also carries where the points are now, so the scatter can redraw.
 */
import {
  AutoencoderTrainer,
  assertValidAutoencoderConfig,
  type AutoencoderConfig,
  type AutoencoderState,
} from '../src/training/reduce/autoencoder.ts';
import {
  StressTrainer,
  assertValidStressConfig,
  STRESS_FLOOR,
  pairsTable,
  type StressConfig,
  type StressState,
} from '../src/training/reduce/stress.ts';
import { Columns } from '../src/training/columns.ts';
import { sendBatch, type EndStatus, type RunEndOf, type Stepper } from './run-loop.ts';

export type ReduceRunConfig = ({ kind: 'autoencoder' } & AutoencoderConfig) | ({ kind: 'stress' } & StressConfig);

export const REDUCE_COLUMNS = ['steps', 'loss', 'angle', 'gradNorm'] as const;

/** Steps the four points' loss must hold still, and how still (relative), for the run to count as settled. */
export const SETTLE_STEPS = 10;
const SETTLE_TOLERANCE = 1e-4;
export type ReduceColumn = (typeof REDUCE_COLUMNS)[number];

export interface ReduceBatch extends Record<ReduceColumn, Float64Array> {
  runId: number;
  fromStep: number;
  /** The 2-D points after the batch's last step, row-major (150×2 flowers, or 4×2 positions). */
  points: Float64Array;
  /** The trained matrix after it (W d×2, or the 4×2 positions). */
  weights: Float64Array;
  /** For the stress run: each pair's 2-D distance now (AB, AC, AD, BC, BD, CD). */
  pairDistances: Float64Array;
}

export type ReduceEnd = RunEndOf<AutoencoderState | StressState>;

/** The config, validated for its kind (a typed ConfigError otherwise). */
export function assertValidReduceConfig(raw: unknown): ReduceRunConfig {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as { kind?: unknown };
  const { kind, ...rest } = r as Record<string, unknown>;
  if (kind === 'stress') return { kind, ...assertValidStressConfig(rest) };
  return { kind: 'autoencoder', ...assertValidAutoencoderConfig(kind === 'autoencoder' ? rest : raw) };
}

/** A Reduce run as the loop drives it. */
export class ReduceRun implements Stepper<ReduceEnd> {
  private readonly trainer: AutoencoderTrainer | StressTrainer;
  private readonly rows = new Columns<ReduceColumn>(REDUCE_COLUMNS, 64);
  private latest: Float64Array;
  lastStep: number;
  /** Whether the start's row has been recorded (a run continued from a state has it already). */
  private started = false;
  /** The last SETTLE_STEPS losses (the four points' run only), to tell when it has settled. */
  private recent: number[] = [];
  /** The step at which the four points' loss stopped changing, once it has. */
  settledAt: number | undefined;
  get settled(): boolean {
    return this.settledAt !== undefined;
  }

  /** `from` continues a run where it stopped (its state from the last ReduceEnd). */
  constructor(
    readonly config: ReduceRunConfig,
    readonly runId: number,
    readonly onBatch: (b: ReduceBatch) => void | Promise<void>,
    from?: AutoencoderState | StressState,
  ) {
    const { kind, ...settings } = config;
    this.trainer =
      kind === 'stress'
        ? new StressTrainer(settings as StressConfig, from as StressState | undefined)
        : new AutoencoderTrainer(settings as AutoencoderConfig, from as AutoencoderState | undefined);
    this.lastStep = this.trainer.state.step;
    this.latest = Float64Array.from(weightsOf(this.trainer));
  }

  step(): boolean {
    const t = this.trainer;
    if (t.state.step === 0 && !this.started) {
      this.started = true;
      const start = t.at();
      if (!Number.isFinite(start.loss)) return false;
      const angle = t instanceof AutoencoderTrainer ? t.angleToPca() : 0;
      this.rows.push({
        steps: 0,
        loss: start.loss,
        angle: Number.isFinite(angle) ? angle : 0,
        gradNorm: start.gradNorm,
      });
    }
    const r = t.step();
    const after = 'weights' in r ? r.weights : r.positions;
    if (!Number.isFinite(r.loss) || !after.every(Number.isFinite)) return false;
    const angle = 'angleToPca' in r ? r.angleToPca : 0;
    this.rows.push({ steps: r.step, loss: r.loss, angle: Number.isFinite(angle) ? angle : 0, gradNorm: r.gradNorm });
    if (this.config.kind === 'stress') this.watchSettling(r.step, r.loss);
    this.latest = after;
    this.lastStep = r.step;
    return true;
  }

  /**
   * The four points' run ends once its loss is within 0.1 % of the best flat layout's and has
   * changed by less than 0.01 % over SETTLE_STEPS steps: the rest of the run would show nothing.
   */
  private watchSettling(step: number, loss: number): void {
    this.recent.push(loss);
    if (this.recent.length > SETTLE_STEPS) this.recent.shift();
    if (this.recent.length < SETTLE_STEPS) return;
    const hi = Math.max(...this.recent);
    const lo = Math.min(...this.recent);
    // Still, and at the floor: a slow run (a tiny learning rate) also moves little per step,
    // but is far from the floor, and goes on.
    const atFloor = Math.abs(loss - STRESS_FLOOR) <= 1e-3 * STRESS_FLOOR;
    if (atFloor && hi - lo <= SETTLE_TOLERANCE * Math.abs(hi)) this.settledAt = step;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const cols = this.rows.take();
    const points =
      this.trainer instanceof AutoencoderTrainer
        ? Float64Array.from(this.trainer.embedding().flat())
        : Float64Array.from(this.latest);
    const pairDistances =
      this.trainer instanceof StressTrainer
        ? Float64Array.from(pairsTable(this.latest).map((p) => p.d2))
        : new Float64Array(0);
    const batch: ReduceBatch = {
      runId: this.runId,
      fromStep: cols.steps[0],
      ...cols,
      points,
      weights: Float64Array.from(this.latest),
      pairDistances,
    };
    await sendBatch(this.onBatch, batch, [...REDUCE_COLUMNS.map((k) => cols[k]), points, batch.weights, pairDistances]);
  }

  end(status: EndStatus): ReduceEnd {
    const d = this.trainer.divergence;
    const final = status === 'done' && d ? 'diverged' : status;
    const overflow =
      status === 'overflowed'
        ? `Overflowed at step ${this.lastStep + 1}: the numbers grew past what ${this.config.dtype} can hold, so the run stopped there.`
        : undefined;
    const settled =
      status === 'done' && this.settledAt !== undefined && this.settledAt < this.config.steps
        ? `Settled at step ${this.settledAt}: the loss stayed at ${this.recent[this.recent.length - 1].toPrecision(4)} for the last ${SETTLE_STEPS} steps (changing by less than 0.01 %), so the run stopped there instead of repeating it for ${this.config.steps - this.settledAt} more.`
        : undefined;
    return {
      runId: this.runId,
      status: final,
      lastStep: this.lastStep,
      divergedAt: d?.step,
      message: [overflow, d?.message, settled].filter(Boolean).join(' ') || undefined,
      state: this.trainer.state,
    };
  }
}

function weightsOf(t: AutoencoderTrainer | StressTrainer): number[] {
  return t instanceof AutoencoderTrainer ? t.state.weights : t.state.positions;
}
