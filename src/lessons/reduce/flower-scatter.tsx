/** The 150 flowers at x·W, coloured and shaped by species, with an optional new flower on top. */
import { memo } from 'react';
import { formatNumber } from '../../components/format.ts';
import { ScatterPlot } from '../../components/scatter-plot.tsx';
import type { ReduceRunView } from '../../store/reduce-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { DatasetInfo, ReduceRunConfig } from '../../worker-types.ts';
import { SPECIES_GROUPS } from './shared.ts';

export interface FlowerScatterProps {
  run: ReduceRunView | undefined;
  /** Before a run: where this config starts. */
  config: ReduceRunConfig | null;
  info: DatasetInfo | undefined;
  extra?: { x: number; y: number; label: string } | null;
}

export const FlowerScatter = memo(function FlowerScatter({ run, config, info, extra }: FlowerScatterProps) {
  const start = useQuery(queries.reduceStart, !run ? config : null);
  const flat = run?.points ?? (start.data ? start.data.points : null);
  const step = run?.history.length ? run.history.column('steps')[run.history.length - 1] : 0;
  const species = info?.species ?? [];
  const points =
    flat && species.length
      ? species.map((s, i) => ({
          x: flat[2 * i],
          y: flat[2 * i + 1],
          group: Math.max(
            0,
            SPECIES_GROUPS.findIndex((g) => g.name === s),
          ),
        }))
      : [];
  const where = run ? `after step ${step}` : 'before training, with W as it starts';
  return (
    <ScatterPlot
      title="Flowers in two dimensions"
      points={points}
      groups={SPECIES_GROUPS}
      extra={extra}
      symmetric
      xLabel="z₁ = x·W, first column"
      yLabel="z₂, second column"
      emptyText="Computing where the flowers start…"
      summary={`The 150 flowers placed by x·W ${where}: setosa, versicolor and virginica drawn as circles, squares and triangles.${extra ? ` ${extra.label} is at (${formatNumber(extra.x)}, ${formatNumber(extra.y)}).` : ''}`}
      table={() => (
        <table>
          <caption>Each flower’s two coordinates {where}</caption>
          <thead>
            <tr>
              <th scope="col">Flower</th>
              <th scope="col">Species</th>
              <th scope="col">z₁</th>
              <th scope="col">z₂</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{species[i]}</td>
                <td>{formatNumber(p.x)}</td>
                <td>{formatNumber(p.y)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
});
