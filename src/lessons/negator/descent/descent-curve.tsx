/**
 * The descent drawn on the loss curve: where the weight is after the latest step (with the
 * tangent and its slope there) and an arrow for each step from one weight to the next, of
 * length learning rate × gradient. At slow speeds the newest arrow draws itself as it happens.
 */
import { memo } from 'react';
import { CurvePlot } from '../../../components/curve/curve-plot.tsx';
import { stepArrows } from '../../../components/curve/geometry.ts';
import { formatNumber } from '../../../components/format.ts';
import { niceView } from '../../../components/plot/scale.ts';
import { descentPath } from '../../../store/history.ts';
import { useLossCurve, useMeasure } from '../../../store/queries.ts';
import type { RunView } from '../../../store/training-store.ts';
import { stepsPerSecond } from '../../../training/pace.ts';
import type { TrainingConfig } from '../../../training/config.ts';

/** Arrows drawn at most (the most recent steps). */
const MAX_ARROWS = 60;

/** A view around the start and the minimum t/x, with room on both sides. */
export function curveView(config: TrainingConfig): { domain: [number, number]; ticks: number[] } {
  const { input, target } = config.pairs[0];
  const best = input === 0 ? config.initialWeight : target / input;
  const lo = Math.min(best, config.initialWeight);
  const hi = Math.max(best, config.initialWeight);
  const pad = Math.max(0.5, (hi - lo) * 0.3);
  return niceView(lo - pad, hi + pad, 6);
}

export const DescentCurve = memo(function DescentCurve({
  run,
  fallback,
}: {
  run: RunView | undefined;
  fallback: TrainingConfig | null;
}) {
  const config = run?.config ?? fallback;
  const view = config ? curveView(config) : niceView(-1.5, 1, 6);
  const curve = useLossCurve(config, view.domain, 201);
  const start = useMeasure(run ? null : config, config?.initialWeight);
  const path = run ? descentPath(run.history, 400) : [];
  const arrows = stepArrows(path).slice(-MAX_ARROWS);
  const last = path[path.length - 1];
  const point = last
    ? { w: last.w, loss: last.loss, slope: last.grad }
    : start.data && config
      ? { w: config.initialWeight, loss: start.data.loss, slope: start.data.grad }
      : undefined;
  const sps = run ? stepsPerSecond(run.speed, run.config.steps) : null;
  const step = last?.step ?? 0;
  const where = run ? `After step ${step} the weight is` : 'At the start the weight is';
  const summary = point
    ? `${where} ${formatNumber(point.w)}, where the loss is ${formatNumber(point.loss)} and the slope dL/dw is ${formatNumber(point.slope)}.${arrows.length ? ` Arrows show the last ${arrows.length} step${arrows.length === 1 ? '' : 's'}, each moving w by −learning rate × gradient.` : ''}`
    : 'Loading the curve…';
  return (
    <CurvePlot
      title="The steps on the loss curve"
      curve={curve.data ?? []}
      domain={view.domain}
      ticks={view.ticks}
      point={point}
      arrows={arrows}
      animateMs={sps !== null && sps <= 10 && run?.status === 'running' ? Math.round(900 / sps) : undefined}
      summary={summary}
      table={() => <ArrowTable arrows={arrows} lr={config?.learningRate ?? 0} />}
    />
  );
});

function ArrowTable({ arrows, lr }: { arrows: ReturnType<typeof stepArrows>; lr: number }) {
  return (
    <table>
      <caption>{arrows.length ? 'Each step as an arrow on the curve' : 'No steps yet'}</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">From w</th>
          <th scope="col">Gradient there</th>
          <th scope="col">Move −{formatNumber(lr)} × gradient</th>
          <th scope="col">To w</th>
          <th scope="col">Loss there</th>
        </tr>
      </thead>
      <tbody>
        {arrows.map((a) => (
          <tr key={a.step}>
            <th scope="row">{a.step}</th>
            <td>{formatNumber(a.from.w)}</td>
            <td>{formatNumber(a.grad)}</td>
            <td>{formatNumber(a.dw)}</td>
            <td>{formatNumber(a.to.w)}</td>
            <td>{formatNumber(a.to.loss)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
