/**
 * The seam between the core and its accelerations (src/engine/accel/). The core runs the
 * reference code — one op, one typed array, one tensor sweep — and offers each hook below a
 * chance to answer first; null means "no: run the reference". Every hook declines until it is
 * installed: accel/boot.ts (loaded by src/engine/index.ts) installs the number path at once and
 * the rest when accel/index.ts, a chunk of its own, has loaded. The core never imports accel/. Every acceleration must give the reference's bits (tests/engine/accel/accel.test.ts).
 */
import type { Arith, Elementwise, Entry } from './op.ts';
import type { DType, Tensor, TensorLike } from './tensor.ts';

/** The hooks, grouped by the acceleration that answers them. */
export interface Seam {
  // Number path: one-element tensors as plain numbers (accel/numbers.ts).
  /** `op(t, b)` for a number b outside any tape, without a tensor for the number. */
  numberOperand(op: Elementwise, a: TensorLike, b: TensorLike): Tensor | null;
  /** A two-input op on settled one-element tensors, on plain numbers. */
  numbersBinary(op: Elementwise, a: Tensor, b: Tensor): Tensor | null;
  /** A one-input op on a settled one-element tensor, on plain numbers (p: pow's exponent). */
  numbersUnary(op: Elementwise, x: Tensor, p: number): Tensor | null;
  /** The arithmetic for a sweep from `last` back to `target` on plain numbers, when every tensor there holds one element. */
  sweepArith(last: Entry | null, target: Tensor): Arith<number> | null;
  /** d target / d source for one source, by the number sweep without a map (the tape then notes nothing). */
  gradient(last: Entry | null, count: number, target: Tensor, source: Tensor): Tensor | null;
  // Lazy blocks: large elementwise chains computed block by block when read (accel/lazy/).
  /** An elementwise result of `shape`, left pending. */
  lazy(op: Elementwise, a: Tensor, b: Tensor | null, p: number, shape: readonly number[]): Tensor | null;
  /** The full sum of x divided by `divisor`, left pending, shaped `shape`. */
  lazySum(x: Tensor, shape: readonly number[], divisor: number): Tensor | null;
  /** The number v broadcast to `shape`, without writing it out. */
  lazyFill(shape: readonly number[], dtype: DType, v: number): Tensor | null;
  /** Computes the pending tensors among `ts` together (one pass for a loss and its gradients). */
  settle(ts: readonly Tensor[]): void;
}

const decline = (): null => null;

/** The reference: every hook declines (nothing is pending, so there is nothing to settle). */
export const REFERENCE: Readonly<Seam> = Object.freeze({
  numberOperand: decline,
  numbersBinary: decline,
  numbersUnary: decline,
  sweepArith: decline,
  gradient: decline,
  lazy: decline,
  lazySum: decline,
  lazyFill: decline,
  settle: () => {},
});

/** The installed hooks: the reference until accel/index.ts installs the accelerations. */
export const seam: Seam = { ...REFERENCE };

/**
 * Installs `hooks` over the reference; mutates `seam`. Only hooks that change are written:
 * rewriting one with another value would make V8 drop the code that inlined it.
 */
export function install(hooks: Partial<Seam>): void {
  const next: Seam = { ...REFERENCE, ...hooks };
  for (const k of Object.keys(next) as (keyof Seam)[]) if (seam[k] !== next[k]) Object.assign(seam, { [k]: next[k] });
}
