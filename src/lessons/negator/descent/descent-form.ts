/** Turns the Descent step's text fields into a training config, or into messages per field. */
import { NEGATOR_CONFIG, validateConfig, type TrainingConfig } from '../../../training/config.ts';
import type { DescentDraft } from '../../../store/lesson-store.ts';
import { parseFields } from '../shared.ts';

export const DESCENT_LABELS: Record<keyof DescentDraft, string> = {
  input: 'Input',
  target: 'Target',
  initialWeight: 'Initial weight',
  learningRate: 'Learning rate',
  steps: 'Steps',
};

const CONFIG_FIELD: Record<string, keyof DescentDraft> = {
  'pairs.0.input': 'input',
  'pairs.0.target': 'target',
  initialWeight: 'initialWeight',
  learningRate: 'learningRate',
  steps: 'steps',
};

export type DescentForm =
  | { ok: true; config: TrainingConfig; errors: Partial<Record<keyof DescentDraft, string>> }
  | { ok: false; config: null; errors: Partial<Record<keyof DescentDraft, string>> };

/** Parses the draft and runs the same validation the worker runs. */
export function readDescentForm(draft: DescentDraft): DescentForm {
  const keys = Object.keys(DESCENT_LABELS) as (keyof DescentDraft)[];
  const { values, errors } = parseFields(
    Object.fromEntries(keys.map((k) => [k, { text: draft[k], label: DESCENT_LABELS[k] }])) as Record<
      keyof DescentDraft,
      { text: string; label: string }
    >,
  );
  if (Object.keys(errors).length) return { ok: false, config: null, errors };
  const config: TrainingConfig = {
    ...NEGATOR_CONFIG,
    pairs: [{ input: values.input!, target: values.target! }],
    initialWeight: values.initialWeight!,
    learningRate: values.learningRate!,
    steps: values.steps!,
  };
  const v = validateConfig(config);
  if (v.ok) return { ok: true, config, errors: {} };
  for (const issue of v.issues) {
    const field = CONFIG_FIELD[issue.field];
    if (field) errors[field] ??= issue.message;
  }
  return { ok: false, config: null, errors };
}
