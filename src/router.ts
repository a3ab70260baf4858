/** Hash routes (`#/tape`), so every page deep-links and works from the offline cache. */
import { useSyncExternalStore } from 'react';

/** Lesson 1's steps, in order. */
export const NEGATOR_STEPS = [
  { id: 'perceptron', title: 'Perceptron' },
  { id: 'loss', title: 'Loss' },
  { id: 'tape', title: 'Tape' },
  { id: 'descent', title: 'Descent' },
] as const;

export type NegatorStepId = (typeof NEGATOR_STEPS)[number]['id'];
export type Route = '' | NegatorStepId | 'playground';

/** Each route's name, for the navigation and the document title. */
export const ROUTE_TITLES: Record<Route, string> = {
  '': 'Overview',
  ...Object.fromEntries(NEGATOR_STEPS.map((s) => [s.id, s.title])) as Record<NegatorStepId, string>,
  playground: 'Playground',
};

const ROUTES = new Set<string>(Object.keys(ROUTE_TITLES));

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
