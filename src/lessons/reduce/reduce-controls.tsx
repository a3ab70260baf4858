/** Train, Pause/Resume, Stop, Step, Reset and Speed for one Reduce run, with its fields. */
import type { ReactNode } from 'react';
import { NumberField } from '../../components/number-field.tsx';
import { RunControls } from '../../components/run-controls.tsx';
import { reduceStore } from '../../store/reduce-store.ts';
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
      <RunControls
        store={reduceStore}
        channel={channel}
        config={config}
        speed={speed}
        onSpeed={onSpeed}
        withStep
        note={note}
      />
    </>
  );
}
