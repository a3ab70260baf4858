/**
 * The lesson's second model: the negator's loop with its one weight grown into a d×2 matrix
 * W. Encode z = x·W, decode x̂ = z·Wᵀ, loss mean((x − x·W·Wᵀ)²) — a linear autoencoder with
 * tied weights, written from the same elementary ops as the negator. Its best W spans the
 * same plane as exact PCA, which is how the page checks what gradient descent learned.
 * Pure and synchronous: no timers, no messaging (the worker adds those).
 */
import {
  matmul,
  mean,
  scalar,
  square,
  sub,
  tensor,
  transpose,
  variable,
  type Tensor,
  type Variable,
} from '../../engine/index.ts';
import { applyScaling } from './iris.ts';
import { COMPONENTS, REDUCE_DATASETS, prepareDataset, type ReduceData } from './dataset.ts';
import { Descent, type Measured, type Progress } from './descend.ts';
import { ReduceError } from './errors.ts';
import { planeAngleTo } from './linalg.ts';
import { normals } from './normal.ts';
import { IRIS_AUTOENCODER_CONFIG, type AutoencoderConfig } from './configs.ts';
import { checkChoice, checkObject, checkRunFields, orThrow, type Checked, type FieldIssue } from './validate.ts';

export { IRIS_AUTOENCODER_CONFIG, type AutoencoderConfig } from './configs.ts';

/** Standard deviation of W's initial entries: small, so training starts near the saddle at W = 0. */
export const INITIAL_SD = 0.1;

/** Every problem with an untrusted autoencoder config, per field. Never throws. */
export function validateAutoencoderConfig(raw: unknown): Checked<AutoencoderConfig> {
  const issues: FieldIssue[] = [];
  const c = checkObject(raw, Object.keys(IRIS_AUTOENCODER_CONFIG), 'An autoencoder config', issues);
  if (c === null) return { ok: false, issues };
  checkChoice(c.dataset, 'dataset', REDUCE_DATASETS, 'Dataset', issues);
  checkRunFields(c, issues);
  return issues.length ? { ok: false, issues } : { ok: true, config: c as unknown as AutoencoderConfig };
}

/** Like {@link validateAutoencoderConfig} but throws a ConfigError listing every issue. */
export const assertValidAutoencoderConfig = (raw: unknown): AutoencoderConfig =>
  orThrow(validateAutoencoderConfig(raw));

/** The run between steps as plain numbers, so it crosses postMessage and a paused run resumes exactly. */
export interface AutoencoderState {
  /** Steps already taken. */
  step: number;
  /** W after the last step, d×2 row-major (W[i][c] at i·2 + c). */
  weights: number[];
  /** The first step's loss, which the divergence rule compares against; null before step 1. */
  firstLoss: number | null;
}

/** The state one step reached: W after the update, with the loss, its angle to PCA and ‖dL/dW‖ there. */
export interface AutoencoderStep {
  step: number;
  loss: number;
  /** d×2 row-major, after the update. */
  weights: Float64Array;
  /** Largest principal angle between span(W) and exact PCA's plane, degrees (NaN if W collapsed). */
  angleToPca: number;
  /** ‖dL/dW‖ (Frobenius) at the new weights. */
  gradNorm: number;
  diverged: boolean;
}

/** W's seeded N(0, 0.1²) start for d inputs, row-major d×2. */
export function initialWeights(seed: number, d: number): number[] {
  return normals(seed, d * COMPONENTS, INITIAL_SD);
}

export function initialAutoencoderState(config: AutoencoderConfig, d = 4): AutoencoderState {
  return { step: 0, weights: initialWeights(config.seed, d), firstLoss: null };
}

/** mean((x − x·W·Wᵀ)²) for x n×d and W d×k: a scalar, recorded on whatever tape is active. */
export function autoencoderLoss(x: Tensor, w: Tensor): Tensor {
  return mean(square(sub(x, matmul(matmul(x, w), transpose(w)))));
}

/** Row-major flat d×k values as rows. */
export function toRows(flat: ArrayLike<number>, cols = COMPONENTS): number[][] {
  return Array.from({ length: flat.length / cols }, (_, i) =>
    Array.from({ length: cols }, (__, c) => flat[i * cols + c]),
  );
}

const fmt = (v: number) => (v >= 0.01 ? v.toPrecision(3) : v.toExponential(2));

/** A learner-facing explanation of a blow-up at `step`, naming the curvature limit for this data. */
export function explainAutoencoderDivergence(config: AutoencoderConfig, data: ReduceData, step: number): string {
  const d = data.rows[0].length;
  const c = data.curvatureAtMinimum;
  return (
    `The loss blew up at step ${step}: each update overshot the minimum by more than the last. ` +
    `At the minimum the loss curves most steeply along the first principal axis, with curvature 8·λ₁/${d} = ${fmt(c)} ` +
    `(λ₁ = ${fmt(data.pca.eigenvalues[0])} is the data's variance along that axis), so plain gradient descent settles only ` +
    `while the learning rate is below 2 / ${fmt(c)} ≈ ${fmt(2 / c)}. Your learning rate is ${config.learningRate}; try a value below ${fmt(2 / c)}.`
  );
}

function checkState(state: AutoencoderState, d: number): void {
  const ok =
    Number.isInteger(state.step) &&
    state.step >= 0 &&
    Array.isArray(state.weights) &&
    state.weights.length === d * COMPONENTS &&
    state.weights.every((v) => typeof v === 'number') &&
    (state.firstLoss === null || typeof state.firstLoss === 'number');
  if (!ok)
    throw new ReduceError(
      'AutoencoderTrainer',
      `a saved state needs a whole step ≥ 0, ${d * COMPONENTS} weights and a first loss (or null)`,
    );
}

/**
 * Holds x as an engine tensor once and W as a variable, so a long run does not rebuild its
 * data each step. `step()` mutates W and the state; `state` is always a fresh plain copy.
 */
export class AutoencoderTrainer {
  readonly config: AutoencoderConfig;
  readonly data: ReduceData;
  private readonly x: Tensor;
  private readonly w: Variable;
  private readonly negLr: Tensor;
  private s: Progress;
  private readonly descent: Descent;
  private readonly angle: (flat: ArrayLike<number>) => number;
  /** Set at the first step whose loss is non-finite or above 1e6 × the first loss. */
  divergence: { step: number; message: string } | null = null;

  constructor(config: AutoencoderConfig, state?: AutoencoderState, data?: ReduceData) {
    this.config = assertValidAutoencoderConfig(config);
    this.data = data ?? prepareDataset(config.dataset);
    const d = this.data.rows[0].length;
    const start = state ?? initialAutoencoderState(config, d);
    checkState(start, d);
    this.x = tensor(this.data.rows, config.dtype);
    this.w = variable(tensor(start.weights, config.dtype, [d, COMPONENTS]));
    this.negLr = scalar(-config.learningRate, config.dtype);
    this.s = { step: start.step, firstLoss: start.firstLoss };
    this.descent = new Descent(this.w, () => this.loss(), this.negLr, this.s);
    this.angle = planeAngleTo(this.data.pca.components);
  }

  get state(): AutoencoderState {
    return { step: this.s.step, weights: Array.from(this.w.data), firstLoss: this.s.firstLoss };
  }

  /** The loss at the current W, recorded on whatever tape is active. */
  loss(): Tensor {
    return autoencoderLoss(this.x, this.w);
  }

  /** The current W's loss and ‖dL/dW‖ (the start's, before any step). */
  at(): Measured {
    return this.descent.at();
  }

  /** One gradient-descent step: W ← W + (dL/dW) · (−lr), then the loss and gradient at the new W. */
  step(): AutoencoderStep {
    const { loss, params: weights, gradNorm, diverged } = this.descent.step();
    if (diverged && this.divergence === null) {
      this.divergence = {
        step: this.s.step,
        message: explainAutoencoderDivergence(this.config, this.data, this.s.step),
      };
    }
    return { step: this.s.step, loss, weights, angleToPca: this.angle(weights), gradNorm, diverged };
  }

  /** W now, as d rows of 2. */
  weights(): number[][] {
    return toRows(this.w.data);
  }

  /** Degrees between span(W) and exact PCA's plane (NaN if W's columns collapsed or are non-finite). */
  angleToPca(): number {
    return this.angle(this.w.data);
  }

  /** z = x·W for the training rows: the scatter's points, n rows of 2. */
  embedding(): number[][] {
    return matmul(this.x, this.w).toArray() as number[][];
  }

  /** z = rows·W for rows already scaled like the data (m×d → m×2). Mutates nothing. */
  project(rows: readonly (readonly number[])[]): number[][] {
    const d = this.data.rows[0].length;
    if (rows.length === 0) return [];
    if (rows.some((r) => r.length !== d || !r.every(Number.isFinite))) {
      throw new ReduceError('project', `every row needs ${d} finite numbers`);
    }
    return matmul(
      tensor(
        rows.map((r) => [...r]),
        this.config.dtype,
      ),
      this.w,
    ).toArray() as number[][];
  }

  /** Where a new flower (d measurements in cm) lands on the scatter: scaled with the data's own stats, then x·W. */
  projectFlower(cm: readonly number[]): [number, number] {
    const [z] = this.project(applyScaling([cm], this.data.scaling));
    return [z[0], z[1]];
  }
}
