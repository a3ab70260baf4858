import { useEffect, useRef } from 'react';
import { Overview } from './overview/overview-page.tsx';
import { NegatorStep } from './lessons/negator/negator-step.tsx';
import { PlaygroundPage } from './playground/playground-page.tsx';
import { LessonNav } from './components/lesson-nav.tsx';
import { InstallButton, NoticesArea } from './components/notices-area.tsx';
import { RouteBoundary } from './components/route-boundary.tsx';
import { lessonStore } from './store/lesson-store.ts';
import { playgroundStore } from './store/playground-store.ts';
import { ROUTE_TITLES, isReduce, useRoute, type Route } from './router.ts';
import { ReduceStep } from './lessons/reduce/reduce-step.tsx';

function Page({ route }: { route: Route }) {
  if (route === '') return <Overview />;
  if (route === 'playground') return <PlaygroundPage />;
  if (isReduce(route)) return <ReduceStep id={route} />;
  return <NegatorStep id={route} />;
}

/** What "Reset this page's saved data" clears for each page. */
const resetFor = (route: Route) => (route === 'playground' ? () => playgroundStore.getState().resetSaved() : () => lessonStore.getState().resetSaved());

/** The app shell: header with the lesson nav, notices, the current page inside its error boundary. */
export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = route === '' ? 'Perceptron Lab' : `${ROUTE_TITLES[route]} — Perceptron Lab`;
    // Move focus to the new page (not on first load) so keyboard and screen-reader users follow.
    if (first.current) { first.current = false; return; }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [route]);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header className="site-header">
        <a className="brand" href="#/" aria-label="Overview">Perceptron Lab</a>
        <LessonNav route={route} />
        <InstallButton />
      </header>
      <NoticesArea />
      <main id="main" ref={main} tabIndex={-1}>
        <RouteBoundary key={route} page={ROUTE_TITLES[route]} onReset={resetFor(route)}>
          <Page route={route} />
        </RouteBoundary>
      </main>
    </>
  );
}
