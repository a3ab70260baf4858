/**
 * The learner's place in the lesson and what they typed into its widgets, persisted so a
 * reload loses nothing. Text fields are kept as typed (even when invalid).
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useStore } from 'zustand';

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
  markVisited(id: string): void;
  setPerceptron(p: Partial<LessonState['perceptron']>): void;
  setLossWeight(w: string): void;
  setDescent(p: Partial<DescentDraft>): void;
  resetDescent(): void;
}

export const lessonStore = createStore<LessonState>()(
  persist(
    (set, get) => ({
      visited: [],
      perceptron: { input: '3', weight: '0.5' },
      loss: { weight: '0.5' },
      descent: { ...DESCENT_DEFAULTS },
      markVisited: (id) => { if (!get().visited.includes(id)) set({ visited: [...get().visited, id] }); },
      setPerceptron: (p) => set({ perceptron: { ...get().perceptron, ...p } }),
      setLossWeight: (weight) => set({ loss: { weight } }),
      setDescent: (p) => set({ descent: { ...get().descent, ...p } }),
      resetDescent: () => set({ descent: { ...DESCENT_DEFAULTS } }),
    }),
    {
      name: 'perceptron-lab:lesson',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ visited: s.visited, perceptron: s.perceptron, loss: s.loss, descent: s.descent }),
    },
  ),
);

export function useLesson<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonStore, selector);
}
