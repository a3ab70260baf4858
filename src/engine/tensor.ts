/**
 * Tensor: an immutable n-dimensional array of float32 or float64 numbers, and Variable, the
 * one mutable kind (its value is replaced by `assign`). Values live in a Float32Array or
 * Float64Array; float32 results are rounded after every elementary operation. How a tensor
 * holds its values (the accelerations' plain-number and pending states) is storage.ts's.
 */
import { EngineError, formatShape } from './errors.ts';
import { sameShape, sizeOf } from './shape.ts';
import { Stored, Watch, allocate, newId, type DType, type Pending, type TypedArray } from './storage.ts';

export { Watch, allocate, newId, roundTo, type DType, type Pending, type TypedArray } from './storage.ts';

/** Nested number arrays of any depth, as accepted by `tensor`. */
export type NestedArray = number | NestedArray[];

/** Anything an op accepts as an operand: a tensor, or a plain number (a scalar of the other operand's dtype). */
export type TensorLike = Tensor | number;

/** An immutable n-dimensional array. Create with `tensor`, `scalar` or an op; never with `new`. */
export class Tensor extends Stored {
  /** Unique id, used by the tape and shown in its trace. */
  declare readonly id: number;
  /** Extent of each axis; [] for a scalar. */
  declare readonly shape: readonly number[];
  declare readonly dtype: DType;
  /** Number of elements (product of the shape). */
  declare readonly size: number;

  /** The values in row-major order. A read-only view: do not write into it. */
  get data(): TypedArray {
    this._force();
    if (this._d === null) {
      const d = allocate(this.dtype, this.size);
      if (this.size === 1) d[0] = this._s;
      this._d = d;
    }
    return this._d;
  }

  /** The value of a one-element tensor. Throws for any other size. */
  item(): number {
    if (this.size !== 1)
      throw new EngineError('item', `item() needs a tensor with one element, got shape ${formatShape(this.shape)}`);
    this._force();
    return this._s;
  }

  /** The values as nested plain arrays (a number for a scalar). */
  toArray(): NestedArray {
    const d = this.data;
    const build = (axis: number, offset: number, stride: number): NestedArray => {
      if (axis === this.shape.length) return d[offset];
      const n = this.shape[axis];
      const inner = stride / n;
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = build(axis + 1, offset + i * inner, inner);
      return out;
    };
    return build(0, 0, this.size);
  }

  /** @internal The immutable tensor an op should read: itself (Variable returns a snapshot). */
  _read(): Tensor {
    return this;
  }

  toString(): string {
    return `Tensor(${formatShape(this.shape)}, ${this.dtype})`;
  }
}

/**
 * A mutable tensor for trainable parameters. Every GradientTape watches variables
 * automatically. `assign` replaces the value (same shape and dtype); tensors computed earlier
 * from the variable keep the value they were computed from.
 */
export class Variable extends Tensor {
  /** @internal immutable view of the current value, shared by the ops that read it */
  declare _snap: Tensor;

  /** @internal Use `variable` instead. */
  constructor(init: Tensor) {
    super(init.shape, init.dtype, init.size, init._d, init._s, null, newId());
    this._mark = Watch.All;
    this._snap = this.snapshot();
  }

  /** Replaces the value with `value` (a tensor of the same shape and dtype, or a number for a one-element variable). Returns this. */
  assign(value: Tensor | number): this {
    const v = typeof value === 'number' ? filled(this.shape, this.dtype, value) : value;
    if (!sameShape(v.shape, this.shape)) {
      throw new EngineError(
        'assign',
        `cannot assign shape ${formatShape(v.shape)} to a variable of shape ${formatShape(this.shape)}`,
      );
    }
    if (v.dtype !== this.dtype)
      throw new EngineError('assign', `cannot assign dtype ${v.dtype} to a variable of dtype ${this.dtype}`);
    v._force();
    // Share the new value's storage: tensors are immutable, so nobody writes into it.
    this._d = v._d;
    this._s = v._s;
    this._snap = this.snapshot();
    return this;
  }

  // The snapshot is made when the value changes, not on first read: `_read` stays small enough
  // for V8 to inline into every op, where making it lazily left a `new` out of line.
  private snapshot(): Tensor {
    const snap = new Tensor(this.shape, this.dtype, this.size, this._d, this._s, null, this.id);
    snap._mark = Watch.All;
    return snap;
  }

  /** @internal A snapshot with the variable's id, so gradients reach the variable. */
  override _read(): Tensor {
    return this._snap;
  }
}

/** @internal A one-element tensor (shape [] unless given) holding `v` rounded to `dtype`, without a typed array. */
export function fromScalar(v: number, dtype: DType, shape: readonly number[] = SCALAR_SHAPE): Tensor {
  return new Tensor(shape, dtype, 1, null, dtype === 'float32' ? Math.fround(v) : v, null, newId());
}

/** @internal A tensor of `shape` holding x's values (its storage shared, not copied): reshape's result. */
export function sharing(x: Tensor, shape: readonly number[]): Tensor {
  x._force();
  return new Tensor(shape, x.dtype, x.size, x._d, x._s, null, newId());
}

/** @internal A tensor whose values `pending` computes when first read (accel/lazy/ makes them). */
export function pendingTensor(shape: readonly number[], dtype: DType, size: number, pending: Pending): Tensor {
  return new Tensor(shape, dtype, size, null, 0, pending, newId());
}

/** @internal A tensor owning `data` (not copied). */
export function fromArray(shape: readonly number[], dtype: DType, data: TypedArray): Tensor {
  return new Tensor(shape, dtype, data.length, data, data.length === 1 ? data[0] : 0, null, newId());
}

/** @internal A tensor of `shape` with every element `v`. */
export function filled(shape: readonly number[], dtype: DType, v: number): Tensor {
  const n = sizeOf(shape);
  if (n === 1) return fromScalar(v, dtype, shape);
  return fromArray(shape, dtype, allocate(dtype, n).fill(v));
}

/** The shape of every rank-0 tensor (shared, never mutated). */
export const SCALAR_SHAPE: readonly number[] = Object.freeze([]) as readonly number[];

function inferShape(values: NestedArray, shape: number[]): void {
  if (Array.isArray(values)) {
    shape.push(values.length);
    if (values.length > 0) inferShape(values[0], shape);
  }
}

function flatten(values: NestedArray, shape: number[], axis: number, out: TypedArray, pos: number): number {
  if (axis === shape.length) {
    if (typeof values !== 'number')
      throw new EngineError('tensor', `expected a number at depth ${axis}, got ${typeof values}`);
    out[pos] = values;
    return pos + 1;
  }
  if (!Array.isArray(values) || values.length !== shape[axis]) {
    throw new EngineError(
      'tensor',
      `ragged nested array: expected ${shape[axis]} entries at depth ${axis} (shape ${formatShape(shape)})`,
    );
  }
  for (const v of values) pos = flatten(v, shape, axis + 1, out, pos);
  return pos;
}

/**
 * Creates a tensor from a number, nested arrays (shape inferred) or a typed array (copied;
 * pass `shape` to give it one, else it is 1-D).
 */
export function tensor(values: NestedArray | TypedArray, dtype: DType = 'float32', shape?: readonly number[]): Tensor {
  checkDType('tensor', dtype);
  if (ArrayBuffer.isView(values)) {
    const s = shape ? [...shape] : [values.length];
    if (sizeOf(s) !== values.length)
      throw new EngineError('tensor', `${values.length} values do not fill shape ${formatShape(s)}`);
    const data = allocate(dtype, values.length);
    data.set(values);
    return fromArray(s, dtype, data);
  }
  const inferred: number[] = [];
  inferShape(values, inferred);
  const data = allocate(dtype, sizeOf(inferred));
  flatten(values, inferred, 0, data, 0);
  const t = fromArray(inferred, dtype, data);
  return shape ? reshapeStorage(t, shape) : t;
}

function reshapeStorage(t: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== t.size)
    throw new EngineError('tensor', `${t.size} values do not fill shape ${formatShape(shape)}`);
  return fromArray([...shape], t.dtype, t.data);
}

/** A rank-0 tensor holding `v`. */
export function scalar(v: number, dtype: DType = 'float32'): Tensor {
  checkDType('scalar', dtype);
  if (typeof v !== 'number') throw new EngineError('scalar', `expected a number, got ${typeof v}`);
  return fromScalar(v, dtype);
}

/** A Variable initialised from a tensor (its dtype wins unless `dtype` is given) or a number. */
export function variable(init: Tensor | number, dtype?: DType): Variable {
  let t: Tensor;
  if (typeof init === 'number') t = scalar(init, dtype ?? 'float32');
  else if (dtype !== undefined && dtype !== init.dtype) t = tensor(init.data, dtype, init.shape);
  else t = init._read();
  t._force();
  return new Variable(t);
}

function checkDType(op: string, dtype: string): void {
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new EngineError(op, `unknown dtype '${dtype}' (use 'float32' or 'float64')`);
}

/**
 * @internal The tensor an op reads for operand `x`: a number becomes a scalar of `like`'s
 * dtype (float32 if `like` is a number too); a Variable becomes a snapshot of its value.
 */
export function operand(x: TensorLike, like: TensorLike): Tensor {
  if (typeof x === 'number') return fromScalar(x, typeof like === 'number' ? 'float32' : like.dtype);
  if (!(x instanceof Tensor)) throw new EngineError('operand', `expected a Tensor or a number, got ${describe(x)}`);
  return x._read();
}

/** @internal Throws unless both operands share a dtype; the message names the op, both dtypes and shapes. */
export function checkDTypes(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw new EngineError(
      op,
      `dtypes ${a.dtype} and ${b.dtype} do not match (shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}); create both tensors with the same dtype`,
    );
  }
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array (wrap it with tensor(...))';
  return typeof x;
}
