/**
 * What the Reduce pages share: the species' colours and markers, reading the learner's fields
 * into run configs, the engine's facts about each dataset, and a run's readout values.
 */
import { useLesson, lessonStore } from '../../store/lesson-store.ts';
import type { FieldSpec } from '../field-form.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { Speed } from '../../training/pace.ts';
import type { ScatterGroup } from '../../components/scatter-plot.tsx';
import type { DatasetInfo, ReduceRunConfig } from '../../worker-types.ts';

export const SPECIES_GROUPS: ScatterGroup[] = [
  { name: 'setosa', color: '#1d4ed8', shape: 'circle' },
  { name: 'versicolor', color: '#d97706', shape: 'square' },
  { name: 'virginica', color: '#059669', shape: 'triangle' },
];

export { useFieldForm, type FieldSpec } from '../field-form.ts';

/** The engine's exact PCA of a dataset and what follows from it. */
export function useDatasetInfo(dataset: 'iris-z' | 'iris-raw') {
  return useQuery(queries.datasetInfo, { dataset });
}

/** Share of the variance two components keep, in percent. */
export const keptByTwo = (info: DatasetInfo | undefined) =>
  info ? (info.explained[0] + info.explained[1]) * 100 : undefined;

/** The Speed a Reduce page shows runs at (its own default: these runs are longer than the negator's). */
export function useReduceSpeed(page: string, fallback: Speed): [Speed, (s: Speed) => void] {
  const speed = useLesson((s) => s.speeds[page] ?? fallback);
  return [speed, (s) => lessonStore.getState().setSpeed(page, s)];
}

/** The iris run's config from the page's fields, or null while they have problems. */
export function irisConfig(
  values: Record<string, number>,
  dataset: 'iris-z' | 'iris-raw' = 'iris-z',
): ReduceRunConfig | null {
  const { seed, lr: learningRate, steps } = values;
  if (seed === undefined || learningRate === undefined || steps === undefined) return null;
  return { kind: 'autoencoder', dataset, learningRate, steps, seed, dtype: 'float32' };
}

export const IRIS_FIELDS: FieldSpec[] = [
  { name: 'seed', label: 'Seed', fallback: '1', kind: 'whole' },
  { name: 'lr', label: 'Learning rate', fallback: '0.1', kind: 'rate' },
  { name: 'steps', label: 'Steps', fallback: '300', kind: 'whole' },
];
