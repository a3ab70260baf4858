/**
 * The app's own life: a new version waiting to load, and whether the browser offers to install
 * the app. Set by src/pwa.ts (service worker and install events); read by the header and the
 * update notice. Actions that need the browser are injected, so this store stays testable.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface AppState {
  /** A new version is installed and waiting; it loads only when the learner says so. */
  updateReady: boolean;
  /** Another tab loaded the new version; this tab still runs the old one until reloaded. */
  updatedElsewhere: boolean;
  /** The browser offered installation (beforeinstallprompt) and the app is not installed. */
  canInstall: boolean;
  /** Loads the waiting version (reloads the page). */
  applyUpdate: () => Promise<void>;
  /** Shows the browser's install prompt. */
  install: () => Promise<void>;
}

export const appStore = createStore<AppState>()(() => ({
  updateReady: false,
  updatedElsewhere: false,
  canInstall: false,
  applyUpdate: async () => undefined,
  install: async () => undefined,
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
