/** Helpers the lesson widgets share: configs for the worker built from what the learner typed. */
import {
  NEGATOR_CONFIG,
  inRange,
  parseNumberField,
  rangeMessage,
  type Pair,
  type TrainingConfig,
} from '../../training/config.ts';

/** A config for evaluating the 'w' model on `pairs` in float64 (display widgets, not training). */
export function displayConfig(pairs: Pair[]): TrainingConfig {
  return { ...NEGATOR_CONFIG, pairs, dtype: 'float64' };
}

/** Parses several labelled fields at once; `errors` holds a message per field that failed. */
export function parseFields<K extends string>(
  fields: Record<K, { text: string; label: string }>,
): { values: Partial<Record<K, number>>; errors: Partial<Record<K, string>> } {
  const values: Partial<Record<K, number>> = {};
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(fields) as K[]) {
    const r = parseNumberField(fields[key].text, fields[key].label);
    if (r.ok) {
      if (!inRange(r.value)) errors[key] = rangeMessage(fields[key].label);
      else values[key] = r.value;
    } else errors[key] = r.message;
  }
  return { values, errors };
}
