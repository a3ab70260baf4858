import { Later } from '../../../components/schedule.tsx';
import { NumberField } from '../../../components/number-field.tsx';
import { Prediction } from '../../../components/prediction.tsx';
import { formatNumber } from '../../../components/format.ts';
import { PERCEPTRON_DEFAULTS, useForm, useLesson } from '../../../store/lesson-store.ts';
import { lossSetting, queries, useQuery } from '../../../store/queries.ts';
import { displayConfig, parseFields } from '../shared.ts';
import { UnitDiagram } from './unit-diagram.tsx';

const NEGATE_EXAMPLES = [-3, 7, 3, 0.25];

function TryIt() {
  const [draft, setDraft] = useForm('perceptron', PERCEPTRON_DEFAULTS);
  const { values, errors } = parseFields({
    input: { text: draft.input, label: 'Input' },
    weight: { text: draft.weight, label: 'Weight' },
  });
  const ok = values.input !== undefined && values.weight !== undefined;
  const q = useQuery(
    queries.evaluate,
    ok
      ? {
          ...lossSetting(displayConfig([{ input: values.input!, target: -values.input! }])),
          weight: values.weight!,
          bias: 0,
        }
      : null,
  );
  const prediction = q.data?.predictions[0];
  return (
    <div className="card">
      <h2>Try it</h2>
      <div className="fields">
        <NumberField label="Input" value={draft.input} error={errors.input} onChange={(input) => setDraft({ input })} />
        <NumberField
          label="Weight"
          value={draft.weight}
          error={errors.weight}
          step={0.1}
          onChange={(weight) => setDraft({ weight })}
        />
      </div>
      {/* Its place is kept (the slot has the picture's shape); opened from the navigation, the
          picture itself is laid out in a frame after the page's first. */}
      {ok && (
        <div className="unit-diagram-slot">
          <Later>
            <UnitDiagram input={values.input!} weight={values.weight!} prediction={prediction} />
          </Later>
        </div>
      )}
      {ok && (
        <p className="math" aria-live="polite">
          Prediction:{' '}
          <output aria-label="Prediction">
            {formatNumber(values.input)} × {formatNumber(values.weight)} = <strong>{formatNumber(prediction)}</strong>
          </output>{' '}
          — a number negator should answer <strong>{formatNumber(-values.input! || 0)}</strong>.
        </p>
      )}
      {q.error && <p role="alert">{q.error}</p>}
    </div>
  );
}

function WeightMinusOne() {
  const q = useQuery(queries.evaluate, {
    ...lossSetting(displayConfig(NEGATE_EXAMPLES.map((x) => ({ input: x, target: -x })))),
    weight: -1,
    bias: 0,
  });
  const answered = useLesson((s) => s.predictions['perceptron-weight'] !== undefined);
  return (
    <div className="card">
      <h2>The weight that negates</h2>
      <Prediction
        id="perceptron-weight"
        question="Which weight turns 3 into −3?"
        answer={-1}
        why={<>3 × (−1) = −3, and −1 negates every other input too: that one number is all the unit has to learn.</>}
      />
      {answered && <WeightMinusOneBody predictions={q.data?.predictions} />}
    </div>
  );
}

function WeightMinusOneBody({ predictions }: { predictions: number[] | undefined }) {
  return (
    <>
      <p>
        With the weight set to −1 the unit negates whatever it is given. That single number is the whole of its
        knowledge, so <em>learning</em> here means exactly one thing: finding that weight.
      </p>
      <table aria-label="Predictions with weight −1">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">× weight</th>
            <th scope="col">Prediction</th>
          </tr>
        </thead>
        <tbody>
          {NEGATE_EXAMPLES.map((x, i) => (
            <tr key={x}>
              <th scope="row">{formatNumber(x)}</th>
              <td>{formatNumber(-1)}</td>
              <td>{formatNumber(predictions?.[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Lesson step 1: the unit multiplies its input by a weight. */
export function PerceptronStep() {
  return (
    <>
      <p className="lede">
        A perceptron in its simplest form is one multiplication. It receives a number, multiplies it by a number of its
        own called the <strong>weight</strong>, and reports the result as its prediction.
      </p>
      <p className="math">
        <math display="block">
          <mrow>
            <mover>
              <mi>y</mi>
              <mo>^</mo>
            </mover>
            <mo>=</mo>
            <mi>x</mi>
            <mo>·</mo>
            <mi>w</mi>
          </mrow>
        </math>
      </p>
      <p>
        Our goal is a <em>number negator</em>: give it 3 and it should say −3. We know the inputs and the answers we
        want, but not the weight. The tutorial starts from a guess of 0.5, which turns 3 into 1.5 — far from −3. Change
        the input and the weight below and watch the prediction.
      </p>
      <TryIt />
      <Later>
        <WeightMinusOne />
      </Later>
    </>
  );
}
