/**
 * The number path's sweeps: when no outer tape records and every tensor on the tape holds one
 * settled element, the sweep runs on plain numbers; for one source on a short tape, with the
 * gradients in two reused arrays instead of a Map. Same visits, rules and rounding as backprop.
 */
import { numbersFor } from './numbers.ts';
import { needs, type Arith, type Entry } from './op.ts';
import { isRecording } from './record.ts';
import type { Tensor } from './tensor.ts';

let numbersAllowed = true;

/** Turns the number sweep on or off (tests compare both paths); returns the previous setting. */
export function setScalarBackward(on: boolean): boolean {
  const previous = numbersAllowed;
  numbersAllowed = on;
  return previous;
}

const settledScalar = (t: Tensor): boolean => t.size === 1 && t._lazy === null;

/** True when the number sweep applies to the ops from `last` back: no tape records, and every tensor has one settled element. */
export function numbersApply(last: Entry | null, target: Tensor): boolean {
  if (!numbersAllowed || isRecording() || !settledScalar(target)) return false;
  for (let e = last; e !== null; e = e.prev) {
    if (!settledScalar(e.output) || !settledScalar(e.a) || (e.b !== null && !settledScalar(e.b))) return false;
  }
  return true;
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
 * d target / d source over the ops from `last` back (see numbersApply), or undefined when no
 * gradient reaches the source: backprop's visits, rules and rounding, with the gradients in two
 * reused arrays instead of a Map. Notes nothing on the entries (trace and leaves redo the sweep).
 */
export function numberGradientOf(last: Entry | null, target: Tensor, sourceId: number): number | undefined {
  const m = numbersFor(target.dtype);
  pairIds[0] = target.id;
  pairValues[0] = 1;
  let count = 1;
  for (let e = last; e !== null; e = e.prev) {
    const at = pairIndex(count, e.output.id);
    if (at < 0) continue;
    const g = pairValues[at];
    const ga = needs(e, 0) ? e.op.backward(m, g, 0, e) : null;
    const gb = needs(e, 1) ? e.op.backward(m, g, 1, e) : null;
    if (ga !== null) count = addPair(m, count, e.a.id, ga);
    if (gb !== null) count = addPair(m, count, e.b!.id, gb);
  }
  const s = pairIndex(count, sourceId);
  return s < 0 ? undefined : pairValues[s];
}

/** Adds g to the pair of `id` (a new pair if none); returns the new count of pairs. */
function addPair(m: Arith<number>, count: number, id: number, g: number): number {
  const k = pairIndex(count, id);
  if (k >= 0) {
    pairValues[k] = m.add(pairValues[k], g);
    return count;
  }
  pairIds[count] = id;
  pairValues[count] = g;
  return count + 1;
}
