/**
 * The stages of the tape walkthrough, built from the engine's record of one step: the tape
 * starts, records each op (its value appears), seeds dL/dL = 1, walks each op backwards (each
 * edge's local derivative × upstream = gradient) until it reaches dL/dw. The update itself is the
 * Descent step's subject, so the walk ends at the gradient. Pure.
 */
import { formatNumber } from '../../../components/format.ts';
import {
  buildGraph,
  edgeStory,
  noFlow,
  outputName,
  type EdgeStory,
  type TapeGraphModel,
} from '../../../components/tape-graph/model.ts';
import { edgeKey, type TapeGraphView } from '../../../components/tape-graph/tape-graph.tsx';
import type { TapeLeaf, TapeStepResult } from '../../../worker-types.ts';

export interface Phase {
  kind: 'start' | 'forward' | 'seed' | 'backward';
  view: TapeGraphView;
  /** What is happening now, announced and shown. */
  text: string;
  /** The op entry this stage is about (forward and backward stages). */
  entry: number | null;
  tfLines: number[];
  ourLines: number[];
}

export interface TapeWalk {
  model: TapeGraphModel;
  stories: Map<string, EdgeStory | null>;
  /** Each entry's input names, in order (x, w; t, t1; t2). */
  inputNames: string[][];
  phases: Phase[];
}

/** The negator's leaves: the variable is w; the constant mul reads is the input x, the one sub reads the target t. */
export function negatorLeafName(leaf: TapeLeaf, op: string): string {
  if (leaf.kind !== 'constant') return 'w';
  return op === 'mul' ? 'x' : op === 'sub' ? 't' : 'c';
}

const OP_WORDS: Record<string, string> = {
  mul: 'multiply',
  sub: 'subtract',
  square: 'square',
  add: 'add',
  mean: 'average',
};

/** Every stage of the walk for one recorded step. */
export function buildWalk(r: TapeStepResult): TapeWalk {
  const model = buildGraph(r.trace, r.leaves, negatorLeafName);
  const nameOf = new Map(model.nodes.map((n) => [n.id, n.name]));
  const inputNames = r.trace.map((e) => e.inputs.map((id) => nameOf.get(id) ?? '?'));
  const stories = new Map<string, EdgeStory | null>();
  r.trace.forEach((e, i) =>
    e.inputs.forEach((_, j) =>
      stories.set(edgeKey({ entry: i, input: j }), edgeStory(r.trace, i, j, r.locals, inputNames[i])),
    ),
  );
  return { model, stories, inputNames, phases: phasesOf(r, model, inputNames, stories) };
}

function phasesOf(
  r: TapeStepResult,
  model: TapeGraphModel,
  names: string[][],
  stories: Map<string, EdgeStory | null>,
): Phase[] {
  const n = r.trace.length;
  const w = model.nodes.find((x) => x.kind === 'variable');
  const none = new Set<number>();
  const phases: Phase[] = [
    {
      kind: 'start',
      entry: null,
      tfLines: [0, 1],
      ourLines: [0, 1],
      view: { recorded: 0, gradsShown: none, edgesShown: new Set(), active: w?.id ?? null },
      text: `A fresh tape starts recording. The weight w = ${formatNumber(r.weight)} is a variable, so the tape watches it; x = ${formatNumber(r.input)} and t = ${formatNumber(r.target)} are constants.`,
    },
  ];
  r.trace.forEach((e, i) =>
    phases.push({
      kind: 'forward',
      entry: i,
      tfLines: [2],
      ourLines: [2, 3],
      view: { recorded: i + 1, gradsShown: none, edgesShown: new Set(), active: e.output },
      text: `Forward: ${OP_WORDS[e.op] ?? e.op} — the tape records ${outputName(i, n)} = ${e.op}(${names[i].join(', ')}) = ${formatNumber(e.value?.[0])}.`,
    }),
  );
  const last = r.trace[n - 1];
  const grads = new Set<number>([last.output]);
  const edges = new Set<string>();
  phases.push({
    kind: 'seed',
    entry: n - 1,
    tfLines: [3],
    ourLines: [4],
    view: { recorded: n, gradsShown: new Set(grads), edgesShown: new Set(), active: last.output },
    text: 'Backward starts at the loss itself: dL/dL = 1.',
  });
  for (let i = n - 1; i >= 0; i--) {
    const e = r.trace[i];
    const parts: string[] = [];
    e.inputs.forEach((id, j) => {
      edges.add(edgeKey({ entry: i, input: j }));
      const s = stories.get(edgeKey({ entry: i, input: j }));
      if (s) {
        grads.add(id);
        parts.push(`${s.local}, so ${s.chain}.`);
      } else parts.push(noFlow(names[i][j]));
    });
    // The walk ends here, at the gradient: using it for the update is the Descent step's subject.
    const reached = i === 0 ? ` That is dL/dw, the gradient the next step’s update uses.` : '';
    phases.push({
      kind: 'backward',
      entry: i,
      tfLines: [3],
      ourLines: [4],
      view: {
        recorded: n,
        gradsShown: new Set(grads),
        edgesShown: new Set(edges),
        active: i === 0 && w ? w.id : (r.trace[i - 1]?.output ?? e.output),
      },
      text: `Backward through ${e.op}: ${parts.join(' ')}${reached}`,
    });
  }
  return phases;
}

/** Index of the first backward stage (where dL/dw starts to be revealed). */
export const firstBackward = (phases: Phase[]) => phases.findIndex((p) => p.kind === 'seed');
