/** Hash routes (`#/tape`), so every page deep-links and works from the offline cache. */
import { useSyncExternalStore } from 'react';

export const LESSON_STEPS = [
  { id: 'perceptron', title: 'Perceptron' },
  { id: 'loss', title: 'Loss' },
  { id: 'tape', title: 'Tape' },
  { id: 'descent', title: 'Descent' },
] as const;

export type LessonId = (typeof LESSON_STEPS)[number]['id'];
export type Route = '' | LessonId | 'playground';

const ROUTES = new Set<string>(['', 'playground', ...LESSON_STEPS.map((s) => s.id)]);

/** The route named by a hash such as "#/tape" (unknown hashes fall back to the overview). */
export function parseHash(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return (ROUTES.has(id) ? id : '') as Route;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash), () => '');
}

export const hrefFor = (route: Route) => `#/${route}`;
