/**
 * GradientTape: records the ops run inside `record(fn)` and walks them backwards to find
 * gradients, with TensorFlow's semantics. The tape is a plain list of entries
 * `{ def, inputs, output }`; backprop is the loop in `backprop` below. Backward rules are
 * written with the public ops, so a tape that is recording while another tape computes its
 * gradient records that computation too — which is how nested tapes give second derivatives.
 */
import { EngineError } from './errors.ts';
import { filled, fromScalar, type Tensor } from './tensor.ts';
import { add } from './ops/elementwise.ts';
import { evaluate } from './lazy/evaluate.ts';

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
  /** The gradient of the last target w.r.t. `output`, once `gradient` has visited it. */
  grad: Tensor | null = null;
  /** The gradient this op sent to each input, once `gradient` has visited it. */
  inputGrads: (Tensor | null)[] | null = null;

  constructor(
    readonly def: OpDef,
    readonly inputs: Tensor[],
    readonly output: Tensor,
    readonly attrs: unknown,
    /** Bit i set when input i is watched (needs a gradient). */
    readonly mask: number,
  ) {}

  /** True when input `i` depends on something the tape watches. */
  needs(i: number): boolean {
    return (this.mask & (1 << i)) !== 0;
  }
}

/** A recorded op as plain, structured-cloneable data, for the tape inspector. */
export interface TapeEntry {
  /** Position on the tape (0 = first op recorded). */
  id: number;
  /** Op name: 'add', 'sub', 'mul', 'square', 'mean', 'sumTo', … */
  op: string;
  /** Tensor ids of the inputs (a variable keeps its id across steps). */
  inputs: number[];
  /** Tensor id of the result. */
  output: number;
  inputShapes: number[][];
  outputShape: number[];
  /** Forward values of the inputs; present only when every input has ≤ 64 elements. */
  inputValues?: number[][];
  /** Forward value of the output; present only for ≤ 64 elements. */
  value?: number[];
  /** d target / d output, after `gradient` ran (≤ 64 elements). */
  grad?: number[];
  /** The gradient this op passed back to each input (null where none flowed), after `gradient` ran (≤ 64 elements each). */
  inputGrads?: (number[] | null)[];
  /** Extra arguments such as `axis`, `exponent` or `shape`, when the op has them. */
  attrs?: Record<string, number | number[] | null>;
}

/** A tensor the recorded ops read but did not produce (a variable, watched tensor or constant). */
export interface TapeLeaf {
  id: number;
  kind: 'variable' | 'watched' | 'constant';
  shape: number[];
  /** Value when it has ≤ 64 elements. */
  value?: number[];
  /** Total d target / d leaf after `gradient` ran (≤ 64 elements); absent for constants. */
  grad?: number[];
}

/** Largest tensor whose values appear in the trace. */
export const TRACE_VALUE_LIMIT = 64;

/** Tapes currently inside `record`, innermost last. */
const active: GradientTape[] = [];
let nextSerial = 1;

/** True when at least one tape is recording (ops skip all bookkeeping otherwise). */
export function isRecording(): boolean {
  return active.length !== 0;
}

/** Offers an op that just ran to every recording tape; each keeps it if an input is watched. */
export function recordOp(def: OpDef, inputs: Tensor[], output: Tensor, attrs: unknown = null): void {
  for (let i = 0; i < active.length; i++) active[i]._offer(def, inputs, output, attrs);
}

/**
 * Records operations for automatic differentiation, like `tf.GradientTape`.
 * Variables are watched automatically; other tensors only after `watch`.
 */
export class GradientTape {
  /** Whether `gradient` may be called more than once. */
  readonly persistent: boolean;
  private readonly entries: Recorded[] = [];
  /** Tensors this tape watches carry `_mark === serial`; `others` holds ids marked by an earlier tape. */
  private readonly serial = nextSerial++;
  private others: Set<number> | null = null;
  private used = false;
  private lastGrads: Map<number, Tensor> | null = null;

  constructor(opts: { persistent?: boolean } = {}) {
    this.persistent = opts.persistent === true;
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
      const grads = backprop(this.entries, target);
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

  /** The recorded ops as plain data, in the order they ran (see TapeEntry). */
  trace(): TapeEntry[] {
    return this.entries.map(toEntry);
  }

  /** The tensors the recorded ops read but did not produce, with their total gradients after `gradient` (e.g. dL/dw). */
  leaves(): TapeLeaf[] {
    const produced = new Set(this.entries.map((e) => e.output.id));
    const seen = new Map<number, Tensor>();
    for (const e of this.entries) for (const t of e.inputs) if (!produced.has(t.id) && !seen.has(t.id)) seen.set(t.id, t);
    return [...seen.values()].map((t) => this.toLeaf(t));
  }

  /** @internal Called by recordOp: keeps the op when one of its inputs is watched. */
  _offer(def: OpDef, inputs: Tensor[], output: Tensor, attrs: unknown): void {
    let mask = 0;
    for (let i = 0; i < inputs.length; i++) if (this.watches(inputs[i])) mask |= 1 << i;
    if (mask === 0) return;
    this.track(output);
    this.entries.push(new Recorded(def, inputs, output, attrs, mask));
  }

  /** Whether gradients flow to t on this tape: a variable, watched, or computed from one. */
  private watches(t: Tensor): boolean {
    return t._watchAll || t._mark === this.serial || (this.others !== null && this.others.has(t.id));
  }

  /** Marks t as watched (a tag on the tensor; a set only when another tape tagged it first). */
  private track(t: Tensor): void {
    if (t._mark === 0) t._mark = this.serial;
    else if (t._mark !== this.serial) (this.others ??= new Set()).add(t.id);
  }

  private toLeaf(t: Tensor): TapeLeaf {
    const kind = t._watchAll ? 'variable' : this.watches(t) ? 'watched' : 'constant';
    const leaf: TapeLeaf = { id: t.id, kind, shape: [...t.shape] };
    if (t.size <= TRACE_VALUE_LIMIT) leaf.value = Array.from(t.data);
    const g = this.lastGrads?.get(t.id) ?? (this.lastGrads && kind !== 'constant' ? filled(t.shape, t.dtype, 0) : undefined);
    if (g && g.size <= TRACE_VALUE_LIMIT) leaf.grad = Array.from(g.data);
    return leaf;
  }
}

/**
 * Reverse-mode sweep over a tape: seeds d target/d target = 1, visits entries last to first,
 * and adds each op's input gradients into the map (a tensor used twice gets both).
 * Returns gradients by tensor id. Pure apart from filling `grad`/`inputGrads` on entries.
 */
export function backprop(entries: readonly Recorded[], target: Tensor): Map<number, Tensor> {
  const grads = new Map<number, Tensor>();
  grads.set(target.id, filled(target.shape, target.dtype, 1));
  const numbersOk = scalarBackward && !isRecording();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    const g = grads.get(e.output.id);
    if (g === undefined) continue;
    e.grad = g;
    const inputGrads = numbersOk && allScalar(e, g) ? scalarGrads(e, g) : e.def.backward(g, e);
    e.inputGrads = inputGrads;
    for (let j = 0; j < inputGrads.length; j++) {
      const gj = inputGrads[j];
      if (gj === null || !e.needs(j)) continue;
      const id = e.inputs[j].id;
      const prev = grads.get(id);
      grads.set(id, prev === undefined ? gj : add(prev, gj));
    }
  }
  return grads;
}

/** The gradient found for `source`, or zeros of its shape when the target does not depend on it. */
function gradientFor(grads: Map<number, Tensor>, source: Tensor): Tensor {
  return grads.get(source.id) ?? filled(source.shape, source.dtype, 0);
}

let scalarBackward = true;

/** Turns the scalar backward path on or off (tests compare both); returns the previous setting. */
export function setScalarBackward(on: boolean): boolean {
  const previous = scalarBackward;
  scalarBackward = on;
  return previous;
}

/** True when the op has a number rule and g and every input are settled one-element tensors. */
function allScalar(e: Recorded, g: Tensor): boolean {
  if (e.def.scalar === undefined || g.size !== 1 || g._lazy !== null) return false;
  for (const t of e.inputs) if (t.size !== 1 || t._lazy !== null) return false;
  return true;
}

/** The op's rule on plain numbers; each gradient takes its input's shape, as sumTo would give. */
function scalarGrads(e: Recorded, g: Tensor): (Tensor | null)[] {
  const out: (Tensor | null)[] = [];
  for (let j = 0; j < e.inputs.length; j++) {
    const x = e.inputs[j];
    out.push(e.needs(j) ? fromScalar(e.def.scalar!(g._s, e, j), x.dtype, x.shape) : null);
  }
  return out;
}

function small(t: Tensor | null): number[] | undefined {
  return t !== null && t.size <= TRACE_VALUE_LIMIT ? Array.from(t.data) : undefined;
}

function toEntry(e: Recorded, index: number): TapeEntry {
  const entry: TapeEntry = {
    id: index,
    op: e.def.name,
    inputs: e.inputs.map((t) => t.id),
    output: e.output.id,
    inputShapes: e.inputs.map((t) => [...t.shape]),
    outputShape: [...e.output.shape],
  };
  if (e.inputs.every((t) => t.size <= TRACE_VALUE_LIMIT)) entry.inputValues = e.inputs.map((t) => Array.from(t.data));
  const value = small(e.output);
  if (value) entry.value = value;
  const grad = small(e.grad);
  if (grad) entry.grad = grad;
  if (e.inputGrads) entry.inputGrads = e.inputGrads.map((g) => small(g) ?? null);
  if (e.attrs !== null && typeof e.attrs === 'object') entry.attrs = { ...(e.attrs as Record<string, number | number[] | null>) };
  return entry;
}

