/**
 * Catches a page that fails to render, so one bad page (or its saved data) never blanks the
 * app: it says what went wrong and offers to reset that page's saved data or try again.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface RouteBoundaryProps {
  /** The page's name, as the navigation shows it. */
  page: string;
  /** Forgets the saved data this page reads. */
  onReset(): void;
  children: ReactNode;
}

export class RouteBoundary extends Component<RouteBoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for whoever debugs it; the learner gets the message below.
    console.warn(`The ${this.props.page} page failed to render:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="page card status-alert route-error" role="alert" aria-labelledby="route-error-title">
        <h1 id="route-error-title">The {this.props.page} page could not be shown</h1>
        <p>
          Something went wrong while drawing it: <code>{error.message}</code>
        </p>
        <p>
          If it happens again, its saved data may be the cause. Resetting clears only what this page saved; other pages
          keep theirs.
        </p>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => {
              this.props.onReset();
              this.setState({ error: null });
            }}
          >
            Reset this page's saved data
          </button>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </section>
    );
  }
}
