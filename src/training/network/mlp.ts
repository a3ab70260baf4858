/**
 * A multi-layer perceptron on the engine's public ops, written the way the lesson teaches it:
 * each layer is h ← act(h·W + b), the loss is built from elementary ops, and one
 * GradientTape gives every weight's gradient. Weights start as TensorFlow Playground's do
 * (uniform in [−0.5, 0.5], biases 0.1), from a seed.
 */
import {
  GradientTape,
  add,
  matmul,
  mean,
  mul,
  relu,
  sigmoid,
  square,
  sub,
  tanh,
  tensor,
  variable,
  type DType,
  type Tensor,
  type Variable,
} from '../../engine/index.ts';
import { mulberry32 } from '../random.ts';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** The network's shape: `sizes` from inputs to outputs, e.g. [2, 4, 2, 1]. */
export interface MlpSpec {
  sizes: readonly number[];
  activation: Activation;
  /** The output unit's activation (tanh for ±1 labels, linear for regression). */
  output: Activation;
  dtype: DType;
  /** false: no biases (each layer is h ← act(h·W)); true when omitted. */
  biases?: boolean;
}

/** One layer's parameters as plain numbers: W row-major [in, out], b [out] (empty without biases). */
export interface LayerValues {
  w: number[];
  b: number[];
}

/** Seeded starting weights: uniform in [−0.5, 0.5], every bias 0.1. */
export function initialLayers(sizes: readonly number[], seed: number, biases = true): LayerValues[] {
  const rand = mulberry32(seed);
  return sizes.slice(1).map((out, l) => ({
    w: Array.from({ length: sizes[l] * out }, () => rand() - 0.5),
    b: biases ? new Array<number>(out).fill(0.1) : [],
  }));
}

/** Flat starting weights (layer by layer: W, then b when there are biases) as layers. */
export function layersFromFlat(sizes: readonly number[], flat: readonly number[], biases = true): LayerValues[] {
  let at = 0;
  const take = (n: number) => flat.slice(at, (at += n));
  return sizes.slice(1).map((out, l) => ({ w: take(sizes[l] * out), b: biases ? take(out) : [] }));
}

/** A batch loss from the network's output and the targets. */
export type LossOf = (output: Tensor, y: Tensor) => Tensor;
/** A weight matrix's regularization term, added to the loss. */
export type Penalty = (w: Tensor) => Tensor;

export interface StepResult {
  /** The batch's loss before the step (penalty included). */
  loss: number;
  /** d loss / d W of each layer, from the input side. */
  weightGrads: Tensor[];
}

/** mean(½(output − y)²): the Playground's loss, whose gradient per example is (output − y). */
export const halfSquared: LossOf = (out, y) => mean(mul(square(sub(out, y)), 0.5));

const ACT: Record<Activation, (t: Tensor) => Tensor> = { relu, tanh, sigmoid, linear: (t) => t };

/** The network as engine variables; `forward` and `step` record nothing outside their tape. */
export class Mlp {
  /** b is null in a network without biases. */
  readonly layers: { w: Variable; b: Variable | null }[];

  constructor(
    readonly spec: MlpSpec,
    start: readonly LayerValues[],
  ) {
    const { sizes, dtype } = spec;
    this.layers = start.map((v, l) => ({
      w: variable(tensor(v.w, dtype, [sizes[l], sizes[l + 1]])),
      b: spec.biases === false ? null : variable(tensor(v.b, dtype, [sizes[l + 1]])),
    }));
  }

  /** Every layer's output for x [n, inputs], from the first hidden layer to the output [n, outputs]. */
  activations(x: Tensor): Tensor[] {
    let h = x;
    return this.layers.map(({ w, b }, l) => {
      const act = l === this.layers.length - 1 ? this.spec.output : this.spec.activation;
      const z = matmul(h, w);
      h = ACT[act](b ? add(z, b) : z);
      return h;
    });
  }

  /** The output for x [n, inputs]: [n, outputs]. */
  forward(x: Tensor): Tensor {
    const all = this.activations(x);
    return all[all.length - 1];
  }

  /**
   * One step of gradient descent over the batch (x [n, inputs], y [n, outputs]) on the loss
   * `lossOf` builds from the output and y (by default ½·squared error, the Playground's) plus
   * `penalty` of each weight matrix: every weight and bias moves by −lr × its gradient.
   * Returns the loss before the step and the gradients (biases' and weights' by layer).
   * Mutates the layers' variables.
   */
  step(x: Tensor, y: Tensor, lr: number, lossOf: LossOf = halfSquared, penalty?: Penalty): StepResult {
    const tape = new GradientTape();
    const loss = tape.record(() => {
      const data = lossOf(this.forward(x), y);
      return penalty ? this.layers.reduce((l, { w }) => add(l, penalty(w)), data) : data;
    });
    const vars = this.layers.flatMap(({ w, b }) => (b ? [w, b] : [w]));
    const grads = tape.gradient(loss, vars);
    vars.forEach((v, k) => v.assign(sub(v, mul(grads[k], lr))));
    const isWeight = (v: Variable) => this.layers.some((l) => l.w === v);
    return { loss: loss.item(), weightGrads: grads.filter((_, k) => isWeight(vars[k])) };
  }

  /** The current weights as plain numbers. */
  values(): LayerValues[] {
    return this.layers.map(({ w, b }) => ({ w: Array.from(w.data), b: b ? Array.from(b.data) : [] }));
  }
}
