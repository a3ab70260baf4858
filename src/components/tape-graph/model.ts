/**
 * The tape as a graph: a node per leaf and per recorded op, an edge from each input to the op
 * that read it, laid out on a small grid (ops left to right in recording order, each op's
 * leaves beside it), and each edge's chain-rule arithmetic. Pure: it only arranges and words
 * the numbers of the engine's trace.
 */
import type { TapeEntry, TapeLeaf } from '../../worker-types.ts';
import { formatNumber } from '../format.ts';

export interface GraphNode {
  /** The tensor id (as in the trace). */
  id: number;
  /** x, t, w, t1, t2, L … */
  name: string;
  kind: 'constant' | 'watched' | 'variable' | 'op';
  /** For op nodes: the op and its position on the tape. */
  op?: string;
  entry?: number;
  /** Forward value (one-element tensors). */
  value?: number;
  /** dL/d(this node), after the backward pass. */
  grad?: number;
  col: number;
  row: number;
}

export interface GraphEdge {
  from: number;
  to: number;
  /** Entry (op) that read the input, and which input it was. */
  entry: number;
  input: number;
  /** Whether a gradient flows along it (the input is watched or computed from a watched tensor). */
  flows: boolean;
}

export interface TapeGraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cols: number;
  rows: number;
}

const first = (v: number[] | null | undefined) => (v && v.length ? v[0] : undefined);

/** Names for an op's output: t1, t2, … and L for the last (the loss). */
export const outputName = (i: number, n: number) => (i === n - 1 ? 'L' : `t${i + 1}`);

/**
 * Nodes and edges of a trace. `leafName` names a leaf from the op that first reads it (e.g.
 * the constant read by mul is the input x, the one read by sub the target t).
 */
export function buildGraph(
  trace: TapeEntry[],
  leaves: TapeLeaf[],
  leafName: (leaf: TapeLeaf, op: string, input: number) => string,
): TapeGraphModel {
  const n = trace.length;
  const produced = new Map(trace.map((e, i) => [e.output, i]));
  const leafById = new Map(leaves.map((l) => [l.id, l]));
  const nodes: GraphNode[] = [];
  const placed = new Set<number>();
  const edges: GraphEdge[] = [];
  trace.forEach((e, i) => {
    let slot = 0;
    e.inputs.forEach((id, j) => {
      const leaf = leafById.get(id);
      if (leaf && !placed.has(id)) {
        placed.add(id);
        // An op's leaves sit in the column before it: the first above its row, the second below.
        nodes.push({
          id,
          name: leafName(leaf, e.op, j),
          kind: leaf.kind,
          value: first(leaf.value),
          grad: first(leaf.grad),
          col: i,
          row: slot === 0 ? 0 : 2,
        });
        slot++;
      }
      // Gradients flow into what an earlier op produced and into watched leaves, never into constants.
      edges.push({
        from: id,
        to: e.output,
        entry: i,
        input: j,
        flows: produced.has(id) || (leaf !== undefined && leaf.kind !== 'constant'),
      });
    });
    nodes.push({
      id: e.output,
      name: outputName(i, n),
      kind: 'op',
      op: e.op,
      entry: i,
      value: first(e.value),
      grad: first(e.grad),
      col: i + 1,
      row: 1,
    });
  });
  return { nodes, edges, cols: n + 1, rows: 3 };
}

/** How an op's output changes with input j, as a formula with the engine's numbers filled in. */
function localRule(e: TapeEntry, j: number, names: string[], local: number): string {
  const v = (k: number) => formatNumber(first(e.inputValues?.[k]));
  const paren = (k: number) => {
    const s = v(k);
    return s.startsWith('-') ? `(${s})` : s;
  };
  switch (e.op) {
    case 'mul':
      return `${names[1 - j]} = ${v(1 - j)}`;
    case 'square':
      return `2·${names[0]} = 2·${paren(0)} = ${formatNumber(local)}`;
    case 'tanh': {
      // 1 − tanh² of the op's own output, the engine's value.
      const out = first(e.value);
      return `1 − tanh(${names[0]})² = 1 − ${out !== undefined && out < 0 ? `(${formatNumber(out)})` : formatNumber(out)}² = ${formatNumber(local)}`;
    }
    case 'relu':
      return `${v(0)} ${(first(e.inputValues?.[0]) ?? 0) > 0 ? '> 0, so 1' : '≤ 0, so 0: nothing passes back'}`;
    default:
      return formatNumber(local); // sub (1, −1), add (1): the engine's own value
  }
}

export interface EdgeStory {
  /** "∂t2/∂t1 = −1" — the local derivative, with its formula. */
  local: string;
  /** "dL/dt1 = (−1)·(−9) = 9" — times the gradient arriving from above. */
  chain: string;
  /** Short form for the drawing: "−1 × −9 = 9". */
  short: string;
}

/**
 * The arithmetic along the edge into input j of entry i: local derivative × upstream =
 * gradient, every number from the trace (`locals` are the engine's local derivatives). Null
 * where no gradient flows (see `noFlow`).
 */
export function edgeStory(
  trace: TapeEntry[],
  i: number,
  j: number,
  locals: (number | null)[][],
  names: string[],
  /** The op's output's name (t1, t2, …, L unless given). */
  out: string = outputName(i, trace.length),
): EdgeStory | null {
  const e = trace[i];
  const local = locals[i]?.[j];
  const up = first(e.grad);
  const sent = first(e.inputGrads?.[j]);
  if (local == null || up === undefined || sent === undefined) return null;
  const p = (x: number) => {
    const s = formatNumber(x);
    return s.startsWith('-') ? `(${s})` : s;
  };
  return {
    local: `∂${out}/∂${names[j]} = ${localRule(e, j, names, local)}`,
    chain: `dL/d${names[j]} = ${p(local)}·${p(up)} = ${formatNumber(sent)}`,
    short: `${formatNumber(local)} × ${formatNumber(up)} = ${formatNumber(sent)}`,
  };
}

/** Why nothing flows to a leaf the tape does not watch. */
export const noFlow = (name: string) => `${name} is a constant the tape does not watch, so no gradient flows to it.`;
