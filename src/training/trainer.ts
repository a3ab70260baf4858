/**
 * The training loop's single step, written with the engine's GradientTape exactly as the
 * tutorial writes it: record the loss, ask the tape for the gradient, move against it.
 * Pure and synchronous: no timers, no messaging (the worker adds those).
 */
import {
  GradientTape,
  add,
  div,
  mean,
  mul,
  reshape,
  scalar,
  sqrt,
  square,
  sub,
  tensor,
  variable,
  type Tensor,
  type TapeEntry,
  type Variable,
} from '../engine/index.ts';
import type { TrainingConfig } from './config.ts';

/** Parameters and optimizer slots between steps; plain numbers so it crosses postMessage. */
export interface TrainerState {
  /** Steps already taken. */
  step: number;
  weight: number;
  bias: number;
  /** Momentum velocity or Adam's first moment, per parameter [w, b]. */
  m: [number, number];
  /** Adam's second moment, per parameter [w, b]. */
  v: [number, number];
}

/** A state of a run: its parameters with the loss and gradients measured there. */
export interface StateRecord {
  weight: number;
  bias: number;
  loss: number;
  gradWeight: number;
  /** dL/db (0 for the 'w' model). */
  gradBias: number;
}

/**
 * One step, as the states it joins: `step` is the state it reached (k) with its own loss and
 * gradients; `before` is state k − 1, whose gradients moved the parameters. The tutorial prints
 * `before.loss` inside step k (the loss it computed before its update).
 */
export interface StepRecord extends StateRecord {
  step: number;
  before: StateRecord;
}

/** The loss and gradients at a run's latest parameters (what its next step will measure). */
export interface Head {
  loss: number;
  /** dL/dw there. */
  grad: number;
  /** dL/db there (0 for the 'w' model). */
  gradBias: number;
}

/** The state before any step: the config's initial parameters, empty optimizer slots. */
export function initialState(config: TrainingConfig): TrainerState {
  return {
    step: 0,
    weight: config.initialWeight,
    bias: config.model === 'w+b' ? config.initialBias : 0,
    m: [0, 0],
    v: [0, 0],
  };
}

/**
 * Holds the engine tensors for one config so a long run does not rebuild its data each step.
 * `step()` mutates the variables and the state; `state` is always a fresh plain copy.
 */
export class Trainer {
  private readonly x: Tensor;
  private readonly y: Tensor;
  private readonly w: Variable;
  private readonly b: Variable | null;
  private readonly lr: Tensor;
  private s: TrainerState;
  /** The last step's tape, kept only when `keepTrace` was asked for. */
  lastTrace: TapeEntry[] | null = null;
  /** The loss and gradients at the current parameters, measured once: a step needs them to move and the next row shows them. */
  private here: { loss: Tensor; grads: Tensor[] } | null = null;

  constructor(
    private readonly config: TrainingConfig,
    state: TrainerState = initialState(config),
  ) {
    const { pairs, dtype } = config;
    // One pair uses scalars, as the tutorial does; many pairs use vectors and a mean.
    this.x =
      pairs.length === 1
        ? scalar(pairs[0].input, dtype)
        : tensor(
            pairs.map((p) => p.input),
            dtype,
          );
    this.y =
      pairs.length === 1
        ? scalar(pairs[0].target, dtype)
        : tensor(
            pairs.map((p) => p.target),
            dtype,
          );
    this.w = variable(state.weight, dtype);
    this.b = config.model === 'w+b' ? variable(state.bias, dtype) : null;
    this.lr = scalar(config.learningRate, dtype);
    this.s = { ...state, m: [...state.m], v: [...state.v] };
    // As the dtype holds them (float32 rounds 0.1): the state and its row show what was measured.
    this.s.weight = this.w.item();
    this.s.bias = this.b ? this.b.item() : 0;
  }

  get state(): TrainerState {
    return { ...this.s, m: [...this.s.m], v: [...this.s.v] };
  }

  /** The loss (target − prediction)², averaged over pairs; recorded on whatever tape is active. */
  loss(): Tensor {
    const prediction = this.b ? add(mul(this.x, this.w), this.b) : mul(this.x, this.w);
    const err = square(sub(this.y, prediction));
    return this.config.pairs.length === 1 ? err : mean(err);
  }

  /**
   * One step of the configured optimizer: the gradients at the current parameters move them,
   * then the loss and gradients are measured where they landed (the next step moves by those).
   * Set `keepTrace` to keep the tape of the gradients that moved them, for inspection.
   */
  step(keepTrace = false): StepRecord {
    this.lastTrace = null;
    const before = this.current(keepTrace);
    const beforeRecord = this.at();
    this.s.step += 1;
    this.update(this.w, before.grads[0], 0);
    if (this.b) this.update(this.b, before.grads[1], 1);
    this.s.weight = this.w.item();
    this.s.bias = this.b ? this.b.item() : 0;
    this.here = null;
    return { step: this.s.step, ...this.at(), before: beforeRecord };
  }

  /** The current state: the parameters with the loss and gradients there (what the next step moves by). */
  at(): StateRecord {
    const { loss, grads } = this.current(false);
    return {
      weight: this.s.weight,
      bias: this.s.bias,
      loss: loss.item(),
      gradWeight: grads[0].item(),
      gradBias: grads[1]?.item() ?? 0,
    };
  }

  /** The loss and gradients at the current parameters, without updating them: what the next step will measure. */
  peek(): Head {
    const r = this.at();
    return { loss: r.loss, grad: r.gradWeight, gradBias: r.gradBias };
  }

  /** The measurement at the current parameters, kept until they move (taken afresh when a trace is wanted). */
  private current(keepTrace: boolean): { loss: Tensor; grads: Tensor[] } {
    if (!this.here || keepTrace) this.here = this.measure(keepTrace);
    return this.here;
  }

  /** Records the loss on a fresh tape and asks it for every parameter's gradient. */
  private measure(keepTrace: boolean): { loss: Tensor; grads: Tensor[] } {
    const tape = new GradientTape();
    const loss = tape.record(() => this.loss());
    const grads = tape.gradient(loss, this.b ? [this.w, this.b] : [this.w]);
    if (keepTrace) this.lastTrace = tape.trace();
    return { loss, grads };
  }

  /** d²L/dw² at the current weight: a tape nested inside another tape. */
  secondDerivative(): number {
    const outer = new GradientTape();
    const dLdw = outer.record(() => {
      const inner = new GradientTape();
      const loss = inner.record(() => this.loss());
      return inner.gradient(loss, this.w);
    });
    return outer.gradient(dLdw, this.w).item();
  }

  private update(p: Variable, g: Tensor, slot: 0 | 1): void {
    const { optimizer, dtype } = this.config;
    if (optimizer === 'sgd') {
      // The tutorial's form: w ← w + gradient · (−learning rate).
      p.assign(add(p, mul(g, mul(this.lr, -1))));
      return;
    }
    if (optimizer === 'momentum') {
      const v = add(mul(scalar(this.s.m[slot], dtype), this.config.momentum), g);
      this.s.m[slot] = v.item();
      p.assign(sub(p, mul(this.lr, v)));
      return;
    }
    this.adam(p, g, slot);
  }

  private adam(p: Variable, g: Tensor, slot: 0 | 1): void {
    const { beta1, beta2, epsilon, dtype } = this.config;
    const t = this.s.step;
    const m = add(mul(scalar(this.s.m[slot], dtype), beta1), mul(g, 1 - beta1));
    const v = add(mul(scalar(this.s.v[slot], dtype), beta2), mul(square(g), 1 - beta2));
    this.s.m[slot] = m.item();
    this.s.v[slot] = v.item();
    const mHat = div(m, 1 - beta1 ** t);
    const vHat = div(v, 1 - beta2 ** t);
    p.assign(sub(p, div(mul(this.lr, mHat), add(sqrt(vHat), epsilon))));
  }
}

/**
 * d²L/dw² at the given weight, by differentiating the tape's gradient on an outer tape.
 * For the 'w' model this is 2·mean(x²): 18 for the tutorial's input 3.
 */
export function curvature(config: TrainingConfig, weight: number): number {
  return new Trainer(config, { ...initialState(config), weight }).secondDerivative();
}

/**
 * The loss at `n` evenly spaced weights in [from, to] (bias fixed), evaluated by the engine
 * in one vectorised pass: the parabola the Loss and Descent lessons draw.
 */
export function lossCurve(
  config: TrainingConfig,
  from: number,
  to: number,
  n: number,
  bias = 0,
): { weights: number[]; losses: number[] } {
  const weights = Array.from({ length: n }, (_, i) => from + ((to - from) * i) / Math.max(1, n - 1));
  const P = config.pairs.length;
  // Pairs down the rows, weights across the columns: broadcasting gives every loss at once.
  const x = reshape(
    tensor(
      config.pairs.map((p) => p.input),
      'float64',
    ),
    [P, 1],
  );
  const y = reshape(
    tensor(
      config.pairs.map((p) => p.target),
      'float64',
    ),
    [P, 1],
  );
  const w = reshape(tensor(weights, 'float64'), [1, n]);
  const pred = add(mul(x, w), config.model === 'w+b' ? bias : 0);
  const losses = mean(square(sub(y, pred)), 0).toArray() as number[];
  return { weights, losses };
}

/** Predictions and per-pair losses at given parameters: what the perceptron says right now. */
export interface Evaluation {
  predictions: number[];
  losses: number[];
  /** Mean of `losses`. */
  loss: number;
}

/** Runs the model forward (no tape) on the config's pairs at `weight` and `bias`. */
export function evaluate(config: TrainingConfig, weight: number, bias = 0): Evaluation {
  const { dtype } = config;
  const x = tensor(
    config.pairs.map((p) => p.input),
    dtype,
  );
  const y = tensor(
    config.pairs.map((p) => p.target),
    dtype,
  );
  const pred = config.model === 'w+b' ? add(mul(x, weight), bias) : mul(x, weight);
  const losses = square(sub(y, pred));
  return { predictions: pred.toArray() as number[], losses: losses.toArray() as number[], loss: mean(losses).item() };
}
