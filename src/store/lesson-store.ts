/**
 * The learner's place in the lesson and what they typed into its widgets, persisted so a
 * reload loses nothing. Text fields are kept as typed (even when invalid).
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import { LESSON_SPEED, type Speed } from '../training/pace.ts';

export interface DescentDraft {
  input: string;
  target: string;
  initialWeight: string;
  learningRate: string;
  steps: string;
}

export const DESCENT_DEFAULTS: DescentDraft = { input: '3', target: '-3', initialWeight: '0.5', learningRate: '0.01', steps: '40' };

export interface LessonState {
  /** Lesson steps the learner has opened. */
  visited: string[];
  perceptron: { input: string; weight: string };
  loss: { weight: string };
  descent: DescentDraft;
  /** The Speed chosen on each page that runs training ('overview', 'descent'). */
  speeds: Record<string, Speed>;
  markVisited(id: string): void;
  setPerceptron(p: Partial<LessonState['perceptron']>): void;
  setLossWeight(w: string): void;
  setDescent(p: Partial<DescentDraft>): void;
  resetDescent(): void;
  setSpeed(page: string, speed: Speed): void;
}

/** The Speed a page shows runs at: the learner's choice, or the lessons' default. */
export const speedOf = (s: LessonState, page: string): Speed => s.speeds[page] ?? LESSON_SPEED;

export const lessonStore = createStore<LessonState>()(
  persist(
    (set, get) => ({
      visited: [],
      perceptron: { input: '3', weight: '0.5' },
      loss: { weight: '0.5' },
      descent: { ...DESCENT_DEFAULTS },
      speeds: {},
      markVisited: (id) => { if (!get().visited.includes(id)) set({ visited: [...get().visited, id] }); },
      setPerceptron: (p) => set({ perceptron: { ...get().perceptron, ...p } }),
      setLossWeight: (weight) => set({ loss: { weight } }),
      setDescent: (p) => set({ descent: { ...get().descent, ...p } }),
      resetDescent: () => set({ descent: { ...DESCENT_DEFAULTS } }),
      setSpeed: (page, speed) => set({ speeds: { ...get().speeds, [page]: speed } }),
    }),
    {
      name: 'perceptron-lab:lesson',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ visited: s.visited, perceptron: s.perceptron, loss: s.loss, descent: s.descent, speeds: s.speeds }),
    },
  ),
);

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
