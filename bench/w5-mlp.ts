/**
 * W5 and W5b: small multi-layer perceptrons as TensorFlow Playground trains them — circle data
 * (500 points, half for training), labels ±1, tanh everywhere, ½·squared error, lr 0.03,
 * mini-batches in order, weights from one seeded start. Contenders: our Mlp (the engine's
 * public ops and a GradientTape), a hand-written per-neuron loop in the style of the
 * Playground's own nn.ts (float64 sums over float32 weights), and TensorFlow.js.
 */
import * as tf from '@tensorflow/tfjs';
import { classifyPoints } from '../src/training/network/datasets.ts';
import { Mlp, initialLayers, type LayerValues } from '../src/training/network/mlp.ts';
import { tensor, type Tensor } from '../src/engine/index.ts';
import { PLAYGROUND_DEFAULTS, type NetworkConfig, type NetworkData } from '../src/training/network/config.ts';
import { trainerApi } from '../workers/trainer-api.ts';

export interface W5Workload {
  id: string;
  label: string;
  sizes: number[];
  batch: number;
}

export const W5: W5Workload = { id: 'W5', label: '2→4→2→1 tanh, batch 10, 250 points', sizes: [2, 4, 2, 1], batch: 10 };
export const W5B: W5Workload = {
  id: 'W5b',
  label: 'six hidden layers of 8 tanh, batch 25, 250 points',
  sizes: [2, 8, 8, 8, 8, 8, 8, 1],
  batch: 25,
};

export const LR = 0.03;
const SEED = 7;

/** The training half of the circle data, as float32 like every contender's weights. */
export function trainingPoints(): { x: Float32Array; y: Float32Array; n: number } {
  const all = classifyPoints('circle', 500, 0, SEED);
  const n = 250;
  return { x: Float32Array.from(all.x.subarray(0, 2 * n)), y: Float32Array.from(all.label.subarray(0, n)), n };
}

export const startOf = (w: W5Workload): LayerValues[] => initialLayers(w.sizes, SEED);

/** One contender's run: `epoch()` trains one pass over the points; `values()` reads the weights. */
export interface W5Run {
  epoch(): void;
  values(): LayerValues[];
  dispose(): void;
}
export type W5Factory = (w: W5Workload) => W5Run;

/** Ours: the lesson's Mlp, one tape per mini-batch. */
export const engineW5: W5Factory = (w) => {
  const { x, y, n } = trainingPoints();
  const net = new Mlp({ sizes: w.sizes, activation: 'tanh', output: 'tanh', dtype: 'float32' }, startOf(w));
  const batches: [Tensor, Tensor][] = [];
  for (let i = 0; i < n; i += w.batch) {
    const m = Math.min(w.batch, n - i);
    batches.push([
      tensor(Array.from(x.subarray(2 * i, 2 * (i + m))), 'float32', [m, 2]),
      tensor(Array.from(y.subarray(i, i + m)), 'float32', [m, 1]),
    ]);
  }
  return {
    epoch: () => {
      for (const [bx, by] of batches) net.step(bx, by, LR);
    },
    values: () => net.values(),
    dispose: () => {},
  };
};

/** A tighter loop than the Playground's (for information): flat typed arrays, no objects, no allocation per step. */
export const flatW5: W5Factory = (w) => {
  const { x, y, n } = trainingPoints();
  const sizes = w.sizes;
  const L = sizes.length - 1;
  const start = startOf(w);
  const W = start.map((l) => Float32Array.from(l.w));
  const B = start.map((l) => Float32Array.from(l.b));
  const gW = W.map((a) => new Float64Array(a.length));
  const gB = B.map((a) => new Float64Array(a.length));
  const act = sizes.map((s) => new Float64Array(s));
  const delta = sizes.map((s) => new Float64Array(s));
  const example = (i: number) => {
    act[0][0] = x[2 * i];
    act[0][1] = x[2 * i + 1];
    for (let l = 0; l < L; l++) {
      const a = act[l],
        o = act[l + 1],
        wl = W[l],
        bl = B[l],
        nin = sizes[l],
        nout = sizes[l + 1];
      for (let j = 0; j < nout; j++) {
        let s = bl[j];
        for (let k = 0; k < nin; k++) s += a[k] * wl[k * nout + j];
        o[j] = Math.tanh(s);
      }
    }
    const out = act[L];
    delta[L][0] = (out[0] - y[i]) * (1 - out[0] * out[0]);
    for (let l = L - 1; l >= 0; l--) {
      const a = act[l],
        d = delta[l + 1],
        wl = W[l],
        nin = sizes[l],
        nout = sizes[l + 1];
      for (let j = 0; j < nout; j++) gB[l][j] += d[j];
      for (let k = 0; k < nin; k++) {
        let back = 0;
        for (let j = 0; j < nout; j++) {
          gW[l][k * nout + j] += a[k] * d[j];
          back += wl[k * nout + j] * d[j];
        }
        delta[l][k] = back * (1 - a[k] * a[k]);
      }
    }
  };
  const update = (m: number) => {
    const s = LR / m;
    for (let l = 0; l < L; l++) {
      for (let k = 0; k < W[l].length; k++) W[l][k] -= s * gW[l][k];
      for (let k = 0; k < B[l].length; k++) B[l][k] -= s * gB[l][k];
      gW[l].fill(0);
      gB[l].fill(0);
    }
  };
  return {
    epoch: () => {
      for (let i = 0; i < n; i += w.batch) {
        const m = Math.min(w.batch, n - i);
        for (let e = i; e < i + m; e++) example(e);
        update(m);
      }
    },
    values: () => W.map((wl, l) => ({ w: Array.from(wl), b: Array.from(B[l]) })),
    dispose: () => {},
  };
};

/** A neuron and a link as TensorFlow Playground's nn.ts keeps them: objects holding their values and summed derivatives. */
interface Neuron {
  inputs: Link[];
  outputs: Link[];
  bias: number;
  total: number;
  output: number;
  outputDer: number;
  inputDer: number;
  accInputDer: number;
}
interface Link {
  source: Neuron;
  dest: Neuron;
  weight: number;
  accErrorDer: number;
}

/**
 * The hand-written loop the targets are set against: per-neuron forward and backward over
 * neuron and link objects, sums in float64, weights rounded to float32 after each update
 * (as every contender stores them), no allocation per step.
 */
export const handW5: W5Factory = (w) => {
  const { x, y, n } = trainingPoints();
  const start = startOf(w);
  const layers: Neuron[][] = w.sizes.map((size) =>
    Array.from({ length: size }, () => ({
      inputs: [],
      outputs: [],
      bias: 0,
      total: 0,
      output: 0,
      outputDer: 0,
      inputDer: 0,
      accInputDer: 0,
    })),
  );
  start.forEach((l, k) => {
    const nout = w.sizes[k + 1];
    layers[k + 1].forEach((dest, j) => {
      dest.bias = Math.fround(l.b[j]);
      layers[k].forEach((source, q) => {
        const link: Link = { source, dest, weight: Math.fround(l.w[q * nout + j]), accErrorDer: 0 };
        dest.inputs.push(link);
        source.outputs.push(link);
      });
    });
  });
  const forward = (i: number) => {
    layers[0][0].output = x[2 * i];
    layers[0][1].output = x[2 * i + 1];
    for (let l = 1; l < layers.length; l++) {
      for (const node of layers[l]) {
        let s = node.bias;
        for (const link of node.inputs) s += link.weight * link.source.output;
        node.total = s;
        node.output = Math.tanh(s);
      }
    }
  };
  const backward = (target: number) => {
    const out = layers[layers.length - 1][0];
    out.outputDer = out.output - target;
    for (let l = layers.length - 1; l >= 1; l--) {
      for (const node of layers[l]) {
        node.inputDer = node.outputDer * (1 - node.output * node.output);
        node.accInputDer += node.inputDer;
        for (const link of node.inputs) link.accErrorDer += node.inputDer * link.source.output;
      }
      if (l === 1) continue;
      for (const node of layers[l - 1]) {
        let d = 0;
        for (const link of node.outputs) d += link.weight * link.dest.inputDer;
        node.outputDer = d;
      }
    }
  };
  const update = (m: number) => {
    const s = LR / m;
    for (let l = 1; l < layers.length; l++) {
      for (const node of layers[l]) {
        node.bias = Math.fround(node.bias - s * node.accInputDer);
        node.accInputDer = 0;
        for (const link of node.inputs) {
          link.weight = Math.fround(link.weight - s * link.accErrorDer);
          link.accErrorDer = 0;
        }
      }
    }
  };
  return {
    epoch: () => {
      for (let i = 0; i < n; i += w.batch) {
        const m = Math.min(w.batch, n - i);
        for (let e = i; e < i + m; e++) {
          forward(e);
          backward(y[e]);
        }
        update(m);
      }
    },
    values: () =>
      layers.slice(1).map((layer, k) => {
        const nout = w.sizes[k + 1];
        const wv = new Array<number>(w.sizes[k] * nout);
        layer.forEach((node, j) => node.inputs.forEach((link, q) => (wv[q * nout + j] = link.weight)));
        return { w: wv, b: layer.map((node) => node.bias) };
      }),
    dispose: () => {},
  };
};

/** TensorFlow.js on the current backend: variableGrads of the same loss, one tf.tidy per batch. */
export const tfjsW5: W5Factory = (w) => {
  const { x, y, n } = trainingPoints();
  const start = startOf(w);
  const vars = start.flatMap((l, k) => [
    tf.variable(tf.tensor2d(l.w, [w.sizes[k], w.sizes[k + 1]])),
    tf.variable(tf.tensor1d(l.b)),
  ]);
  const batches: [tf.Tensor2D, tf.Tensor2D][] = [];
  for (let i = 0; i < n; i += w.batch) {
    const m = Math.min(w.batch, n - i);
    batches.push([tf.tensor2d(x.subarray(2 * i, 2 * (i + m)), [m, 2]), tf.tensor2d(y.subarray(i, i + m), [m, 1])]);
  }
  const forward = (bx: tf.Tensor2D) => {
    let h: tf.Tensor = bx;
    for (let k = 0; k < vars.length; k += 2)
      h = tf.tanh(tf.add(tf.matMul(h as tf.Tensor2D, vars[k] as tf.Variable<tf.Rank.R2>), vars[k + 1]));
    return h;
  };
  return {
    epoch: () => {
      for (const [bx, by] of batches) {
        tf.tidy(() => {
          const { grads } = tf.variableGrads(
            () => tf.mean(tf.mul(tf.square(tf.sub(forward(bx), by)), 0.5)) as tf.Scalar,
            vars,
          );
          for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], LR)));
        });
      }
    },
    values: () =>
      start.map((_, k) => ({ w: Array.from(vars[2 * k].dataSync()), b: Array.from(vars[2 * k + 1].dataSync()) })),
    dispose: () => tf.dispose([...vars, ...batches.flat()]),
  };
};

/** The mean ½·squared error over the training points for some weights, in float64 (the common judge). */
export function lossOf(w: W5Workload, values: LayerValues[]): number {
  const { x, y, n } = trainingPoints();
  let total = 0;
  for (let i = 0; i < n; i++) {
    let h = [x[2 * i], x[2 * i + 1]];
    values.forEach((l, k) => {
      const nout = w.sizes[k + 1];
      h = Array.from({ length: nout }, (_, j) => Math.tanh(h.reduce((s, a, q) => s + a * l.w[q * nout + j], l.b[j])));
    });
    total += 0.5 * (h[0] - y[i]) ** 2;
  }
  return total / n;
}

/** Lesson 3's iris network (4 → 8 → 3, softmax cross-entropy, batch 10) and the Network page's spiral (three layers of 8, maps on). */
export const WORKER_RUNS: { label: string; config: NetworkConfig }[] = [
  {
    label: "lesson 3's iris network, 4 → 8 → 3 softmax cross-entropy, batch 10, 120 flowers",
    config: {
      ...PLAYGROUND_DEFAULTS,
      data: { kind: 'iris', testCount: 30, seed: 1 },
      hidden: [8],
      loss: 'cross-entropy',
      learningRate: 0.1,
      epochs: 1000,
    },
  },
  {
    label: 'the spiral, three hidden layers of 8 tanh, batch 10, 250 points, maps of the plane about 20 times a second',
    config: {
      ...PLAYGROUND_DEFAULTS,
      data: { ...(PLAYGROUND_DEFAULTS.data as Extract<NetworkData, { kind: 'plane' }>), dataset: 'spiral' },
      hidden: [8, 8, 8],
      epochs: 1000,
    },
  },
];

/** Epochs per second of a whole worker run at Max (the run loop, batches and maps included; the page side is a no-op). */
export async function workerEpochsPerSecond(config: NetworkConfig): Promise<{ perSecond: number; maps: number }> {
  let maps = 0;
  const t0 = performance.now();
  const end = await trainerApi.trainNetwork(
    config,
    (b) => {
      if (b.maps) maps += 1;
    },
    { runId: Math.floor(Math.random() * 1e9), channel: 'bench' },
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: end.lastStep / seconds, maps: maps / seconds };
}
