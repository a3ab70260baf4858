/**
 * The training charts: loss of every shown run overlaid (log scale optional), weight and
 * bias of the selected run, and the run's status beside them.
 */
import { memo, useMemo } from 'react';
import { useRedrawLater } from '../components/schedule.tsx';
import { HistoryChart } from '../components/history-chart.tsx';
import { Readout } from '../components/readout.tsx';
import { RunStatusLine } from '../components/run-status.tsx';
import { blowUpMark } from '../components/run-charts.tsx';
import { downsample } from '../store/history.ts';
import { playgroundStore, usePlayground } from '../store/playground-store.ts';
import type { RunView } from '../store/training-store.ts';
import { ChartExportButtons } from './chart-export.tsx';
import { DataFitPanel } from './data-fit-panel.tsx';
import type { TrainingConfig } from '../training/config.ts';
import { useComparedRuns, useSelectedRun, type ComparedView } from './use-runs.ts';

/** Fewer points per line while a run streams keeps each redraw short. */
const LIVE_POINTS = 200;
const SETTLED_POINTS = 1000;

const LossChart = memo(function LossChart({ runs }: { runs: ComparedView[] }) {
  const logScale = usePlayground((s) => s.logScale);
  const live = runs.some((r) => r.run.status === 'running');
  const series = useMemo(() => {
    const shown = runs.filter((r) => !r.hidden);
    const per = live ? LIVE_POINTS : Math.max(LIVE_POINTS, Math.floor(SETTLED_POINTS / Math.max(1, shown.length)));
    return shown.map((r) => ({
      key: `run${r.number}`,
      name: r.label,
      color: r.color,
      points: downsample(r.run.history, 'loss', per),
      mark: blowUpMark(r.run, 'loss'),
    }));
  }, [runs, live]);
  const title = 'Loss over steps';
  return (
    <HistoryChart
      title={title}
      yLabel={logScale ? 'loss (log)' : 'loss'}
      logScale={logScale}
      series={series}
      xMax={
        runs.some((r) => !r.hidden)
          ? Math.max(...runs.filter((r) => !r.hidden).map((r) => r.run.config.steps))
          : undefined
      }
      emptyText={
        runs.length && !series.length
          ? 'Every run is hidden: tick one under Compare runs.'
          : 'Press Train to see this chart fill in.'
      }
      actions={
        <>
          <label className="pg-check">
            <input
              type="checkbox"
              checked={logScale}
              onChange={(e) => playgroundStore.getState().setLogScale(e.target.checked)}
            />{' '}
            Log scale
          </label>
          <ChartExportButtons title={title} legend={series.map((s) => ({ name: s.name, color: s.color }))} />
        </>
      }
    />
  );
});

const ParamChart = memo(function ParamChart({
  run,
  series,
  title,
  yLabel,
  color,
}: {
  run: RunView | undefined;
  series: 'weight' | 'bias';
  title: string;
  yLabel: string;
  color: string;
}) {
  const name = series === 'weight' ? 'Weight' : 'Bias';
  const live = run?.status === 'running';
  const version = run?.version;
  const points = useMemo(
    () => (run ? downsample(run.history, series, live ? LIVE_POINTS : SETTLED_POINTS) : []),
    // The history mutates in place; `version` says when it grew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, version, series, live],
  );
  return (
    <HistoryChart
      title={title}
      yLabel={yLabel}
      series={[{ key: series, name, color, points, mark: blowUpMark(run, series) }]}
      xMax={run?.config.steps}
      emptyDomain={[-1, 1]}
      actions={<ChartExportButtons title={title} />}
    />
  );
});

/** What to change when the worker reports an error (divergence messages already say it). */
function ErrorAdvice({ run }: { run: RunView | undefined }) {
  if (run?.status !== 'error') return null;
  return (
    <p className="status-alert">
      What to change: check your pairs and settings, then press Train again. If the worker stopped, the next Train
      starts a fresh one.
    </p>
  );
}

/** The charts card; `fallback` is the current settings' config, drawn before any run. */
export function PlaygroundCharts({ fallback }: { fallback: TrainingConfig | null }) {
  // Deferred: chart redraws run in a transition React can interrupt, so typing and Stop stay quick.
  // The status and numbers beside them are cheap and follow the run without delay.
  const runs = useRedrawLater(useComparedRuns());
  const current = useSelectedRun();
  const selected = useRedrawLater(current);
  const chosen = runs.find((r) => r.run === selected);
  return (
    <section className="card" aria-labelledby="pg-charts">
      <h2 id="pg-charts">Training</h2>
      <div className="pg-chart-row">
        <LossChart runs={runs} />
        <aside className="pg-aside" aria-label="Run status">
          {chosen && (
            <p className="pg-selected-name">
              <span className="pg-swatch" style={{ background: chosen.color }} aria-hidden="true" /> {chosen.label}
            </p>
          )}
          <RunStatusLine run={current} />
          <ErrorAdvice run={current} />
          <Readout run={current} />
        </aside>
      </div>
      <div className="chart-grid">
        <DataFitPanel run={selected} fallback={fallback} />
        <ParamChart run={selected} series="weight" title="Weight over steps" yLabel="w" color="var(--weight)" />
        {selected?.config.model === 'w+b' && (
          <ParamChart run={selected} series="bias" title="Bias over steps" yLabel="b" color="var(--bias)" />
        )}
      </div>
    </section>
  );
}
