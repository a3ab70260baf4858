/**
 * What the Reduce pages share: the species' colours and markers, reading the learner's fields
 * into run configs, the engine's facts about each dataset, and a run's readout values.
 */
import { useLesson, lessonStore } from '../../store/lesson-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import { parseNumberField } from '../../training/config.ts';
import type { Speed } from '../../training/pace.ts';
import type { ScatterGroup } from '../../components/scatter-plot.tsx';
import type { DatasetInfo, ReduceRunConfig } from '../../worker-types.ts';

export const SPECIES_GROUPS: ScatterGroup[] = [
  { name: 'setosa', color: '#1d4ed8', shape: 'circle' },
  { name: 'versicolor', color: '#d97706', shape: 'square' },
  { name: 'virginica', color: '#059669', shape: 'triangle' },
];

export interface FieldSpec {
  name: string;
  label: string;
  fallback: string;
  /** 'whole' for steps and seeds. */
  kind: 'rate' | 'whole';
}

/**
 * Form `id` of the lesson store (its fields as typed) read against `specs`: each field's text,
 * its number when it is valid, and what is wrong with it otherwise.
 */
export function useFieldForm(
  id: string,
  specs: FieldSpec[],
): {
  text: Record<string, string>;
  values: Record<string, number>;
  errors: Record<string, string>;
  set(name: string, v: string): void;
} {
  const stored = useLesson((s) => s.forms[id]) ?? {};
  const text: Record<string, string> = {};
  const values: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const f of specs) {
    text[f.name] = stored[f.name] ?? f.fallback;
    const r = parseNumberField(text[f.name], f.label);
    if (!r.ok) errors[f.name] = r.message;
    else if (f.kind === 'whole' && (!Number.isInteger(r.value) || r.value < (f.name.endsWith('seed') ? 0 : 1)))
      errors[f.name] = `${f.label} must be a whole number${f.name.endsWith('seed') ? '' : ' of at least 1'}.`;
    else if (f.kind === 'rate' && !(r.value > 0 && r.value <= 10))
      errors[f.name] = `${f.label} must be greater than 0 and at most 10.`;
    else values[f.name] = r.value;
  }
  return { text, values, errors, set: (name, v) => lessonStore.getState().setForm(id, { [name]: v }) };
}

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
