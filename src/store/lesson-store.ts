/**
 * The learner's place in the lessons and what they typed into its widgets, persisted so a
 * reload loses nothing (shape, validation and migrations: lesson-persist.ts).
 */
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import { LESSON_SPEED, type Speed } from '../training/pace.ts';
import { followOtherTabs, sliceOptions } from './persist/local-slice.ts';
import {
  DESCENT_DEFAULTS,
  LESSON_STORAGE_KEY,
  TAPE_DEFAULTS,
  lessonDefaults,
  lessonSlice,
  type DescentDraft,
  type LessonData,
  type PredictionAnswer,
  type TapeDraft,
} from './lesson-persist.ts';

export {
  DESCENT_DEFAULTS,
  TAPE_DEFAULTS,
  LESSON_STORAGE_KEY,
  type DescentDraft,
  type TapeDraft,
  type PredictionAnswer,
};

export interface LessonState extends LessonData {
  markVisited(id: string): void;
  setPerceptron(p: Partial<LessonData['perceptron']>): void;
  setLossWeight(w: string): void;
  setDescent(p: Partial<DescentDraft>): void;
  resetDescent(): void;
  setTape(p: Partial<TapeDraft>): void;
  setSpeed(page: string, speed: Speed): void;
  answer(id: string, a: PredictionAnswer): void;
  /** Forgets one answer, to ask the question again. */
  forget(id: string): void;
  setField(name: string, text: string): void;
  /** Forgets everything the lessons saved (the error page's "Reset this page's saved data"). */
  resetSaved(): void;
}

/** Lesson 1's predictions, in the order the lesson asks them (the Overview counts them). */
export const NEGATOR_PREDICTIONS = [
  'perceptron-weight',
  'tape-dldw',
  'descent-next-w',
  'lr-limit',
  'lr-one-step',
] as const;

/** The Speed a page shows runs at: the learner's choice, or the lessons' default. */
export const speedOf = (s: LessonState, page: string): Speed => s.speeds[page] ?? LESSON_SPEED;

const pick = (s: LessonState): LessonData => ({
  visited: s.visited,
  perceptron: s.perceptron,
  loss: s.loss,
  descent: s.descent,
  tape: s.tape,
  speeds: s.speeds,
  predictions: s.predictions,
  fields: s.fields,
});

export const lessonStore = createStore<LessonState>()(
  persist(
    (set, get) => ({
      ...lessonDefaults(),
      markVisited: (id) => {
        if (!get().visited.includes(id)) set({ visited: [...get().visited, id] });
      },
      setPerceptron: (p) => set({ perceptron: { ...get().perceptron, ...p } }),
      setLossWeight: (weight) => set({ loss: { weight } }),
      setDescent: (p) => set({ descent: { ...get().descent, ...p } }),
      resetDescent: () => set({ descent: { ...DESCENT_DEFAULTS } }),
      setTape: (p) => set({ tape: { ...get().tape, ...p } }),
      setSpeed: (page, speed) => set({ speeds: { ...get().speeds, [page]: speed } }),
      answer: (id, a) => set({ predictions: { ...get().predictions, [id]: a } }),
      forget: (id) =>
        set({ predictions: Object.fromEntries(Object.entries(get().predictions).filter(([k]) => k !== id)) }),
      setField: (name, text) => set({ fields: { ...get().fields, [name]: text } }),
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
