/** The loss parabola over w with its text alternatives. */
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import ParabolaPlot, { type ParabolaPlotProps } from './parabola-plot.tsx';

export function LossLandscape({ title = 'Loss against weight', curve, current, path = [] }: ParabolaPlotProps & { title?: string }) {
  const min = curve.reduce<{ weight: number; loss: number } | null>((m, p) => (!m || p.loss < m.loss ? p : m), null);
  const summary = [
    min ? `A parabola with its lowest loss, ${formatNumber(min.loss)}, at w = ${formatNumber(min.weight)}.` : 'Loading the curve…',
    current ? `The current weight ${formatNumber(current.weight)} has loss ${formatNumber(current.loss)}.` : '',
    path.length ? `Descent visited ${path.length} weights, ending at ${formatNumber(path[path.length - 1].weight)}.` : '',
  ].join(' ');
  return (
    <ChartFigure title={title} summary={summary} hasData={curve.length > 0} emptyText="Loading the curve…"
      table={() => (
        <table>
          <caption>Values in the chart above</caption>
          <thead><tr><th scope="col">Weight</th><th scope="col">Loss</th></tr></thead>
          <tbody>{(path.length ? path : curve.filter((_, i) => i % 10 === 0)).map((p, i) => (
            <tr key={i}><th scope="row">{formatNumber(p.weight)}</th><td>{formatNumber(p.loss)}</td></tr>
          ))}</tbody>
        </table>
      )}>
      <ParabolaPlot curve={curve} current={current} path={path} />
    </ChartFigure>
  );
}
