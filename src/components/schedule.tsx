/**
 * When things mount and redraw: the one place that decides it (see CONTRIBUTING.md,
 * "Scheduling"). Opening a page commits its top part at once; lower panels and charts come
 * after the first frame, one per task (and a chart only once it is near the viewport), so no
 * single task grows long on a slow phone. Features use `<Later>`; charts use the hooks.
 */
import {
  createContext,
  startTransition,
  useContext,
  useDeferredValue,
  useEffect,
  useState,
  type ReactNode,
} from 'react';

/**
 * True inside a page opened from the navigation (not the page the app first loaded with): only
 * then are its lower panels deferred. The first page renders whole, for its first paint.
 */
export const OpenedByNavigation = createContext(false);

/** Calls `fn` once `frames` frames have been drawn; returns a cancel function. */
export function afterFrame(fn: () => void, frames = 1): () => void {
  let id = requestAnimationFrame(function tick() {
    if (--frames > 0) id = requestAnimationFrame(tick);
    else fn();
  });
  return () => cancelAnimationFrame(id);
}

/** Calls `fn` after the first frame, once the main thread is idle (prefetching). */
export function whenIdle(fn: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  afterFrame(() => (idle ? idle(fn, { timeout: 1500 }) : setTimeout(fn, 200)));
}

// The turn queue: one waiting widget mounts per frame, in a task of its own, so a page with four
// charts opens in short tasks rather than one long one. First come, first served, which is
// document order. Per frame, not only per task: recharts notifies a chart's parts in the next
// animation frame, and two charts' notifications in one frame would be one long task again.
// A turn ends when its widget has committed (or after RELEASE_MS, so a mount that never commits,
// e.g. a suspended chunk, cannot hold the queue for ever); only then is the next frame awaited.
// Ending it at the state change instead let a slow transition commit in the same frame as the
// next widget's.
const waiting: (() => boolean)[] = [];
let busy = false;
const RELEASE_MS = 1000;

function next(): void {
  while (waiting.length) if (waiting.shift()?.()) return;
  busy = false;
}

function nextAfterFrame(): void {
  afterFrame(() => setTimeout(next, 0));
}

function schedule(): void {
  if (busy) return;
  busy = true;
  nextAfterFrame();
}

export interface TurnOptions {
  /** Queue only once this is true (e.g. the widget's width is known). Default true. */
  when?: boolean;
  /**
   * Queue only after the next frame has been drawn: a widget whose store notifies its
   * subscribers in an animation frame (recharts does) then gets that work into one frame and
   * its next stage into a later one.
   */
  afterFrame?: boolean;
}

/**
 * False until this component's turn has come (in a later task than the render that first
 * wanted it), then true for good. The render it triggers is a transition React can slice.
 */
export function useTurn({ when = true, afterFrame: framed = false }: TurnOptions = {}): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !when) return;
    let live = true;
    let release: (() => void) | undefined;
    const enqueue = () => {
      waiting.push(() => {
        if (!live) return false;
        let released = false;
        const timer = setTimeout(() => release?.(), RELEASE_MS);
        release = () => {
          if (released) return;
          released = true;
          clearTimeout(timer);
          nextAfterFrame();
        };
        startTransition(() => setReady(true));
        return true;
      });
      schedule();
    };
    // No state change for the frame itself: a render in an animation frame would be a
    // synchronous one, all of the widget in one task.
    const cancel = framed ? afterFrame(enqueue) : (enqueue(), undefined);
    // Runs when `ready` has committed (the turn is over) or the widget goes first.
    return () => {
      live = false;
      cancel?.();
      release?.();
    };
  }, [ready, when, framed]);
  return ready;
}

/**
 * Whether the element given to the returned ref has come within a screen of the viewport
 * (then true for good), so a widget further down mounts as the learner scrolls towards it.
 * Without IntersectionObserver (jsdom): true.
 */
export function useNearViewport<T extends Element>(): [(el: T | null) => void, boolean] {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const [el, setEl] = useState<T | null>(null);
  useEffect(() => {
    if (near || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setNear(true));
      },
      { rootMargin: '100% 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [el, near]);
  return [setEl, near];
}

/**
 * A lower panel of a page: on a page opened from the navigation it mounts after the first
 * frame, in its turn. No reserved height: the shift it causes follows the learner's click
 * (so it is not counted as layout shift), and the first page a visitor loads renders whole.
 */
export function Later({ children }: { children: ReactNode }) {
  const defer = useContext(OpenedByNavigation);
  const shown = useTurn({ when: defer, afterFrame: true });
  return !defer || shown ? children : <div className="later" aria-busy="true" />;
}

/**
 * `value`, except that when it changes it is null for one task first: what was drawn for the
 * old value unmounts in a commit of its own (a page's charts take a while to tear down), and
 * what the new value draws mounts in the next task, in a transition.
 */
export function useSwap<T>(value: T): T | null {
  const [shown, setShown] = useState<{ value: T } | null>({ value });
  if (shown !== null && !Object.is(shown.value, value)) setShown(null);
  useEffect(() => {
    if (shown !== null) return;
    const t = setTimeout(() => startTransition(() => setShown({ value })), 0);
    return () => clearTimeout(t);
  }, [shown, value]);
  return shown === null || !Object.is(shown.value, value) ? null : shown.value;
}

/**
 * `value`, one task later: parts of a page that redraw from it do so in their own task, after
 * whatever redrew from `value` directly (a second chart's redraw is not added to the first's).
 */
export function useNextTask<T>(value: T): T {
  const [later, setLater] = useState(() => value);
  useEffect(() => {
    const t = setTimeout(() => setLater(() => value), 0);
    return () => clearTimeout(t);
  }, [value]);
  return later;
}

/**
 * `value` for a redraw React may interrupt (a transition): a streaming run's charts and tables
 * redraw from this, so typing and Stop stay quick. (React's useDeferredValue, named here so
 * every timing decision is made in this module.)
 */
export function useRedrawLater<T>(value: T): T {
  return useDeferredValue(value);
}

/**
 * `value`, changing at most every `ms` while `live` (and at once when it is not): a chart of a
 * run whose maps move 30 times a second need not redraw as often as the maps.
 */
export function useAtMostEvery<T>(value: T, ms: number, live: boolean): T {
  const [shown, setShown] = useState(() => ({ value, at: 0 }));
  useEffect(() => {
    if (Object.is(shown.value, value)) return;
    const wait = live ? Math.max(0, shown.at + ms - performance.now()) : 0;
    const t = setTimeout(() => setShown({ value, at: performance.now() }), wait);
    return () => clearTimeout(t);
  }, [value, ms, live, shown]);
  return shown.value;
}
