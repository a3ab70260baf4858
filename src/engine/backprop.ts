/**
 * Reverse-mode sweeps over a tape. `backprop` is the reference: it seeds d target/d target = 1,
 * visits entries last to first and applies each op's backward rule (built from ops, so an
 * outer tape can record it), adding up the gradients of tensors used more than once.
 * `backpropNumbers` is the same sweep on plain numbers for a tape of one-element tensors
 * (the tutorial's case), using each op's number rule — identical results, no tensors.
 */
import { add } from './ops/elementwise.ts';
import { isRecording, type Recorded } from './tape.ts';
import { filled, roundTo, type Tensor } from './tensor.ts';
import type { GradValue } from './trace.ts';

let numbersAllowed = true;

/** Turns the number sweep on or off (tests compare both paths); returns the previous setting. */
export function setScalarBackward(on: boolean): boolean {
  const previous = numbersAllowed;
  numbersAllowed = on;
  return previous;
}

/** Gradients by tensor id, each a tensor (reference sweep over the ops from `last` back). Fills `grad`/`inputGrads` on entries. */
export function backprop(last: Recorded | null, target: Tensor): Map<number, GradValue> {
  const grads = new Map<number, Tensor>();
  grads.set(target.id, filled(target.shape, target.dtype, 1));
  for (let e = last; e !== null; e = e.prev) {
    const g = grads.get(e.output.id);
    if (g === undefined) continue;
    const inputGrads = e.def.backward(g, e);
    e.grad = g;
    e.inputGrads = inputGrads;
    for (let j = 0; j < inputGrads.length; j++) {
      const gj = inputGrads[j];
      if (gj === null || !e.needs(j)) continue;
      const id = e.input(j).id;
      const prev = grads.get(id);
      grads.set(id, prev === undefined ? gj : add(prev, gj));
    }
  }
  return grads;
}

/** True when the number sweep applies to the ops from `last` back: no outer tape records, and every tensor has one settled element. */
export function numbersApply(last: Recorded | null, target: Tensor): boolean {
  if (!numbersAllowed || isRecording() || target.size !== 1 || target._lazy !== null) return false;
  for (let e = last; e !== null; e = e.prev) {
    if (e.def.scalar === undefined || e.output.size !== 1 || e.output._lazy !== null) return false;
    if (e.a.size !== 1 || e.a._lazy !== null) return false;
    const b = e.b;
    if (b !== null && (b.size !== 1 || b._lazy !== null)) return false;
  }
  return true;
}

/** The reference sweep on plain numbers (see numbersApply); sums round like `add` would. */
export function backpropNumbers(last: Recorded | null, target: Tensor): Map<number, GradValue> {
  const grads = new Map<number, number>();
  grads.set(target.id, 1);
  for (let e = last; e !== null; e = e.prev) {
    const g = grads.get(e.output.id);
    if (g === undefined) continue;
    e.grad = g;
    e.inputGrads = null;
    for (let j = 0, n = e.arity; j < n; j++) {
      if (!e.needs(j)) continue;
      const x = e.input(j);
      const v = e.def.scalar!(g, e, j);
      const prev = grads.get(x.id);
      grads.set(x.id, prev === undefined ? v : roundTo(x.dtype, prev + v));
    }
  }
  return grads;
}

/** Longest tape that `numberGradientOf` serves (its look-ups are linear). */
export const SHORT_TAPE = 16;
// Reused [id, gradient] pairs of the current short sweep (no Map, nothing allocated per call).
const pairIds: number[] = [];
const pairValues: number[] = [];

function pairIndex(count: number, id: number): number {
  for (let k = 0; k < count; k++) if (pairIds[k] === id) return k;
  return -1;
}

/**
 * `backpropNumbers` for one source on a short tape (its ops from `last` back, via `prev`): the
 * same visits, rules and rounding, with the gradients in reused arrays instead of a Map.
 * d target / d source, or undefined when no gradient reaches it. Fills `grad` on the entries
 * like the full sweep.
 */
export function numberGradientOf(last: Recorded | null, target: Tensor, sourceId: number): number | undefined {
  pairIds[0] = target.id;
  pairValues[0] = 1;
  let count = 1;
  for (let e = last; e !== null; e = e.prev) {
    const at = pairIndex(count, e.output.id);
    if (at < 0) continue;
    const g = pairValues[at];
    e.grad = g;
    e.inputGrads = null;
    for (let j = 0, n = e.arity; j < n; j++) {
      if (!e.needs(j)) continue;
      const x = e.input(j);
      const v = e.def.scalar!(g, e, j);
      const prev = pairIndex(count, x.id);
      if (prev >= 0) pairValues[prev] = roundTo(x.dtype, pairValues[prev] + v);
      else { pairIds[count] = x.id; pairValues[count++] = v; }
    }
  }
  const s = pairIndex(count, sourceId);
  return s < 0 ? undefined : pairValues[s];
}
