/** Train, Pause/Resume, Stop, Step, Reset and Speed for one Reduce run, with its fields. */
import type { StoreApi } from 'zustand';
import type { RunStore } from '../../components/run-controls.tsx';
import { reduceStore } from '../../store/reduce-store.ts';
import type { ReduceRunConfig } from '../../worker-types.ts';
import { FormRunControls, type FormRunControlsProps } from '../form-run-controls.tsx';

const STORE = reduceStore as unknown as StoreApi<RunStore<ReduceRunConfig>>;

export type ReduceControlsProps = Omit<FormRunControlsProps<ReduceRunConfig>, 'store'>;

export function ReduceControls(props: ReduceControlsProps) {
  return <FormRunControls store={STORE} {...props} />;
}
