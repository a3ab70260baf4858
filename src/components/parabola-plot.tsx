/** Loss against weight (recharts): the curve, the current weight, and the path descent took. */
import { CartesianGrid, ComposedChart, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from './format.ts';

export interface ParabolaPlotProps {
  curve: { weight: number; loss: number }[];
  current?: { weight: number; loss: number };
  path?: { weight: number; loss: number }[];
  height?: number;
}

export default function ParabolaPlot({ curve, current, path = [], height = 240 }: ParabolaPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        <XAxis dataKey="weight" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => formatNumber(v, 3)}
          label={{ value: 'weight w', position: 'insideBottom', offset: -8 }} />
        <YAxis dataKey="loss" type="number" width={56} tickFormatter={(v: number) => formatNumber(v, 3)}
          label={{ value: 'loss', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
        <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(l) => `w = ${formatNumber(Number(l))}`} />
        <Line data={curve} dataKey="loss" name="Loss" stroke="var(--loss)" dot={false} isAnimationActive={false} strokeWidth={2} />
        {path.length > 0 && <Line data={path} dataKey="loss" name="Descent path" stroke="var(--weight)" strokeWidth={1.5} dot={path.length <= 60 ? { r: 3, fill: 'var(--weight)' } : false} isAnimationActive={false} />}
        {current && <ReferenceDot x={current.weight} y={current.loss} r={7} fill="var(--focus)" stroke="var(--text)" />}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
