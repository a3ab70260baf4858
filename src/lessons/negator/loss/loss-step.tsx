import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber } from '../../../components/format.ts';
import { LossLandscape } from '../../../components/loss-landscape.tsx';
import { lessonStore, useLesson } from '../../../store/lesson-store.ts';
import { useWorkerQuery } from '../../../store/use-worker-query.ts';
import { displayConfig, parseFields } from '../shared.ts';

const NEGATOR = displayConfig([{ input: 3, target: -3 }]);
/** Weights on either side of the answer, to show that opposite errors cost the same. */
const MIRROR_WEIGHTS = [0.5, -2.5, -1];

function LossFormula() {
  return (
    <p className="math">
      <math display="block">
        <mrow>
          <mi>L</mi><mo>(</mo><mi>w</mi><mo>)</mo><mo>=</mo>
          <msup><mrow><mo>(</mo><mi>t</mi><mo>−</mo><mi>x</mi><mo>·</mo><mi>w</mi><mo>)</mo></mrow><mn>2</mn></msup>
        </mrow>
      </math>
    </p>
  );
}

function WhySquare() {
  const q = useWorkerQuery('mirror', (c) => Promise.all(MIRROR_WEIGHTS.map((w) => c.evaluate(NEGATOR, w))));
  return (
    <div className="card">
      <h2>Why square the error?</h2>
      <p>
        The raw error t − x·w can be positive or negative, and two errors of opposite sign would cancel
        if we simply added them up. Squaring makes every error count as a cost: the loss is never
        negative, it grows quickly for big mistakes, and it reaches zero only when the prediction
        equals the target.
      </p>
      <table aria-label="Errors and their squares for input 3, target −3">
        <thead><tr><th scope="col">Weight</th><th scope="col">Prediction</th><th scope="col">Error t − x·w</th><th scope="col">Loss</th></tr></thead>
        <tbody>
          {MIRROR_WEIGHTS.map((w, i) => {
            const e = q.data?.[i];
            const pred = e?.predictions[0];
            return (
              <tr key={w}>
                <th scope="row">{formatNumber(w)}</th>
                <td>{formatNumber(pred)}</td>
                <td>{pred === undefined ? '—' : formatNumber(-3 - pred)}</td>
                <td>{formatNumber(e?.losses[0])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Landscape() {
  const text = useLesson((s) => s.loss.weight);
  const { values, errors } = parseFields({ weight: { text, label: 'Weight' } });
  const w = values.weight;
  const curve = useWorkerQuery('curve', (c) => c.lossCurve(NEGATOR, -3, 1, 161));
  const at = useWorkerQuery(w === undefined ? null : `at|${w}`, (c) => c.evaluate(NEGATOR, w!));
  const points = curve.data ? curve.data.weights.map((weight, i) => ({ weight, loss: curve.data!.losses[i] })) : [];
  const current = w !== undefined && at.data ? { weight: w, loss: at.data.loss } : undefined;
  return (
    <div className="card">
      <h2>The loss as a landscape</h2>
      <p>
        Hold the input (3) and target (−3) fixed and the loss depends on the weight alone. Plotted
        against w it is a parabola, lowest at w = −1 where the prediction is exactly −3. Training
        means walking downhill on this curve.
      </p>
      <div className="fields">
        <NumberField label="Weight" value={text} error={errors.weight} onChange={(v) => lessonStore.getState().setLossWeight(v)} />
        <div className="field">
          <label htmlFor="loss-weight-slider">Drag to change w</label>
          <input id="loss-weight-slider" type="range" min={-3} max={1} step={0.05} value={w ?? 0.5}
            onChange={(e) => lessonStore.getState().setLossWeight(e.target.value)} />
        </div>
      </div>
      {current && (
        <p aria-live="polite">
          At w = <strong>{formatNumber(current.weight)}</strong> the loss is <strong data-testid="loss-at-weight">{formatNumber(current.loss)}</strong>.
        </p>
      )}
      <LossLandscape curve={points} current={current} />
    </div>
  );
}

/** Lesson step 2: measuring how wrong the prediction is. */
export function LossStep() {
  return (
    <>
      <p className="lede">
        To improve the weight we first need a single number that says how wrong the perceptron is.
        That number is the <strong>loss</strong>. For a target t, an input x and a weight w:
      </p>
      <LossFormula />
      <p>
        With the tutorial&apos;s start (x = 3, t = −3, w = 0.5) the prediction is 1.5, the error is −4.5
        and the loss is 20.25. A perfect weight would make it 0.
      </p>
      <WhySquare />
      <Landscape />
    </>
  );
}
