/**
 * Lesson step 3: what the tape records during one step and how it walks back — for the
 * tutorial's numbers or the learner's own, checked against finite differences.
 */
import { useMemo, useState } from 'react';
import { NumberField } from '../../../components/number-field.tsx';
import { Later } from '../../../components/schedule.tsx';
import { Prediction } from '../../../components/prediction.tsx';
import { formatNumber } from '../../../components/format.ts';
import { TAPE_DEFAULTS, useForm, useLesson, type TapeDraft } from '../../../store/lesson-store.ts';
import { queries, useQuery } from '../../../store/queries.ts';
import type { TapeStepInput, TapeStepResult } from '../../../worker-types.ts';
import { parseFields } from '../shared.ts';
import { buildWalk, firstBackward } from './phases.ts';
import { TapeWalkView } from './tape-walk.tsx';
import { FiniteDifferenceCheck } from './finite-difference.tsx';

const LABELS: Record<'input' | 'target' | 'weight', string> = { input: 'Input', target: 'Target', weight: 'Weight' };
const STEP: Record<keyof typeof LABELS, number> = { input: 1, target: 1, weight: 0.1 };

/** The learner's numbers as the worker's input, or the messages that stop it. */
export function readTapeDraft(draft: TapeDraft): {
  input: TapeStepInput | null;
  errors: Partial<Record<keyof typeof LABELS, string>>;
} {
  const { values, errors } = parseFields({
    input: { text: draft.input, label: LABELS.input },
    target: { text: draft.target, label: LABELS.target },
    weight: { text: draft.weight, label: LABELS.weight },
  });
  if (Object.keys(errors).length) return { input: null, errors };
  return {
    input: {
      input: values.input!,
      target: values.target!,
      weight: values.weight!,
      learningRate: 0.01,
      dtype: 'float32',
    },
    errors,
  };
}

function OwnNumbers({ errors }: { errors: Partial<Record<keyof typeof LABELS, string>> }) {
  const [draft, setDraft] = useForm('tape', TAPE_DEFAULTS);
  return (
    <div className="fields">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((k) => (
        <NumberField
          key={k}
          label={LABELS[k]}
          value={draft[k]}
          error={errors[k]}
          step={STEP[k]}
          onChange={(v) => setDraft({ [k]: v })}
        />
      ))}
      <button
        type="button"
        className="link-button tape-defaults"
        onClick={() => setDraft({ input: '3', target: '-3', weight: '0.5' })}
      >
        The tutorial’s numbers
      </button>
    </div>
  );
}

/**
 * Asked at the end of the forward pass, before the walk back reveals the answer. Not dL/dw: the
 * Loss step already drew that slope. dL/dt1 is one link short of it, the chain rule's first use.
 */
function DlDt1Prediction({ result }: { result: TapeStepResult }) {
  const dt1 = result.trace[0]?.grad?.[0];
  return (
    <Prediction
      id="tape-dldw"
      question="What is dL/dt1, the slope of the loss with respect to the product t1 = x·w?"
      answer={dt1}
      hint="Start from dL/dL = 1 and multiply by each operation’s own derivative on the way back: the square’s, then the subtraction’s."
      why={
        <>
          Walking back multiplies the gradient by each operation’s local derivative: {formatNumber(result.locals[2][0])}{' '}
          at the square and {formatNumber(result.locals[1][1])} at the subtraction give dL/dt1 = {formatNumber(dt1)}.
          The walk back goes on to w with one more factor, the multiplication’s.
        </>
      }
    />
  );
}

export function TapeStep() {
  const [draft] = useForm('tape', TAPE_DEFAULTS);
  const answered = useLesson((s) => s.predictions['tape-dldw'] !== undefined);
  const { input, errors } = readTapeDraft(draft);
  const q = useQuery(queries.recordTape, input);
  const walk = useMemo(() => (q.data ? buildWalk(q.data) : null), [q.data]);
  const [stage, setStage] = useState(0);
  const limit = walk ? (answered ? walk.phases.length - 1 : firstBackward(walk.phases) - 1) : 0;
  // The check against finite differences states dL/dw: it comes once the walk back has reached w.
  const [reachedW, setReachedW] = useState(false);
  const onStage = (i: number) => {
    setStage(i);
    if (walk && i >= walk.phases.length - 1) setReachedW(true);
  };
  return (
    <>
      <p className="lede">
        The tape is how the engine finds the derivative for us. While the loss is computed, every operation is written
        down with its inputs and its result. Asking for the gradient then replays that list backwards: at each operation
        the gradient arriving from above is multiplied by that operation’s own small derivative — the chain rule — until
        it reaches the weight.
      </p>
      <h2>Your own numbers</h2>
      <p>
        Change the input, the target or the weight: the engine records the step again, and every number below follows.
      </p>
      <OwnNumbers errors={errors} />
      {q.error && (
        <p role="alert" className="status-alert">
          {q.error}
        </p>
      )}
      {!q.data && !q.error && <p>Asking the engine to record one step…</p>}
      {q.data && walk && (
        <>
          {answered && <DlDt1Prediction result={q.data} />}
          <TapeWalkView
            result={q.data}
            walk={walk}
            stage={stage}
            onStage={onStage}
            limit={limit}
            gate={<DlDt1Prediction result={q.data} />}
          />
          {reachedW ? (
            <Later>
              <FiniteDifferenceCheck input={q.data} />
            </Later>
          ) : (
            <section className="card" aria-labelledby="fd-title">
              <h2 id="fd-title">Check the tape</h2>
              <p className="muted">Walk the tape back to w first: then the engine checks its dL/dw another way.</p>
            </section>
          )}
        </>
      )}
    </>
  );
}
