/**
 * How big a step? A slider runs the negator at any learning rate from 0 to 0.15 and shows what
 * each step does to the distance from −1 (the factor 1 − η·d²L/dw², with the curvature from the
 * engine's nested tapes), with the two rates that matter marked on it; four presets overlaid.
 */
import { useEffect, useId } from 'react';
import { useRedrawLater } from '../../../components/schedule.tsx';
import { useShallow } from 'zustand/react/shallow';
import { HistoryChart } from '../../../components/history-chart.tsx';
import { blowUpMark } from '../../../components/run-charts.tsx';
import { formatNumber } from '../../../components/format.ts';
import { Prediction } from '../../../components/prediction.tsx';
import { RunStatusLine, runOutcome } from '../../../components/run-status.tsx';
import { factorMeaning, stepFactor } from '../../../components/curve/geometry.ts';
import { downsample } from '../../../store/history.ts';
import { lessonStore, useLesson, useAnswered } from '../../../store/lesson-store.ts';
import { trainingStore, useTraining } from '../../../store/training-store.ts';
import { lossSetting, queries, useQuery } from '../../../store/queries.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../../training/config.ts';

export const LR_PRESETS = [0.01, 0.05, 0.1, 0.12] as const;
const LR_STEPS = 100;
const MAX_LR = 0.15;
const COLORS = ['var(--weight)', 'var(--bias)', '#7c3aed', 'var(--loss)'];
const EXPLORE = 'explore';
const lrChannel = (lr: number) => `lr-${lr}`;
const lrConfig = (lr: number): TrainingConfig => ({ ...NEGATOR_CONFIG, learningRate: lr, steps: LR_STEPS });

/** The slider's value as saved (0.01 until moved). */
function useExploreRate(): number {
  const text = useLesson((s) => s.forms.explore?.lr);
  const v = Number(text);
  return text !== undefined && Number.isFinite(v) && v >= 0 && v <= MAX_LR ? v : 0.01;
}

function Marks({ curvature }: { curvature: number }) {
  const at = (v: number) => `${(v / MAX_LR) * 100}%`;
  return (
    <div className="lr-marks" aria-hidden="true">
      <span style={{ left: at(1 / curvature) }}>
        1/{formatNumber(curvature)} ≈ {formatNumber(1 / curvature, 3)}
        <br />
        lands on −1
      </span>
      <span style={{ left: at(2 / curvature) }}>
        2/{formatNumber(curvature)} ≈ {formatNumber(2 / curvature, 3)}
        <br />
        the limit
      </span>
    </div>
  );
}

function ExplorerSlider({ lr, curvature }: { lr: number; curvature: number | undefined }) {
  const id = useId();
  // The marks are the answers to the two questions above the slider.
  const answered = useAnswered('lr-limit', 'lr-one-step');
  // Within half a slider step of a mark, the rate is the mark's exact value (1/18 is not a
  // multiple of 0.001): "lands on −1" then really lands there.
  const marks = curvature && answered ? [1 / curvature, 2 / curvature] : [];
  const snap = (v: number) => marks.find((m) => Math.abs(v - m) <= 0.0005 + 1e-12) ?? v;
  const f = curvature === undefined ? undefined : stepFactor(lr, curvature);
  return (
    <div className="lr-explorer">
      <label htmlFor={id}>Explore learning rate</label>
      <div className="lr-slider">
        <input
          id={id}
          type="range"
          min={0}
          max={MAX_LR}
          step={0.001}
          value={lr}
          list={`${id}-marks`}
          aria-valuetext={`${formatNumber(lr)}${f === undefined ? '' : `, each step multiplies the distance to −1 by ${formatNumber(f, 3)}`}`}
          onChange={(e) => lessonStore.getState().setForm('explore', { lr: String(snap(Number(e.target.value))) })}
        />
        <datalist id={`${id}-marks`}>
          {curvature && answered && (
            <>
              <option value={1 / curvature} />
              <option value={2 / curvature} />
            </>
          )}
        </datalist>
        {curvature && answered && <Marks curvature={curvature} />}
      </div>
      <p className="math lr-factor" aria-live="polite">
        η = <strong data-testid="explore-lr">{formatNumber(lr)}</strong>: each step multiplies the distance to −1 by 1 −{' '}
        {formatNumber(curvature)} · {formatNumber(lr)} ={' '}
        <strong data-testid="explore-factor">× {formatNumber(f, 3)}</strong>
        {f !== undefined && <> — {factorMeaning(f)}.</>}
      </p>
    </div>
  );
}

/** Runs the explorer's rate (once the slider rests), at Max so the whole picture appears at once. */
function useExploreRun(lr: number) {
  useEffect(() => {
    if (!(lr > 0)) {
      trainingStore.getState().reset(EXPLORE);
      return;
    }
    const t = setTimeout(() => void trainingStore.getState().train(EXPLORE, lrConfig(lr)), 250);
    return () => clearTimeout(t);
  }, [lr]);
}

/** The slider's run: its status and charts (its own component, so a streaming run re-renders only this). */
function ExploreRunView() {
  const explore = useRedrawLater(useTraining((s) => s.runs[EXPLORE]));
  const pts = (series: 'loss' | 'weight') => (explore ? downsample(explore.history, series) : []);
  return (
    <>
      <RunStatusLine run={explore} />
      <div className="chart-grid">
        <HistoryChart
          title="Weight at this learning rate"
          yLabel="w"
          xMax={LR_STEPS}
          emptyDomain={[-1, 1]}
          series={[
            {
              key: 'w',
              name: 'Weight',
              color: 'var(--weight)',
              points: pts('weight'),
              mark: blowUpMark(explore, 'weight'),
            },
          ]}
          emptyText="Move the slider to run."
        />
        <HistoryChart
          title="Loss at this learning rate"
          yLabel="loss (log)"
          logScale
          xMax={LR_STEPS}
          series={[
            { key: 'l', name: 'Loss', color: 'var(--loss)', points: pts('loss'), mark: blowUpMark(explore, 'loss') },
          ]}
          emptyText="Move the slider to run."
        />
      </div>
    </>
  );
}

/** The four preset rates: their outcomes and one chart of their losses. */
function PresetRunsView() {
  const runs = useRedrawLater(useTraining(useShallow((s) => LR_PRESETS.map((p) => s.runs[lrChannel(p)]))));
  return (
    <>
      <ul aria-label="Results for each rate">
        {LR_PRESETS.map((p, i) => (
          <li key={p}>
            Learning rate {p}: {runOutcome(runs[i])}
          </li>
        ))}
      </ul>
      <HistoryChart
        title="Loss for each learning rate"
        yLabel="loss (log)"
        logScale
        xMax={LR_STEPS}
        emptyText="Pick a learning rate to run it."
        series={LR_PRESETS.map((p, i) => ({
          key: `lr${i}`,
          name: `learning rate ${p}`,
          color: COLORS[i],
          points: runs[i] ? downsample(runs[i]!.history, 'loss') : [],
          mark: blowUpMark(runs[i], 'loss'),
        }))}
      />
    </>
  );
}

export function LearningRateExperiment() {
  const lr = useExploreRate();
  useExploreRun(lr);
  const curv = useQuery(queries.curvature, {
    ...lossSetting(NEGATOR_CONFIG),
    dtype: 'float64',
    weight: NEGATOR_CONFIG.initialWeight,
  });
  const d2 = curv.data;
  const answered = useAnswered('lr-limit', 'lr-one-step');
  const runPreset = (p: number) => {
    lessonStore.getState().setForm('explore', { lr: String(p) });
    void trainingStore.getState().train(lrChannel(p), lrConfig(p));
  };
  return (
    <section className="card" aria-labelledby="lr-exp">
      <h2 id="lr-exp">Experiment: how big a step?</h2>
      <p>
        A larger learning rate takes bigger steps. Up to a point that is faster; past it a step jumps over the minimum,
        and bigger still, each jump lands higher up the other side than it started. Before you move the slider, predict:
      </p>
      <div className="two-col">
        <Prediction
          id="lr-limit"
          question="Up to which learning rate does it still converge?"
          answer={d2 && 2 / d2}
          why={
            <>
              Each step multiplies the distance to −1 by 1 − 18·η; it shrinks only while that factor is above −1, so η
              must stay below 2/18 = 1/9.
            </>
          }
        />
        <Prediction
          id="lr-one-step"
          question="Which learning rate lands on −1 in one step?"
          answer={d2 && 1 / d2}
          why={<>The factor 1 − 18·η is 0 at η = 1/18: the first step covers the whole distance to −1.</>}
        />
      </div>
      <ExplorerSlider lr={lr} curvature={d2} />
      <ExploreRunView />
      <h3>Four rates side by side</h3>
      <div className="toolbar" role="group" aria-label="Rates to try">
        {LR_PRESETS.map((p) => (
          <button type="button" key={p} onClick={() => runPreset(p)}>
            {p}
          </button>
        ))}
        <button type="button" className="primary" onClick={() => LR_PRESETS.forEach(runPreset)}>
          Run all four
        </button>
      </div>
      <PresetRunsView />
      {answered ? (
        <p>
          Why 0.12 fails: a second tape wrapped around the first differentiates the gradient itself and finds the
          curvature d²L/dw² = <strong data-testid="curvature">{formatNumber(d2)}</strong> (that is 2 · input²). Each
          update multiplies the distance to the minimum by (1 − learning rate · {formatNumber(d2)}). Above 2 /{' '}
          {formatNumber(d2)} = <strong>{d2 ? formatNumber(2 / d2) : '—'}</strong> that factor is below −1, so every step
          overshoots further than the last: 0.1 still zig-zags inwards, 0.12 zig-zags out. A run that blows up is marked
          where it was caught and drawn to its last step; it stops early only if a number overflows.
        </p>
      ) : (
        <p className="muted">Answer or skip both questions above to see where the limit comes from.</p>
      )}
    </section>
  );
}
