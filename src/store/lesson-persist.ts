/**
 * What the lessons save: the steps visited, what the learner typed into each widget (as
 * typed, even when invalid), the Speed per page and the answers to the predictions. Every
 * stored version has a migration here; every field is validated on load.
 */
import { asRecord, asText, FieldReader, oneOf, readDraft } from './persist/read.ts';
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

export interface LessonData {
  /** Route ids of the steps the learner has opened. */
  visited: string[];
  perceptron: { input: string; weight: string };
  loss: { weight: string };
  descent: DescentDraft;
  tape: TapeDraft;
  /** The Speed chosen on each page that runs training ('overview', 'descent', …). */
  speeds: Record<string, Speed>;
  /** Answers by prediction id. */
  predictions: Record<string, PredictionAnswer>;
  /** Other fields the lessons keep as typed, by name ('explore.lr', 'reduce.seed', …). */
  fields: Record<string, string>;
}

export const LESSON_STORAGE_KEY = 'perceptron-lab:lesson';
/** Version 1: visited, perceptron, loss, descent. Version 2 adds tape, speeds, predictions and fields. */
export const LESSON_VERSION = 2;

export function lessonDefaults(): LessonData {
  return {
    visited: [],
    perceptron: { input: '3', weight: '0.5' },
    loss: { weight: '0.5' },
    descent: { ...DESCENT_DEFAULTS },
    tape: { ...TAPE_DEFAULTS },
    speeds: {},
    predictions: {},
    fields: {},
  };
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

/** Validates stored lesson data field by field. */
export function readLesson(raw: unknown): { value: LessonData; reset: string[] } {
  const d = lessonDefaults();
  const r = new FieldReader(asRecord(raw) ?? {});
  const value: LessonData = {
    visited: r.field('visited', 'which steps you have visited', asVisited, d.visited),
    perceptron: readDraft(r, 'perceptron', 'the Perceptron step', d.perceptron, { input: 'Input', weight: 'Weight' }),
    loss: readDraft(r, 'loss', 'the Loss step', d.loss, { weight: 'Weight' }),
    descent: readDraft(r, 'descent', 'the Descent step', d.descent, DESCENT_NAMES),
    tape: readDraft(r, 'tape', 'the Tape step', d.tape, TAPE_NAMES),
    speeds: readEntries(r, 'speeds', 'the Speed settings', readSpeed),
    predictions: readEntries(r, 'predictions', 'some of your predictions', asAnswer),
    fields: readEntries(r, 'fields', 'some of the lessons’ other fields', asText),
  };
  return { value, reset: r.reset };
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
  },
};
