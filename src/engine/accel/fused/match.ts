/**
 * Pattern fusion: recognises, among the sums being evaluated together, the residual family
 * of fused/residual.ts — the forward loss and the gradients of a linear model's mean squared
 * error, as the tape builds them from elementary ops:
 *
 *   d = sub(y, pred) or sub(pred, y),  pred = mul(x, w) or add(mul(x, w), b)
 *   Σ square(d) [or mul(d, d)],   Σ mul(d, k),   Σ mul(mul(d, k), x)
 *
 * (w, b, k scalars; x, y arrays; operand order of mul/add free since they commute exactly).
 * Without a bias, x·w + 0 is used where Σd·k is wanted: it can only turn a −0 into +0, which
 * changes no sum (every sum starts at +0).
 * Anything else returns false and runs on the general block plan.
 */
import { Op } from '../../opcodes.ts';
import { roundTo, type Tensor, type TypedArray } from '../../tensor.ts';
import { Kind, isScalarLike, pending, scalarOf } from '../lazy/graph.ts';
import { residualSums, type Residual } from './residual.ts';

const Q = 0,
  E = 1,
  G = 2;

/** One requested sum, as a form over d: Σd² (Q), Σd·k (E) or Σ(d·k)·z (G). */
interface Form {
  root: Tensor;
  kind: number;
  d: Tensor;
  k: number;
  z: Tensor | null;
}

const totals = new Float64Array(3);

/** Evaluates `group` with one fused loop if every root is a sum of the residual family. */
export function tryFused(group: readonly Tensor[], n: number): boolean {
  const forms: Form[] = [];
  for (const root of group) {
    const node = pending(root, Kind.Sum);
    const form = node === null ? null : formOf(root, node.a!);
    if (form === null) return false;
    forms.push(form);
  }
  const d = forms[0].d;
  const scale = forms.find((f) => f.kind !== Q);
  const z = forms.find((f) => f.kind === G)?.z ?? null;
  const consistent = forms.every((f) => f.d === d && (f.kind === Q || f.k === scale!.k) && (f.kind !== G || f.z === z));
  const res = consistent ? residualOf(d) : null;
  // Σ(d·k)·z is dL/dw only when z is the x of the prediction.
  if (res === null || (z !== null && z.data !== res.x)) return false;
  const { w, b, hasBias, yFirst } = res.scalars;
  const wantE = forms.some((f) => f.kind === E);
  const r: Residual = { w, b, hasBias, yFirst, k: scale ? scale.k : 0, f32: d.dtype === 'float32', wantE };
  residualSums(res.x, res.y, n, r, totals);
  for (const f of forms) f.root._settle(null, roundTo(f.root.dtype, totals[f.kind] / pending(f.root, Kind.Sum)!.value));
  return true;
}

/** Which form the summed tensor u takes, or null. */
function formOf(root: Tensor, u: Tensor): Form | null {
  const m = pending(u, Kind.Map);
  if (m === null) return null;
  if (m.op!.code === Op.Square) return { root, kind: Q, d: m.a!, k: 0, z: null };
  if (m.op!.code !== Op.Mul) return null;
  if (m.a === m.b) return { root, kind: Q, d: m.a!, k: 0, z: null };
  const scaled = scaledOf(u);
  if (scaled !== null) return { root, kind: E, ...scaled, z: null };
  for (const [v, z] of [
    [m.a!, m.b!],
    [m.b!, m.a!],
  ]) {
    const s = scaledOf(v);
    if (s !== null && isArray(z)) return { root, kind: G, ...s, z };
  }
  return null;
}

/** For v = mul(d, k) with k scalar-like: d and k. */
function scaledOf(v: Tensor): { d: Tensor; k: number } | null {
  const m = pending(v, Kind.Map);
  if (m === null || m.op!.code !== Op.Mul) return null;
  if (isScalarLike(m.b!) && !isScalarLike(m.a!)) return { d: m.a!, k: scalarOf(m.b!) };
  if (isScalarLike(m.a!) && !isScalarLike(m.b!)) return { d: m.b!, k: scalarOf(m.a!) };
  return null;
}

/** A computed array operand (not pending, not a scalar). */
const isArray = (t: Tensor): boolean => t._pending === null && t.size > 1;

/** Matches d = y − pred or pred − y; pred = x·w or x·w + b. */
function residualOf(
  d: Tensor,
): { x: TypedArray; y: TypedArray; scalars: Omit<Residual, 'k' | 'f32' | 'wantE'> } | null {
  const m = pending(d, Kind.Map);
  if (m === null || m.op!.code !== Op.Sub) return null;
  for (const [y, pred, yFirst] of [
    [m.a!, m.b!, true],
    [m.b!, m.a!, false],
  ] as const) {
    const p = isArray(y) ? predictionOf(pred) : null;
    if (p !== null) return { x: p.x.data, y: y.data, scalars: { w: p.w, b: p.b, hasBias: p.hasBias, yFirst } };
  }
  return null;
}

/** pred = mul(x, w) or add(mul(x, w), b), in either operand order. */
function predictionOf(pred: Tensor): { x: Tensor; w: number; b: number; hasBias: boolean } | null {
  const lin = linearOf(pred);
  if (lin !== null) return { ...lin, b: 0, hasBias: false };
  const m = pending(pred, Kind.Map);
  if (m === null || m.op!.code !== Op.Add) return null;
  for (const [mx, b] of [
    [m.a!, m.b!],
    [m.b!, m.a!],
  ]) {
    const l = isScalarLike(b) ? linearOf(mx) : null;
    if (l !== null) return { ...l, b: scalarOf(b), hasBias: true };
  }
  return null;
}

/** mul(x, w) with x an array and w a scalar. */
function linearOf(t: Tensor): { x: Tensor; w: number } | null {
  const m = pending(t, Kind.Map);
  if (m === null || m.op!.code !== Op.Mul) return null;
  if (isArray(m.a!) && isScalarLike(m.b!)) return { x: m.a!, w: scalarOf(m.b!) };
  if (isArray(m.b!) && isScalarLike(m.a!)) return { x: m.b!, w: scalarOf(m.a!) };
  return null;
}
