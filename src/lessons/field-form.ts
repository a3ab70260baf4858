/**
 * A lesson form's fields read against their specs: each field's text as typed, its number when
 * valid, and what is wrong with it otherwise (the Reduce and Layers pages' run settings).
 */
import { useLesson, lessonStore } from '../store/lesson-store.ts';
import { parseNumberField } from '../training/config.ts';

export interface FieldSpec {
  name: string;
  label: string;
  fallback: string;
  /** 'whole' for steps and seeds; 'number' for any finite number (a starting weight). */
  kind: 'rate' | 'whole' | 'number';
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
    else if (f.kind === 'number' && Math.abs(r.value) > 1e6)
      errors[f.name] = `${f.label} must be at most 1,000,000 in size.`;
    else if (f.kind === 'rate' && !(r.value > 0 && r.value <= 10))
      errors[f.name] = `${f.label} must be greater than 0 and at most 10.`;
    else values[f.name] = r.value;
  }
  return { text, values, errors, set: (name, v) => lessonStore.getState().setForm(id, { [name]: v }) };
}
