/**
 * (C) and (D): TensorFlow.js with the cpu and wasm backends, same loss, same update, one
 * tf.tidy per step (without it the wasm backend leaks hundreds of MB).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Run } from './types.ts';

/** Selects a backend ('cpu' or 'wasm'); the wasm binary comes from the npm package. */
export async function selectBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    const pkg = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(`${join(pkg, 'dist')}/`);
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
}

/** The current backend's runner: variableGrads of the same elementary-op loss. */
export const tfjsRun: Run = (data, steps, lr, bias, w0) => {
  const one = data.x.length === 1;
  const x = one ? tf.scalar(data.x[0]) : tf.tensor1d(data.x);
  const y = one ? tf.scalar(data.y[0]) : tf.tensor1d(data.y);
  const w = tf.variable(tf.scalar(w0));
  const b = tf.variable(tf.scalar(0));
  const vars = bias ? [w, b] : [w];
  let loss = 0;
  for (let s = 0; s < steps; s++) {
    loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const err = tf.square(tf.sub(y, bias ? tf.add(tf.mul(x, w), b) : tf.mul(x, w)));
        return (one ? err : tf.mean(err)) as tf.Scalar;
      }, vars);
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
      return value.dataSync()[0];
    });
  }
  const result = { loss, w: w.dataSync()[0], b: b.dataSync()[0] };
  tf.dispose([x, y, w, b]);
  return result;
};

/** Bytes tfjs currently holds in tensors (to confirm tidy frees everything). */
export const tfjsBytes = (): number => tf.memory().numBytes;
