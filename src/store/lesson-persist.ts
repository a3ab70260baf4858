/**
 * What the lessons save: the steps visited, what the learner typed into each widget (as
 * typed, even when invalid), the Speed per page and the answers to the predictions. Every
 * stored version has a migration here; every field is validated on load.
 */
import { asRecord, asText, FieldReader, oneOf } from './persist/read.ts';
import type { SliceSpec } from './persist/local-slice.ts';
import { readSpeed, type Speed } from '../training/pace.ts';

export interface DescentDraft {
  input: string;
  target: string;
  initialWeight: string;
  learningRate: string;
  steps: string;
}

export const DESCENT_DEFAULTS: DescentDraft = {
  input: '3',
  target: '-3',
  initialWeight: '0.5',
  learningRate: '0.01',
  steps: '40',
};
const DESCENT_NAMES: Record<keyof DescentDraft, string> = {
  input: 'Input',
  target: 'Target',
  initialWeight: 'Initial weight',
  learningRate: 'Learning rate',
  steps: 'Steps',
};

/** The Tape step's own numbers and the finite-difference step size. */
export interface TapeDraft {
  input: string;
  target: string;
  weight: string;
  h: string;
}

export const TAPE_DEFAULTS: TapeDraft = { input: '3', target: '-3', weight: '0.5', h: '1e-4' };
const TAPE_NAMES: Record<keyof TapeDraft, string> = {
  input: 'Input',
  target: 'Target',
  weight: 'Weight',
  h: 'Step size h',
};

/** A prediction the learner made before the app showed the answer. */
export interface PredictionAnswer {
  /** What they typed (empty when skipped). */
  answer: string;
  result: 'right' | 'wrong' | 'skipped';
}

export const PERCEPTRON_DEFAULTS = { input: '3', weight: '0.5' };
export const LOSS_DEFAULTS = { weight: '0.5' };

/**
 * What the learner typed into one widget, field by field, as typed. Every form of every lesson
 * is kept the same way: under its id in `forms` (a widget reads it with its own defaults
 * filled in, see `formOf`), so a new form needs no new stored shape.
 */
export type FormDraft = Record<string, string>;

/** Names for the notice when a stored field cannot be read (other forms are named by id). */
const FORM_NAMES: Record<string, { label: string; fields: Record<string, string> }> = {
  perceptron: { label: 'the Perceptron step', fields: { input: 'Input', weight: 'Weight' } },
  loss: { label: 'the Loss step', fields: { weight: 'Weight' } },
  descent: { label: 'the Descent step', fields: DESCENT_NAMES },
  tape: { label: 'the Tape step', fields: TAPE_NAMES },
};

export interface LessonData {
  /** Route ids of the steps the learner has opened. */
  visited: string[];
  /** Every form's fields as typed, by form id ('descent', 'tape', 'explore', 'reduce.iris', …). */
  forms: Record<string, FormDraft>;
  /** The Speed chosen on each page that runs training ('overview', 'descent', …). */
  speeds: Record<string, Speed>;
  /** Answers by prediction id. */
  predictions: Record<string, PredictionAnswer>;
}

export const LESSON_STORAGE_KEY = 'perceptron-lab:lesson';
/**
 * Version 1: visited, perceptron, loss, descent. Version 2 adds tape, speeds, predictions and
 * fields ('reduce.iris.seed', …). Version 3 keeps every form one way, under `forms`.
 */
export const LESSON_VERSION = 3;

export function lessonDefaults(): LessonData {
  return { visited: [], forms: {}, speeds: {}, predictions: {} };
}

/** Form `id` as stored, with `defaults` for the fields never typed. */
export function formOf<T extends { [K in keyof T]: string }>(forms: LessonData['forms'], id: string, defaults: T): T {
  return { ...defaults, ...forms[id] } as T;
}

const asVisited = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...new Set(v as string[])] : undefined;

/** A record whose entries are read one by one; unreadable entries are dropped and counted. */
function readEntries<T>(
  reader: FieldReader,
  name: string,
  label: string,
  read: (v: unknown) => T | undefined,
): Record<string, T> {
  const raw = reader.field(name, label, asRecord, undefined);
  if (!raw) return {};
  const out: Record<string, T> = {};
  let bad = 0;
  for (const [k, v] of Object.entries(raw)) {
    const value = read(v);
    if (value === undefined) bad++;
    else out[k] = value;
  }
  if (bad) reader.add([label]);
  return out;
}

const asAnswer = (v: unknown): PredictionAnswer | undefined => {
  const r = asRecord(v);
  const answer = r && asText(r.answer);
  const result = r && oneOf(['right', 'wrong', 'skipped'] as const)(r.result);
  return answer !== undefined && result ? { answer, result } : undefined;
};

/** Every form, field by field: an unreadable field costs only itself (and is named). */
function readForms(reader: FieldReader): Record<string, FormDraft> {
  const raw = reader.field('forms', 'the lessons’ fields', asRecord, undefined);
  if (!raw) return {};
  const out: Record<string, FormDraft> = {};
  for (const [id, value] of Object.entries(raw)) {
    const names = FORM_NAMES[id];
    const label = names?.label ?? `the “${id}” fields`;
    const form = asRecord(value);
    if (!form) {
      reader.add([label]);
      continue;
    }
    const inner = new FieldReader(form);
    const draft: FormDraft = {};
    for (const key of Object.keys(form)) {
      const text = inner.field(key, `${label}: ${names?.fields[key] ?? key}`, asText, undefined);
      if (text !== undefined) draft[key] = text;
    }
    reader.add(inner.reset);
    out[id] = draft;
  }
  return out;
}

/** Validates stored lesson data field by field. */
export function readLesson(raw: unknown): { value: LessonData; reset: string[] } {
  const d = lessonDefaults();
  const r = new FieldReader(asRecord(raw) ?? {});
  const value: LessonData = {
    visited: r.field('visited', 'which steps you have visited', asVisited, d.visited),
    forms: readForms(r),
    speeds: readEntries(r, 'speeds', 'the Speed settings', readSpeed),
    predictions: readEntries(r, 'predictions', 'some of your predictions', asAnswer),
  };
  return { value, reset: r.reset };
}

/** Version 2 → 3: lesson 1's four drafts and the dotted `fields` ('reduce.iris.seed') become forms. */
function formsFromV2(s: unknown): unknown {
  const old = asRecord(s);
  if (!old) return s; // not an object: the reader says it could not be read
  const { perceptron, loss, descent, tape, fields, ...rest } = old;
  const forms: Record<string, unknown> = {};
  const drafts = { perceptron, loss, descent, tape };
  for (const [id, draft] of Object.entries(drafts)) if (draft !== undefined) forms[id] = draft;
  const flat = asRecord(fields);
  if (flat)
    for (const [name, text] of Object.entries(flat)) {
      const dot = name.lastIndexOf('.');
      const id = dot > 0 ? name.slice(0, dot) : 'other';
      const field = dot > 0 ? name.slice(dot + 1) : name;
      const form = asRecord(forms[id]) ?? {};
      forms[id] = { ...form, [field]: text };
    }
  return { ...rest, forms };
}

export const lessonSlice: SliceSpec<LessonData> = {
  key: LESSON_STORAGE_KEY,
  version: LESSON_VERSION,
  label: 'your lesson progress',
  defaults: lessonDefaults,
  read: readLesson,
  migrations: {
    // Version 0 was never released; a stored 0 is read as version 1.
    0: (s) => s,
    1: (s) => ({ ...(asRecord(s) ?? {}), speeds: {}, predictions: {}, fields: {} }),
    2: formsFromV2,
  },
};
