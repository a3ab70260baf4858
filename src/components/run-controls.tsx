/**
 * Train, Pause/Resume, Stop, Step and Reset for one channel's run, with the Speed control. Every
 * button is a training-store action; the buttons a run's state does not allow are disabled.
 */
import { trainingStore, useTraining } from '../store/training-store.ts';
import type { TrainingConfig } from '../training/config.ts';
import type { Speed } from '../training/pace.ts';
import { SpeedSelect } from './speed-select.tsx';

export interface RunControlsProps {
  channel: string;
  /** The config Train and Step use; null while the form has problems (both are then disabled). */
  config: TrainingConfig | null;
  speed: Speed;
  onSpeed(speed: Speed): void;
  withStep?: boolean;
  /** Runs after the run is reset (e.g. to restore a form's defaults). */
  onReset?: () => void;
  /** Shown under the buttons (e.g. why Train is off). */
  note?: React.ReactNode;
}

export function RunControls({ channel, config, speed, onSpeed, withStep = false, onReset, note }: RunControlsProps) {
  const status = useTraining((s) => s.runs[channel]?.status);
  const store = trainingStore.getState();
  const live = status === 'running' || status === 'paused';
  const changeSpeed = (s: Speed) => {
    onSpeed(s);
    void store.setSpeed(channel, s);
  };
  return (
    <>
      <div className="toolbar run-controls">
        <button type="button" className="primary" disabled={!config || live} onClick={() => config && void store.train(channel, config, speed)}>Train</button>
        {status === 'paused'
          ? <button type="button" onClick={() => void store.resume(channel)}>Resume</button>
          : <button type="button" disabled={status !== 'running'} onClick={() => void store.pause(channel)}>Pause</button>}
        <button type="button" disabled={!live} onClick={() => void store.stop(channel)}>Stop</button>
        {withStep && <button type="button" disabled={!config || status === 'running'} onClick={() => config && void store.step(channel, config)}>Step</button>}
        <button type="button" onClick={() => { store.reset(channel); onReset?.(); }}>Reset</button>
        <SpeedSelect value={speed} onChange={changeSpeed} />
      </div>
      {note}
    </>
  );
}
