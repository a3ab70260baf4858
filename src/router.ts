/** Hash routes (`#/tape`), so every page deep-links and works from the offline cache. */
import { startTransition, useEffect, useState } from 'react';

/**
 * Lesson 1's steps, in order, each with the predictions it asks (by the `id` its `<Prediction>`
 * has, in the order asked): the Overview's tally and the tests count them from here.
 */
export const NEGATOR_STEPS = [
  { id: 'perceptron', title: 'Perceptron', predictions: ['perceptron-weight'] },
  { id: 'loss', title: 'Loss', predictions: [] },
  { id: 'tape', title: 'Tape', predictions: ['tape-dldw'] },
  { id: 'descent', title: 'Descent', predictions: ['descent-next-w', 'lr-limit', 'lr-one-step'] },
] as const;

export type NegatorStepId = (typeof NEGATOR_STEPS)[number]['id'];

/** Lesson 2's steps, in order, all under #/reduce (with their predictions, as above). */
export const REDUCE_STEPS = [
  { id: 'reduce', title: 'Squash four points', predictions: [] },
  { id: 'reduce/iris', title: 'The iris flowers', predictions: ['reduce-variance'] },
  { id: 'reduce/experiments', title: 'Reduce: experiments', predictions: ['reduce-lr-0.5'] },
] as const;

/** Lesson 3's steps, in order, all under #/layers (with their predictions, as above). */
export const LAYERS_STEPS = [
  { id: 'layers', title: 'Stack two lines', predictions: ['layers-abs'] },
  { id: 'layers/bend', title: 'Bend the line', predictions: ['layers-xor-one'] },
  { id: 'layers/backprop', title: 'Backprop through a layer', predictions: ['layers-x-twice'] },
  { id: 'layers/iris', title: 'Name the species', predictions: ['layers-confuse'] },
] as const;

/** Lesson 1's predictions, in the order the lesson asks them (the Overview counts them). */
export const NEGATOR_PREDICTIONS: readonly string[] = NEGATOR_STEPS.flatMap((s) => s.predictions);
/** Each lesson's name and predictions, for the Overview's tally. */
export const LESSON_PREDICTIONS: readonly { lesson: string; ids: readonly string[] }[] = [
  { lesson: 'Lesson 1', ids: NEGATOR_PREDICTIONS },
  { lesson: 'Lesson 2', ids: REDUCE_STEPS.flatMap((s) => s.predictions) },
  { lesson: 'Lesson 3', ids: LAYERS_STEPS.flatMap((s) => s.predictions) },
];
/** Every prediction of every lesson, in lesson order. */
export const ALL_PREDICTIONS: readonly string[] = LESSON_PREDICTIONS.flatMap((l) => l.ids);

export type ReduceStepId = (typeof REDUCE_STEPS)[number]['id'];
export type LayersStepId = (typeof LAYERS_STEPS)[number]['id'];
export type Route = '' | NegatorStepId | 'playground' | 'network' | ReduceStepId | LayersStepId;

/** Each route's name, for the navigation and the document title. */
export const ROUTE_TITLES: Record<Route, string> = {
  '': 'Overview',
  ...(Object.fromEntries(NEGATOR_STEPS.map((s) => [s.id, s.title])) as Record<NegatorStepId, string>),
  playground: 'Playground',
  network: 'Network',
  ...(Object.fromEntries(REDUCE_STEPS.map((s) => [s.id, s.title])) as Record<ReduceStepId, string>),
  ...(Object.fromEntries(LAYERS_STEPS.map((s) => [s.id, s.title])) as Record<LayersStepId, string>),
};

export const isReduce = (r: Route): r is ReduceStepId => r === 'reduce' || r.startsWith('reduce/');
export const isLayers = (r: Route): r is LayersStepId => r === 'layers' || r.startsWith('layers/');

const ROUTES = new Set<string>(Object.keys(ROUTE_TITLES));

/** The route named by a hash such as "#/tape" (unknown hashes fall back to the overview). */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0].replace(/\/+$/, '');
  if (ROUTES.has(path)) return path as Route;
  const first = path.split('/')[0];
  return (ROUTES.has(first) ? first : '') as Route;
}

/**
 * The current route, and whether the learner has navigated since the app started; re-renders
 * on hash changes. The new page renders in a transition: React builds it in short slices
 * while the old page stays, so opening a page is not one long task.
 */
export function useRoute(): { route: Route; navigated: boolean } {
  const [state, setState] = useState(() => ({ route: parseHash(window.location.hash), navigated: false }));
  useEffect(() => {
    const onChange = () => {
      const route = parseHash(window.location.hash);
      // The same page (a link's parameters changed): nothing to render again.
      startTransition(() => setState((s) => (route === s.route ? s : { route, navigated: true })));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return state;
}

export const hrefFor = (route: Route) => `#/${route}`;

interface Link {
  href: string;
  title: string;
}

/**
 * Step `id` of a lesson: its title and its previous/next links, `before` and `after` standing
 * in past the lesson's first and last step.
 */
export function lessonPage<Id extends Route>(
  steps: readonly { id: Id; title: string }[],
  id: Id,
  before: Link,
  after: Link,
) {
  const index = steps.findIndex((s) => s.id === id);
  const prev = steps[index - 1];
  const next = steps[index + 1];
  return {
    title: steps[index].title,
    prev: prev ? { href: hrefFor(prev.id), title: `Previous: ${prev.title}` } : before,
    next: next ? { href: hrefFor(next.id), title: `Next: ${next.title}` } : after,
  };
}
