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

/**
 * Gradients of `target` by tensor id, over the ops from `last` back (via `prev`). Returns a
 * fresh map; mutates only what it notes on each visited entry for the trace (grad, ga, gb).
 */
export function backprop<V extends Grad>(m: Arith<V>, last: Entry | null, target: Tensor): Map<number, V> {
  const grads = new Map<number, V>();
  grads.set(target.id, m.ones(target));
  for (let e = last; e !== null; e = e.prev) {
    const g = grads.get(e.output.id);
    if (g === undefined) continue;
    visit(m, e, g);
    if (e.ga !== null) accumulate(m, grads, e.a.id, e.ga as V);
    if (e.gb !== null) accumulate(m, grads, e.b!.id, e.gb as V);
  }
  return grads;
}

/** Applies e's chain rule to g = d target / d e.output; notes g and what each watched input receives on e. */
export function visit<V extends Grad>(m: Arith<V>, e: Entry, g: V): void {
  e.grad = g;
  e.ga = needs(e, 0) ? e.op.backward(m, g, 0, e) : null;
  e.gb = needs(e, 1) ? e.op.backward(m, g, 1, e) : null;
}

function accumulate<V extends Grad>(m: Arith<V>, grads: Map<number, V>, id: number, g: V): void {
  const prev = grads.get(id);
  grads.set(id, prev === undefined ? g : m.add(prev, g));
}
