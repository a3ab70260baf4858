/** The selected run's pairs and its line as it trains (or the table's pairs before any run). */
import { memo } from 'react';
import { DataFitPlot } from '../components/data-fit-plot.tsx';
import { lossSetting, queries, useQuery } from '../store/queries.ts';
import type { RunView } from '../store/training-store.ts';
import type { TrainingConfig } from '../training/config.ts';

/** The engine's predictions for the table are asked for only once the run has settled. */
export const DataFitPanel = memo(function DataFitPanel({
  run,
  fallback,
}: {
  run: RunView | undefined;
  fallback: TrainingConfig | null;
}) {
  const config = run?.config ?? fallback;
  const last = run?.history.latest() ?? null;
  const params = last ? { w: last.weight, b: last.bias, step: last.step } : null;
  const settled = run && run.status !== 'running';
  const asked = settled && last;
  const q = useQuery(
    queries.evaluate,
    asked ? { ...lossSetting(run.config), weight: last.weight, bias: last.bias } : null,
  );
  if (!config) return null;
  return (
    <DataFitPlot
      pairs={config.pairs}
      params={params}
      withBias={config.model === 'w+b'}
      predictions={asked ? q.data?.predictions : undefined}
    />
  );
});
