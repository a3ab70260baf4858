/** Loss against weight: the curve, the path descent took, and the current weight. */
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from './format.ts';
import { PlotMarker, PlotPaths, type PathSpec } from './plot-paths.tsx';
import { niceTicks } from './ticks.ts';

export interface ParabolaPlotProps {
  curve: { weight: number; loss: number }[];
  current?: { weight: number; loss: number };
  path?: { weight: number; loss: number }[];
  height?: number;
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return [lo, hi];
}

export default function ParabolaPlot({ curve, current, path = [], height = 240 }: ParabolaPlotProps) {
  // The view is the curve's range: a path that wandered far off (divergence) runs off the edge.
  const [w0, w1] = extent(curve.map((p) => p.weight));
  const [l0, l1] = extent(curve.map((p) => p.loss));
  const xTicks = Number.isFinite(w0) ? niceTicks(w0, w1, 6) : [-3, -2, -1, 0, 1];
  const yTicks = Number.isFinite(l0) ? niceTicks(Math.min(0, l0), l1, 5) : [0, 10, 20, 30];
  const paths: PathSpec[] = [{ key: 'curve', name: 'Loss', color: 'var(--loss)', xs: curve.map((p) => p.weight), ys: curve.map((p) => p.loss) }];
  if (path.length) paths.push({ key: 'path', name: 'Descent path', color: 'var(--weight)', width: 1.5, dots: path.length <= 60, xs: path.map((p) => p.weight), ys: path.map((p) => p.loss) });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={[]} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        <XAxis dataKey="weight" type="number" domain={[xTicks[0], xTicks[xTicks.length - 1]]} ticks={xTicks} interval={0} allowDataOverflow
          tickFormatter={(v: number) => formatNumber(v, 3)} label={{ value: 'weight w', position: 'insideBottom', offset: -8 }} />
        <YAxis type="number" width={56} domain={[yTicks[0], yTicks[yTicks.length - 1]]} ticks={yTicks} interval={0} allowDataOverflow
          tickFormatter={(v: number) => formatNumber(v, 3)} label={{ value: 'loss', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
        <PlotPaths paths={paths} />
        {current && <PlotMarker at={{ x: current.weight, y: current.loss }} color="var(--focus)" />}
      </LineChart>
    </ResponsiveContainer>
  );
}
