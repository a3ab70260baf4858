import { useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../../../components/format.ts';
import { CodeView } from '../../../components/code-view.tsx';
import { useWorkerQuery } from '../../../store/use-worker-query.ts';
import { NEGATOR_CONFIG } from '../../../training/config.ts';
import type { StepResult } from '../../../worker-client.ts';
import { buildPhases, type Phase } from './phases.ts';

const TF_CODE = [
  'with tf.GradientTape() as tape:',
  '    tape.watch(w)',
  '    loss = (o - i * w) ** 2',
  'gradient = tape.gradient(loss, w)',
  'w = w + gradient * -0.01',
];
const OUR_CODE = [
  '// w is a variable: every tape watches it',
  'const tape = new GradientTape();',
  'const loss = tape.record(() =>',
  '  square(sub(target, mul(input, w))));',
  'const gradient = tape.gradient(loss, w);',
  'w.assign(add(w, mul(gradient, -0.01)));',
];

function TapeList({ result, phase }: { result: StepResult; phase: Phase }) {
  const names = new Map(result.trace.map((e, i) => [e.output, i === result.trace.length - 1 ? 'L' : `t${i + 1}`]));
  const arg = (id: number, value: number[] | undefined) => names.get(id) ?? formatNumber(value?.[0]);
  return (
    <ol className="tape-list" aria-label="Operations on the tape">
      {result.trace.map((e, i) => {
        if (i >= phase.recorded) return null;
        const name = names.get(e.output)!;
        const showGrad = phase.gradsShown.includes(i);
        return (
          <li key={e.id} className={phase.active === i ? 'active' : undefined}>
            <code>{name} = {e.op}({e.inputs.map((id, k) => arg(id, e.inputValues?.[k])).join(', ')}) = {formatNumber(e.value?.[0])}</code>
            {showGrad && <span className="grad"> · dL/d{name} = {formatNumber(e.grad?.[0])}</span>}
          </li>
        );
      })}
      {phase.showWeightGrad && (
        <li className={phase.active === 'w' ? 'active' : undefined}>
          <code>w = {formatNumber(result.record.weightBefore)}</code>
          <span className="grad"> · dL/dw = <strong data-testid="tape-dldw">{formatNumber(result.record.gradWeight)}</strong></span>
        </li>
      )}
    </ol>
  );
}

/** Lesson step 3: what the tape records during one step and how it walks back. */
export function TapeStep() {
  const q = useWorkerQuery('tape-step', (c) => c.step(NEGATOR_CONFIG));
  const [index, setIndex] = useState(0);
  if (!q.data) return <p>{q.error ?? 'Asking the engine to record one step…'}</p>;
  const phases = buildPhases(q.data);
  const i = Math.min(index, phases.length - 1);
  const phase = phases[i];
  const go = (d: number) => setIndex(Math.max(0, Math.min(phases.length - 1, i + d)));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') { go(1); e.preventDefault(); }
    if (e.key === 'ArrowLeft') { go(-1); e.preventDefault(); }
  };
  return (
    <>
      <p className="lede">
        The tape is how the engine finds the derivative for us. While the loss is computed, every
        operation is written down with its inputs and its result. Asking for the gradient then
        replays that list backwards, applying the chain rule one operation at a time.
      </p>
      <div className="card" tabIndex={0} onKeyDown={onKey} aria-label="Tape walkthrough; use the left and right arrow keys to step" role="group">
        <div className="toolbar">
          <button type="button" onClick={() => go(-1)} disabled={i === 0}>Previous</button>
          <button type="button" className="primary" onClick={() => go(1)} disabled={i === phases.length - 1}>Next</button>
          <button type="button" onClick={() => setIndex(0)}>Start over</button>
          <span>Stage {i + 1} of {phases.length}</span>
        </div>
        <p role="status" className="notice">{phase.text}</p>
        <div className="two-col">
          <TapeList result={q.data} phase={phase} />
          <div>
            <CodeView title="The tutorial's TensorFlow" lines={TF_CODE} highlight={phase.tfLines} />
            <CodeView title="The same step with our engine" lines={OUR_CODE} highlight={phase.ourLines} />
          </div>
        </div>
      </div>
    </>
  );
}
