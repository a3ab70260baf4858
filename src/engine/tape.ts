/**
 * GradientTape: records the ops run inside `record(fn)` as a chain of plain entries (op.ts)
 * and sweeps them backwards (backprop.ts) for gradients, with TensorFlow's semantics. The
 * sweep is built from ops, so a tape that is recording while another tape computes its
 * gradient records that computation too — which is how nested tapes give second derivatives.
 */
import { backprop } from './backprop.ts';
import { EngineError } from './errors.ts';
import { evaluate } from './lazy/evaluate.ts';
import { numbersFor } from './numbers.ts';
import { entry, inputsOf, type Entry, type Grad, type OpDef } from './op.ts';
import { TENSORS } from './ops/arith.ts';
import { pause, recording, resume, type Recorder } from './record.ts';
import { numberGradientOf, numbersApply, SHORT_TAPE } from './short-sweep.ts';
import { WATCH_ALL, filled, fromScalar, type Tensor } from './tensor.ts';
import { toEntry, toLeaf, type TapeEntry, type TapeLeaf } from './trace.ts';

export type { TapeEntry, TapeLeaf } from './trace.ts';

let nextSerial = 1;

/**
 * Records operations for automatic differentiation, like `tf.GradientTape`.
 * Variables are watched automatically; other tensors only after `watch`.
 */
export class GradientTape implements Recorder {
  /** Whether `gradient` may be called more than once. */
  readonly persistent: boolean;
  // The recorded ops as a chain from the last one back (Entry.prev): the sweep walks them in
  // that order, and a tape of a few ops then allocates no array to grow.
  private last: Entry | null = null;
  private count = 0;
  /** Tensors this tape watches carry `_mark === serial`; `others` holds ids marked by an earlier tape. */
  private readonly serial = nextSerial++;
  private others: Set<number> | null = null;
  private used = false;
  /** The last gradient call's target, and its gradients by id (null until `leaves` needs them). */
  private lastTarget: Tensor | null = null;
  private lastGrads: Map<number, Grad> | null = null;

  constructor(opts?: { persistent?: boolean }) {
    this.persistent = opts?.persistent === true;
  }

  /** Marks tensors as sources, so ops on them are recorded. Mutates the tape (and tags the tensors). */
  watch(...tensors: Tensor[]): void {
    for (const t of tensors) this.track(t);
  }

  /** Runs `fn` with this tape recording the ops it performs; returns fn's result. Tapes nest. */
  record<T>(fn: () => T): T {
    return recording(this, fn);
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
      throw new EngineError('gradient', 'this GradientTape was already used: a non-persistent tape computes gradients once. Create it with new GradientTape({ persistent: true }) to call gradient() again.');
    }
    this.used = true;
    // A tape does not record its own backward pass (outer tapes do).
    const at = pause(this);
    try {
      this.lastTarget = target;
      if (!Array.isArray(sources)) return this.gradientOf(target, sources as Tensor);
      const grads = this.sweep(target);
      const result = (sources as readonly Tensor[]).map((s) => gradientFor(grads, s));
      // Pending results are computed together with the target, in one sweep where possible.
      evaluate([target, ...result]);
      return result;
    } finally {
      resume(this, at);
    }
  }

  private gradientOf(target: Tensor, source: Tensor): Tensor {
    if (this.count <= SHORT_TAPE && numbersApply(this.last, target)) {
      // One source on a short tape of one-element tensors: no Map; trace and leaves redo the full sweep if asked.
      this.lastGrads = null;
      const g = numberGradientOf(this.last, target, source.id);
      return g === undefined ? filled(source.shape, source.dtype, 0) : fromScalar(g, source.dtype, source.shape);
    }
    const g = gradientFor(this.sweep(target), source);
    if (g._lazy !== null || target._lazy !== null) evaluate([target, g]);
    return g;
  }

  /** The full sweep for `target`, on plain numbers where every tensor holds one element. */
  private sweep(target: Tensor): Map<number, Grad> {
    const m = numbersApply(this.last, target) ? numbersFor(target.dtype) : TENSORS;
    this.lastGrads = backprop<Grad>(m, this.last, target);
    return this.lastGrads;
  }

  /** The recorded ops as plain data, in the order they ran (see TapeEntry). */
  trace(): TapeEntry[] {
    this.redoShortSweep();
    return this.entries().map(toEntry);
  }

  /** The tensors the recorded ops read but did not produce, with their total gradients after `gradient` (e.g. dL/dw). */
  leaves(): TapeLeaf[] {
    this.redoShortSweep();
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

  /** @internal Called by recordOp: keeps the op when one of its inputs is watched. */
  offer(op: OpDef, a: Tensor, b: Tensor | null, output: Tensor, attrs: unknown): void {
    const mask = (this.watches(a) ? 1 : 0) | (b !== null && this.watches(b) ? 2 : 0);
    if (mask === 0) return;
    this.track(output);
    this.last = entry(op, a, b, output, attrs, mask, this.last);
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

  /** The short number sweep keeps no map and notes nothing on the entries: the full sweep on the same numbers does. */
  private redoShortSweep(): void {
    if (this.lastGrads === null && this.lastTarget !== null) this.lastGrads = backprop<Grad>(numbersFor(this.lastTarget.dtype), this.last, this.lastTarget);
  }

  private toLeaf(t: Tensor): TapeLeaf {
    const kind = t._mark === WATCH_ALL ? 'variable' : this.watches(t) ? 'watched' : 'constant';
    const g = this.lastGrads?.get(t.id) ?? (this.lastGrads && kind !== 'constant' ? filled(t.shape, t.dtype, 0) : undefined);
    return toLeaf(t, kind, g);
  }
}

/** The gradient found for `source` (a tensor of its shape), or zeros when the target does not depend on it. */
function gradientFor(grads: Map<number, Grad>, source: Tensor): Tensor {
  const g = grads.get(source.id);
  if (g === undefined) return filled(source.shape, source.dtype, 0);
  return typeof g === 'number' ? fromScalar(g, source.dtype, source.shape) : g;
}
