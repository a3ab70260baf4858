/** A chart of one or more series against step, in its accessible frame. */
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { valueAxis, type PlotSeries } from './chart-rows.ts';
import { lazyModule } from './lazy-module.ts';
import { useNearViewport, useNextTask, useTurn } from './schedule.tsx';

// The chart code (recharts) is its own chunk, fetched at idle right after the first paint
// (with every lazy module, see loaders.ts), so it is there before a learner can start a run.
const charts = lazyModule(() => import('./line-plot.tsx'));

/** Until the chart code is there, the chart's place holds its summary, at the chart's size. */
const ChartLoading = ({ summary, ref }: { summary: string; ref: (el: HTMLDivElement | null) => void }) => (
  <div className="chart-loading" ref={ref}>
    {summary}
  </div>
);

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
  /** What the horizontal axis counts: 'Step' (default) or 'Epoch' (network runs). */
  xName?: 'Step' | 'Epoch';
  /** A horizontal line to compare against (e.g. the lowest loss exact PCA reaches), named in the legend and summary. */
  refLine?: { value: number; name: string };
}

/** A step as printed: whole steps as they are, a step inside an epoch (an update's place) to four digits. */
const stepText = (s: number) => (Number.isInteger(s) ? String(s) : formatNumber(s));

function summarise(series: PlotSeries[], xName = 'Step'): string {
  const at = xName.toLowerCase();
  const parts = series
    .filter((s) => s.points.length)
    .map((s) => {
      const first = s.points[0];
      const last = s.points[s.points.length - 1];
      const name = series.length > 1 ? `${s.name}: ` : '';
      if (s.points.length === 1)
        return `${name}one point so far, ${formatNumber(first.value)} at ${at} ${stepText(first.step)}`;
      return `${name}from ${formatNumber(first.value)} at ${at} ${stepText(first.step)} to ${formatNumber(last.value)} at ${at} ${stepText(last.step)}`;
    });
  // The caption already names the chart; the summary does not repeat it.
  const text = parts.join('; ');
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : 'No data yet.';
}

function DataTable({ series, xName = 'Step' }: { series: PlotSeries[]; xName?: string }) {
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p.step)))].sort((a, b) => a - b);
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.step, p.value])));
  return (
    <table>
      <caption>Values in the chart above</caption>
      <thead>
        <tr>
          <th scope="col">{xName}</th>
          {series.map((s) => (
            <th scope="col" key={s.key}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step}>
            <th scope="row">{stepText(step)}</th>
            {lookup.map((m, i) => (
              <td key={series[i].key}>{formatNumber(m.get(step))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HistoryChart({
  title,
  yLabel,
  series: latest,
  logScale,
  emptyText = 'Press Train to see this chart fill in.',
  actions,
  xMax,
  emptyDomain,
  refLine,
  xName = 'Step',
}: HistoryChartProps) {
  // Each chart takes new data in a task of its own: redrawing a long series' paths and axes is
  // the costly part, and two charts doing it in one task would make one long task.
  const data = useNextTask(latest);
  const ref =
    refLine && xMax !== undefined
      ? [
          {
            key: 'ref',
            name: refLine.name,
            color: 'var(--muted)',
            points: [
              { step: 0, value: refLine.value },
              { step: xMax, value: refLine.value },
            ],
          },
        ]
      : [];
  const series = ref.length ? [...data, ...ref] : data;
  const loaded = charts.useModule()?.default;
  // A chart mounts once its code is here, it is near the viewport, and its turn has come.
  const [slot, near] = useNearViewport<HTMLDivElement>();
  const Plot = useTurn({ when: near }) ? loaded : undefined;
  const axis = valueAxis(data, logScale ?? false);
  const marks = data.filter((s) => s.mark).map((s) => `${data.length > 1 ? `${s.name}: ` : ''}${s.mark!.label}`);
  const summaryText = `${summarise(data, xName)}${refLine ? ` A line marks ${refLine.name}, ${formatNumber(refLine.value)}.` : ''}${marks.length ? ` Marked on the line: ${marks.join('; ')}.` : ''}${axis.note ? ` ${axis.note}` : ''}`;
  return (
    <ChartFigure
      title={title}
      summary={summaryText}
      hasData={data.some((s) => s.points.length > 0)}
      emptyText={emptyText}
      table={() => <DataTable series={data} xName={xName} />}
      actions={actions}
      interactive={Boolean(Plot)}
    >
      {Plot ? (
        <Plot
          title={title}
          series={series}
          logScale={axis.log}
          clip={axis.clip}
          yLabel={axis.log && !logScale ? `${yLabel} (log)` : yLabel}
          xMax={xMax}
          emptyDomain={emptyDomain}
          xName={xName}
        />
      ) : (
        <ChartLoading summary={summaryText} ref={slot} />
      )}
      {axis.note && (
        <p className="chart-note" aria-hidden="true">
          {axis.note}
        </p>
      )}
    </ChartFigure>
  );
}
