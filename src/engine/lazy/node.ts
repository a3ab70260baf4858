/**
 * Lazy evaluation of large elementwise chains (the numexpr technique). Above LAZY_MIN
 * elements an elementwise op does not compute anything: it returns a tensor whose `_lazy`
 * node remembers the op and its operands. A full-sum reduction of such a tensor is lazy too.
 * Nothing N-sized is written until a value is read; then `evaluate` runs the whole chain
 * block by block (or one fused loop), so the temporaries stay in cache.
 *
 * Every node computes exactly what the eager op would, with the same float32 rounding after
 * each op and the same summation order, so both paths give identical bits. The only
 * rewrites are exact ones: ops on broadcast scalars fold to one scalar, and
 * −(a·s) becomes a·(−s).
 */
import { Tensor, fromScalar, newId, roundTo, type DType, type Pending } from '../tensor.ts';
import { sizeOf } from '../shape.ts';
import type { Elementwise } from '../op.ts';
import { Op } from '../opcodes.ts';
import { evaluate } from './evaluate.ts';

/** An elementwise op over operands of N elements or scalars. */
export const MAP = 0;
/** A scalar broadcast to N elements (the gradient of mean or sum). */
export const FILL = 1;
/** The sum of a pending MAP, divided by `value` (1 for sum, the count for mean). */
export const SUM = 2;

let lazyMin = 512;

/** Smallest output that is evaluated lazily; smaller tensors use the eager reference path. */
export function lazyThreshold(): number {
  return lazyMin;
}

/** Sets the lazy threshold (Infinity = always eager); returns the previous one. For tests and benchmarks. */
export function setLazyThreshold(n: number): number {
  const previous = lazyMin;
  lazyMin = n;
  return previous;
}

/** A pending computation; the tensor holding it is its output. */
export class LazyNode implements Pending {
  constructor(
    readonly kind: number,
    /** MAP: the elementwise op; null for FILL and SUM. */
    readonly op: Elementwise | null,
    readonly a: Tensor | null,
    /** MAP: the second operand of a binary op, null for a unary op. */
    readonly b: Tensor | null,
    /** FILL: the value; MAP: pow's exponent; SUM: the divisor. */
    readonly value: number,
  ) {}

  force(t: Tensor): void {
    evaluate([t]);
  }
}

/** The node of a tensor that is pending with `kind`, else null. */
export function pending(t: Tensor, kind: number): LazyNode | null {
  const n = t._lazy;
  return n instanceof LazyNode && n.kind === kind ? n : null;
}

/** True when t acts as one number in an elementwise op: one element, or a FILL. */
export function isScalarLike(t: Tensor): boolean {
  return (t.size === 1 && t._lazy === null) || pending(t, FILL) !== null;
}

/** The number a scalar-like tensor stands for. */
export function scalarOf(t: Tensor): number {
  const fill = pending(t, FILL);
  return fill !== null ? fill.value : t._s;
}

function lazyTensor(shape: readonly number[], dtype: DType, node: LazyNode): Tensor {
  return new Tensor(shape, dtype, sizeOf(shape), null, 0, node, newId());
}

/** A scalar broadcast to `shape` without writing it out. */
export function lazyFill(shape: readonly number[], dtype: DType, value: number): Tensor {
  return lazyTensor(shape, dtype, new LazyNode(FILL, null, null, null, roundTo(dtype, value)));
}

/** Operand usable in a chain of n elements: n elements, or a settled scalar (pending sums are settled first). */
function fits(t: Tensor, n: number): boolean {
  if (t.size === 1 && t._lazy !== null) t._lazy.force(t);
  return t.size === n || isScalarLike(t);
}

/** The lazy result of a binary op, or null when the eager path should run. */
export function lazyBinary(op: Elementwise, A: Tensor, B: Tensor, shape: readonly number[], n: number): Tensor | null {
  if (n < lazyMin || !fits(A, n) || !fits(B, n)) return null;
  if (isScalarLike(A) && isScalarLike(B)) return lazyFill(shape, A.dtype, op.forward(scalarOf(A), scalarOf(B)));
  return lazyTensor(shape, A.dtype, new LazyNode(MAP, op, A, B, 0));
}

/** The lazy result of a unary op, or null when the eager path should run. */
export function lazyUnary(op: Elementwise, X: Tensor, p: number): Tensor | null {
  if (X.size < lazyMin) return null;
  if (pending(X, FILL) !== null) return lazyFill(X.shape, X.dtype, op.forward(scalarOf(X), p));
  const m = pending(X, MAP);
  if (op.code === Op.Neg && m !== null && m.op!.code === Op.Mul) {
    // −(a·s) = a·(−s) exactly: rounding is symmetric, so negate the scalar instead.
    if (isScalarLike(m.b!)) return lazyTensor(X.shape, X.dtype, new LazyNode(MAP, m.op, m.a, fromScalar(-scalarOf(m.b!), X.dtype), 0));
    if (isScalarLike(m.a!)) return lazyTensor(X.shape, X.dtype, new LazyNode(MAP, m.op, fromScalar(-scalarOf(m.a!), X.dtype), m.b, 0));
  }
  return lazyTensor(X.shape, X.dtype, new LazyNode(MAP, op, X, null, p));
}

/** A pending full sum of a pending MAP (divided by `divisor`), or null. */
export function lazySum(X: Tensor, shape: readonly number[], divisor: number): Tensor | null {
  if (pending(X, MAP) === null) return null;
  return lazyTensor(shape, X.dtype, new LazyNode(SUM, null, X, null, divisor));
}
