/**
 * The |x| pairs and a one-input network drawn along x, from the worker's curves: its output and,
 * with a hidden layer, each unit's piece (the unit's output times its weight to the output).
 * The output is the pieces added up, plus the output's bias c: the table shows the sum.
 */
import { ChartFigure } from '../../components/chart-figure.tsx';
import { formatNumber, formatSum } from '../../components/format.ts';
import { SvgPlot } from '../../components/plot/svg-plot.tsx';
import type { LineMaps } from '../../worker-types.ts';

const COLORS = ['var(--weight)', 'var(--bias, #7c3aed)', '#059669', '#d97706'];
const X_DOMAIN: [number, number] = [-3, 3];
const Y_DOMAIN: [number, number] = [-2, 3.5];

function path(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  offset: number,
  n: number,
  x: (v: number) => number,
  y: (v: number) => number,
) {
  let d = '';
  for (let i = 0; i < n; i++) {
    const v = Math.max(Y_DOMAIN[0] - 1, Math.min(Y_DOMAIN[1] + 1, ys[offset + i]));
    d += `${i ? 'L' : 'M'}${x(xs[i]).toFixed(1)},${y(v).toFixed(1)}`;
  }
  return d;
}

export interface PiecesPlotProps {
  title: string;
  xs: readonly number[];
  targets: readonly number[];
  curves: LineMaps | null;
  /** The run state the lines show ("after epoch 40"). */
  state: string;
}

/** Rows of the table: every 0.5 from −3 to 3 (indices into the curve's evenly spread x). */
function tableRows(c: LineMaps): number[] {
  const n = c.xs.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (Math.abs(c.xs[i] * 2 - Math.round(c.xs[i] * 2)) < 1e-4) out.push(i);
  return out;
}

export function PiecesPlot({ title, xs, targets, curves, state }: PiecesPlotProps) {
  const n = curves?.xs.length ?? 0;
  const k = curves?.unitCount ?? 0;
  const summary = curves
    ? `${xs.length} pairs (x, |x|) and the network’s output ${state}${k ? `, drawn with the ${k} pieces it adds up` : ''}: ${tableRows(
        curves,
      )
        .filter((i) => [-2, 0, 2].some((x) => Math.abs(curves.xs[i] - x) < 1e-4))
        .map((i) => `${formatNumber(curves.output[i])} at x = ${formatNumber(curves.xs[i])}`)
        .join(', ')}.`
    : `${xs.length} pairs (x, |x|); train to draw the network’s output.`;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      hasData
      emptyText=""
      table={() =>
        curves && (
          <table>
            <caption>
              The output {state}
              {k ? ', as the sum of its pieces and c' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">x</th>
                {Array.from({ length: k }, (_, j) => (
                  <th scope="col" key={j}>
                    Piece {j + 1}
                  </th>
                ))}
                {k > 0 && <th scope="col">c</th>}
                <th scope="col">Output</th>
              </tr>
            </thead>
            <tbody>
              {tableRows(curves).map((i) => {
                const pieces = Array.from({ length: k }, (_, j) => curves.pieces[j * n + i]);
                const sum = k ? formatSum([...pieces, curves.bias], curves.output[i]) : null;
                return (
                  <tr key={i}>
                    <th scope="row">{formatNumber(curves.xs[i])}</th>
                    {sum?.terms.map((t, j) => (
                      <td key={j}>{t}</td>
                    ))}
                    <td>{sum ? sum.total : formatNumber(curves.output[i])}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )
      }
    >
      <SvgPlot
        xDomain={X_DOMAIN}
        yDomain={Y_DOMAIN}
        xTicks={[-3, -2, -1, 0, 1, 2, 3]}
        yTicks={[-2, -1, 0, 1, 2, 3]}
        xLabel="input x"
        yLabel="y"
        height={260}
      >
        {(area) => (
          <g clipPath={area.clip}>
            {curves && (
              <path
                d={path(curves.xs, curves.output, 0, n, area.x, area.y)}
                fill="none"
                stroke="var(--loss)"
                strokeWidth={5}
                strokeOpacity={0.45}
              />
            )}
            {curves &&
              Array.from({ length: k }, (_, j) => (
                <path
                  key={j}
                  d={path(curves.xs, curves.pieces, j * n, n, area.x, area.y)}
                  fill="none"
                  stroke={COLORS[j % COLORS.length]}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                />
              ))}
            {xs.map((x, i) => (
              <circle key={i} className="fit-point" cx={area.x(x)} cy={area.y(targets[i])} r={4} />
            ))}
          </g>
        )}
      </SvgPlot>
      {curves && (
        <ul className="legend-list" aria-hidden="true">
          <li>
            <span className="swatch" style={{ background: 'var(--loss)' }} /> output
          </li>
          {Array.from({ length: k }, (_, j) => (
            <li key={j}>
              <span className="swatch dashed" style={{ borderColor: COLORS[j % COLORS.length] }} /> piece {j + 1}: unit{' '}
              {j + 1} × its weight to the output
            </li>
          ))}
        </ul>
      )}
    </ChartFigure>
  );
}
