import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber } from '../../../components/format.ts';
import { CurvePlot } from '../../../components/curve/curve-plot.tsx';
import { niceView } from '../../../components/plot/scale.ts';
import { LOSS_DEFAULTS, useForm } from '../../../store/lesson-store.ts';
import { lossSetting, queries, useLossCurve, useMeasure, useQuery } from '../../../store/queries.ts';
import { displayConfig, parseFields } from '../shared.ts';

const NEGATOR = displayConfig([{ input: 3, target: -3 }]);
/** Two weights whose errors are equal and opposite, and the answer. */
const MIRROR_WEIGHTS = [0.5, -2.5, -1];
const VIEW = niceView(-3, 1, 6);

function LossFormula() {
  return (
    <p className="math">
      <math display="block">
        <mrow>
          <mi>L</mi>
          <mo>(</mo>
          <mi>w</mi>
          <mo>)</mo>
          <mo>=</mo>
          <msup>
            <mrow>
              <mo>(</mo>
              <mi>t</mi>
              <mo>−</mo>
              <mi>x</mi>
              <mo>·</mo>
              <mi>w</mi>
              <mo>)</mo>
            </mrow>
            <mn>2</mn>
          </msup>
        </mrow>
      </math>
    </p>
  );
}

function WhySquare() {
  const q = useQuery(queries.evaluateWeights, { ...lossSetting(NEGATOR), weights: MIRROR_WEIGHTS });
  const rows = MIRROR_WEIGHTS.map((w, i) => {
    const pred = q.data?.[i].predictions[0];
    return { w, pred, err: pred === undefined ? undefined : -3 - pred, loss: q.data?.[i].losses[0] };
  });
  const [a, b] = rows;
  const known = a.err !== undefined && b.err !== undefined && a.loss !== undefined && b.loss !== undefined;
  return (
    <div className="card">
      <h2>Why square the error?</h2>
      <p>
        The raw error t − x·w can be positive or negative. Take the two weights 0.5 and −2.5: one predicts too high, the
        other too low, by the same amount. Added up plainly, their errors cancel to 0 — as if both were perfect.
        Squared, each counts as a cost and the costs add up. The squared error is never negative, grows fast for big
        mistakes, and is 0 only when the prediction equals the target (the weight −1).
      </p>
      <table aria-label="Errors and their squares for input 3, target −3">
        <thead>
          <tr>
            <th scope="col">Weight</th>
            <th scope="col">Prediction</th>
            <th scope="col">Error t − x·w</th>
            <th scope="col">Squared error (loss)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.w}>
              <th scope="row">{formatNumber(r.w)}</th>
              <td>{formatNumber(r.pred)}</td>
              <td>{formatNumber(r.err)}</td>
              <td>{formatNumber(r.loss)}</td>
            </tr>
          ))}
        </tbody>
        {known && (
          <tfoot>
            <tr>
              <th scope="row">0.5 and −2.5 together</th>
              <td />
              <td data-testid="error-sum">
                {formatNumber(a.err)} + {formatNumber(b.err)} = {formatNumber(a.err! + b.err!)}
              </td>
              <td data-testid="square-sum">
                {formatNumber(a.loss)} + {formatNumber(b.loss)} = {formatNumber(a.loss! + b.loss!)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Landscape() {
  const [{ weight: text }, setForm] = useForm('loss', LOSS_DEFAULTS);
  const { values, errors } = parseFields({ weight: { text, label: 'Weight' } });
  const w = values.weight;
  const curve = useLossCurve(NEGATOR, VIEW.domain);
  const at = useMeasure(NEGATOR, w);
  const point = w !== undefined && at.data ? { w, loss: at.data.loss, slope: at.data.grad } : undefined;
  const setW = (v: number | string) => setForm({ weight: String(v) });
  const downhill = point && (point.slope > 0 ? 'smaller' : point.slope < 0 ? 'larger' : null);
  return (
    <div className="card">
      <h2>The loss as a landscape</h2>
      <p>
        Hold the input (3) and target (−3) fixed and the loss depends on the weight alone. Plotted against w it is a
        parabola, lowest at w = −1 where the prediction is exactly −3. Drag the point along the curve (or focus it and
        use the arrow keys): the straight line touching the curve there is the <strong>tangent</strong>, and its
        steepness is the slope dL/dw — the number the tape will compute for us.
      </p>
      <div className="fields">
        <NumberField label="Weight" value={text} error={errors.weight} step={0.1} onChange={setW} />
      </div>
      {point && (
        <p aria-live="polite" className="math">
          At w = <strong>{formatNumber(point.w)}</strong> the loss is{' '}
          <strong data-testid="loss-at-weight">{formatNumber(point.loss)}</strong> and the slope is dL/dw ={' '}
          <strong data-testid="slope-at-weight">{formatNumber(point.slope)}</strong>.{' '}
          {downhill
            ? `The slope is ${point.slope > 0 ? 'positive' : 'negative'}, so the loss falls if w gets ${downhill}.`
            : 'The slope is 0: this is the bottom.'}
        </p>
      )}
      <CurvePlot
        title="Loss against weight"
        curve={curve.data ?? []}
        domain={VIEW.domain}
        ticks={VIEW.ticks}
        point={point}
        onDrag={setW}
        summary={`A parabola over w from ${VIEW.domain[0]} to ${VIEW.domain[1]}, lowest (loss 0) at w = −1.${point ? ` The point is at w = ${formatNumber(point.w)}, loss ${formatNumber(point.loss)}, where the tangent's slope is ${formatNumber(point.slope)}.` : ''}`}
        table={() => <CurveTable curve={curve.data ?? []} />}
      />
    </div>
  );
}

function CurveTable({ curve }: { curve: { w: number; loss: number }[] }) {
  return (
    <table>
      <caption>The loss at every 0.25 of w</caption>
      <thead>
        <tr>
          <th scope="col">Weight</th>
          <th scope="col">Loss</th>
        </tr>
      </thead>
      <tbody>
        {curve
          .filter((p) => Math.abs(p.w * 4 - Math.round(p.w * 4)) < 1e-9)
          .map((p) => (
            <tr key={p.w}>
              <th scope="row">{formatNumber(p.w)}</th>
              <td>{formatNumber(p.loss)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** Lesson step 2: measuring how wrong the prediction is. */
export function LossStep() {
  return (
    <>
      <p className="lede">
        To improve the weight we first need a single number that says how wrong the perceptron is. That number is the{' '}
        <strong>loss</strong>. For a target t, an input x and a weight w:
      </p>
      <LossFormula />
      <p>
        With the tutorial&apos;s start (x = 3, t = −3, w = 0.5) the prediction is 1.5, the error is −4.5 and the loss is
        20.25. A perfect weight would make it 0.
      </p>
      <WhySquare />
      <Landscape />
    </>
  );
}
