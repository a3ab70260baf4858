/**
 * The learner's place in the lessons and what they typed into its widgets, persisted so a
 * reload loses nothing (shape, validation and migrations: lesson-persist.ts).
 */
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import { useMemo } from 'react';
import { LESSON_SPEED, type Speed } from '../training/pace.ts';
import { followOtherTabs, sliceOptions } from './persist/local-slice.ts';
import {
  DESCENT_DEFAULTS,
  LESSON_STORAGE_KEY,
  LOSS_DEFAULTS,
  PERCEPTRON_DEFAULTS,
  TAPE_DEFAULTS,
  formOf,
  lessonDefaults,
  lessonSlice,
  type DescentDraft,
  type FormDraft,
  type LessonData,
  type PredictionAnswer,
  type TapeDraft,
} from './lesson-persist.ts';

export {
  DESCENT_DEFAULTS,
  LOSS_DEFAULTS,
  PERCEPTRON_DEFAULTS,
  TAPE_DEFAULTS,
  LESSON_STORAGE_KEY,
  formOf,
  type DescentDraft,
  type FormDraft,
  type TapeDraft,
  type PredictionAnswer,
};

export interface LessonState extends LessonData {
  markVisited(id: string): void;
  /** Keeps what was typed into form `id` (only the fields given change). */
  setForm(id: string, fields: FormDraft): void;
  /** Forgets what was typed into form `id`: it shows its defaults again. */
  resetForm(id: string): void;
  setSpeed(page: string, speed: Speed): void;
  answer(id: string, a: PredictionAnswer): void;
  /** Forgets one answer, to ask the question again. */
  forget(id: string): void;
  /** Forgets everything the lessons saved (the error page's "Reset this page's saved data"). */
  resetSaved(): void;
}

/** The Speed a page shows runs at: the learner's choice, or the lessons' default. */
export const speedOf = (s: LessonState, page: string): Speed => s.speeds[page] ?? LESSON_SPEED;

const pick = (s: LessonState): LessonData => ({
  visited: s.visited,
  forms: s.forms,
  speeds: s.speeds,
  predictions: s.predictions,
});

export const lessonStore = createStore<LessonState>()(
  persist(
    (set, get) => ({
      ...lessonDefaults(),
      markVisited: (id) => {
        if (!get().visited.includes(id)) set({ visited: [...get().visited, id] });
      },
      setForm: (id, fields) => set({ forms: { ...get().forms, [id]: { ...get().forms[id], ...fields } } }),
      resetForm: (id) => set({ forms: Object.fromEntries(Object.entries(get().forms).filter(([k]) => k !== id)) }),
      setSpeed: (page, speed) => set({ speeds: { ...get().speeds, [page]: speed } }),
      answer: (id, a) => set({ predictions: { ...get().predictions, [id]: a } }),
      forget: (id) =>
        set({ predictions: Object.fromEntries(Object.entries(get().predictions).filter(([k]) => k !== id)) }),
      resetSaved() {
        lessonStore.persist.clearStorage();
        set(lessonDefaults());
      },
    }),
    sliceOptions<LessonState, LessonData>(lessonSlice, pick, (saved, current) => ({ ...current, ...saved })),
  ),
);

followOtherTabs(lessonStore, LESSON_STORAGE_KEY);

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

/**
 * Whether every one of these predictions has been answered or skipped: what gives their answers
 * away stays off the page until then.
 */
export function useAnswered(...ids: string[]): boolean {
  return useLesson((s) => ids.every((id) => s.predictions[id] !== undefined));
}

/**
 * Form `id` as the learner typed it (with `defaults` for fields never typed), and a setter that
 * keeps each change. The one way every lesson widget keeps its fields.
 */
export function useForm<T extends { [K in keyof T]: string }>(
  id: string,
  defaults: T,
): [T, (fields: Partial<T>) => void] {
  const stored = useLesson((s) => s.forms[id]);
  // The same object while nothing was typed, so widgets can depend on it.
  const draft = useMemo(() => ({ ...defaults, ...stored }) as T, [defaults, stored]);
  return [draft, (fields) => lessonStore.getState().setForm(id, fields as FormDraft)];
}
