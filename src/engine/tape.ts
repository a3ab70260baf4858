/**
 * GradientTape: records the ops run inside `record(fn)` as a chain of plain entries (op.ts)
 * and sweeps them backwards (backprop.ts) for gradients, with TensorFlow's semantics. The
 * sweep is built from ops, so a tape that is recording while another tape computes its
 * gradient records that computation too — which is how nested tapes give second derivatives.
 */
import { backprop, type Note } from './backprop.ts';
import { EngineError } from './errors.ts';
import { entry, inputsOf, type Entry, type Grad, type OpDef } from './op.ts';
import { TENSORS } from './ops/arith.ts';
import { begin, end, pause, resume, unrecorded, type Recorder } from './record.ts';
import { seam } from './seam.ts';
import { Watch, filled, fromScalar, type Tensor } from './tensor.ts';
import { toEntry, toLeaf, type TapeEntry, type TapeLeaf } from './trace.ts';

export type { TapeEntry, TapeLeaf } from './trace.ts';

let nextSerial = 1;

/**
 * Records operations for automatic differentiation, like `tf.GradientTape`.
 * Variables are watched automatically; other tensors only after `watch`.
 */
export class GradientTape implements Recorder {
  /** Whether `gradient` may be called more than once (set by `new GradientTape({ persistent: true })`). */
  declare readonly persistent: boolean;
  // The recorded ops as a chain from the last one back (Entry.prev): the sweep walks them in
  // that order, and a tape of a few ops then allocates no array to grow.
  declare private last: Entry | null;
  declare private count: number;
  /** Tensors this tape watches carry `_mark === serial`; `others` holds ids marked by an earlier tape. */
  declare private readonly serial: number;
  declare private others: Set<number> | null;
  declare private used: boolean;
  /** The last gradient call's target, and its gradients by id (null until `leaves` needs them). */
  declare private lastTarget: Tensor | null;
  declare private lastGrads: Map<number, Grad> | null;
  /** Targets of the gradient calls before the last (a persistent tape only). */
  declare private earlierTargets: Tensor[] | null;

  // Fields are set here, not as class fields: a class-field initializer is a separate function
  // that V8 may leave out of line in the training step.
  constructor(opts?: { persistent?: boolean }) {
    this.persistent = opts?.persistent === true;
    this.last = null;
    this.count = 0;
    this.serial = nextSerial++;
    this.others = null;
    this.used = false;
    this.lastTarget = null;
    this.lastGrads = null;
    this.earlierTargets = null;
  }

  /** Marks tensors as sources, so ops on them are recorded. Mutates the tape (and tags the tensors). */
  watch(...tensors: Tensor[]): void {
    for (const t of tensors) this.track(t);
  }

  /** Runs `fn` with this tape recording the ops it performs; returns fn's result. Tapes nest. */
  record<T>(fn: () => T): T {
    begin(this);
    try {
      return fn();
    } finally {
      end(this);
    }
  }

  /**
   * d target / d source, same shape and dtype as each source. A non-scalar target is
   * differentiated as its sum; a source the target does not depend on gets zeros.
   * A non-persistent tape allows one call. Fills in the gradients `trace()` reports.
   */
  gradient(target: Tensor, source: Tensor): Tensor;
  gradient(target: Tensor, sources: readonly Tensor[]): Tensor[];
  gradient(target: Tensor, sources: Tensor | readonly Tensor[]): Tensor | Tensor[] {
    if (this.used && !this.persistent) {
      throw new EngineError(
        'gradient',
        'this GradientTape was already used: a non-persistent tape computes gradients once. Create it with new GradientTape({ persistent: true }) to call gradient() again.',
      );
    }
    if (this.used) (this.earlierTargets ??= []).push(this.lastTarget!);
    this.used = true;
    this.lastTarget = target;
    if (!Array.isArray(sources)) {
      const quick = seam.gradient(this.last, this.count, target, sources as Tensor);
      if (quick !== null) {
        this.lastGrads = null; // found without the sweep, so leaves runs it when asked
        return quick;
      }
    }
    // A tape does not record its own backward pass (outer tapes do).
    const at = pause(this);
    try {
      return this.sweepFor(target, sources);
    } finally {
      resume(this, at);
    }
  }

  private sweepFor(target: Tensor, sources: Tensor | readonly Tensor[]): Tensor | Tensor[] {
    const grads = this.sweep(target);
    if (!Array.isArray(sources)) {
      const g = gradientFor(grads, sources as Tensor);
      if (g._pending !== null || target._pending !== null) seam.settle([target, g]);
      return g;
    }
    const result = (sources as readonly Tensor[]).map((s) => gradientFor(grads, s));
    // Pending results are computed together with the target, in one pass where possible.
    seam.settle([target, ...result]);
    return result;
  }

  /** The sweep for `target` (on plain numbers where the number path takes it); keeps the gradients for `leaves`. */
  private sweep(target: Tensor, notes?: Map<Entry, Note<Grad>>): Map<number, Grad> {
    this.lastGrads = backprop<Grad>(seam.sweepArith(this.last, target) ?? TENSORS, this.last, target, notes);
    return this.lastGrads;
  }

  /**
   * The recorded ops as plain data, in the order they ran (see TapeEntry), with what each op
   * passed back in the last gradient call that reached it. Runs the calls' sweeps again for
   * that (gradient() keeps only its results), recorded by no tape.
   */
  trace(): TapeEntry[] {
    const notes = new Map<Entry, Note<Grad>>();
    const targets = this.lastTarget === null ? [] : [...(this.earlierTargets ?? []), this.lastTarget];
    unrecorded(() => {
      for (const t of targets) this.sweep(t, notes);
    });
    return this.entries().map((e, i) => toEntry(e, i, notes.get(e)));
  }

  /** The tensors the recorded ops read but did not produce, with their total gradients after `gradient` (e.g. dL/dw); as plain data. */
  leaves(): TapeLeaf[] {
    const target = this.lastTarget;
    // A gradient found without the sweep kept no gradients by id: the sweep gives them.
    if (this.lastGrads === null && target !== null) unrecorded(() => this.sweep(target));
    const entries = this.entries();
    const produced = new Set(entries.map((e) => e.output.id));
    const seen = new Map<number, Tensor>();
    for (const e of entries) for (const t of inputsOf(e)) if (!produced.has(t.id) && !seen.has(t.id)) seen.set(t.id, t);
    return [...seen.values()].map((t) => this.toLeaf(t));
  }

  /** The recorded ops in the order they ran. */
  private entries(): Entry[] {
    const out = new Array<Entry>(this.count);
    let i = this.count;
    for (let e = this.last; e !== null; e = e.prev) out[--i] = e;
    return out;
  }

  /** @internal Called by recordOp: keeps the op when one of its inputs is watched; mutates the tape and tags the output. */
  offer(op: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown): void {
    const mask = (this.watches(a) ? 1 : 0) | (b !== null && this.watches(b) ? 2 : 0);
    if (mask === 0) return;
    this.track(output);
    this.last = entry(op, a, b, output, attrs, mask, this.last);
    this.count++;
  }

  /** Whether gradients flow to t on this tape: a variable, watched, or computed from one. */
  private watches(t: Tensor): boolean {
    return t._mark === Watch.All || t._mark === this.serial || (this.others !== null && this.others.has(t.id));
  }

  /** Marks t as watched (a tag on the tensor; a set only when another tape tagged it first). */
  private track(t: Tensor): void {
    if (t._mark === Watch.All) return;
    if (t._mark === 0) t._mark = this.serial;
    else if (t._mark !== this.serial) (this.others ??= new Set()).add(t.id);
  }

  private toLeaf(t: Tensor): TapeLeaf {
    const kind = t._mark === Watch.All ? 'variable' : this.watches(t) ? 'watched' : 'constant';
    const g =
      this.lastGrads?.get(t.id) ?? (this.lastGrads && kind !== 'constant' ? filled(t.shape, t.dtype, 0) : undefined);
    return toLeaf(t, kind, g);
  }
}

/** The gradient found for `source` (a tensor of its shape), or zeros when the target does not depend on it. */
function gradientFor(grads: Map<number, Grad>, source: Tensor): Tensor {
  const g = grads.get(source.id);
  if (g === undefined) return filled(source.shape, source.dtype, 0);
  return typeof g === 'number' ? fromScalar(g, source.dtype, source.shape) : g;
}
