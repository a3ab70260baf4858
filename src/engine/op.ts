/**
 * What an op is to the tape, and what the tape keeps: one Entry per recorded op, plain data,
 * linked to the entry recorded before it. An op gives its chain rule once, written in a small
 * arithmetic (Arith) that the reference sweep runs on tensors and the number path on plain
 * numbers, so both round the same way because they run the same formula.
 */
import type { Op } from './opcodes.ts';
import type { Tensor } from './tensor.ts';

/** A gradient in a sweep: a tensor, or a plain number on the number path (accel/numbers.ts). */
export type Grad = Tensor | number;

/** An operand besides a gradient: a recorded tensor (its value) or a constant. */
export type Operand = Tensor | number;

/**
 * The arithmetic a chain rule is written in. On tensors these are the engine's own ops
 * (ops/arith.ts), so a tape recording the sweep records the rule too and nested tapes give
 * second derivatives. A plain number operand is a constant of the gradient's dtype.
 * Nothing here mutates its arguments.
 */
export interface Arith<V extends Grad> {
  add(a: V | Operand, b: V | Operand): V;
  sub(a: V | Operand, b: V | Operand): V;
  mul(a: V | Operand, b: V | Operand): V;
  div(a: V | Operand, b: V | Operand): V;
  neg(a: V | Tensor): V;
  square(a: V | Tensor): V;
  /** a^p for a constant p (not rounded: pow's exponent is an attribute, not an operand). */
  pow(a: V | Tensor, p: number): V;
  sign(a: V | Tensor): V;
  step(a: V | Tensor): V;
  /** Sums a broadcast gradient back down to `shape`. */
  sumTo(a: V | Tensor, shape: readonly number[]): V;
  /** g for input i of e, summed back to that input's shape (the gradient of numpy broadcasting). */
  unbroadcast(g: V | Tensor, i: number, e: Entry): V;
  broadcastTo(a: V | Tensor, shape: readonly number[]): V;
  reshape(a: V | Tensor, shape: readonly number[]): V;
  /** Swaps the last two axes. */
  transpose(a: V | Tensor): V;
  /** op(a)·op(b), op transposing the last two axes where its flag is set (stored operands read in place). */
  matmul(a: V | Tensor, b: V | Tensor, transposeA?: boolean, transposeB?: boolean): V;
  exp(a: V | Tensor): V;
  log(a: V | Tensor): V;
  /** d t / d t: ones shaped like t, the seed of a sweep. */
  ones(t: Tensor): V;
}

/**
 * A chain rule: given g = d target / d output, the gradient that input i (0 or 1) receives, or
 * null when none flows. It reads the op's inputs and output from e (e.a, e.b, e.output) as
 * operands of m; called only for inputs the tape watches.
 */
export type Rule = <V extends Grad>(m: Arith<V>, g: V, i: number, e: Entry) => V | null;

/** An op as the tape sees it: a name for the trace and its chain rule. */
export interface OpDef {
  readonly name: string;
  readonly backward: Rule;
}

/** An elementwise op: also its math on one element, from which its kernel loops are made. */
export interface Elementwise extends OpDef {
  readonly code: Op;
  readonly arity: 1 | 2;
  /**
   * The result for one element, unrounded (storing it in a tensor rounds it to the dtype).
   * A one-input op gets its attribute as `b` (pow's exponent; 0 for the others).
   */
  readonly forward: (a: number, b: number) => number;
  /**
   * Where the op is smooth, per input: intervals of values away from kinks and domain edges
   * (log's 0, abs's 0). The gradient checks and the acceleration property tests draw each
   * input from these, so a new op is tested without listing it there. Empty: no gradient flows.
   */
  readonly smooth: readonly (readonly Interval[])[];
}

/** A closed interval of numbers, [lo, hi]. */
export type Interval = readonly [number, number];

/** One recorded op: plain data, created with all its fields (one object shape), never changed. */
export interface Entry {
  readonly op: OpDef;
  /** The first input; ops have one or two, kept as fields so recording allocates no array. */
  readonly a: Tensor;
  /** The second input, or null for a one-input op. */
  readonly b: Tensor | null;
  readonly output: Tensor;
  /** Extra arguments (axis, exponent, shape), shown in the trace; null when none. */
  readonly attrs: unknown;
  /** Bit i set when input i depends on something the tape watches. */
  readonly mask: number;
  /** The op recorded just before this one on the same tape, or null for the first. */
  readonly prev: Entry | null;
}

/** The entry for an op just run. */
export function entry(
  op: OpDef,
  a: Tensor,
  b: Tensor | null,
  output: Tensor,
  attrs: unknown,
  mask: number,
  prev: Entry | null,
): Entry {
  return { op, a, b, output, attrs, mask, prev };
}

/** True when input i of e needs a gradient. */
export function needs(e: Entry, i: number): boolean {
  return (e.mask & (1 << i)) !== 0;
}

/** The inputs of e in order (a fresh array; hot paths read `a` and `b`). */
export function inputsOf(e: Entry): Tensor[] {
  return e.b === null ? [e.a] : [e.a, e.b];
}
