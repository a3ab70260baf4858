/**
 * Model and training settings plus Train / Stop / Step / Reset. The names match the Descent
 * step's controls; everything typed is kept, and Train waits until all of it is valid.
 */
import { useId, useState } from 'react';
import { NumberField } from '../components/number-field.tsx';
import { playgroundStore, usePlayground, type PlaygroundSettings } from '../store/playground-store.ts';
import { useTraining } from '../store/training-store.ts';
import { SpeedSelect } from '../components/speed-select.tsx';
import type { DTypeName, ModelKind, OptimizerKind } from '../training/config.ts';
import { SETTING_LABELS, type PlaygroundForm, type TextSetting } from './playground-form.ts';

type Choice = 'model' | 'optimizer' | 'dtype';

const OPTIONS: { [K in Choice]: { label: string; options: [PlaygroundSettings[K], string][] } } = {
  model: { label: 'Model', options: [['w', 'w'], ['w+b', 'w + b']] as [ModelKind, string][] },
  optimizer: { label: 'Optimizer', options: [['sgd', 'SGD'], ['momentum', 'momentum'], ['adam', 'Adam']] as [OptimizerKind, string][] },
  dtype: { label: 'Precision (dtype)', options: [['float32', 'float32'], ['float64', 'float64']] as [DTypeName, string][] },
};

function Select<K extends Choice>({ name }: { name: K }) {
  const value = usePlayground((s) => s.settings[name]);
  const id = useId();
  const { label, options } = OPTIONS[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => playgroundStore.getState().setSettings({ [name]: e.target.value })}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

const HINTS: Partial<Record<TextSetting, string>> = {
  initialBias: 'Used by the w + b model.',
  seed: 'Seeds the noisy-negator preset.',
};

function Fields({ form }: { form: PlaygroundForm }) {
  const settings = usePlayground((s) => s.settings);
  const keys: TextSetting[] = ['learningRate', 'steps', 'initialWeight', 'initialBias', 'seed'];
  return (
    <div className="fields">
      <Select name="model" />
      <Select name="optimizer" />
      {keys.map((k) => (
        <NumberField key={k} label={SETTING_LABELS[k]} value={settings[k]} error={form.fields[k]} hint={HINTS[k]}
          inputMode={k === 'steps' || k === 'seed' ? 'numeric' : 'decimal'} onChange={(v) => playgroundStore.getState().setSettings({ [k]: v })} />
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
  const running = live !== null;
  const speed = usePlayground((s) => s.settings.speed);
  const store = playgroundStore.getState();
  const [error, setError] = useState<string | null>(null);
  const config = form.config;
  const guard = (fn: () => Promise<void>) => () => {
    setError(null);
    fn().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" disabled={!config || running} onClick={guard(() => store.train(config!))}>Train</button>
        {live === 'paused'
          ? <button type="button" onClick={guard(() => store.resume())}>Resume</button>
          : <button type="button" disabled={live !== 'running'} onClick={guard(() => store.pause())}>Pause</button>}
        <button type="button" disabled={!running} onClick={guard(() => store.stop())}>Stop</button>
        <button type="button" disabled={!config || live === 'running'} onClick={guard(() => store.step(config!))}>Step</button>
        <button type="button" onClick={guard(() => store.reset())}>Reset</button>
        <SpeedSelect value={speed} withAuto onChange={(sp) => void store.setSpeed(sp)} />
        <button type="button" className="link-button" onClick={() => playgroundStore.getState().resetSettings()}>Restore default settings</button>
      </div>
      {!config && (
        <p className="field-error pg-blocked" role="status">
          Training is off until {form.problems === 1 ? 'the highlighted problem is' : `the ${form.problems} highlighted problems are`} fixed. Nothing you typed has been changed.
        </p>
      )}
      {error && <p role="alert" className="status-alert">{error} Check the settings and try again.</p>}
    </>
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
