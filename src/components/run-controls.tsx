/**
 * Train, Pause/Resume, Stop, Step and Reset with the Speed control. `RunButtons` draws them for
 * any run's status and actions; `RunControls` binds them to one training-store channel.
 */
import type { ReactNode } from 'react';
import { trainingStore, useTraining, type RunStatus } from '../store/training-store.ts';
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
  withAuto?: boolean;
  /** Shown under the buttons (e.g. why Train is off). */
  note?: ReactNode;
}

export function RunButtons({ status, ready, actions, speed, onSpeed, withAuto, note }: RunButtonsProps) {
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
        <SpeedSelect value={speed} onChange={onSpeed} withAuto={withAuto} />
      </div>
      {note}
    </>
  );
}

export interface RunControlsProps {
  channel: string;
  /** The config Train and Step use; null while the form has problems (both are then disabled). */
  config: TrainingConfig | null;
  speed: Speed;
  onSpeed(speed: Speed): void;
  withStep?: boolean;
  /** Runs after the run is reset (e.g. to restore a form's defaults). */
  onReset?: () => void;
  note?: ReactNode;
}

export function RunControls({ channel, config, speed, onSpeed, withStep = false, onReset, note }: RunControlsProps) {
  const status = useTraining((s) => s.runs[channel]?.status);
  const store = trainingStore.getState();
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
