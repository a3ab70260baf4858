import { memo, useMemo } from 'react';
import { useRedrawLater } from './schedule.tsx';
import { useTraining, type RunView } from '../store/training-store.ts';
import { downsample, type Series } from '../store/history.ts';
import { HistoryChart } from './history-chart.tsx';

/**
 * Where a run that blew up was caught, on its `series` line: the step it was marked diverged, or
 * the last step kept before an overflow. Undefined for a run that did not blow up.
 */
export function blowUpMark(
  run: RunView | undefined,
  series: Series,
): { step: number; value: number; label: string } | undefined {
  if (!run) return undefined;
  const h = run.history;
  if (run.status === 'diverged' && run.divergedAt !== undefined) {
    const i = h.indexOf(run.divergedAt);
    if (i >= 0)
      return { step: run.divergedAt, value: h.column(series)[i], label: `diverged at step ${run.divergedAt}` };
  }
  const last = h.latest();
  if (run.status === 'overflowed' && last)
    return { step: last.step, value: h.column(series)[h.length - 1], label: `overflowed after step ${last.step}` };
  return undefined;
}

const LIVE_POINTS = 500;
const SETTLED_POINTS = 1000;

/** Loss and weight (and bias) charts of one channel's run, redrawn as batches arrive. */
export function RunCharts({ channel, logScale = false }: { channel: string; logScale?: boolean }) {
  const run = useRedrawLater(useTraining((s) => s.runs[channel]));
  return <RunChartsView run={run} logScale={logScale} />;
}

/**
 * Pass a deferred run (`useRedrawLater`): the charts then re-render in a transition, which
 * React slices into short tasks, so a long run never blocks typing or the Stop button.
 */
export const RunChartsView = memo(function RunChartsView({
  run,
  logScale,
}: {
  run: RunView | undefined;
  logScale?: boolean;
}) {
  const h = run?.history;
  const version = run?.version;
  // Fewer points while streaming keeps each redraw short; the settled run gets the full ~1,000.
  const max = run?.status === 'running' ? LIVE_POINTS : SETTLED_POINTS;
  const withBias = run?.config.model === 'w+b';
  const points = useMemo(
    () => ({
      loss: h ? downsample(h, 'loss', max) : [],
      weight: h ? downsample(h, 'weight', max) : [],
      bias: h && withBias ? downsample(h, 'bias', max) : [],
    }),
    // `version` names the history's contents: the history object grows in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [h, version, max, withBias],
  );
  // The step axis covers the run, and any Steps taken after it.
  const xMax = run ? Math.max(run.config.steps, run.history.latest()?.step ?? 0) : undefined;
  return (
    <div className="chart-grid">
      <HistoryChart
        xMax={xMax}
        title="Loss over steps"
        yLabel="loss"
        logScale={logScale}
        series={[
          { key: 'loss', name: 'Loss', color: 'var(--loss)', points: points.loss, mark: blowUpMark(run, 'loss') },
        ]}
      />
      <HistoryChart
        xMax={xMax}
        emptyDomain={[-1, 1]}
        title="Weight over steps"
        yLabel="w"
        series={[
          {
            key: 'weight',
            name: 'Weight',
            color: 'var(--weight)',
            points: points.weight,
            mark: blowUpMark(run, 'weight'),
          },
        ]}
      />
      {run?.config.model === 'w+b' && (
        <HistoryChart
          xMax={xMax}
          emptyDomain={[-1, 1]}
          title="Bias over steps"
          yLabel="b"
          series={[{ key: 'bias', name: 'Bias', color: 'var(--bias)', points: points.bias }]}
        />
      )}
    </div>
  );
});
