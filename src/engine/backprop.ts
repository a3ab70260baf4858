/**
 * The backward sweep: seed d target / d target with ones, visit the recorded ops from the last
 * back to the first, apply each op's chain rule, and add up the gradients of a tensor used more
 * than once. Entries are visited after every op that used their output, since an op can only
 * read tensors that existed when it ran. Written against Arith (op.ts): on tensors it is the
 * reference, built from ops so that an outer tape records it; the number path runs the very
 * same sweep on plain numbers.
 */
import { needs, type Arith, type Entry, type Grad } from './op.ts';
import type { Tensor } from './tensor.ts';

/** What one op took part in during a sweep: d target / d its output, and what each input received. */
export interface Note<V extends Grad> {
  grad: V;
  /** To input a and b (null where nothing flowed: unwatched, or b absent). */
  ga: V | null;
  gb: V | null;
}

/**
 * d target / d every tensor the ops from `last` back (via `prev`) lead to, by tensor id, in a
 * new map. Reads the entries and changes none; when given `notes`, sets a note in it for each
 * op reached (for the trace).
 */
export function backprop<V extends Grad>(
  m: Arith<V>,
  last: Entry | null,
  target: Tensor,
  notes?: Map<Entry, Note<V>>,
): Map<number, V> {
  const grads = new Map<number, V>();
  grads.set(target.id, m.ones(target));
  for (let e = last; e !== null; e = e.prev) {
    const g = grads.get(e.output.id);
    if (g === undefined) continue;
    const ga = needs(e, 0) ? e.op.backward(m, g, 0, e) : null;
    const gb = needs(e, 1) ? e.op.backward(m, g, 1, e) : null;
    notes?.set(e, { grad: g, ga, gb });
    if (ga !== null) accumulate(m, grads, e.a.id, ga);
    if (gb !== null) accumulate(m, grads, e.b!.id, gb);
  }
  return grads;
}

function accumulate<V extends Grad>(m: Arith<V>, grads: Map<number, V>, id: number, g: V): void {
  const prev = grads.get(id);
  grads.set(id, prev === undefined ? g : m.add(prev, g));
}
