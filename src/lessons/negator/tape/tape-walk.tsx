/**
 * The tape walkthrough for one recorded step: a stepper (buttons and arrow keys), the stage in
 * words, the tape as a graph with every edge's arithmetic, the same entries as a table, and the
 * TensorFlow and engine code with the lines of this stage highlighted.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { CodeView } from '../../../components/code-view.tsx';
import { formatNumber } from '../../../components/format.ts';
import { TapeGraph, edgeKey } from '../../../components/tape-graph/tape-graph.tsx';
import { noFlow, outputName } from '../../../components/tape-graph/model.ts';
import type { TapeStepResult } from '../../../worker-types.ts';
import type { TapeWalk } from './phases.ts';
import { TutorialPrintout } from './tutorial-printout.tsx';

export const TF_CODE = [
  'with tf.GradientTape() as tape:',
  '    tape.watch(w)',
  '    loss = (o - i * w) ** 2',
  'gradient = tape.gradient(loss, w)',
  'w = w + gradient * -0.01',
];
export const OUR_CODE = [
  '// w is a variable: every tape watches it',
  'const tape = new GradientTape();',
  'const loss = tape.record(() =>',
  '  square(sub(target, mul(input, w))));',
  'const gradient = tape.gradient(loss, w);',
  'w.assign(add(w, mul(gradient, -0.01)));',
];

/** The entries as a table: the text alternative of the graph, with the current one marked. */
export function TapeTable({ result, walk, stage }: { result: TapeStepResult; walk: TapeWalk; stage: number }) {
  const phase = walk.phases[stage];
  const n = result.trace.length;
  return (
    <div className="table-scroll" role="region" aria-label="The tape as a table" tabIndex={0}>
      <table>
        <caption>What the tape recorded{phase.kind === 'backward' ? ', and what flowed back' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Operation</th>
            <th scope="col">Value</th>
            <th scope="col">dL/d(node)</th>
            <th scope="col">Back to its inputs</th>
          </tr>
        </thead>
        <tbody>
          {result.trace.map((e, i) => {
            if (i >= phase.view.recorded) return null;
            const showGrad = phase.view.gradsShown.has(e.output);
            const edges = e.inputs
              .map((_, j) => edgeKey({ entry: i, input: j }))
              .filter((k) => phase.view.edgesShown.has(k));
            return (
              <tr
                key={e.id}
                aria-current={phase.view.active === e.output ? 'step' : undefined}
                className={phase.view.active === e.output ? 'current' : undefined}
              >
                <th scope="row">{outputName(i, n)}</th>
                <td>
                  {e.op}({walk.inputNames[i].join(', ')})
                </td>
                <td>{formatNumber(e.value?.[0])}</td>
                <td>{showGrad ? formatNumber(e.grad?.[0]) : '—'}</td>
                <td>
                  {edges.map((k) => {
                    const s = walk.stories.get(k);
                    const j = Number(k.split(':')[1]);
                    return <div key={k}>{s ? `${s.local}; ${s.chain}` : noFlow(walk.inputNames[i][j])}</div>;
                  })}
                </td>
              </tr>
            );
          })}
          <LeafRow result={result} walk={walk} stage={stage} />
        </tbody>
      </table>
    </div>
  );
}

/** The weight's own row: where the walk back ends, with dL/dw once it is reached. */
function LeafRow({ result, walk, stage }: { result: TapeStepResult; walk: TapeWalk; stage: number }) {
  const w = walk.model.nodes.find((n) => n.kind === 'variable');
  const phase = walk.phases[stage];
  if (!w) return null;
  const reached = phase.view.gradsShown.has(w.id);
  const current = phase.view.active === w.id;
  return (
    <tr aria-current={current ? 'step' : undefined} className={current ? 'current' : undefined}>
      <th scope="row">w</th>
      <td>the weight (a variable)</td>
      <td>{formatNumber(result.weight)}</td>
      <td data-testid={reached ? 'tape-dldw' : undefined}>{reached ? formatNumber(result.gradient) : '—'}</td>
      <td>{reached ? 'This is dL/dw, the gradient.' : ''}</td>
    </tr>
  );
}

export interface TapeWalkProps {
  result: TapeStepResult;
  walk: TapeWalk;
  stage: number;
  onStage(stage: number): void;
  /** The last stage the learner may go to now (e.g. until a prediction is answered). */
  limit: number;
  /** Shown at the limit, when it is before the end (the question to answer first). */
  gate?: ReactNode;
}

export function TapeWalkView({ result, walk, stage, onStage, limit, gate }: TapeWalkProps) {
  const last = walk.phases.length - 1;
  const i = Math.min(stage, limit);
  const phase = walk.phases[i];
  const group = useRef<HTMLDivElement>(null);
  const go = (d: number) => onStage(Math.max(0, Math.min(limit, i + d)));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') {
      go(1);
      e.preventDefault();
    }
    if (e.key === 'ArrowLeft') {
      go(-1);
      e.preventDefault();
    }
    // Home and End jump to the first stage and to the furthest the learner may go now.
    if (e.key === 'Home' || e.key === 'End') {
      onStage(e.key === 'Home' ? 0 : limit);
      e.preventDefault();
    }
  };
  const atLimit = i >= limit;
  return (
    <div
      className="card tape-walk"
      ref={group}
      tabIndex={0}
      onKeyDown={onKey}
      role="group"
      aria-label="Tape walkthrough; use the left and right arrow keys to step, Home and End to jump"
    >
      <div className="toolbar">
        {/* aria-disabled, not disabled: the button keeps focus at either end of the walk. */}
        <button type="button" onClick={() => go(-1)} aria-disabled={i === 0}>
          Previous
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => go(1)}
          aria-disabled={atLimit}
          aria-describedby={atLimit && i < last ? 'tape-held' : undefined}
        >
          Next
        </button>
        <button type="button" onClick={() => onStage(0)}>
          Start over
        </button>
        <span>
          Stage {i + 1} of {last + 1}
        </span>
      </div>
      {atLimit && i < last && (
        <p className="tape-held" id="tape-held">
          Next waits for you: answer or skip the question below to walk backwards.
        </p>
      )}
      <p role="status" className="notice tape-stage">
        {phase.text}
      </p>
      {atLimit && i < last && gate}
      <TapeGraph model={walk.model} view={phase.view} stories={walk.stories} />
      <TapeTable result={result} walk={walk} stage={i} />
      <div className="two-col">
        <CodeView title="The tutorial's TensorFlow" lines={TF_CODE} highlight={phase.tfLines} />
        <CodeView title="The same step with our engine" lines={OUR_CODE} highlight={phase.ourLines} />
      </div>
      <p className="muted" data-testid="code-names">
        The tutorial&apos;s <code>i</code> is the input, x on this page, and its <code>o</code> is the target, t.
      </p>
      <TutorialPrintout />
    </div>
  );
}
