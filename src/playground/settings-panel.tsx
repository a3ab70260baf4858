/**
 * Model and training settings plus Train / Stop / Step / Reset. The names match the Descent
 * step's controls; everything typed is kept, and Train waits until all of it is valid.
 */
import { useId, useState } from 'react';
import { NumberField } from '../components/number-field.tsx';
import { playgroundStore, usePlayground, type PlaygroundSettings } from '../store/playground-store.ts';
import { useTraining } from '../store/training-store.ts';
import { RunButtons, type RunActions } from '../components/run-controls.tsx';
import type { DTypeName, ModelKind, OptimizerKind } from '../training/config.ts';
import { SETTING_LABELS, type PlaygroundForm, type TextSetting } from './playground-form.ts';
import { groupDigits } from '../training/digits.ts';

type Choice = 'model' | 'optimizer' | 'dtype';

const OPTIONS: { [K in Choice]: { label: string; options: [PlaygroundSettings[K], string][] } } = {
  model: {
    label: 'Model',
    options: [
      ['w', 'w'],
      ['w+b', 'w + b'],
    ] as [ModelKind, string][],
  },
  optimizer: {
    label: 'Optimizer',
    options: [
      ['sgd', 'SGD'],
      ['momentum', 'momentum'],
      ['adam', 'Adam'],
    ] as [OptimizerKind, string][],
  },
  dtype: {
    label: 'Precision (dtype)',
    options: [
      ['float32', 'float32'],
      ['float64', 'float64'],
    ] as [DTypeName, string][],
  },
};

function Select<K extends Choice>({ name }: { name: K }) {
  const value = usePlayground((s) => s.settings[name]);
  const id = useId();
  const { label, options } = OPTIONS[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => playgroundStore.getState().setSettings({ [name]: e.target.value })}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

const HINTS: Partial<Record<TextSetting, string>> = {
  initialBias: 'Used by the w + b model.',
  seed: 'Seeds the noisy-negator preset.',
};

/** What the learning rate means for each optimizer, with the rate the learner typed. */
export function optimizerNote(optimizer: PlaygroundSettings['optimizer'], lrText: string): string {
  const lr = Number(lrText);
  const ok = Number.isFinite(lr) && lr > 0;
  switch (optimizer) {
    case 'sgd':
      return 'SGD moves w by −learning rate × gradient each step: big steps on steep slopes, small ones near the bottom. (The name is for stochastic gradient descent, which uses a random few pairs per step; here every step uses all the pairs, so it is plain, full-batch gradient descent.)';
    case 'momentum':
      return 'Momentum keeps a velocity v ← 0.9·v + gradient and moves w by −learning rate × v: on a long slope the steps build up speed, and near the bottom they can overshoot.';
    case 'adam':
      return `Adam divides each step by the gradient's recent size, so each parameter moves by about the learning rate per step whatever the slope${ok ? `: at ${lr}, travelling a distance of 2 takes about ${groupDigits(Math.ceil(2 / lr))} steps` : ''}.`;
  }
}

function Fields({ form }: { form: PlaygroundForm }) {
  const settings = usePlayground((s) => s.settings);
  const keys: TextSetting[] = ['learningRate', 'steps', 'initialWeight', 'initialBias', 'seed'];
  return (
    <div className="fields">
      <Select name="model" />
      <div className="field-with-note">
        <Select name="optimizer" />
        <p className="field-hint optimizer-note" data-testid="optimizer-note">
          {optimizerNote(settings.optimizer, settings.learningRate)}
        </p>
      </div>
      {keys.map((k) => (
        <NumberField
          key={k}
          label={SETTING_LABELS[k]}
          value={settings[k]}
          error={form.fields[k]}
          hint={HINTS[k]}
          inputMode={k === 'steps' || k === 'seed' ? 'numeric' : 'decimal'}
          onChange={(v) => playgroundStore.getState().setSettings({ [k]: v })}
        />
      ))}
      <Select name="dtype" />
    </div>
  );
}

/** The status of the Playground run still in the worker ('running' or 'paused'), if any. */
function useLiveStatus(): 'running' | 'paused' | null {
  const channels = usePlayground((s) => s.runs.map((r) => r.channel).join(' '));
  return useTraining((s) => {
    for (const c of channels.split(' ')) {
      const st = s.runs[c]?.status;
      if (st === 'running' || st === 'paused') return st;
    }
    return null;
  });
}

function Buttons({ form }: { form: PlaygroundForm }) {
  const live = useLiveStatus();
  const speed = usePlayground((s) => s.settings.speed);
  const store = playgroundStore.getState();
  const [error, setError] = useState<string | null>(null);
  const config = form.config;
  const guard = (fn: () => Promise<void>) => () => {
    setError(null);
    fn().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const actions: RunActions = {
    train: guard(() => store.train(config!)),
    pause: guard(() => store.pause()),
    resume: guard(() => store.resume()),
    stop: guard(() => store.stop()),
    step: guard(() => store.step(config!)),
    reset: guard(() => store.reset()),
  };
  return (
    <RunButtons
      status={live ?? undefined}
      ready={!!config}
      actions={actions}
      speed={speed}
      onSpeed={(sp) => void store.setSpeed(sp)}
      note={
        <>
          <button type="button" className="link-button" onClick={() => playgroundStore.getState().resetSettings()}>
            Restore default settings
          </button>
          {!config && (
            <p className="field-error pg-blocked" role="status">
              Training is off until{' '}
              {form.problems === 1 ? 'the highlighted problem is' : `the ${form.problems} highlighted problems are`}{' '}
              fixed. Nothing you typed has been changed.
            </p>
          )}
          {error && (
            <p role="alert" className="status-alert">
              {error} Check the settings and try again.
            </p>
          )}
        </>
      }
    />
  );
}

/** The Model and training card. */
export function SettingsPanel({ form }: { form: PlaygroundForm }) {
  return (
    <section className="card" aria-labelledby="pg-model">
      <h2 id="pg-model">Training settings</h2>
      <p>
        <strong>w</strong> is the tutorial’s perceptron, prediction = input · w. <strong>w + b</strong> adds a bias,
        prediction = input · w + b, so it can fit lines that miss the origin.
      </p>
      <Fields form={form} />
      <Buttons form={form} />
    </section>
  );
}
