/**
 * A chart with its text alternatives: a caption naming it, a one-line summary, and a
 * "Show data table" toggle that reveals the same points as an HTML table.
 */
import { Suspense, lazy, useId, useState } from 'react';
import { formatNumber } from './format.ts';
import type { PlotSeries } from './line-plot.tsx';

const LinePlot = lazy(() => import('./line-plot.tsx'));

export interface HistoryChartProps {
  title: string;
  yLabel: string;
  series: PlotSeries[];
  logScale?: boolean;
  /** Shown when there is nothing to draw yet. */
  emptyText?: string;
}

function summarise(title: string, series: PlotSeries[]): string {
  const parts = series.filter((s) => s.points.length).map((s) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    return `${series.length > 1 ? `${s.name}: ` : ''}from ${formatNumber(first.value)} at step ${first.step} to ${formatNumber(last.value)} at step ${last.step}`;
  });
  return parts.length ? `${title}, ${parts.join('; ')}.` : `${title}: no data yet.`;
}

function DataTable({ title, series }: { title: string; series: PlotSeries[] }) {
  const steps = [...new Set(series.flatMap((s) => s.points.map((p) => p.step)))].sort((a, b) => a - b);
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.step, p.value])));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title} data`}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">Step</th>{series.map((s) => <th scope="col" key={s.key}>{s.name}</th>)}</tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step}><th scope="row">{step}</th>{lookup.map((m, i) => <td key={series[i].key}>{formatNumber(m.get(step))}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HistoryChart({ title, yLabel, series, logScale, emptyText = 'Press Train to see this chart fill in.' }: HistoryChartProps) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const hasData = series.some((s) => s.points.length > 0);
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <p className="chart-summary" id={`${id}-sum`}>{summarise(title, series)}</p>
      <div className="chart-plot" role="img" aria-label={`${title} chart`} aria-describedby={`${id}-sum`}>
        {hasData ? (
          <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
            <LinePlot series={series} logScale={logScale} yLabel={yLabel} />
          </Suspense>
        ) : (
          <div className="chart-empty">{emptyText}</div>
        )}
      </div>
      <button type="button" className="link-button" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((v) => !v)}>
        {showTable ? 'Hide data table' : 'Show data table'}
      </button>
      <div id={`${id}-table`} hidden={!showTable}>{showTable && <DataTable title={title} series={series} />}</div>
    </figure>
  );
}
