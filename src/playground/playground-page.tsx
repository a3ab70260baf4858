/**
 * The Playground: the learner's own input/target pairs, a bias, three optimizers, compared
 * runs, prediction, export and share links. Every number shown comes from the worker.
 */
import { useMemo } from 'react';
import { Later } from '../components/schedule.tsx';
import { usePlayground } from '../store/playground-store.ts';
import { readPlaygroundForm } from './playground-form.ts';
import { DataPanel } from './data-panel.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { PlaygroundCharts } from './playground-charts.tsx';
import { ComparePanel } from './compare-panel.tsx';
import { LandscapePanel } from './landscape-panel.tsx';
import { PredictPanel } from './predict-panel.tsx';
import { LinkNoticeBox, SharePanel, useSharedLink } from './share-panel.tsx';

export function PlaygroundPage() {
  const [notice, setNotice] = useSharedLink();
  const rows = usePlayground((s) => s.rows);
  const settings = usePlayground((s) => s.settings);
  const form = useMemo(() => readPlaygroundForm(rows, settings), [rows, settings]);
  return (
    <section className="page playground" aria-labelledby="pg-title">
      <h1 id="pg-title">Playground</h1>
      <p className="lede">
        Train the perceptron on input/target pairs of your own, try a bias and other optimizers, and compare runs.
      </p>
      <LinkNoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <div className="pg-top">
        <DataPanel form={form} />
        <Later>
          <SettingsPanel form={form} />
        </Later>
      </div>
      <Later>
        <PlaygroundCharts fallback={form.config} />
      </Later>
      <Later>
        <ComparePanel />
      </Later>
      <Later>
        <div className="two-col">
          <LandscapePanel fallback={form.config} />
          <PredictPanel />
        </div>
      </Later>
      <Later>
        <SharePanel config={form.config} />
      </Later>
    </section>
  );
}
