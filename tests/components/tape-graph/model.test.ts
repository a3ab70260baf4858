import { describe, expect, it } from 'vitest';
import { buildGraph, edgeStory, noFlow, outputName } from '../../../src/components/tape-graph/model.ts';
import type { TapeEntry, TapeLeaf } from '../../../src/worker-client.ts';

// The tutorial's step, written out by hand as the engine's trace would hold it.
const X = 1,
  W = 2,
  T = 3,
  T1 = 4,
  T2 = 5,
  L = 6;
const entry = (
  id: number,
  op: string,
  inputs: number[],
  output: number,
  inputValues: number[][],
  value: number,
  grad: number,
  inputGrads: (number[] | null)[],
): TapeEntry => ({
  id,
  op,
  inputs,
  output,
  inputShapes: inputs.map(() => []),
  outputShape: [],
  inputValues,
  value: [value],
  grad: [grad],
  inputGrads,
});
const trace: TapeEntry[] = [
  entry(0, 'mul', [X, W], T1, [[3], [0.5]], 1.5, 9, [null, [27]]),
  entry(1, 'sub', [T, T1], T2, [[-3], [1.5]], -4.5, -9, [null, [9]]),
  entry(2, 'square', [T2], L, [[-4.5]], 20.25, 1, [[-9]]),
];
const leaves: TapeLeaf[] = [
  { id: X, kind: 'constant', shape: [], value: [3] },
  { id: W, kind: 'variable', shape: [], value: [0.5], grad: [27] },
  { id: T, kind: 'constant', shape: [], value: [-3] },
];
const name = (l: TapeLeaf, op: string) => (l.kind === 'variable' ? 'w' : op === 'mul' ? 'x' : 't');
const locals = [[null, 3], [null, -1], [-9]];

describe('buildGraph', () => {
  const g = buildGraph(trace, leaves, name);

  it('has a node per leaf and per op, ops in recording order on the middle row', () => {
    expect(g.nodes.map((n) => [n.name, n.col, n.row])).toEqual([
      ['x', 0, 0],
      ['w', 0, 2],
      ['t1', 1, 1],
      ['t', 1, 0],
      ['t2', 2, 1],
      ['L', 3, 1],
    ]);
    expect([g.cols, g.rows]).toEqual([4, 3]);
    expect(g.nodes.find((n) => n.name === 'L')).toMatchObject({ op: 'square', value: 20.25, grad: 1 });
    expect(g.nodes.find((n) => n.name === 'w')).toMatchObject({ kind: 'variable', value: 0.5, grad: 27 });
  });

  it('draws an edge from each input to the op that read it; gradients flow except into constants', () => {
    expect(g.edges.map((e) => [e.from, e.to, e.flows])).toEqual([
      [X, T1, false],
      [W, T1, true],
      [T, T2, false],
      [T1, T2, true],
      [T2, L, true],
    ]);
  });

  it('names outputs t1, t2 … and the last one L', () => {
    expect([0, 1, 2].map((i) => outputName(i, 3))).toEqual(['t1', 't2', 'L']);
  });
});

describe('edgeStory: local derivative × upstream = gradient, with the trace’s numbers', () => {
  it('square: ∂L/∂t2 = 2·t2 = 2·(−4.5) = −9', () => {
    expect(edgeStory(trace, 2, 0, locals, ['t2'])).toEqual({
      local: '∂L/∂t2 = 2·t2 = 2·(-4.5) = -9',
      chain: 'dL/dt2 = (-9)·1 = -9',
      short: '-9 × 1 = -9',
    });
  });

  it('sub: ∂t2/∂t1 = −1, so dL/dt1 = (−1)·(−9) = 9', () => {
    expect(edgeStory(trace, 1, 1, locals, ['t', 't1'])).toEqual({
      local: '∂t2/∂t1 = -1',
      chain: 'dL/dt1 = (-1)·(-9) = 9',
      short: '-1 × -9 = 9',
    });
  });

  it('mul: ∂t1/∂w = x = 3, so dL/dw = 3·9 = 27', () => {
    expect(edgeStory(trace, 0, 1, locals, ['x', 'w'])).toEqual({
      local: '∂t1/∂w = x = 3',
      chain: 'dL/dw = 3·9 = 27',
      short: '3 × 9 = 27',
    });
  });

  it('no story along an edge nothing flows down; the constant says why', () => {
    expect(edgeStory(trace, 1, 0, locals, ['t', 't1'])).toBeNull();
    expect(noFlow('t')).toBe('t is a constant the tape does not watch, so no gradient flows to it.');
  });
});
