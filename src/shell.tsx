/**
 * The app's frame as static HTML, rendered at build time into index.html (see vite.config.ts):
 * the header and navigation paint from the HTML alone, before any JavaScript arrives. The app
 * then replaces it with the same frame and the page.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { LessonNav } from './components/lesson-nav.tsx';

export function renderShell(): string {
  return renderToStaticMarkup(
    <>
      <header className="site-header">
        <a className="brand" href="#/" aria-label="Overview">
          Perceptron Lab
        </a>
        <LessonNav route={'' as const} />
      </header>
      <div className="notices" aria-label="Notices" role="region" />
      <main id="main" tabIndex={-1}>
        <article className="page" aria-busy="true" data-loading="">
          <p className="progress">&nbsp;</p>
          <h1>Perceptron Lab</h1>
          <p className="lede">
            Learn gradient descent by watching it: a one-weight perceptron, its loss, the gradient tape and every step
            of the descent.
          </p>
        </article>
      </main>
    </>,
  );
}
