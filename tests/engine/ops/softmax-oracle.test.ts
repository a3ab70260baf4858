// TensorFlow.js as the oracle for softmax, log softmax and softmax cross-entropy: values and
// the gradient of the mean loss with respect to the logits, in float32, on the same inputs.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import * as E from '../../../src/engine/index.ts';
import { maxError, rng } from '../gradcheck.ts';

const shape: [number, number] = [6, 3];
const r = rng(5);
const logits = Array.from({ length: 18 }, () => r() * 8 - 4);
const labels = Array.from({ length: 18 }, (_, i) => (i % 3 === Math.floor(i / 3) % 3 ? 1 : 0));

describe('softmax family against TensorFlow.js', () => {
  it('softmax and logSoftmax', async () => {
    await tf.setBackend('cpu');
    const z = E.tensor(logits, 'float32', shape);
    const tz = tf.tensor2d(logits, shape);
    expect(maxError(E.softmax(z).data, tf.softmax(tz).dataSync())).toBeLessThan(1e-6);
    expect(maxError(E.logSoftmax(z).data, tf.logSoftmax(tz).dataSync())).toBeLessThan(1e-6);
  });

  it('cross-entropy per flower and the gradient of its mean', async () => {
    await tf.setBackend('cpu');
    const y = E.tensor(labels, 'float32', shape);
    const z = E.variable(E.tensor(logits, 'float32', shape));
    const tape = new E.GradientTape();
    const loss = tape.record(() => E.mean(E.softmaxCrossEntropy(y, z)));
    const ty = tf.tensor2d(labels, shape);
    const tz = tf.tensor2d(logits, shape);
    const perRow = tf.losses.softmaxCrossEntropy(ty, tz, undefined, 0, tf.Reduction.NONE);
    expect(maxError(E.softmaxCrossEntropy(y, z).data, perRow.dataSync())).toBeLessThan(1e-5);
    const grad = tf.grad((t: tf.Tensor) => tf.losses.softmaxCrossEntropy(ty, t as tf.Tensor2D))(tz);
    expect(loss.item()).toBeCloseTo(tf.losses.softmaxCrossEntropy(ty, tz).dataSync()[0], 5);
    expect(maxError(tape.gradient(loss, z).data, grad.dataSync())).toBeLessThan(1e-6);
  });
});
