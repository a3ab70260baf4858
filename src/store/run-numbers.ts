/**
 * Compared runs are numbered across every tab of the browser, so two tabs never both make a
 * "Run 2": the next number lives in localStorage (read and written in one synchronous step)
 * and a tab takes the larger of it and its own. Without storage, the tab's own count is used.
 */
export const RUN_NUMBER_KEY = 'perceptron-lab:compared-runs:next';

/** The number for a new run (≥ `local`); the shared counter moves past it. */
export function claimRunNumber(local: number): number {
  try {
    const shared = Number(localStorage.getItem(RUN_NUMBER_KEY));
    const n = Math.max(local, Number.isSafeInteger(shared) && shared > 0 ? shared : 1);
    localStorage.setItem(RUN_NUMBER_KEY, String(n + 1));
    return n;
  } catch {
    return local;
  }
}

/** Starts the numbering again (the learner reset their saved data). */
export function resetRunNumbers(): void {
  try {
    localStorage.removeItem(RUN_NUMBER_KEY);
  } catch {
    /* nothing stored */
  }
}
