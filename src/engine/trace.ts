/**
 * The tape as plain, structured-cloneable data for the tape inspector: one TapeEntry per
 * recorded op (forward values for small tensors; gradients once `gradient` ran) and one
 * TapeLeaf per tensor the ops read but did not produce (such as the weight, with dL/dw).
 */
import type { Note } from './backprop.ts';
import { inputsOf, type Entry, type Grad } from './op.ts';
import { Tensor } from './tensor.ts';

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
  attrs?: Record<string, number | number[] | boolean | null>;
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

/** The values of a small tensor or number as a plain array; undefined when too large or absent. */
export function small(t: Grad | null | undefined): number[] | undefined {
  if (t === null || t === undefined) return undefined;
  if (typeof t === 'number') return [t];
  return t.size <= TRACE_VALUE_LIMIT ? Array.from(t.data) : undefined;
}

/** One recorded op as a TapeEntry (`index` = its position on the tape), with what the last sweep to reach it noted. */
export function toEntry(e: Entry, index: number, note: Note<Grad> | undefined): TapeEntry {
  const inputs = inputsOf(e);
  const entry: TapeEntry = {
    id: index,
    op: e.op.name,
    inputs: inputs.map((t) => t.id),
    output: e.output.id,
    inputShapes: inputs.map((t) => [...t.shape]),
    outputShape: [...e.output.shape],
  };
  if (inputs.every((t) => t.size <= TRACE_VALUE_LIMIT)) entry.inputValues = inputs.map((t) => Array.from(t.data));
  const value = small(e.output);
  if (value) entry.value = value;
  if (note !== undefined) addGradients(entry, e, note);
  if (e.attrs !== null && typeof e.attrs === 'object') entry.attrs = plainAttrs(e.attrs as Record<string, unknown>);
  return entry;
}

/** An op's attributes as plain data: a tensor attribute (cross-entropy's row maxima) as its values. */
function plainAttrs(attrs: Record<string, unknown>): NonNullable<TapeEntry['attrs']> {
  const out: NonNullable<TapeEntry['attrs']> = {};
  for (const [k, v] of Object.entries(attrs))
    out[k] = v instanceof Tensor ? Array.from(v.data) : (v as number | number[] | boolean | null);
  return out;
}

function addGradients(entry: TapeEntry, e: Entry, note: Note<Grad>): void {
  const grad = small(note.grad);
  if (grad) entry.grad = grad;
  entry.inputGrads = (e.b === null ? [note.ga] : [note.ga, note.gb]).map((g) => small(g) ?? null);
}

/** A leaf tensor as a TapeLeaf, with its total gradient when known. */
export function toLeaf(t: Tensor, kind: TapeLeaf['kind'], grad: Grad | undefined): TapeLeaf {
  const leaf: TapeLeaf = { id: t.id, kind, shape: [...t.shape] };
  if (t.size <= TRACE_VALUE_LIMIT) leaf.value = Array.from(t.data);
  const g = small(grad);
  if (g) leaf.grad = g;
  return leaf;
}
