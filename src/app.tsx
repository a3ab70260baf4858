import { useEffect, useRef } from 'react';
import { Overview } from './overview/overview-page.tsx';
import { loaders } from './loaders.ts';
import type { LazyModule } from './components/lazy-module.ts';
import { LessonNav } from './components/lesson-nav.tsx';
import { InstallButton, NoticesArea } from './components/notices-area.tsx';
import { RouteBoundary } from './components/route-boundary.tsx';
import { OpenedByNavigation, afterFrame, useSwap } from './components/schedule.tsx';
import { lessonStore } from './store/lesson-store.ts';
import { playgroundStore } from './store/playground-store.ts';
import {
  ROUTE_TITLES,
  isLayers,
  isReduce,
  useRoute,
  type LayersStepId,
  type NegatorStepId,
  type ReduceStepId,
  type Route,
} from './router.ts';

// Each feature is its own chunk (fetched at idle after the first paint; see loaders.ts).
function NegatorStep({ id }: { id: NegatorStepId }) {
  const m = loaders.negator.useModule();
  return m ? <m.NegatorStep id={id} /> : <PageLoading route={id} loader={loaders.negator} />;
}
function PlaygroundPage() {
  const m = loaders.playground.useModule();
  return m ? <m.PlaygroundPage /> : <PageLoading route="playground" loader={loaders.playground} />;
}
function ReduceStep({ id }: { id: ReduceStepId }) {
  const m = loaders.reduce.useModule();
  return m ? <m.ReduceStep id={id} /> : <PageLoading route={id} loader={loaders.reduce} />;
}

function NetworkPage() {
  const m = loaders.network.useModule();
  return m ? <m.NetworkPage /> : <PageLoading route="network" loader={loaders.network} />;
}
function LayersStep({ id }: { id: LayersStepId }) {
  const m = loaders.layers.useModule();
  return m ? <m.LayersStep id={id} /> : <PageLoading route={id} loader={loaders.layers} />;
}

/**
 * What a page shows while its chunk arrives: its title, where the page will put it. If the chunk
 * cannot be had (offline and not cached, or gone from the server after an update), it says so,
 * with a Reload button, instead of loading forever.
 */
function PageLoading({ route, loader }: { route: Route; loader?: LazyModule<unknown> }) {
  return (
    <article className="page" aria-busy="true" data-loading="">
      <p className="progress">&nbsp;</p>
      <h1>{ROUTE_TITLES[route]}</h1>
      {loader ? <LoadingState loader={loader} /> : <p className="muted">Loading this page…</p>}
    </article>
  );
}

function LoadingState({ loader }: { loader: LazyModule<unknown> }) {
  const failure = loader.useFailure();
  if (!failure) return <p className="muted">Loading this page…</p>;
  return (
    <div role="alert" className="status-alert">
      <p>{failure}</p>
      <div className="toolbar">
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </div>
  );
}

function Page({ route }: { route: Route }) {
  if (route === '') return <Overview />;
  if (route === 'playground') return <PlaygroundPage />;
  if (route === 'network') return <NetworkPage />;
  if (isReduce(route)) return <ReduceStep id={route} />;
  if (isLayers(route)) return <LayersStep id={route} />;
  return <NegatorStep id={route} />;
}

/** What "Reset this page's saved data" clears for each page. */
const resetFor = (route: Route) =>
  route === 'playground'
    ? () => playgroundStore.getState().resetSaved()
    : route === 'network'
      ? // The Network page's settings store is in that page's chunk, not the entry.
        () => void import('./store/network-settings.ts').then((m) => m.networkSettings.getState().resetSaved())
      : () => lessonStore.getState().resetSaved();

/** The app shell: header with the lesson nav, notices, the current page inside its error boundary. */
export function App() {
  const { route, navigated } = useRoute();
  // The old page unmounts first, then the new one mounts, each in its own task.
  const shown = useSwap(route);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = route === '' ? 'Perceptron Lab' : `${ROUTE_TITLES[route]} — Perceptron Lab`;
    // Move focus to the new page (not on first load) so keyboard and screen-reader users follow.
    if (first.current) {
      first.current = false;
      return;
    }
    // Scrolling to (0, 0) needs no layout. focus() does (it asks whether the element can take
    // focus): called now it would lay the new page out inside this task, so it waits until the
    // frame after the page's first one has been drawn, when the layout is already done.
    window.scrollTo(0, 0);
    return afterFrame(() => main.current?.focus({ preventScroll: true }), 2);
  }, [route]);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand" href="#/" aria-label="Overview">
          Perceptron Lab
        </a>
        <LessonNav route={route} />
        <InstallButton />
      </header>
      <NoticesArea />
      <main id="main" ref={main} tabIndex={-1}>
        {shown === null ? (
          <PageLoading route={route} />
        ) : (
          <RouteBoundary key={shown} page={ROUTE_TITLES[shown]} onReset={resetFor(shown)}>
            <OpenedByNavigation.Provider value={navigated}>
              <Page route={shown} />
            </OpenedByNavigation.Provider>
          </RouteBoundary>
        )}
      </main>
    </>
  );
}
