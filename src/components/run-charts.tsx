import { useTraining, type RunView } from '../store/training-store.ts';
import { downsample } from '../store/history.ts';
import { HistoryChart } from './history-chart.tsx';

/** Loss and weight (and bias) charts of one channel's run, redrawn as batches arrive. */
export function RunCharts({ channel, logScale = false }: { channel: string; logScale?: boolean }) {
  const run = useTraining((s) => s.runs[channel]);
  return <RunChartsView run={run} logScale={logScale} />;
}

export function RunChartsView({ run, logScale }: { run: RunView | undefined; logScale?: boolean }) {
  const h = run?.history;
  const series = (key: 'loss' | 'weight' | 'bias', name: string, color: string) => ({
    key, name, color, points: h ? downsample(h, key) : [],
  });
  return (
    <div className="chart-grid">
      <HistoryChart title="Loss over steps" yLabel="loss" logScale={logScale} series={[series('loss', 'Loss', 'var(--loss)')]} />
      <HistoryChart title="Weight over steps" yLabel="w" series={[series('weight', 'Weight', 'var(--weight)')]} />
      {run?.config.model === 'w+b' && <HistoryChart title="Bias over steps" yLabel="b" series={[series('bias', 'Bias', 'var(--bias)')]} />}
    </div>
  );
}
