/**
 * Train, Pause/Resume, Stop, Step and Reset with the Speed control. `RunButtons` draws them for
 * any run's status and actions; `RunControls` binds them to one channel of any store built on
 * the run slice (training, Reduce).
 */
import type { ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { trainingStore } from '../store/training-store.ts';
import type { RunControls as RunStoreControls, RunStatus } from '../store/run-slice.ts';
import type { TrainingConfig } from '../training/config.ts';
import type { Speed } from '../training/pace.ts';
import { SpeedSelect } from './speed-select.tsx';

export interface RunActions {
  train(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  step?: () => void;
  reset(): void;
}

export interface RunButtonsProps {
  status: RunStatus | undefined;
  /** Whether Train and Step may start (false while the form has problems). */
  ready: boolean;
  actions: RunActions;
  speed: Speed;
  onSpeed(speed: Speed): void;
  /** Shown under the buttons (e.g. why Train is off). */
  note?: ReactNode;
}

export function RunButtons({ status, ready, actions, speed, onSpeed, note }: RunButtonsProps) {
  const live = status === 'running' || status === 'paused';
  return (
    <>
      <div className="toolbar run-controls">
        <button type="button" className="primary" disabled={!ready || live} onClick={actions.train}>
          Train
        </button>
        {status === 'paused' ? (
          <button type="button" onClick={actions.resume}>
            Resume
          </button>
        ) : (
          <button type="button" disabled={status !== 'running'} onClick={actions.pause}>
            Pause
          </button>
        )}
        <button type="button" disabled={!live} onClick={actions.stop}>
          Stop
        </button>
        {actions.step && (
          <button type="button" disabled={!ready || status === 'running'} onClick={actions.step}>
            Step
          </button>
        )}
        <button type="button" onClick={actions.reset}>
          Reset
        </button>
        <SpeedSelect value={speed} onChange={onSpeed} />
      </div>
      {note}
    </>
  );
}

/** A store built on the run slice, as the controls see it. */
export interface RunStore<C> extends RunStoreControls {
  runs: Record<string, { status: RunStatus } | undefined>;
  train(channel: string, config: C, speed: Speed): Promise<unknown>;
  step(channel: string, config: C): Promise<unknown>;
}

export interface RunControlsProps<C> {
  /** The store whose run this is (the training store unless given). */
  store?: StoreApi<RunStore<C>>;
  channel: string;
  /** The config Train and Step use; null while the form has problems (both are then disabled). */
  config: C | null;
  speed: Speed;
  /** Keeps the page's Speed setting; the run's own pace is changed here too. */
  onSpeed(speed: Speed): void;
  withStep?: boolean;
  /** Runs after the run is reset (e.g. to restore a form's defaults). */
  onReset?: () => void;
  note?: ReactNode;
}

const TRAINING = trainingStore as unknown as StoreApi<RunStore<TrainingConfig>>;

export function RunControls<C = TrainingConfig>({
  store: api = TRAINING as unknown as StoreApi<RunStore<C>>,
  channel,
  config,
  speed,
  onSpeed,
  withStep = false,
  onReset,
  note,
}: RunControlsProps<C>) {
  const status = useStore(api, (s) => s.runs[channel]?.status);
  const store = api.getState();
  const actions: RunActions = {
    train: () => config && void store.train(channel, config, speed),
    pause: () => void store.pause(channel),
    resume: () => void store.resume(channel),
    stop: () => void store.stop(channel),
    step: withStep ? () => config && void store.step(channel, config) : undefined,
    reset: () => {
      store.reset(channel);
      onReset?.();
    },
  };
  return (
    <RunButtons
      status={status}
      ready={!!config}
      actions={actions}
      speed={speed}
      note={note}
      onSpeed={(s) => {
        onSpeed(s);
        void store.setSpeed(channel, s);
      }}
    />
  );
}
