/**
 * Plain gradient descent, as both Reduce trainers take it: record the loss on a tape, ask the
 * tape for d loss / d parameters, and move the parameters against it. Every step reports the
 * state it reached with the loss and gradient measured there (which the next step moves by), so
 * a run's rows are states, as the negator's are.
 */
import { GradientTape, add, mul, type Tensor, type Variable } from '../../engine/index.ts';

/** How far a run has come: steps taken and the loss at its start (to tell divergence). */
export interface Progress {
  step: number;
  firstLoss: number | null;
}

/** A state of the parameters: the loss there and the length of its gradient. */
export interface Measured {
  loss: number;
  gradNorm: number;
}

export interface Descended extends Measured {
  /** The parameters after the update, where `loss` and `gradNorm` were measured. */
  params: Float64Array;
  /** Whether the loss or a parameter overflowed, or the loss grew a millionfold. */
  diverged: boolean;
}

export class Descent {
  /** The loss and gradient at the current parameters, measured once: the step needs one, the row shows the other. */
  private here: { loss: number; grad: Tensor } | null = null;

  constructor(
    private readonly v: Variable,
    private readonly loss: () => Tensor,
    private readonly negLr: Tensor,
    /** Mutated: each step counts itself, and the start's loss is kept. */
    private readonly progress: Progress,
  ) {}

  /** The current state's loss and gradient length. */
  at(): Measured {
    const h = this.measure();
    return { loss: h.loss, gradNorm: Math.hypot(...h.grad.data) };
  }

  /** v ← v + (dL/dv)·negLr, then the loss and gradient where it landed. */
  step(): Descended {
    const before = this.measure();
    this.progress.firstLoss ??= before.loss;
    this.v.assign(add(this.v, mul(before.grad, this.negLr)));
    this.here = null;
    this.progress.step += 1;
    const { loss, gradNorm } = this.at();
    const params = Float64Array.from(this.v.data);
    const diverged = !Number.isFinite(loss) || loss > 1e6 * this.progress.firstLoss || !params.every(Number.isFinite);
    return { loss, gradNorm, params, diverged };
  }

  private measure(): { loss: number; grad: Tensor } {
    if (!this.here) {
      const tape = new GradientTape();
      const value = tape.record(this.loss);
      this.here = { loss: value.item(), grad: tape.gradient(value, this.v) };
    }
    return this.here;
  }
}
