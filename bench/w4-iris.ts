/**
 * W4: the iris autoencoder step — one gradient-descent step of mean((x − x·W·Wᵀ)²) on the
 * 150×4 z-scored flowers, W 4×2, float32, lr 0.1, from the lesson's seeded start. Three
 * contenders, as in the engine benchmark: our AutoencoderTrainer (the worker's code: tape,
 * update and the angle to PCA), a hand-written closed-form loop over Float32Arrays, and
 * TensorFlow.js (cpu and wasm backends) with one tf.tidy per step. Each exposes the same
 * small interface so the runner (w4-iris.bench.ts) can interleave them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  AutoencoderTrainer,
  IRIS_AUTOENCODER_CONFIG,
  initialAutoencoderState,
  type AutoencoderConfig,
} from '../src/training/reduce/autoencoder.ts';
import { prepareDataset } from '../src/training/reduce/dataset.ts';
import {
  GradientTape,
  add,
  matmul,
  mean,
  mul,
  scalar,
  square,
  sub,
  tensor,
  transpose,
  variable,
} from '../src/engine/index.ts';

/** The lesson's run in float32, as the worker trains it. */
export const W4_CONFIG: AutoencoderConfig = { ...IRIS_AUTOENCODER_CONFIG, dtype: 'float32' };

/** One contender's training run from the lesson's start: `step()` returns the loss before the update. */
export interface W4Run {
  step(): number;
  /** W now, d×2 row-major. */
  weights(): number[];
  dispose(): void;
}

export type W4Factory = () => W4Run;

const start = () => initialAutoencoderState(W4_CONFIG).weights;
const rows = () => prepareDataset(W4_CONFIG.dataset).rows;

/** Ours: the AutoencoderTrainer exactly as the worker calls it (step record, angle and all). */
export const oursW4: W4Factory = () => {
  const trainer = new AutoencoderTrainer(W4_CONFIG);
  return { step: () => trainer.step().loss, weights: () => trainer.state.weights, dispose: () => {} };
};

/** Ours without the trainer's extras: tape, gradient, update — the loop the lesson shows (for information). */
export const engineLoopW4: W4Factory = () => {
  const x = tensor(rows(), 'float32');
  const w = variable(tensor(start(), 'float32', [4, 2]));
  const negLr = scalar(-W4_CONFIG.learningRate, 'float32');
  return {
    step: () => {
      const tape = new GradientTape();
      const loss = tape.record(() => mean(square(sub(x, matmul(matmul(x, w), transpose(w))))));
      w.assign(add(w, mul(tape.gradient(loss, w), negLr)));
      return loss.item();
    },
    weights: () => Array.from(w.data),
    dispose: () => {},
  };
};

/**
 * The practical limit: loss and dL/dW = −(2/nd)·(Xᵀ·E·W + Eᵀ·Z), with Z = X·W and
 * E = X − Z·Wᵀ, in one pass over the rows accumulating XᵀE (d×d) and EᵀZ (d×2), no tape and
 * no allocation per step. W is stored as float32 like the others; sums run in doubles.
 */
export const handW4: W4Factory = () => {
  const x = Float32Array.from(rows().flat());
  const w = Float32Array.from(start());
  const n = x.length / 4,
    lr = W4_CONFIG.learningRate;
  const xte = new Float64Array(16),
    etz = new Float64Array(8);
  return {
    step: () => {
      xte.fill(0);
      etz.fill(0);
      let l = 0;
      for (let i = 0; i < n; i++) {
        const o = 4 * i;
        const z0 = x[o] * w[0] + x[o + 1] * w[2] + x[o + 2] * w[4] + x[o + 3] * w[6];
        const z1 = x[o] * w[1] + x[o + 1] * w[3] + x[o + 2] * w[5] + x[o + 3] * w[7];
        for (let a = 0; a < 4; a++) {
          const e = x[o + a] - z0 * w[2 * a] - z1 * w[2 * a + 1];
          l += e * e;
          for (let b = 0; b < 4; b++) xte[4 * b + a] += x[o + b] * e;
          etz[2 * a] += e * z0;
          etz[2 * a + 1] += e * z1;
        }
      }
      const scale = (2 / (4 * n)) * lr;
      const g = new Float64Array(8);
      for (let a = 0; a < 4; a++) {
        for (let c = 0; c < 2; c++) {
          let s = etz[2 * a + c];
          for (let b = 0; b < 4; b++) s += xte[4 * a + b] * w[2 * b + c];
          g[2 * a + c] = s;
        }
      }
      for (let k = 0; k < 8; k++) w[k] = Math.fround(w[k] + scale * g[k]);
      return l / (4 * n);
    },
    weights: () => Array.from(w),
    dispose: () => {},
  };
};

/** TensorFlow.js on the current backend: variableGrads of the same elementary-op loss, one tf.tidy per step. */
export const tfjsW4: W4Factory = () => {
  const x = tf.tensor2d(rows());
  const w = tf.variable(tf.tensor2d(start(), [4, 2]));
  return {
    step: () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => tf.mean(tf.square(tf.sub(x, tf.matMul(tf.matMul(x, w), tf.transpose(w))))) as tf.Scalar,
          [w],
        );
        w.assign(tf.add(w, tf.mul(grads[w.name], -W4_CONFIG.learningRate)));
        return value.dataSync()[0];
      }),
    weights: () => Array.from(w.dataSync()),
    dispose: () => tf.dispose([x, w]),
  };
};

/** Seconds for `steps` steps of a fresh run (construction not timed), plus its last loss and weights. */
export function timeSteps(factory: W4Factory, steps: number): { seconds: number; loss: number; weights: number[] } {
  const run = factory();
  let loss = NaN;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) loss = run.step();
  const seconds = (performance.now() - t0) / 1000;
  const weights = run.weights();
  run.dispose();
  return { seconds, loss, weights };
}

/** What the worker spends on a whole lesson run: build the trainer (data, PCA, tensors), then `steps` steps. */
export function workerRunSeconds(steps = W4_CONFIG.steps): number {
  const t0 = performance.now();
  const trainer = new AutoencoderTrainer(W4_CONFIG);
  for (let s = 0; s < steps; s++) trainer.step();
  return (performance.now() - t0) / 1000;
}
