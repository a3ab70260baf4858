/**
 * The engine's ops as the arithmetic of chain rules (op.ts): the reference backward sweep runs
 * every rule on tensors through these, so a tape that is recording records the sweep too.
 */
import type { Arith } from '../op.ts';
import { filled, type Tensor } from '../tensor.ts';
import { add, div, exp, log, mul, neg, pow, sign, square, step, sub } from './elementwise.ts';
import { matmul } from './matmul.ts';
import { sumTo } from './reduce.ts';
import { broadcastTo, reshape, transpose } from './shape.ts';

/** Tensor arithmetic: each method is the public op of that name (new tensors; inputs unchanged). */
export const TENSORS: Arith<Tensor> = {
  add,
  sub,
  mul,
  div,
  neg,
  square,
  pow,
  sign,
  step,
  sumTo,
  broadcastTo,
  reshape,
  transpose,
  matmul,
  exp,
  log,
  unbroadcast: (g, i, e) => sumTo(g, i === 0 ? e.a.shape : e.b!.shape),
  ones: (t) => filled(t.shape, t.dtype, 1),
};
