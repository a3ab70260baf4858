/**
 * Trains a multi-layer perceptron on a network run's problem, one epoch per step: mini-batches
 * in a fixed order (the last one may be smaller), each one tape and one update, as the
 * Playground does. Reports the losses and accuracies on the training and test sets after each
 * epoch, the mean |dL/dW| of each layer over the epoch, and, for plane problems, the maps: the
 * output and every hidden unit over a grid of the input plane. Every number comes from the
 * engine's ops.
 */
import {
  abs,
  mean,
  mul,
  reshape,
  softmax,
  softmaxCrossEntropy,
  square,
  sum,
  tensor,
  type Tensor,
} from '../../engine/index.ts';
import { assertValidNetworkConfig, layerSizes, type NetworkConfig, type Feature } from './config.ts';
import { Mlp, halfSquared, initialLayers, layersFromFlat, type LayerValues, type LossOf, type Penalty } from './mlp.ts';
import { featureRows, prepareProblem, type Examples, type Problem } from './problem.ts';

/** Where a run stands: the epochs done and the weights now. */
export interface NetworkState {
  epoch: number;
  layers: LayerValues[];
}

export interface EpochRow {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Fractions 0–1 of the examples whose predicted class is right (0 for regression). */
  trainAccuracy: number;
  testAccuracy: number;
  /** Mean |dL/dW| over each layer's weights, averaged over the epoch's batches (input side first). */
  gradSizes: number[];
  /** Each mini-batch's loss, measured before its update, in the epoch's order (what stochastic descent feels). */
  batchLosses: number[];
}

/** The input plane the maps cover, as the Playground's: [−6, 6]². */
export const PLANE_EXTENT = 6;

export interface PlaneMaps {
  /** Cells per side; cell (r, c) is centred at x₁ = −6 + 12(c + ½)/grid, x₂ = 6 − 12(r + ½)/grid (row 0 at the top). */
  grid: number;
  /** Per cell: the output (squared error: tanh in [−1, 1]) or each class's probability (cross-entropy), [grid², outputs]. */
  output: Float32Array;
  outputs: number;
  /** Cells per side of each unit's map (coarser than the output's, as the Playground's). */
  unitGrid: number;
  /** Per hidden unit, in layer order, its activation over its cells: [units, unitGrid²]. */
  units: Float32Array;
  unitCount: number;
  /** Per input feature (x₁, x₂, x₁², …, as configured), its value over the unit grid's cells: [features, unitGrid²]. */
  inputs: Float32Array;
}

/**
 * A one-input network drawn along its input (lesson 3's |x|): the output, each unit of the last
 * hidden layer, and the pieces the output adds up — each of those units times its weight to the
 * output — at evenly spread inputs.
 */
export interface LineMaps {
  xs: Float32Array;
  output: Float32Array;
  /** Per unit of the last hidden layer, its activation at each x: [unitCount, xs.length]. */
  units: Float32Array;
  /** Per unit, activation × its weight to the output: [unitCount, xs.length]. Output = Σ pieces + bias. */
  pieces: Float32Array;
  unitCount: number;
  /** The output's bias (0 without biases). */
  bias: number;
}

/** The cells' centres as plane points, row-major [grid², 2]. */
export function gridPoints(grid: number): Float64Array {
  const out = new Float64Array(2 * grid * grid);
  const cell = (2 * PLANE_EXTENT) / grid;
  for (let r = 0; r < grid; r++)
    for (let c = 0; c < grid; c++) {
      out[2 * (r * grid + c)] = -PLANE_EXTENT + cell * (c + 0.5);
      out[2 * (r * grid + c) + 1] = PLANE_EXTENT - cell * (r + 0.5);
    }
  return out;
}

function oneHot(cls: Int32Array, classes: number): number[] {
  const out = new Array<number>(cls.length * classes).fill(0);
  cls.forEach((c, i) => (out[i * classes + c] = 1));
  return out;
}

export class NetworkTrainer {
  readonly config: NetworkConfig;
  readonly problem: ReturnType<typeof prepareProblem>;
  readonly net: Mlp;
  private readonly batches: [Tensor, Tensor][] = [];
  private readonly sets: Record<'train' | 'test', { x: Tensor; y: Tensor; cls: Int32Array }>;
  private readonly lossOf: LossOf;
  private readonly penalty: Penalty | undefined;
  epoch: number;

  /** `from` continues a run where it stopped. Throws a ConfigError for invalid settings. */
  constructor(config: NetworkConfig, from?: NetworkState) {
    this.config = assertValidNetworkConfig(config);
    const p = (this.problem = prepareProblem(config.data));
    const ce = config.loss === 'cross-entropy';
    const regression = p.classes === 0;
    const outputs = ce ? p.classes : 1;
    const sizes = layerSizes(config);
    const biases = config.biases !== false;
    const start = config.init
      ? layersFromFlat(sizes, config.init, biases)
      : initialLayers(sizes, config.initSeed, biases);
    // Classes with squared error: one tanh output against ±1 (the Playground's); numbers to
    // fit: a linear output; cross-entropy: one logit per class.
    this.net = new Mlp(
      {
        sizes,
        activation: config.activation,
        output: ce || regression ? 'linear' : 'tanh',
        dtype: config.dtype,
        biases,
      },
      from?.layers ?? start,
    );
    this.epoch = from?.epoch ?? 0;
    this.lossOf = ce ? (z, y) => mean(softmaxCrossEntropy(y, z)) : halfSquared;
    this.penalty = this.penaltyOf(p.train.n);
    const targets = (e: Examples) =>
      regression ? Array.from(e.target ?? []) : ce ? oneHot(e.cls, p.classes) : Array.from(e.cls, (c) => (c ? 1 : -1));
    const asSet = (e: Examples) => ({
      x: tensor(Array.from(e.x), config.dtype, [e.n, p.inputs]),
      y: tensor(targets(e), config.dtype, [e.n, outputs]),
      cls: e.cls,
    });
    this.sets = { train: asSet(p.train), test: asSet(p.test) };
    const { x, cls, n } = p.train;
    for (let i = 0; i < n; i += config.batchSize) {
      const m = Math.min(config.batchSize, n - i);
      const part: Examples = {
        x: x.subarray(i * p.inputs, (i + m) * p.inputs),
        cls: cls.subarray(i, i + m),
        n: m,
        target: p.train.target?.subarray(i, i + m),
      };
      const s = asSet(part);
      this.batches.push([s.x, s.y]);
    }
  }

  /** L1: rate·Σ|w|/n, L2: rate·Σ½w²/n — so each weight's update gains −lr·rate·penalty′(w)/n, as the Playground's. */
  private penaltyOf(n: number): Penalty | undefined {
    const { regularization, regularizationRate: rate } = this.config;
    if (regularization === 'none' || rate === 0) return undefined;
    const k = rate / n;
    return regularization === 'l1' ? (w) => mul(sum(abs(w)), k) : (w) => mul(sum(square(w)), k / 2);
  }

  /** Mini-batches (updates) per epoch. */
  get batchCount(): number {
    return this.batches.length;
  }

  get state(): NetworkState {
    return { epoch: this.epoch, layers: this.net.values() };
  }

  /** One epoch over the training batches, then the losses and accuracies after it. */
  step(): EpochRow {
    const sizes = new Array<number>(this.net.layers.length).fill(0);
    const batchLosses: number[] = [];
    for (const [x, y] of this.batches) {
      const r = this.net.step(x, y, this.config.learningRate, this.lossOf, this.penalty);
      r.weightGrads.forEach((g, l) => (sizes[l] += meanAbs(g.data)));
      batchLosses.push(r.loss);
    }
    this.epoch += 1;
    return {
      epoch: this.epoch,
      ...this.evaluate(),
      gradSizes: sizes.map((s) => s / this.batches.length),
      batchLosses,
    };
  }

  /** Loss (without the penalty) and accuracy on the training and test sets now. */
  evaluate(): Omit<EpochRow, 'epoch' | 'gradSizes' | 'batchLosses'> {
    const train = this.scoreOf('train');
    const test = this.scoreOf('test');
    return { trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy };
  }

  private scoreOf(which: 'train' | 'test'): { loss: number; accuracy: number } {
    const s = this.sets[which];
    if (s.cls.length === 0) return { loss: 0, accuracy: 0 };
    const out = this.net.forward(s.x);
    const loss = this.lossOf(out, s.y).item();
    // Numbers to fit have no classes to count right.
    if (this.problem.classes === 0) return { loss, accuracy: 0 };
    const predicted = this.classesOf(out);
    let right = 0;
    predicted.forEach((c, i) => (right += c === s.cls[i] ? 1 : 0));
    return { loss, accuracy: right / s.cls.length };
  }

  /** Each row's predicted class: the sign of the one output, or the largest logit. */
  classesOf(out: Tensor): Int32Array {
    const d = out.data;
    const k = out.shape[out.shape.length - 1];
    const n = d.length / k;
    const cls = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (k === 1) cls[i] = d[i] >= 0 ? 1 : 0;
      else for (let j = 1; j < k; j++) if (d[i * k + j] > d[i * k + cls[i]]) cls[i] = j;
    }
    return cls;
  }

  /** Predicted classes of the test set, and the confusion counts [actual][predicted]. */
  confusion(which: 'train' | 'test' = 'test'): number[][] {
    const s = this.sets[which];
    const c = this.problem.classes;
    const m = Array.from({ length: c }, () => new Array<number>(c).fill(0));
    // Numbers to fit have no classes to confuse.
    if (s.cls.length === 0 || c === 0) return m;
    this.classesOf(this.net.forward(s.x)).forEach((p, i) => (m[s.cls[i]][p] += 1));
    return m;
  }

  /**
   * The maps over the plane (plane problems only; null for the iris flowers): the output on a
   * `grid`×`grid` grid and every hidden unit on a `unitGrid`×`unitGrid` one.
   */
  maps(grid: number, unitGrid = grid): PlaneMaps | null {
    const d = this.config.data;
    if (d.kind !== 'plane' && d.kind !== 'points') return null;
    const acts = this.activationsOver(grid, d.features);
    const last = acts[acts.length - 1];
    const output = this.config.loss === 'cross-entropy' ? softmax(last) : last;
    const hidden = (unitGrid === grid ? acts : this.activationsOver(unitGrid, d.features)).slice(0, -1);
    const cells = unitGrid * unitGrid;
    const unitCount = hidden.reduce((s, h) => s + h.shape[1], 0);
    const units = new Float32Array(unitCount * cells);
    let u = 0;
    for (const h of hidden) {
      const k = h.shape[1];
      const data = h.data;
      for (let j = 0; j < k; j++, u++) for (let i = 0; i < cells; i++) units[u * cells + i] = data[i * k + j];
    }
    const f = d.features.length;
    const rows = featureRows(gridPoints(unitGrid), d.features);
    const inputs = new Float32Array(f * cells);
    for (let j = 0; j < f; j++) for (let i = 0; i < cells; i++) inputs[j * cells + i] = rows[i * f + j];
    return { grid, output: Float32Array.from(output.data), outputs: last.shape[1], unitGrid, units, unitCount, inputs };
  }

  /**
   * The network along its one input, over the examples' range and a quarter of it beyond each
   * end, at `n` points (one-input, one-output networks only; null otherwise).
   */
  curves(n = 121): LineMaps | null {
    const d = this.config.data;
    const sizes = this.net.spec.sizes;
    if (d.kind !== 'pairs' || sizes[0] !== 1 || sizes[sizes.length - 1] !== 1) return null;
    const inputs = d.inputs.map((r) => r[0]);
    const lo = Math.min(...inputs);
    const hi = Math.max(...inputs);
    const pad = hi > lo ? (hi - lo) / 4 : 1;
    const xs = Float32Array.from({ length: n }, (_, i) => lo - pad + ((hi - lo + 2 * pad) * i) / (n - 1));
    const acts = this.net.activations(tensor(Array.from(xs), this.config.dtype, [n, 1]));
    const output = Float32Array.from(acts[acts.length - 1].data);
    const last = this.net.layers[this.net.layers.length - 1];
    const bias = last.b ? last.b.data[0] : 0;
    if (acts.length === 1)
      return { xs, output, units: new Float32Array(0), pieces: new Float32Array(0), unitCount: 0, bias };
    const h = acts[acts.length - 2];
    const k = h.shape[1];
    const pieces = mul(h, reshape(last.w, [1, k]));
    const byUnit = (t: Tensor) => {
      const out = new Float32Array(k * n);
      for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) out[j * n + i] = t.data[i * k + j];
      return out;
    };
    return { xs, output, units: byUnit(h), pieces: byUnit(pieces), unitCount: k, bias };
  }

  private activationsOver(grid: number, features: readonly Feature[]): Tensor[] {
    const x = tensor(Array.from(featureRows(gridPoints(grid), features)), this.config.dtype, [
      grid * grid,
      this.problem.inputs,
    ]);
    return this.net.activations(x);
  }
}

function meanAbs(d: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += Math.abs(d[i]);
  return d.length ? s / d.length : 0;
}

export type { Problem };
