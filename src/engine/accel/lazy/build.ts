/**
 * Lazy results of large elementwise ops (the numexpr technique): from `on.lazyMin` elements
 * an op computes nothing and returns a pending tensor whose node remembers the op and its
 * operands; a full sum of such a tensor is pending too. Reading a value evaluates the whole
 * chain block by block (evaluate.ts), so no N-sized temporary is written.
 *
 * Every node computes exactly what the eager op would, with the same float32 rounding after
 * each op and the same summation order, so both paths give identical bits. The only
 * rewrites are exact ones: ops on broadcast scalars fold to one scalar, and −(a·s) becomes
 * a·(−s).
 */
import type { Elementwise } from '../../op.ts';
import { Op } from '../../opcodes.ts';
import { sizeOf } from '../../shape.ts';
import { fromScalar, pendingTensor, roundTo, type DType, type Tensor } from '../../tensor.ts';
import { on } from '../settings.ts';
import { evaluate } from './evaluate.ts';
import { Kind, isScalarLike, pending, scalarOf, type LazyNode } from './graph.ts';

/** Reading a pending tensor evaluates it (with whatever else is pending in its chain). */
function force(t: Tensor): void {
  evaluate([t]);
}

function node(kind: Kind, op: Elementwise | null, a: Tensor | null, b: Tensor | null, value: number): LazyNode {
  return { kind, op, a, b, value, force };
}

function lazyTensor(shape: readonly number[], dtype: DType, n: LazyNode): Tensor {
  return pendingTensor(shape, dtype, sizeOf(shape), n);
}

/** A number broadcast to `shape` without writing it out, or null below the lazy size. */
export function lazyFill(shape: readonly number[], dtype: DType, value: number): Tensor | null {
  if (sizeOf(shape) < on.lazyMin) return null;
  return fill(shape, dtype, value);
}

function fill(shape: readonly number[], dtype: DType, value: number): Tensor {
  return lazyTensor(shape, dtype, node(Kind.Fill, null, null, null, roundTo(dtype, value)));
}

/** The pending result of an elementwise op (b null for one input; p: pow's exponent), or null for the eager path. */
export function lazyElementwise(
  op: Elementwise,
  a: Tensor,
  b: Tensor | null,
  p: number,
  shape: readonly number[],
): Tensor | null {
  const n = sizeOf(shape);
  if (n < on.lazyMin) return null;
  return b === null ? unary(op, a, p) : binary(op, a, b, shape, n);
}

/** Operand usable in a chain of n elements: n elements, or a settled scalar (pending sums are settled first). */
function fits(t: Tensor, n: number): boolean {
  if (t.size === 1) t._force();
  return t.size === n || isScalarLike(t);
}

function binary(op: Elementwise, A: Tensor, B: Tensor, shape: readonly number[], n: number): Tensor | null {
  if (!fits(A, n) || !fits(B, n)) return null;
  if (isScalarLike(A) && isScalarLike(B)) return fill(shape, A.dtype, op.forward(scalarOf(A), scalarOf(B)));
  return lazyTensor(shape, A.dtype, node(Kind.Map, op, A, B, 0));
}

function unary(op: Elementwise, X: Tensor, p: number): Tensor {
  if (pending(X, Kind.Fill) !== null) return fill(X.shape, X.dtype, op.forward(scalarOf(X), p));
  const m = pending(X, Kind.Map);
  if (op.code === Op.Neg && m !== null && m.op!.code === Op.Mul) {
    // −(a·s) = a·(−s) exactly: rounding is symmetric, so negate the scalar instead.
    if (isScalarLike(m.b!))
      return lazyTensor(X.shape, X.dtype, node(Kind.Map, m.op, m.a, fromScalar(-scalarOf(m.b!), X.dtype), 0));
    if (isScalarLike(m.a!))
      return lazyTensor(X.shape, X.dtype, node(Kind.Map, m.op, fromScalar(-scalarOf(m.a!), X.dtype), m.b, 0));
  }
  return lazyTensor(X.shape, X.dtype, node(Kind.Map, op, X, null, p));
}

/** A pending full sum of a pending Map (divided by `divisor`), or null. */
export function lazySum(X: Tensor, shape: readonly number[], divisor: number): Tensor | null {
  if (pending(X, Kind.Map) === null) return null;
  return lazyTensor(shape, X.dtype, node(Kind.Sum, null, X, null, divisor));
}
