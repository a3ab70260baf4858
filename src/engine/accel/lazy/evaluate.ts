/**
 * Evaluates pending tensors. Roots that iterate over the same number of elements are
 * evaluated together in one sweep, sharing every common subexpression: first the fused
 * kernel gets a chance (fused/match.ts), otherwise a general plan runs each pending op over
 * blocks of BLOCK elements in small reused buffers, with the same loops as the eager ops,
 * adding sums up block by block in the same order as the eager `fullSum`.
 */
import { loopArrayNumber, loopArrays, loopNumberArray } from '../../kernels/elementwise.ts';
import { BLOCK, blockSum, fullSum } from '../../kernels/reduce.ts';
import { allocate, roundTo, type Tensor, type TypedArray } from '../../tensor.ts';
import { tryFused } from '../fused/match.ts';
import { on } from '../settings.ts';
import { Kind, isScalarLike, pending, scalarOf, type LazyNode } from './graph.ts';

/** Where a value lives during a sweep: a whole array (index by block offset) or a block buffer. */
interface Slot {
  arr: TypedArray;
  whole: boolean;
  scalar: boolean;
  value: number;
}

/** One pending op of the plan, with its operands resolved to slots. */
interface Step {
  node: LazyNode;
  a: Slot;
  b: Slot | null;
  out: Slot;
}

/** Computes every pending tensor in `roots` (others are left alone). Settles them in place. */
export function evaluate(roots: readonly Tensor[]): void {
  let any = false;
  for (let i = 0; i < roots.length; i++) any ||= roots[i]._pending !== null;
  if (!any) return;
  const groups = new Map<number, Tensor[]>();
  for (const t of roots) {
    if (t._pending === null) continue;
    if (pending(t, Kind.Fill) !== null) settleFill(t);
    else if (!settleDirect(t)) {
      const sum = pending(t, Kind.Sum);
      const n = sum !== null ? sum.a!.size : t.size;
      const g = groups.get(n);
      if (g) g.push(t);
      else groups.set(n, [t]);
    }
  }
  for (const [n, group] of groups) {
    if (on.fused && tryFused(group, n)) evaluations.fused++;
    else {
      sweep(group, n);
      evaluations.swept++;
    }
  }
}

/** How many groups ran fused or on the general block plan (for tests and benchmarks). */
export const evaluations = { fused: 0, swept: 0 };

function settleFill(t: Tensor): void {
  t._settle(allocate(t.dtype, t.size).fill(pending(t, Kind.Fill)!.value), 0);
}

/** A sum whose input was already computed meanwhile: just add it up. */
function settleDirect(t: Tensor): boolean {
  const node = pending(t, Kind.Sum);
  if (node === null || node.a!._pending !== null) return false;
  t._settle(null, roundTo(t.dtype, fullSum(node.a!.data) / node.value));
  return true;
}

/** The general plan: every pending op once per block; sums accumulate per block. */
function sweep(group: readonly Tensor[], n: number): void {
  const slots = new Map<Tensor, Slot>();
  const outputs = new Map<Tensor, TypedArray>();
  const steps: Step[] = [];
  for (const t of group) if (pending(t, Kind.Map) !== null) outputs.set(t, allocate(t.dtype, n));
  try {
    const sums = group
      .map((t) => ({ t, node: pending(t, Kind.Sum) }))
      .filter((s) => s.node !== null)
      .map(({ t, node }) => ({ t, divisor: node!.value, src: slotOf(node!.a!, slots, outputs, steps), total: 0 }));
    for (const t of outputs.keys()) slotOf(t, slots, outputs, steps);
    for (let o = 0; o < n; o += BLOCK) {
      const len = Math.min(BLOCK, n - o);
      for (const s of steps) run(s, o, len);
      for (const s of sums) s.total += blockSum(s.src.arr, s.src.whole ? o : 0, len);
    }
    for (const s of sums) s.t._settle(null, roundTo(s.t.dtype, s.total / s.divisor));
    for (const [t, arr] of outputs) t._settle(arr, 0);
  } finally {
    releaseScratch();
  }
}

const whole = (arr: TypedArray): Slot => ({ arr, whole: true, scalar: false, value: 0 });

/** Resolves an operand: a scalar, a computed array, or a pending op added to the plan (post-order). */
function slotOf(t: Tensor, slots: Map<Tensor, Slot>, outputs: Map<Tensor, TypedArray>, steps: Step[]): Slot {
  const known = slots.get(t);
  if (known !== undefined) return known;
  if (isScalarLike(t)) return { arr: EMPTY, whole: true, scalar: true, value: scalarOf(t) };
  const node = pending(t, Kind.Map);
  if (node === null) return whole(t.data);
  const a = slotOf(node.a!, slots, outputs, steps);
  const b = node.b !== null ? slotOf(node.b, slots, outputs, steps) : null;
  const arr = outputs.get(t);
  const out = arr !== undefined ? whole(arr) : { arr: scratch(t.dtype), whole: false, scalar: false, value: 0 };
  slots.set(t, out);
  steps.push({ node, a, b, out });
  return out;
}

const EMPTY = new Float64Array(0);

/** Runs one op over elements [o, o+len) of the sweep. */
function run(s: Step, o: number, len: number): void {
  const { node, a, b, out } = s;
  const ao = a.whole ? o : 0;
  const oo = out.whole ? o : 0;
  const op = node.op!;
  if (b === null) loopArrayNumber(op, a.arr, ao, node.value, out.arr, oo, len);
  else if (a.scalar) loopNumberArray(op, a.value, b.arr, b.whole ? o : 0, out.arr, oo, len);
  else if (b.scalar) loopArrayNumber(op, a.arr, ao, b.value, out.arr, oo, len);
  else loopArrays(op, a.arr, ao, b.arr, b.whole ? o : 0, out.arr, oo, len);
}

// Block buffers are reused from sweep to sweep (a sweep never starts another one).
const pool: Record<'float32' | 'float64', TypedArray[]> = { float32: [], float64: [] };
const used = { float32: 0, float64: 0 };

function scratch(dtype: 'float32' | 'float64'): TypedArray {
  const list = pool[dtype];
  if (used[dtype] === list.length) list.push(allocate(dtype, BLOCK));
  return list[used[dtype]++];
}

function releaseScratch(): void {
  used.float32 = 0;
  used.float64 = 0;
}
