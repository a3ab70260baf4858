/** A chart of one or more series against step, in its accessible frame. */
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { useLater } from './use-later.ts';
// Imported, not lazy: a lazily loaded chart mounts whenever its chunk arrives, which can be
// in the middle of a run; loaded up front, that cost is paid while the page first renders.
import LinePlot, { type PlotSeries } from './line-plot.tsx';

export interface HistoryChartProps {
  title: string;
  yLabel: string;
  series: PlotSeries[];
  logScale?: boolean;
  emptyText?: string;
  actions?: React.ReactNode;
  /** The run's length, when known: keeps the step axis fixed while a run streams in. */
  xMax?: number;
  /** The value axis before there is data. */
  emptyDomain?: [number, number];
  /** A horizontal line to compare against (e.g. the lowest loss exact PCA reaches), named in the legend and summary. */
  refLine?: { value: number; name: string };
}

function summarise(series: PlotSeries[]): string {
  const parts = series.filter((s) => s.points.length).map((s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    const name = series.length > 1 ? `${s.name}: ` : '';
    if (s.points.length === 1) return `${name}one point so far, ${formatNumber(first.value)} at step ${first.step}`;
    return `${name}from ${formatNumber(first.value)} at step ${first.step} to ${formatNumber(last.value)} at step ${last.step}`;
  });
  // The caption already names the chart; the summary does not repeat it.
  const text = parts.join('; ');
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : 'No data yet.';
}

function DataTable({ series }: { series: PlotSeries[] }) {
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p.step)))].sort((a, b) => a - b);
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.step, p.value])));
  return (
    <table>
      <caption>Values in the chart above</caption>
      <thead>
        <tr><th scope="col">Step</th>{series.map((s) => <th scope="col" key={s.key}>{s.name}</th>)}</tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step}><th scope="row">{step}</th>{lookup.map((m, i) => <td key={series[i].key}>{formatNumber(m.get(step))}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function HistoryChart({ title, yLabel, series: latest, logScale, emptyText = 'Press Train to see this chart fill in.', actions, xMax, emptyDomain, refLine }: HistoryChartProps) {
  // Each chart takes new data in a task of its own: recharts recomputes its whole layout on new
  // data, and two charts doing that in one task would make one long task.
  const data = useLater(latest);
  const ref = refLine && xMax !== undefined
    ? [{ key: 'ref', name: refLine.name, color: 'var(--muted)', points: [{ step: 0, value: refLine.value }, { step: xMax, value: refLine.value }] }]
    : [];
  const series = ref.length ? [...data, ...ref] : data;
  return (
    <ChartFigure
      title={title}
      summary={`${summarise(data)}${refLine ? ` A line marks ${refLine.name}, ${formatNumber(refLine.value)}.` : ''}`}
      hasData={data.some((s) => s.points.length > 0)}
      emptyText={emptyText}
      table={() => <DataTable series={data} />}
      actions={actions}
    >
      <LinePlot series={series} logScale={logScale} yLabel={yLabel} xMax={xMax} emptyDomain={emptyDomain} />
    </ChartFigure>
  );
}
