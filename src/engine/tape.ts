/**
 * GradientTape: records the ops run inside `record(fn)` and walks them backwards to find
 * gradients, with TensorFlow's semantics. The tape is a list of entries `{ def, inputs,
 * output }`, each linked to the one recorded before it; backprop.ts walks it. Backward rules are
 * written with the public ops, so a tape that is recording while another tape computes its
 * gradient records that computation too — which is how nested tapes give second derivatives.
 */
import { EngineError } from './errors.ts';
import { WATCH_ALL, filled, fromScalar, type Tensor } from './tensor.ts';
import { evaluate } from './lazy/evaluate.ts';
import { SHORT_TAPE, backprop, backpropNumbers, numberGradientOf, numbersApply } from './backprop.ts';
import { toEntry, toLeaf, type GradValue, type TapeEntry, type TapeLeaf } from './trace.ts';

export type { TapeEntry, TapeLeaf } from './trace.ts';

/** How an op differentiates: `backward` maps the gradient of the output to one per input. */
export interface OpDef {
  /** Name shown in the trace ('mul', 'square', …). */
  readonly name: string;
  /**
   * Gradients of the target w.r.t. each input, given `g` (gradient w.r.t. the output, same
   * shape as the output). Return null for inputs that need none (`e.needs(i)` is false).
   * Must be built from the public ops so that an outer tape can record it.
   */
  backward(g: Tensor, e: Recorded): (Tensor | null)[];
  /**
   * Optional scalar fast path: the same rule on plain numbers for one-element tensors,
   * rounding every step exactly as `backward`'s ops would (so the results are identical).
   * Returns d target / d input i given g. Used only when no outer tape is recording.
   */
  readonly scalar?: (g: number, e: Recorded, i: number) => number;
}

/** One recorded op (internal; `trace()` turns it into plain data). */
export class Recorded {
  declare readonly def: OpDef;
  /** The first input. Ops have one or two inputs, kept as fields: no array per recorded op. */
  declare readonly a: Tensor;
  /** The second input, or null for a one-input op. */
  declare readonly b: Tensor | null;
  declare readonly output: Tensor;
  declare readonly attrs: unknown;
  /** Bit i set when input i is watched (needs a gradient). */
  declare readonly mask: number;
  /** The gradient of the last target w.r.t. `output`, once `gradient` has visited it. */
  declare grad: GradValue | null;
  /** The gradient this op sent to each input, once the tensor sweep has visited it. */
  declare inputGrads: (Tensor | null)[] | null;
  /** The op recorded just before this one on the same tape, or null for the first. */
  declare readonly prev: Recorded | null;

  constructor(def: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown, mask: number, prev: Recorded | null) {
    this.def = def;
    this.a = a;
    this.b = b;
    this.output = output;
    this.attrs = attrs;
    this.mask = mask;
    this.grad = null;
    this.inputGrads = null;
    this.prev = prev;
  }

  /** The inputs in order (a fresh array; hot paths read `a` and `b`). */
  get inputs(): Tensor[] {
    return this.b === null ? [this.a] : [this.a, this.b];
  }

  /** Input i (0 or 1). */
  input(i: number): Tensor {
    return i === 0 ? this.a : this.b!;
  }

  /** How many inputs the op has (1 or 2). */
  get arity(): number {
    return this.b === null ? 1 : 2;
  }

  /** True when input `i` depends on something the tape watches. */
  needs(i: number): boolean {
    return (this.mask & (1 << i)) !== 0;
  }

  /** What this op passed back to each input in the last sweep (recomputed after a number sweep). */
  inputGradValues(): (GradValue | null)[] | null {
    if (this.inputGrads !== null) return this.inputGrads;
    const g = this.grad;
    if (typeof g !== 'number') return null;
    return this.inputs.map((_, j) => (this.needs(j) ? this.def.scalar!(g, this, j) : null));
  }
}

/** Tapes currently inside `record`, innermost last. */
const active: GradientTape[] = [];
let nextSerial = 1;

/** True when at least one tape is recording (ops skip all bookkeeping otherwise). */
export function isRecording(): boolean {
  return active.length !== 0;
}

/** Offers an op that just ran (inputs a and, for a binary op, b) to every recording tape; each keeps it if an input is watched. */
export function recordOp(def: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown = null): void {
  for (let i = 0; i < active.length; i++) active[i]._offer(def, a, b, output, attrs);
}

/**
 * Records operations for automatic differentiation, like `tf.GradientTape`.
 * Variables are watched automatically; other tensors only after `watch`.
 */
export class GradientTape {
  /** Whether `gradient` may be called more than once. */
  readonly persistent: boolean;
  // The recorded ops as a chain from the last one back (Recorded.prev): every backprop sweep
  // walks them in that order, and a tape of a few ops then allocates no array to grow.
  private last: Recorded | null = null;
  private count = 0;
  /** Tensors this tape watches carry `_mark === serial`; `others` holds ids marked by an earlier tape. */
  private readonly serial = nextSerial++;
  private others: Set<number> | null = null;
  private used = false;
  private lastGrads: Map<number, GradValue> | null = null;
  /** Target of a short number sweep whose gradients were not kept (see shortNumberGradient). */
  private numberTarget: Tensor | null = null;

  constructor(opts?: { persistent?: boolean }) {
    this.persistent = opts?.persistent === true;
  }

  /** Marks tensors as sources, so ops on them are recorded. Mutates the tape only. */
  watch(...tensors: Tensor[]): void {
    for (const t of tensors) this.track(t);
  }

  /** Runs `fn` with this tape recording the ops it performs; returns fn's result. Tapes nest. */
  record<T>(fn: () => T): T {
    active.push(this);
    try {
      return fn();
    } finally {
      if (active[active.length - 1] === this) active.pop();
      else if (active.lastIndexOf(this) >= 0) active.splice(active.lastIndexOf(this), 1);
    }
  }

  /**
   * d target / d source, same shape and dtype as each source. A non-scalar target is
   * differentiated as its sum; a source the target does not depend on gets zeros.
   * A non-persistent tape allows one call.
   */
  gradient(target: Tensor, source: Tensor): Tensor;
  gradient(target: Tensor, sources: readonly Tensor[]): Tensor[];
  gradient(target: Tensor, sources: Tensor | readonly Tensor[]): Tensor | Tensor[] {
    if (this.used && !this.persistent) {
      throw new EngineError('gradient', 'this GradientTape was already used: a non-persistent tape computes gradients once. Create it with new GradientTape({ persistent: true }) to call gradient() again.');
    }
    this.used = true;
    // A tape does not record its own backward pass (outer tapes do).
    const at = active.length === 0 ? -1 : active.indexOf(this);
    if (at >= 0) active.splice(at, 1);
    try {
      const numbers = numbersApply(this.last, target);
      if (numbers && !Array.isArray(sources) && this.count <= SHORT_TAPE) return this.shortNumberGradient(target, sources as Tensor);
      const grads = numbers ? backpropNumbers(this.last, target) : backprop(this.last, target);
      this.lastGrads = grads;
      if (!Array.isArray(sources)) {
        const g = gradientFor(grads, sources as Tensor);
        if (g._lazy !== null || target._lazy !== null) evaluate([target, g]);
        return g;
      }
      const result: Tensor[] = [];
      for (const s of sources) result.push(gradientFor(grads, s));
      // Pending results are computed together with the target, in one sweep where possible.
      evaluate([target, ...result]);
      return result;
    } finally {
      if (at >= 0) active.splice(at, 0, this);
    }
  }

  /** One source on a short tape of one-element tensors: no Map; `leaves` redoes the full sweep if asked. */
  private shortNumberGradient(target: Tensor, source: Tensor): Tensor {
    const g = numberGradientOf(this.last, target, source.id);
    this.lastGrads = null;
    this.numberTarget = target;
    return g === undefined ? filled(source.shape, source.dtype, 0) : fromScalar(g, source.dtype, source.shape);
  }

  /** The recorded ops as plain data, in the order they ran (see TapeEntry). */
  trace(): TapeEntry[] {
    return this.entries().map(toEntry);
  }

  /** The tensors the recorded ops read but did not produce, with their total gradients after `gradient` (e.g. dL/dw). */
  leaves(): TapeLeaf[] {
    const entries = this.entries();
    const produced = new Set(entries.map((e) => e.output.id));
    const seen = new Map<number, Tensor>();
    for (const e of entries) for (const t of e.inputs) if (!produced.has(t.id) && !seen.has(t.id)) seen.set(t.id, t);
    return [...seen.values()].map((t) => this.toLeaf(t));
  }

  /** The recorded ops in the order they ran. */
  private entries(): Recorded[] {
    const out = new Array<Recorded>(this.count);
    let i = this.count;
    for (let e = this.last; e !== null; e = e.prev) out[--i] = e;
    return out;
  }

  /** @internal Called by recordOp: keeps the op when one of its inputs is watched. */
  _offer(def: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown): void {
    const mask = (this.watches(a) ? 1 : 0) | (b !== null && this.watches(b) ? 2 : 0);
    if (mask === 0) return;
    this.track(output);
    this.last = new Recorded(def, a, b, output, attrs, mask, this.last);
    this.count++;
  }

  /** Whether gradients flow to t on this tape: a variable, watched, or computed from one. */
  private watches(t: Tensor): boolean {
    return t._mark === WATCH_ALL || t._mark === this.serial || (this.others !== null && this.others.has(t.id));
  }

  /** Marks t as watched (a tag on the tensor; a set only when another tape tagged it first). */
  private track(t: Tensor): void {
    if (t._mark === WATCH_ALL) return;
    if (t._mark === 0) t._mark = this.serial;
    else if (t._mark !== this.serial) (this.others ??= new Set()).add(t.id);
  }

  private toLeaf(t: Tensor): TapeLeaf {
    if (this.lastGrads === null && this.numberTarget !== null) this.lastGrads = backpropNumbers(this.last, this.numberTarget);
    const kind = t._mark === WATCH_ALL ? 'variable' : this.watches(t) ? 'watched' : 'constant';
    const g = this.lastGrads?.get(t.id) ?? (this.lastGrads && kind !== 'constant' ? filled(t.shape, t.dtype, 0) : undefined);
    return toLeaf(t, kind, g);
  }
}

/** The gradient found for `source` (a tensor of its shape), or zeros when the target does not depend on it. */
function gradientFor(grads: Map<number, GradValue>, source: Tensor): Tensor {
  const g = grads.get(source.id);
  if (g === undefined) return filled(source.shape, source.dtype, 0);
  return typeof g === 'number' ? fromScalar(g, source.dtype, source.shape) : g;
}
