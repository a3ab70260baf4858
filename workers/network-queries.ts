/**
 * What lesson 3 and the Network page ask the worker besides runs: a data set's points for
 * drawing, the stacked negator's loss over (w₁, w₂), the backprop step's tape, one example
 * through trained weights, and which classes a trained network mixes up. Plain async
 * functions, spread into the trainer API (a chunk of its own, loaded when first asked).
 */
import { mul, scalar, softmax, softmaxCrossEntropy, square, sub, tensor } from '../src/engine/index.ts';
import { ConfigError } from '../src/training/config.ts';
import { assertValidNetworkConfig, type NetworkConfig, type NetworkData } from '../src/training/network/config.ts';
import {
  layerFiniteDifference,
  recordLayerTape,
  type LayerFiniteDifference,
  type LayerParam,
  type LayerTapeInput,
  type LayerTapeResult,
} from '../src/training/network/layer-tape.ts';
import { featureRows, prepareProblem } from '../src/training/network/problem.ts';
import { NetworkTrainer } from '../src/training/network/trainer.ts';

export interface DataPoints {
  /** Plane points (x₁, x₂) row-major, and each one's class (0, 1 or 2), training then test. */
  train: Float64Array;
  trainClass: Int32Array;
  test: Float64Array;
  testClass: Int32Array;
  /** Regression: each point's number to fit (empty for classes). */
  trainTarget: Float64Array;
  testTarget: Float64Array;
  classNames: string[];
}

/** Losses on a grid: losses[j][i] at w₁ = ws[i], w₂ = bs[j] (the contour map's shape). */
export interface StackLandscape {
  ws: number[];
  bs: number[];
  losses: number[][];
}

export interface ExampleThrough {
  /** The example's inputs as the network reads them (iris: z-scored with the training flowers' means). */
  inputs: number[];
  /** Its class, and the class the network picks. */
  actual: number;
  predicted: number;
  /** One score per class (logits), their softmax, and the cross-entropy −log p[actual]. */
  logits: number[];
  probabilities: number[];
  loss: number;
  classNames: string[];
}

/** How one hidden layer of 2 units maps the plane: grid lines and the training points, carried through it. */
export interface LayerViewData {
  layer: number;
  /** Lines x₁ = k and x₂ = k for k = −6 … 6, each `perLine` points (u₁, u₂) in the layer's output, flat. */
  lines: Float32Array;
  perLine: number;
  /** The training points' (u₁, u₂) and classes. */
  points: Float32Array;
  cls: Int32Array;
}

export interface ConfusedPair {
  /** Confusion counts [actual][predicted] after the run, on the training and the held-out examples. */
  train: number[][];
  test: number[][];
  /** The two classes mixed up most often over all examples (both ways), and how many times. */
  pair: [number, number];
  count: number;
  classNames: string[];
}

const LANDSCAPE_MAX = 201;
/** The most epochs `confusedPair` trains (a run is the way to train longer). */
export const CONFUSED_MAX_EPOCHS = 2000;

function range(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

export const networkQueries = {
  /** The points of a plane data set (what the decision map draws over). */
  async dataPoints(data: NetworkData): Promise<DataPoints> {
    if (data?.kind !== 'plane')
      throw new ConfigError([{ field: 'data.kind', message: 'Only plane data sets have points to draw.' }]);
    // Validated as part of a whole config, so the same messages as a run's.
    assertValidNetworkConfig({ ...baseConfig(), data });
    const p = prepareProblem(data);
    return {
      train: p.trainPoints ?? new Float64Array(0),
      trainClass: p.train.cls,
      test: p.testPoints ?? new Float64Array(0),
      testClass: p.test.cls,
      trainTarget: p.train.target ?? new Float64Array(0),
      testTarget: p.test.target ?? new Float64Array(0),
      classNames: p.classNames,
    };
  },

  /**
   * The stacked negator's loss ½(w₂·(w₁·x) − t)² (the network trainer's half squared error)
   * over a grid of (w₁, w₂), every value from the engine's ops in float64.
   */
  async stackLandscape(a: {
    input: number;
    target: number;
    w1: [number, number];
    w2: [number, number];
    n: number;
  }): Promise<StackLandscape> {
    const finite = [a?.input, a?.target, ...(a?.w1 ?? []), ...(a?.w2 ?? [])].every(
      (v) => typeof v === 'number' && Number.isFinite(v),
    );
    const n = a?.n;
    if (!finite || !(Number.isInteger(n) && n >= 2 && n <= LANDSCAPE_MAX) || !(a.w1[1] > a.w1[0] && a.w2[1] > a.w2[0]))
      throw new ConfigError([
        {
          field: 'landscape',
          message: `A landscape needs finite numbers, ranges lo < hi and 2 to ${LANDSCAPE_MAX} points a side.`,
        },
      ]);
    const ws = range(a.w1[0], a.w1[1], n);
    const bs = range(a.w2[0], a.w2[1], n);
    const w1 = tensor(ws, 'float64', [1, n]);
    const w2 = tensor(bs, 'float64', [n, 1]);
    const y = mul(mul(w2, w1), scalar(a.input, 'float64'));
    const loss = mul(square(sub(y, scalar(a.target, 'float64'))), 0.5).data;
    return { ws, bs, losses: bs.map((_, j) => Array.from(loss.subarray(j * n, (j + 1) * n))) };
  },

  /** The backprop step's tape: one example through the 1 → 2 → 1 network, walked back. */
  async layerTape(p: LayerTapeInput): Promise<LayerTapeResult> {
    return recordLayerTape(p);
  },

  /** (L(θ + h) − L(θ − h)) / 2h for one parameter of the backprop step's network. */
  async layerFiniteDifference(p: LayerTapeInput, param: LayerParam, h: number): Promise<LayerFiniteDifference> {
    return layerFiniteDifference(p, param, h);
  },

  /** Example `index` of the training or test set through the network with weights `weights` (flat, as runs send them). */
  async exampleThrough(
    config: NetworkConfig,
    weights: ArrayLike<number>,
    set: 'train' | 'test',
    index: number,
  ): Promise<ExampleThrough> {
    const trainer = new NetworkTrainer({ ...config, init: Array.from(weights) });
    const p = trainer.problem;
    const ex = p[set === 'test' ? 'test' : 'train'];
    if (!(Number.isInteger(index) && index >= 0 && index < ex.n))
      throw new ConfigError([{ field: 'index', message: `Pick an example from 0 to ${ex.n - 1}.` }]);
    const inputs = Array.from(ex.x.subarray(index * p.inputs, (index + 1) * p.inputs));
    const actual = ex.cls[index];
    const logits = trainer.net.forward(tensor(inputs, config.dtype, [1, p.inputs]));
    const classes = logits.shape[1];
    const oneHot = tensor(
      Array.from({ length: classes }, (_, k) => (k === actual ? 1 : 0)),
      config.dtype,
      [1, classes],
    );
    return {
      inputs,
      actual,
      predicted: trainer.classesOf(logits)[0],
      logits: Array.from(logits.data),
      probabilities: Array.from(softmax(logits).data),
      loss: softmaxCrossEntropy(oneHot, logits).item(),
      classNames: p.classNames,
    };
  },

  /** Hidden layer `layer` (of exactly 2 units) of the network with weights `weights`: where it sends the plane. */
  async layerView(config: NetworkConfig, weights: ArrayLike<number>, layer: number): Promise<LayerViewData> {
    const trainer = new NetworkTrainer({ ...config, init: Array.from(weights) });
    const d = config.data;
    if ((d.kind !== 'plane' && d.kind !== 'points') || config.hidden[layer] !== 2)
      throw new ConfigError([
        { field: 'layer', message: 'Only a hidden layer of 2 units on plane data can be drawn.' },
      ]);
    const per = 49;
    const ks = Array.from({ length: 13 }, (_, i) => i - 6);
    const xy: number[] = [];
    for (const k of ks) for (let i = 0; i < per; i++) xy.push(-6 + (12 * i) / (per - 1), k);
    for (const k of ks) for (let i = 0; i < per; i++) xy.push(k, -6 + (12 * i) / (per - 1));
    const through = (pts: ArrayLike<number>) => {
      const n = pts.length / 2;
      const x = tensor(Array.from(featureRows(pts, d.features)), config.dtype, [n, d.features.length]);
      return Float32Array.from(trainer.net.activations(x)[layer].data);
    };
    const p = trainer.problem as ReturnType<typeof prepareProblem>;
    return {
      layer,
      lines: through(xy),
      perLine: per,
      points: through(p.trainPoints ?? new Float64Array(0)),
      cls: p.train.cls,
    };
  },

  /** Trains `config` to its end and says which two classes it mixes up most. */
  async confusedPair(config: NetworkConfig): Promise<ConfusedPair> {
    // A question, not a run: it cannot be paused or stopped, so it is kept short (~1 s at most).
    if (!(config?.epochs <= CONFUSED_MAX_EPOCHS))
      throw new ConfigError([
        { field: 'epochs', message: `A question trains at most ${CONFUSED_MAX_EPOCHS.toLocaleString('en')} epochs.` },
      ]);
    const trainer = new NetworkTrainer(config);
    for (let e = 0; e < config.epochs; e++) trainer.step();
    const train = trainer.confusion('train');
    const test = trainer.confusion('test');
    const k = train.length;
    let pair: [number, number] = [0, 1];
    let count = -1;
    for (let i = 0; i < k; i++)
      for (let j = i + 1; j < k; j++) {
        const c = train[i][j] + train[j][i] + test[i][j] + test[j][i];
        if (c > count) [pair, count] = [[i, j], c];
      }
    return { train, test, pair, count, classNames: trainer.problem.classNames };
  },
};

function baseConfig(): Omit<NetworkConfig, 'data'> {
  return {
    hidden: [],
    activation: 'tanh',
    loss: 'squared',
    learningRate: 0.1,
    batchSize: 10,
    regularization: 'none',
    regularizationRate: 0,
    epochs: 1,
    initSeed: 1,
    dtype: 'float64',
  };
}
