/**
 * Lesson 3, step 3: backprop through a layer. One example through a 1 → 2 → 1 network, written
 * as scalar ops on the tape and drawn with the Tape step's graph: each edge's local derivative ×
 * upstream, tanh′ = 1 − tanh² with its numbers, a ReLU unit whose input is negative passing
 * nothing back, and x, read by both hidden units, collecting a + b = c. Then a finite-difference
 * check of one hidden weight. Every number is the engine's.
 */
import { useMemo } from 'react';
import { formatNumber, formatSum } from '../../components/format.ts';
import { NumberField } from '../../components/number-field.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { TapeGraph } from '../../components/tape-graph/tape-graph.tsx';
import { buildGraph, edgeStory, type EdgeStory, type TapeGraphModel } from '../../components/tape-graph/model.ts';
import { edgeKey } from '../../components/tape-graph/tape-graph.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { LayerTapeInput, LayerTapeResult } from '../../worker-types.ts';
import { useFieldForm, type FieldSpec } from '../field-form.ts';
import { useLesson, lessonStore } from '../../store/lesson-store.ts';

const FORM = 'layers.backprop';
const FIELDS: FieldSpec[] = [
  { name: 'x', label: 'Input x', fallback: '0.5', kind: 'number' },
  { name: 'target', label: 'Target', fallback: '0.3', kind: 'number' },
];

/** The network's fixed numbers (unit 2's input is negative, so under ReLU it is dead). */
const NET = { w: [0.8, -0.6], b: [0.1, -0.1], v: [0.7, -0.4], c: 0.05 } as const;

/** Where each node sits: unit 1 along the top rows, unit 2 along the bottom, x between them. */
const LAYOUT: Record<string, [number, number]> = {
  w1: [0, 0],
  x: [0, 2],
  w2: [0, 4],
  m1: [1, 1],
  b1: [1, 0],
  m2: [1, 3],
  b2: [1, 4],
  z1: [2, 1],
  z2: [2, 3],
  h1: [3, 1],
  v1: [3, 0],
  h2: [3, 3],
  v2: [3, 4],
  p1: [4, 1],
  p2: [4, 3],
  s: [5, 2],
  c: [5, 0],
  y: [6, 2],
  t: [6, 4],
  e: [7, 2],
  L: [8, 2],
};

const OP_TEXT: Record<string, string> = {
  m1: 'w1·x',
  z1: 'm1 + b1',
  m2: 'w2·x',
  z2: 'm2 + b2',
  p1: 'v1·h1',
  p2: 'v2·h2',
  s: 'p1 + p2',
  y: 's + c',
  e: 't − y',
  L: 'e²',
};

interface Drawn {
  model: TapeGraphModel;
  stories: Map<string, EdgeStory | null>;
  /** Each edge's input and output names, in trace order. */
  edges: { key: string; from: string; to: string }[];
}

function drawn(r: LayerTapeResult): Drawn {
  const name = (id: number) => r.names[id] ?? (r.leaves.some((l) => l.id === id && l.kind === 'constant') ? 't' : '?');
  const base = buildGraph(r.trace, r.leaves, (leaf) => name(leaf.id));
  const nodes = base.nodes.map((n) => {
    const nm = name(n.id);
    const [col, row] = LAYOUT[nm] ?? [n.col, n.row];
    return { ...n, name: nm, col, row };
  });
  const stories = new Map<string, EdgeStory | null>();
  const edges: Drawn['edges'] = [];
  r.trace.forEach((e, i) => {
    const names = e.inputs.map(name);
    e.inputs.forEach((id, j) => {
      const key = edgeKey({ entry: i, input: j });
      stories.set(key, edgeStory(r.trace, i, j, r.locals, names, name(e.output)));
      edges.push({ key, from: name(id), to: name(e.output) });
    });
  });
  return { model: { nodes, edges: base.edges, cols: 9, rows: 5 }, stories, edges };
}

/** Edges whose arithmetic is drawn on the graph: the two into x and the activations' (the table has all). */
const DRAWN_EDGES = (d: Drawn) => new Set(d.edges.filter((e) => e.from === 'x').map((e) => e.key));

function TapeTable({ r, d, answered }: { r: LayerTapeResult; d: Drawn; answered: boolean }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption>Every value on the tape, and (once you have answered) each one’s gradient dL/d(value)</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Computed as</th>
            <th scope="col">Value</th>
            <th scope="col">dL/d(name)</th>
          </tr>
        </thead>
        <tbody>
          {d.model.nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row">{n.name}</th>
              <td>
                {OP_TEXT[n.name] ??
                  (n.name === 'h1' || n.name === 'h2'
                    ? `${r.input.activation}(z${n.name[1]})`
                    : n.kind === 'constant'
                      ? 'the target, a constant'
                      : n.kind === 'watched'
                        ? 'the input, watched'
                        : 'a parameter (variable)')}
              </td>
              <td>{formatNumber(n.value)}</td>
              <td>
                {answered ? (n.kind === 'constant' ? 'none: not watched' : formatNumber(n.grad)) : 'answer first'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EdgeTable({ d }: { d: Drawn }) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption>
          Each edge walked back: local derivative × the gradient arriving from above = what it sends down
        </caption>
        <thead>
          <tr>
            <th scope="col">Edge</th>
            <th scope="col">Local derivative</th>
            <th scope="col">Chain rule</th>
          </tr>
        </thead>
        <tbody>
          {d.edges.map((e) => {
            const s = d.stories.get(e.key);
            return (
              <tr key={e.key}>
                <th scope="row">
                  {e.from} → {e.to}
                </th>
                <td>{s ? s.local : 'none (a constant)'}</td>
                <td>{s ? s.chain : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Summed({ r }: { r: LayerTapeResult }) {
  const sum = formatSum(r.xParts, r.gradients.x);
  return (
    <p className="equation-line" data-testid="x-sum">
      dL/dx = {sum.terms[0]} + {sum.terms[1]} = {sum.total}
      <span className="muted"> (from unit 1’s w1·x, plus from unit 2’s w2·x)</span>
    </p>
  );
}

function FiniteDifference({ input, tape }: { input: LayerTapeInput; tape: number }) {
  const h = 1e-5;
  const q = useQuery(queries.layerFiniteDifference, { input, param: 'w1', h });
  const fd = { data: q.pending ? undefined : q.data };
  return (
    <section className="card" aria-labelledby="fd-title">
      <h2 id="fd-title">Check one hidden weight</h2>
      <p>
        The tape says dL/dw1 = <strong>{formatNumber(tape, 8)}</strong>. Nudge w1 by h = {formatNumber(h)} both ways and
        measure the loss: (L(w1 + h) − L(w1 − h)) / 2h ={' '}
        <strong data-testid="fd-estimate">{fd.data ? formatNumber(fd.data.estimate, 8) : '…'}</strong>
        {fd.data && (
          <>
            , from L(w1 + h) = {formatNumber(fd.data.plus, 10)} and L(w1 − h) = {formatNumber(fd.data.minus, 10)}. They
            differ by {formatNumber(Math.abs(fd.data.estimate - tape), 2)}: the tape’s gradient is the loss’s slope.
          </>
        )}
      </p>
    </section>
  );
}

export function BackpropStep() {
  const form = useFieldForm(FORM, FIELDS);
  const activation = useLesson((s) => s.forms[FORM]?.activation) === 'relu' ? 'relu' : 'tanh';
  const answered = useAnswered('layers-x-twice');
  const { x, target } = form.values;
  const input = useMemo<LayerTapeInput | null>(
    () =>
      x === undefined || target === undefined
        ? null
        : { x, target, w: [...NET.w], b: [...NET.b], v: [...NET.v], c: NET.c, activation, dtype: 'float64' },
    [x, target, activation],
  );
  const tape = useQuery(queries.layerTape, input);
  // While a changed question is being answered the query still holds the last answer: it is
  // not shown, so the page never mixes the old activation's numbers with the new one's words.
  const asked = tape.data?.input;
  const r =
    asked && input && asked.activation === input.activation && asked.x === input.x && asked.target === input.target
      ? tape.data
      : undefined;
  const d = useMemo(() => (r ? drawn(r) : null), [r]);
  const view = useMemo(
    () =>
      d && {
        recorded: d.model.nodes.length,
        gradsShown: new Set(answered ? d.model.nodes.map((n) => n.id) : []),
        edgesShown: answered ? DRAWN_EDGES(d) : new Set<string>(),
        active: null,
      },
    [d, answered],
  );
  return (
    <>
      <p className="lede">
        Backprop through a layer is the Tape step again, with more ops. Here is one example going through a network with
        one input, two hidden units and one output, every multiply and add recorded on the tape.
      </p>
      <Prediction
        id="layers-x-twice"
        question="x feeds both hidden units, and the tape is asked for dL/dx. Walking back, unit 1 sends x a gradient a and unit 2 sends b. What does x end up with?"
        answer={1}
        choices={[
          { value: 1, label: 'a + b' },
          { value: 2, label: 'a × b' },
          { value: 3, label: 'only a: the first one to arrive' },
          { value: 4, label: 'the larger of a and b' },
        ]}
        show={(v) => (v === 1 ? 'a + b' : '')}
        why={
          <>
            x changes the loss through both units at once, so its effects add: a value used twice collects the gradients
            of all its uses.
          </>
        }
      />
      <section className="card" aria-labelledby="net-title">
        <h2 id="net-title">The network and its tape</h2>
        <p>
          Unit k computes z_k = w_k·x + b_k and h_k = {activation}(z_k); the output is y = v1·h1 + v2·h2 + c and the
          loss L = (t − y)², as in lesson 1. The weights are fixed here: w = ({NET.w.join(', ')}), b = (
          {NET.b.join(', ')}), v = ({NET.v.join(', ')}), c = {NET.c}.
        </p>
        <div className="fields">
          {FIELDS.map((f) => (
            <NumberField
              key={f.name}
              label={f.label}
              value={form.text[f.name]}
              error={form.errors[f.name]}
              step={0.1}
              onChange={(v) => form.set(f.name, v)}
            />
          ))}
          <fieldset className="choice-row">
            <legend>Hidden activation</legend>
            {(['tanh', 'relu'] as const).map((a) => (
              <label key={a} className="pg-check">
                <input
                  type="radio"
                  name="layers-activation"
                  checked={activation === a}
                  onChange={() => lessonStore.getState().setForm(FORM, { activation: a })}
                />{' '}
                {a === 'tanh' ? 'tanh' : 'ReLU'}
              </label>
            ))}
          </fieldset>
        </div>
        {tape.error && (
          <p role="alert" className="status-alert">
            {tape.error}
          </p>
        )}
        {r && d && view && (
          <>
            {/* Nine columns of nodes need ~900 px: narrower screens scroll the drawing sideways (the tables below say it all). */}
            <div
              className="graph-scroll"
              tabIndex={0}
              role="region"
              aria-label="The tape graph, drawn (scrolls sideways)"
            >
              <TapeGraph model={d.model} view={view} stories={d.stories} minWidth={900} />
            </div>
            {!answered && (
              <p className="muted">The forward values are drawn. Answer or skip the question to walk the tape back.</p>
            )}
            {answered && <Summed r={r} />}
            {answered && activation === 'tanh' && (
              <p>
                Through each tanh the local derivative is tanh′(z) = 1 − tanh(z)²: at unit 1, 1 − {formatNumber(r.h[0])}
                ² = {formatNumber(r.locals[r.trace.findIndex((e) => e.op === 'tanh')]?.[0])}.
              </p>
            )}
            {answered && activation === 'relu' && (
              <p data-testid="dead-unit">
                Unit 2’s input z2 = {formatNumber(r.z[1])} is negative, so relu passes 0 forward and its slope there is
                0: nothing comes back through it. dL/dw2 = {formatNumber(r.gradients.w2)}, dL/db2 ={' '}
                {formatNumber(r.gradients.b2)}, and x gets {formatNumber(r.xParts[1])} along that path. A unit whose
                input is negative for every example never learns again: a dead unit.
              </p>
            )}
            <TapeTable r={r} d={d} answered={answered} />
            {answered && <EdgeTable d={d} />}
          </>
        )}
      </section>
      {input && r && <FiniteDifference input={input} tape={r.gradients.w1} />}
      <p>
        <a className="primary-link" href="#/layers/iris">
          Next: name the species
        </a>
      </p>
    </>
  );
}
