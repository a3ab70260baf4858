import { Overview } from './pages/overview.tsx';

/** The app shell: header, the current page, footer. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <span className="brand" aria-hidden="false">Perceptron Lab</span>
      </header>
      <main id="main" tabIndex={-1}>
        <Overview />
      </main>
    </>
  );
}
