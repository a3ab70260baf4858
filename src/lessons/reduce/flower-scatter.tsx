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
  /**
   * Draw x·W turned onto exact PCA's axes (orthogonal Procrustes), on axes fixed by PCA's
   * picture, with PCA's own picture beside it: the learner sees the two meet as W learns.
   */
  beside?: boolean;
}

type Flower = { x: number; y: number; group: number };

const flowersOf = (flat: ArrayLike<number> | null, species: readonly string[]): Flower[] =>
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

function FlowerTable({ points, species, where }: { points: Flower[]; species: readonly string[]; where: string }) {
  return (
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
  );
}

export const FlowerScatter = memo(function FlowerScatter({ run, config, info, extra, beside }: FlowerScatterProps) {
  const start = useQuery(queries.reduceStart, !run ? config : null);
  const flat = run?.points ?? (start.data ? start.data.points : null);
  const weights = run?.weights ? Array.from(run.weights) : (start.data?.weights ?? null);
  const picture = useQuery(
    queries.pcaPicture,
    beside && info && weights ? { dataset: info.dataset, weights } : null,
  ).data;
  const step = run?.history.length ? run.history.column('steps')[run.history.length - 1] : 0;
  const species = info?.species ?? [];
  const where = run ? `after step ${step}` : 'before training, with W as it starts';
  const shown = beside ? (picture?.aligned.length ? picture.aligned : null) : flat;
  const points = flowersOf(shown, species);
  const turn = picture
    ? `turned ${formatNumber(picture.turnDegrees, 3)}°${picture.flipped ? ' and flipped' : ''} to face PCA’s axes`
    : '';
  const learned = (
    <ScatterPlot
      title="Flowers in two dimensions"
      points={points}
      groups={SPECIES_GROUPS}
      extra={extra}
      symmetric
      extent={beside ? picture?.extent : undefined}
      xLabel={beside ? 'z₁ (turned onto PCA’s first axis)' : 'z₁ = x·W, first column'}
      yLabel={beside ? 'z₂ (turned)' : 'z₂, second column'}
      emptyText="Computing where the flowers start…"
      summary={`The 150 flowers placed by x·W ${where}${beside && turn ? `, ${turn}` : ''}: setosa, versicolor and virginica drawn as circles, squares and triangles.${extra ? ` ${extra.label} is at (${formatNumber(extra.x)}, ${formatNumber(extra.y)}).` : ''}`}
      table={() => <FlowerTable points={points} species={species} where={where} />}
    />
  );
  if (!beside) return learned;
  const pca = flowersOf(picture?.pca ?? null, species);
  return (
    <div className="chart-grid">
      {learned}
      <ScatterPlot
        title="Exact PCA’s picture"
        points={pca}
        groups={SPECIES_GROUPS}
        symmetric
        extent={picture?.extent}
        xLabel="first principal direction"
        yLabel="second"
        emptyText="Computing PCA’s picture…"
        summary="The 150 flowers on exact PCA’s two directions, the picture W is learning, on the same axes as W’s."
        table={() => <FlowerTable points={pca} species={species} where="on exact PCA’s directions" />}
      />
    </div>
  );
});
