/**
 * Shape arithmetic shared by the ops: sizes, strides, numpy broadcasting, axis normalising.
 * Shapes are plain `readonly number[]`; a scalar has shape [].
 */
import { EngineError, formatShape } from './errors.ts';

/** Number of elements of a tensor of this shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Row-major strides: the flat distance between neighbours along each axis. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** True when both shapes have the same rank and extents. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * numpy broadcasting: align shapes at the right; each pair of extents must be equal or one
 * of them 1. Throws an EngineError naming `op` and both shapes otherwise.
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): readonly number[] {
  if (sameShape(a, b)) return a;
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const da = i <= a.length ? a[a.length - i] : 1;
    const db = i <= b.length ? b[b.length - i] : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new EngineError(op, `shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together`);
    }
    out[rank - i] = da === 1 ? db : da;
  }
  return out;
}

/** True when `from` broadcasts to exactly `to` (used by broadcastTo and sumTo). */
export function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length) return false;
  for (let i = 1; i <= from.length; i++) {
    const f = from[from.length - i];
    if (f !== 1 && f !== to[to.length - i]) return false;
  }
  return true;
}

/** Turns an axis that may be negative (counted from the end) into 0…rank−1, or throws. */
export function normalizeAxis(op: string, axis: number, shape: readonly number[]): number {
  const rank = shape.length;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new EngineError(op, `axis ${axis} is out of range for shape ${formatShape(shape)} (rank ${rank})`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Normalises `axis` (undefined = all axes) to a sorted list without duplicates. */
export function normalizeAxes(
  op: string,
  axis: number | readonly number[] | undefined,
  shape: readonly number[],
): number[] {
  if (axis === undefined) return shape.map((_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(op, a, shape));
  const unique = [...new Set(axes)].sort((x, y) => x - y);
  if (unique.length !== axes.length)
    throw new EngineError(op, `axis ${JSON.stringify(list)} repeats an axis of shape ${formatShape(shape)}`);
  return unique;
}

/**
 * When `small` broadcast to `big` is one block repeated — its extents, aligned at the right,
 * are 1s and then exactly big's trailing extents (a bias row against a batch of rows) — the
 * block's length; otherwise 0. Lets a kernel walk whole rows instead of an index plan.
 */
export function trailingBlock(small: readonly number[], big: readonly number[]): number {
  const lead = big.length - small.length;
  let i = 0;
  while (i < small.length && small[i] === 1) i++;
  let len = 1;
  for (; i < small.length; i++) {
    if (small[i] !== big[lead + i]) return 0;
    len *= small[i];
  }
  return len;
}
