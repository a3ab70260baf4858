/** Train, Pause/Resume, Stop, Step, Reset and Speed for one Reduce run, with its fields. */
import type { ReactNode } from 'react';
import { NumberField } from '../../components/number-field.tsx';
import { RunButtons } from '../../components/run-controls.tsx';
import { reduceStore, useReduce } from '../../store/reduce-store.ts';
import type { Speed } from '../../training/pace.ts';
import type { ReduceRunConfig } from '../../worker-types.ts';
import type { FieldSpec, useFieldForm } from './shared.ts';

export interface ReduceControlsProps {
  channel: string;
  config: ReduceRunConfig | null;
  specs: FieldSpec[];
  form: ReturnType<typeof useFieldForm>;
  speed: Speed;
  onSpeed(s: Speed): void;
  note?: ReactNode;
}

const STEP: Record<FieldSpec['kind'], number> = { rate: 0.01, whole: 1 };

export function ReduceControls({ channel, config, specs, form, speed, onSpeed, note }: ReduceControlsProps) {
  const status = useReduce((s) => s.runs[channel]?.status);
  const store = reduceStore.getState();
  return (
    <>
      <div className="fields">
        {specs.map((f) => (
          <NumberField
            key={f.name}
            label={f.label}
            value={form.text[f.name]}
            error={form.errors[f.name]}
            step={f.name.endsWith('steps') ? 10 : STEP[f.kind]}
            inputMode={f.kind === 'whole' ? 'numeric' : 'decimal'}
            onChange={(v) => form.set(f.name, v)}
          />
        ))}
      </div>
      <RunButtons
        status={status}
        ready={!!config}
        speed={speed}
        note={note}
        onSpeed={(s) => {
          onSpeed(s);
          void store.setSpeed(channel, s);
        }}
        actions={{
          train: () => config && void store.train(channel, config, speed),
          pause: () => void store.pause(channel),
          resume: () => void store.resume(channel),
          stop: () => void store.stop(channel),
          step: () => config && void store.step(channel, config),
          reset: () => store.reset(channel),
        }}
      />
    </>
  );
}
