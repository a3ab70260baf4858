/**
 * Turns what the learner typed (table rows and settings text) into a training config, or
 * into a message per cell and per field. Runs the same validation the worker runs.
 */
import {
  LIMITS,
  NEGATOR_CONFIG,
  inRange,
  parseNumberField,
  rangeMessage,
  validateConfig,
  type Pair,
  type TrainingConfig,
} from '../training/config.ts';
import { SETTING_LABELS, type PairRow, type PlaygroundSettings, type TextSetting } from '../store/playground-store.ts';
import { groupDigits } from '../training/digits.ts';

export { SETTING_LABELS, type TextSetting };

export interface CellErrors {
  input?: string;
  target?: string;
}

export interface PlaygroundForm {
  config: TrainingConfig | null;
  /** Messages per row id; only rows with a problem appear. */
  cells: Map<number, CellErrors>;
  /** A problem with the table as a whole: no rows, or too many. */
  table?: string;
  fields: Partial<Record<TextSetting, string>>;
  /** How many separate problems block training (for the summary next to Train). */
  problems: number;
}

/** Checks one cell's text; returns its number or a message ("empty", "not a number", "out of range"). */
export function checkCell(text: string, label: 'Input' | 'Target'): { value: number } | { message: string } {
  const r = parseNumberField(text, label);
  if (!r.ok) return { message: r.message };
  if (!inRange(r.value)) return { message: `${label} ${text.trim()} is out of range. ${rangeMessage(label)}` };
  return { value: r.value };
}

function readRows(rows: PairRow[]): { pairs: Pair[]; cells: Map<number, CellErrors>; table?: string } {
  const cells = new Map<number, CellErrors>();
  const pairs: Pair[] = [];
  for (const row of rows) {
    const input = checkCell(row.input, 'Input');
    const target = checkCell(row.target, 'Target');
    if ('value' in input && 'value' in target) pairs.push({ input: input.value, target: target.value });
    else
      cells.set(row.id, {
        input: 'message' in input ? input.message : undefined,
        target: 'message' in target ? target.message : undefined,
      });
  }
  let table: string | undefined;
  if (rows.length === 0) table = 'The table is empty: add at least one input/target pair to train on.';
  else if (rows.length > LIMITS.maxPairs) {
    table = `Too many rows: ${groupDigits(rows.length)}. Training takes at most ${groupDigits(LIMITS.maxPairs)} pairs; delete ${groupDigits(rows.length - LIMITS.maxPairs)}.`;
  }
  return { pairs, cells, table };
}

function readSettings(s: PlaygroundSettings): {
  values: Partial<Record<TextSetting, number>>;
  fields: Partial<Record<TextSetting, string>>;
} {
  const values: Partial<Record<TextSetting, number>> = {};
  const fields: Partial<Record<TextSetting, string>> = {};
  for (const key of Object.keys(SETTING_LABELS) as TextSetting[]) {
    const r = parseNumberField(s[key], SETTING_LABELS[key]);
    if (!r.ok) fields[key] = r.message;
    else values[key] = r.value;
  }
  return { values, fields };
}

/** Reads the whole form. `config` is non-null only when every cell and field is valid. */
export function readPlaygroundForm(rows: PairRow[], settings: PlaygroundSettings): PlaygroundForm {
  const table = readRows(rows);
  const { values, fields } = readSettings(settings);
  const done = (config: TrainingConfig | null): PlaygroundForm => ({
    config,
    cells: table.cells,
    table: table.table,
    fields,
    problems:
      [...table.cells.values()].reduce((n, c) => n + (c.input ? 1 : 0) + (c.target ? 1 : 0), 0) +
      (table.table ? 1 : 0) +
      Object.keys(fields).length,
  });
  if (table.cells.size || table.table || Object.keys(fields).length) return done(null);
  const config: TrainingConfig = {
    ...NEGATOR_CONFIG,
    pairs: table.pairs,
    model: settings.model,
    optimizer: settings.optimizer,
    dtype: settings.dtype,
    learningRate: values.learningRate!,
    steps: values.steps!,
    initialWeight: values.initialWeight!,
    initialBias: values.initialBias!,
    seed: values.seed!,
  };
  const v = validateConfig(config);
  if (v.ok) return done(v.config);
  for (const issue of v.issues) {
    const key = issue.field as TextSetting;
    if (key in SETTING_LABELS) fields[key] ??= issue.message;
    else table.table ??= issue.message;
  }
  return done(null);
}
