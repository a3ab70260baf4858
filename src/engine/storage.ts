/**
 * How a tensor holds its values: the state the accelerations (accel/) work with, kept here so
 * that tensor.ts reads as the model (a shape, a dtype, values). Three storage states, all
 * fields created in the constructor (V8 keeps one object shape):
 * - `_d`: a typed array holding the values (always once `data` has been read);
 * - `_s`: the value of a one-element tensor, also kept as a plain number, so the number path
 *   (accel/numbers.ts) needs no typed array;
 * - `_pending`: values an acceleration will compute on first read (accel/lazy/), else null.
 * Only tensor.ts's factories and the accelerations construct or settle a tensor.
 */
/** Element type. float32 is the default, as in TensorFlow. */
export type DType = 'float32' | 'float64';

/** The typed array that stores a tensor's values. */
export type TypedArray = Float32Array | Float64Array;

/** What computes a pending tensor's values (accel/lazy/ makes the only ones). */
export interface Pending {
  /** Computes the values and stores them into `t` (with `t._settle`). */
  force(t: Stored): void;
}

let nextId = 1;

/** `_mark` of a variable and its snapshots: watched by every tape (an enum, so bundles inline it). */
export enum Watch {
  All = -1,
}

/** A fresh, never reused tensor id (ids name tensors in the tape trace). */
export function newId(): number {
  return nextId++;
}

// V8 keeps a typed array of up to 64 bytes inside its object, but gives a larger one a backing
// store of its own outside the heap, which costs several times more (measured: a third of a
// small network's training step went to allocating its 25×8 results). Small-to-middling
// arrays are therefore carved as views from shared slabs, which cost like the small ones.
// Slabs are never reused, so every view starts zeroed, and a slab is freed by the garbage
// collector once no view of it lives. Larger arrays keep their own store, so a long-lived big
// tensor never pins a slab much bigger than itself. Consequence: never transfer a tensor's
// `.data.buffer` to another thread (it would detach its neighbours): copy it first.
const IN_OBJECT_BYTES = 64;
const SLAB_BYTES = 1 << 20;
const SLAB_MAX_BYTES = 4096;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** Allocates a zero-filled typed array of `dtype` (possibly a view into a shared slab). */
export function allocate(dtype: DType, n: number): TypedArray {
  const bytes = dtype === 'float32' ? 4 * n : 8 * n;
  if (bytes <= IN_OBJECT_BYTES || bytes > SLAB_MAX_BYTES) {
    return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
  }
  if (used + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += (bytes + 7) & ~7;
  return dtype === 'float32' ? new Float32Array(slab, at, n) : new Float64Array(slab, at, n);
}

/** Rounds a number the way storing it in `dtype` would. */
export function roundTo(dtype: DType, v: number): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

/** A tensor's storage: its identity, shape and dtype, and how its values are held. */
export class Stored {
  /** Unique id, used by the tape and shown in its trace. */
  declare readonly id: number;
  /** Extent of each axis; [] for a scalar. */
  declare readonly shape: readonly number[];
  declare readonly dtype: DType;
  /** Number of elements (product of the shape). */
  declare readonly size: number;
  /** @internal values, or null while scalar-only or pending */
  declare _d: TypedArray | null;
  /** @internal the value when size is 1 (valid unless pending) */
  declare _s: number;
  /** @internal pending computation, or null */
  declare _pending: Pending | null;
  /**
   * @internal serial of the first tape that watches this tensor (0: none; Watch.All: a
   * variable's value, which every tape watches); see GradientTape. One field for both keeps
   * the tensor a word smaller.
   */
  declare _mark: number;

  /**
   * @internal Use `tensor`, `scalar`, an op or tensor.ts's factories instead. Every argument is required and the body
   * only stores them: V8 then inlines `new Tensor` into the ops (a constructor with a default
   * parameter and a call was left out of line, through the generic construct stub).
   * `s` must be the value when size is 1 and the tensor is not pending.
   */
  constructor(
    shape: readonly number[],
    dtype: DType,
    size: number,
    data: TypedArray | null,
    s: number,
    pending: Pending | null,
    id: number,
  ) {
    this.id = id;
    this.shape = shape;
    this.dtype = dtype;
    this.size = size;
    this._d = data;
    this._s = s;
    this._pending = pending;
    this._mark = 0;
  }

  /** @internal Computes a pending tensor's values now; does nothing to a settled one. */
  _force(): void {
    if (this._pending !== null) this._pending.force(this);
  }

  /** @internal Stores computed values into a pending tensor, which is then settled (called by accel/lazy/). */
  _settle(data: TypedArray | null, s: number): void {
    this._d = data;
    this._s = data !== null && data.length === 1 ? data[0] : s;
    this._pending = null;
  }
}
