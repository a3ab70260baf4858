import { startTransition, useEffect, useState } from 'react';

// Heavy widgets (a recharts chart mounts in tens of milliseconds) wait for their turn: one
// mounts per task, so opening a page with four charts is four short tasks, not one long one.
const waiting: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(next, 0);
}

/**
 * False until this component's turn has come (in a later task than the render that first
 * wanted it), then true for good. It queues only once `wanted` is true.
 */
export function useTurn(wanted = true): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || !wanted) return;
    let live = true;
    // In a transition, so React renders the widget in slices it can yield between.
    waiting.push(() => {
      if (live) startTransition(() => setReady(true));
    });
    schedule();
    return () => {
      live = false;
    };
  }, [ready, wanted]);
  return ready;
}

/**
 * Like useTurn, but the turn is queued only after the next frame has been drawn: a widget
 * whose store notifies its subscribers in an animation frame (recharts does) gets that
 * notification's work into one frame and the next stage's into a later one, not both in one.
 */
export function useTurnAfterFrame(wanted = true): boolean {
  const [framed, setFramed] = useState(false);
  useEffect(() => {
    if (framed || !wanted) return;
    const raf = requestAnimationFrame(() => setFramed(true));
    return () => cancelAnimationFrame(raf);
  }, [framed, wanted]);
  return useTurn(framed);
}

/**
 * Whether the element given to the returned ref has come within a screen of the viewport
 * (then true for good), so a heavy widget further down mounts only as the learner scrolls
 * towards it, not all at once when the page opens. Without IntersectionObserver: true.
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
