/** A lesson run's fields (as the learner typed them) over Train, Pause/Resume, Stop, Step, Reset and Speed. */
import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { NumberField } from '../components/number-field.tsx';
import { RunControls, type RunStore } from '../components/run-controls.tsx';
import type { Speed } from '../training/pace.ts';
import type { FieldSpec, useFieldForm } from './field-form.ts';

export interface FormRunControlsProps<C> {
  store: StoreApi<RunStore<C>>;
  channel: string;
  config: C | null;
  specs: FieldSpec[];
  form: ReturnType<typeof useFieldForm>;
  speed: Speed;
  onSpeed(s: Speed): void;
  note?: ReactNode;
}

const STEP: Record<FieldSpec['kind'], number> = { rate: 0.01, whole: 1, number: 0.1 };

export function FormRunControls<C>({
  store,
  channel,
  config,
  specs,
  form,
  speed,
  onSpeed,
  note,
}: FormRunControlsProps<C>) {
  return (
    <>
      <div className="fields">
        {specs.map((f) => (
          <NumberField
            key={f.name}
            label={f.label}
            value={form.text[f.name]}
            error={form.errors[f.name]}
            step={f.name.endsWith('steps') || f.name.endsWith('epochs') ? 10 : STEP[f.kind]}
            inputMode={f.kind === 'whole' ? 'numeric' : 'decimal'}
            onChange={(v) => form.set(f.name, v)}
          />
        ))}
      </div>
      <RunControls
        store={store}
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
