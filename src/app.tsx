import { useEffect, useRef } from 'react';
import { Overview } from './overview/overview-page.tsx';
import { NegatorStep } from './lessons/negator/negator-step.tsx';
import { PlaygroundPage } from './playground/playground-page.tsx';
import { LessonNav } from './components/lesson-nav.tsx';
import { useRoute, type Route } from './router.ts';

function Page({ route }: { route: Route }) {
  if (route === '') return <Overview />;
  if (route === 'playground') return <PlaygroundPage />;
  return <NegatorStep id={route} />;
}

/** The app shell: header with the lesson nav, the current page. */
export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
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
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page key={route} route={route} />
      </main>
    </>
  );
}
