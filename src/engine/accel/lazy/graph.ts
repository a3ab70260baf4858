/**
 * The lazy graph (the numexpr technique): a pending tensor's `_pending` is a LazyNode that
 * says how to compute it from its operands, which may be pending too. Nothing N-sized is
 * written until a value is read; evaluate.ts then runs the chain block by block.
 */
import type { Elementwise } from '../../op.ts';
import type { Pending, Tensor } from '../../tensor.ts';

/** What a node computes. */
export enum Kind {
  /** An elementwise op over operands of N elements or scalars. */
  Map,
  /** A number broadcast to N elements (the gradient of mean or sum). */
  Fill,
  /** The full sum of a pending Map, divided by `value` (1 for sum, the count for mean). */
  Sum,
}

/** A pending computation; the tensor holding it is its output. Plain data and `force`. */
export interface LazyNode extends Pending {
  readonly kind: Kind;
  /** Map: the elementwise op; null otherwise. */
  readonly op: Elementwise | null;
  /** Map: the (first) operand; Sum: the summed tensor. */
  readonly a: Tensor | null;
  /** Map: the second operand of a two-input op, else null. */
  readonly b: Tensor | null;
  /** Fill: the value; Map: pow's exponent; Sum: the divisor. */
  readonly value: number;
}

/**
 * The node of a tensor that is pending with `kind`, else null. Every pending tensor holds a
 * LazyNode: the lazy blocks are the only acceleration that leaves values pending.
 */
export function pending(t: Tensor, kind: Kind): LazyNode | null {
  const n = t._pending as LazyNode | null;
  return n !== null && n.kind === kind ? n : null;
}

/** True when t acts as one number in an elementwise op: one settled element, or a Fill. */
export function isScalarLike(t: Tensor): boolean {
  return (t.size === 1 && t._pending === null) || pending(t, Kind.Fill) !== null;
}

/** The number a scalar-like tensor stands for. */
export function scalarOf(t: Tensor): number {
  const fill = pending(t, Kind.Fill);
  return fill !== null ? fill.value : t._s;
}
