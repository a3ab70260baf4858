/**
 * "Squash four points": place four 3-D points on a plane by gradient descent, training their
 * 2-D positions (a 4×2 variable) so the pairwise distances match the 3-D ones.
 *
 * The points are a square card A-B-C-D (side √2, diagonal AC = 2) folded along AC until its
 * halves stand at right angles, like a book half open on its spine: A and C on the fold, B
 * lying flat, D pointing up. A learner can picture it, and it cannot be flattened exactly:
 * in a plane, four sides √2 and AC = 2 force a flat square whose BD is 2, but folding brought
 * B and D to √2 apart. So the loss stops above 0 — squashing loses something, as the
 * autoencoder's floor shows next — and the table shows what: the best flat layout is a
 * rhombus with AC = √(13/3) ≈ 2.08, BD = √(7/3) ≈ 1.53 and sides √(5/3) ≈ 1.29, loss 1/9.
 * A shape that flattens exactly (an unfolded square) would end at loss 0 and teach less.
 *
 * The page's sentence on the loss: "We match squared distances, (|pᵢ − pⱼ|² − Dᵢⱼ²)² averaged
 * over the six pairs, rather than the distances themselves: with no square root the loss is
 * built from the negator's own sub, square and mean, and its slope is defined even where two
 * points sit on top of each other — which is exactly how they start."
 */
import { STRESS_CONFIG, type StressConfig } from './configs.ts';
import {
  matmul,
  mean,
  scalar,
  square,
  sub,
  sum,
  tensor,
  variable,
  type Tensor,
  type Variable,
} from '../../engine/index.ts';
import type { DTypeName } from '../config.ts';
import { topCurvature, type Curvature } from './curvature.ts';
import { Descent, type Measured, type Progress } from './descend.ts';
import { ReduceError } from './errors.ts';
import { normals } from './normal.ts';
import { checkObject, checkRunFields, orThrow, type Checked, type FieldIssue } from './validate.ts';

/** The folded card: A and C on the fold (the x axis), B flat on the table, D straight up. */
export const POINTS_3D = Object.freeze({ A: [1, 0, 0], B: [0, 1, 0], C: [-1, 0, 0], D: [0, 0, 1] } as const);
export const POINT_NAMES = ['A', 'B', 'C', 'D'] as const;

/** The six pairs in table order, as indices into {@link POINT_NAMES}. */
export const PAIRS: readonly (readonly [number, number])[] = Object.freeze([
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
]);

/** The best flat layout's loss, from the rhombus above: ((20/3 − 8)²/4 + 2·(1/3)²) / 6 = 1/9. */
export const STRESS_FLOOR = 1 / 9;

export { STRESS_CONFIG, type StressConfig } from './configs.ts';

/** Spread of the starting positions: a small random scatter the learner sees unfold. */
export const STRESS_INITIAL_SD = 0.5;

/** Every problem with an untrusted stress config, per field. Never throws. */
export function validateStressConfig(raw: unknown): Checked<StressConfig> {
  const issues: FieldIssue[] = [];
  const c = checkObject(raw, Object.keys(STRESS_CONFIG), 'A stress config', issues);
  if (c === null) return { ok: false, issues };
  checkRunFields(c, issues);
  return issues.length ? { ok: false, issues } : { ok: true, config: c as unknown as StressConfig };
}

export const assertValidStressConfig = (raw: unknown): StressConfig => orThrow(validateStressConfig(raw));

const points = () => POINT_NAMES.map((n) => POINTS_3D[n]);
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((x, i) => x - b[i]));

/** The six 3-D distances in {@link PAIRS} order. */
export function distances3d(): number[] {
  const p = points();
  return PAIRS.map(([i, j]) => distance(p[i], p[j]));
}

/** One row of the before/after table. */
export interface PairRow {
  pair: string;
  d3: number;
  d2: number;
}

/** Each pair's 3-D distance and its distance in a 2-D layout (4×2 row-major positions). */
export function pairsTable(positions: ArrayLike<number>): PairRow[] {
  const d3 = distances3d();
  const at = (i: number) => [positions[2 * i], positions[2 * i + 1]];
  return PAIRS.map(([i, j], k) => ({ pair: POINT_NAMES[i] + POINT_NAMES[j], d3: d3[k], d2: distance(at(i), at(j)) }));
}

/**
 * The squared-distance stress of 4×2 positions p: mean over pairs of (|pᵢ − pⱼ|² − Dᵢⱼ²)².
 * `incidence` (6×4, +1 at i and −1 at j per pair) turns positions into pair differences with
 * one matmul; `targets` holds the six Dᵢⱼ². Recorded on whatever tape is active.
 */
export function stressLoss(p: Tensor, incidence: Tensor, targets: Tensor): Tensor {
  return mean(square(sub(sum(square(matmul(incidence, p)), 1), targets)));
}

/** The constant tensors {@link stressLoss} needs, in `dtype`. */
export function stressTensors(dtype: DTypeName): { incidence: Tensor; targets: Tensor } {
  const incidence = PAIRS.map(([i, j]) => POINT_NAMES.map((_, k) => (k === i ? 1 : k === j ? -1 : 0)));
  return {
    incidence: tensor(incidence, dtype),
    targets: tensor(
      distances3d().map((d) => d * d),
      dtype,
    ),
  };
}

/** The rhombus that minimises the loss (see the file comment), 4×2 row-major. */
export function bestLayout(): number[] {
  const ac = Math.sqrt(13 / 3) / 2,
    bd = Math.sqrt(7 / 3) / 2;
  return [ac, 0, 0, bd, -ac, 0, 0, -bd];
}

/** The stress loss's top curvature at 4×2 positions (default: the best layout, where it is ≈ 15.06), float64. */
export function stressCurvature(positions: ArrayLike<number> = bestLayout()): Curvature {
  const { incidence, targets } = stressTensors('float64');
  const p = variable(tensor(Array.from(positions), 'float64', [4, 2]));
  return topCurvature(() => stressLoss(p, incidence, targets), p);
}

export interface StressState {
  step: number;
  /** 4×2 row-major positions after the last step (A's x, A's y, B's x, …). */
  positions: number[];
  firstLoss: number | null;
}

/** The state one step reached: the positions after the update, with the loss and gradient length there. */
export interface StressStep {
  step: number;
  loss: number;
  /** After the update, 4×2 row-major. */
  positions: Float64Array;
  gradNorm: number;
  diverged: boolean;
}

export function initialStressState(config: StressConfig): StressState {
  return { step: 0, positions: normals(config.seed, 8, STRESS_INITIAL_SD), firstLoss: null };
}

const fmt = (v: number) => v.toPrecision(3);

/** A learner-facing explanation of a blow-up, naming the curvature limit at the best layout. */
export function explainStressDivergence(config: StressConfig, step: number): string {
  const { curvature, stableLearningRate } = stressCurvature();
  return (
    `The loss blew up at step ${step}: each update moved the points further past the best layout than the last. ` +
    `Near that layout the loss curves with curvature up to ${fmt(curvature)}, so plain gradient descent settles only while the ` +
    `learning rate is below 2 / ${fmt(curvature)} ≈ ${fmt(stableLearningRate)}. Your learning rate is ${config.learningRate}; try a value below ${fmt(stableLearningRate)}.`
  );
}

/** Trains the four 2-D positions. `step()` mutates the positions and the state; `state` is a fresh plain copy. */
export class StressTrainer {
  readonly config: StressConfig;
  private readonly p: Variable;
  private readonly incidence: Tensor;
  private readonly targets: Tensor;
  private readonly negLr: Tensor;
  private s: Progress;
  private readonly descent: Descent;
  divergence: { step: number; message: string } | null = null;

  constructor(config: StressConfig, state: StressState = initialStressState(config)) {
    this.config = assertValidStressConfig(config);
    const ok =
      Number.isInteger(state.step) &&
      state.step >= 0 &&
      state.positions?.length === 8 &&
      state.positions.every((v) => typeof v === 'number');
    if (!ok) throw new ReduceError('StressTrainer', 'a saved state needs a whole step ≥ 0 and 8 position numbers');
    ({ incidence: this.incidence, targets: this.targets } = stressTensors(config.dtype));
    this.p = variable(tensor(state.positions, config.dtype, [4, 2]));
    this.negLr = scalar(-config.learningRate, config.dtype);
    this.s = { step: state.step, firstLoss: state.firstLoss };
    this.descent = new Descent(this.p, () => this.loss(), this.negLr, this.s);
  }

  get state(): StressState {
    return { step: this.s.step, positions: Array.from(this.p.data), firstLoss: this.s.firstLoss };
  }

  loss(): Tensor {
    return stressLoss(this.p, this.incidence, this.targets);
  }

  /** The current positions' loss and gradient length (the start's, before any step). */
  at(): Measured {
    return this.descent.at();
  }

  /** One step: P ← P + (dL/dP) · (−lr), then the loss and gradient at the new positions. */
  step(): StressStep {
    const { loss, params: positions, gradNorm, diverged } = this.descent.step();
    if (diverged && this.divergence === null)
      this.divergence = { step: this.s.step, message: explainStressDivergence(this.config, this.s.step) };
    return { step: this.s.step, loss, positions, gradNorm, diverged };
  }

  /** The table for the current positions. */
  table(): PairRow[] {
    return pairsTable(this.p.data);
  }
}
