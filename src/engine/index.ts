/**
 * The engine's public surface: typed-array tensors, differentiable ops and a GradientTape
 * with TensorFlow's semantics. Pure TypeScript — no DOM, React, Comlink or zustand.
 *
 * @example
 * const w = variable(0.5);
 * const tape = new GradientTape();
 * const loss = tape.record(() => square(sub(-3, mul(3, w))));
 * const dLdw = tape.gradient(loss, w); // 27
 * w.assign(add(w, mul(dLdw, -0.01)));  // 0.23
 */
export { EngineError } from './errors.ts';
export { Tensor, Variable, tensor, scalar, variable } from './tensor.ts';
export type { DType, NestedArray, TensorLike, TypedArray } from './tensor.ts';
export { GradientTape } from './tape.ts';
export type { TapeEntry, TapeLeaf } from './tape.ts';
export { add, sub, mul, div, neg, square, pow, exp, log, sqrt, abs, relu, sigmoid, tanh } from './ops/elementwise.ts';
export { sum, mean } from './ops/reduce.ts';
export { matmul } from './ops/matmul.ts';
export { softmax, logSoftmax, softmaxCrossEntropy } from './ops/softmax.ts';
export { reshape, broadcastTo, transpose } from './ops/shape.ts';

// The accelerations plug into the core's seam when the engine is loaded (accel/boot.ts).
export { accelerated } from './accel/boot.ts';
