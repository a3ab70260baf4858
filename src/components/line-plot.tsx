/** The recharts drawing of one or more series against step. */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from './format.ts';
import { extent, logTicks, niceTicks } from './ticks.ts';

export interface PlotSeries {
  key: string;
  name: string;
  color: string;
  points: { step: number; value: number }[];
}

export interface LinePlotProps {
  series: PlotSeries[];
  logScale?: boolean;
  height?: number;
  yLabel: string;
  /** While streaming: skip the tooltip, whose hit-testing set-up is redone on every redraw. */
  live?: boolean;
}

/** Merges series on their step so recharts can draw them on one x axis. */
function merge(series: PlotSeries[], logScale: boolean): Record<string, number>[] {
  const byStep = new Map<number, Record<string, number>>();
  for (const s of series) {
    for (const p of s.points) {
      if (logScale && !(p.value > 0)) continue; // log axes cannot show zero or negatives
      const row = byStep.get(p.step) ?? { step: p.step };
      row[s.key] = p.value;
      byStep.set(p.step, row);
    }
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

function LinePlot({ series, logScale = false, height = 220, yLabel, live = false }: LinePlotProps) {
  const data = merge(series, logScale);
  const [x0, x1] = extent(data, ['step']);
  const [y0, y1] = extent(data, series.map((s) => s.key));
  const xTicks = niceTicks(x0, x1, 5);
  const yTicks = logScale ? logTicks(y0, y1) : niceTicks(y0, y1, 5);
  const domain = (t: number[]): [number, number] => [t[0] ?? 0, t[t.length - 1] ?? 1];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        {!live && <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />}
        {/* Explicit ticks and interval={0}: recharts neither searches for nice ticks nor measures labels. */}
        <XAxis dataKey="step" type="number" domain={domain(xTicks)} ticks={xTicks} interval={0} tickFormatter={(v: number) => formatNumber(v)} />
        <YAxis
          scale={logScale ? 'log' : 'auto'}
          domain={domain(yTicks)}
          ticks={yTicks}
          allowDataOverflow
          width={64}
          interval={0}
          tickFormatter={(v: number) => formatNumber(v, 3)}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
        />
        {!live && <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(l) => `Step ${l}`} />}
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} dot={false} isAnimationActive={false} strokeWidth={2} connectNulls />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Memoised: a redraw happens only when the series (or options) really change. */
export default memo(LinePlot);
