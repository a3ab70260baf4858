/**
 * The engine's elementwise ops as the tests use them, drawn from the ops' own registry
 * (`ELEMENTWISE` in src/engine/ops/elementwise.ts) and the public surface: a new op is then
 * gradchecked and property-tested without being listed in any test. Each comes with the
 * intervals where it is smooth (`smooth` on its definition).
 */
import * as E from '../../src/engine/index.ts';
import type { Tensor } from '../../src/engine/index.ts';
import type { Elementwise, Interval } from '../../src/engine/op.ts';
import { ELEMENTWISE } from '../../src/engine/ops/elementwise.ts';

/** The attribute values an op is tested with (pow's exponents); one run with none otherwise. */
const ATTRS: Record<string, number[]> = { pow: [3, 2.5, -1] };

type Public = (...args: (Tensor | number)[]) => Tensor;

/** The op's public function, found by its name in src/engine/index.ts. Throws if it is not exported. */
export function publicOp(op: Elementwise): Public {
  const f = (E as unknown as Record<string, unknown>)[op.name];
  if (typeof f !== 'function') throw new Error(`the op "${op.name}" is not exported from src/engine/index.ts`);
  return f as Public;
}

/** One input drawn smoothly into [lo, hi] from any value: lo + (hi − lo)·sigmoid(a). */
export const into = (a: Tensor, [lo, hi]: Interval): Tensor => E.add(E.mul(E.sigmoid(a), hi - lo), lo);

export interface UnaryCase {
  name: string;
  f: (x: Tensor) => Tensor;
  domain: Interval;
}
export interface BinaryCase {
  name: string;
  f: (a: Tensor, b: Tensor) => Tensor;
  domains: [Interval, Interval];
}

/** Every one-input op that passes a gradient, once per smooth interval and attribute. */
export const UNARY: UnaryCase[] = ELEMENTWISE.filter((op) => op.arity === 1 && op.smooth.length).flatMap((op) => {
  const f = publicOp(op);
  const attrs = ATTRS[op.name] ?? [undefined];
  return op.smooth[0].flatMap((domain) =>
    attrs.map((p) => ({
      name: `${op.name}${p === undefined ? '' : ` ${p}`} on [${domain.join(', ')}]`,
      f: p === undefined ? (x: Tensor) => f(x) : (x: Tensor) => f(x, p),
      domain,
    })),
  );
});

/** Every two-input op, with its inputs' first smooth intervals. */
export const BINARY: BinaryCase[] = ELEMENTWISE.filter((op) => op.arity === 2 && op.smooth.length).map((op) => ({
  name: op.name,
  f: publicOp(op) as (a: Tensor, b: Tensor) => Tensor,
  domains: [op.smooth[0][0], op.smooth[1][0]],
}));

/** The ops as steps of a random program: each input drawn into its smooth interval first. */
export const PROGRAM_OPS: [string, (a: Tensor, b: Tensor) => Tensor][] = [
  ...BINARY.map((c): [string, (a: Tensor, b: Tensor) => Tensor] => [
    c.name,
    (a, b) => c.f(into(a, c.domains[0]), into(b, c.domains[1])),
  ]),
  ...UNARY.map((c): [string, (a: Tensor, b: Tensor) => Tensor] => [c.name, (a) => c.f(into(a, c.domain))]),
];
