import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * True inside a page opened from the navigation (not the page the app first loaded with): only
 * then are its lower panels deferred. The first page renders whole, for its first paint.
 */
export const OpenedByNavigation = createContext(false);

/**
 * Renders `children` a moment after the page's first frame, in a transition React can slice:
 * opening a page then commits its top part at once and the panels below it in later, short
 * tasks, instead of one long task. `minHeight` keeps a rough place for them meanwhile.
 */
export function Deferred({
  children,
  minHeight = 200,
  order = 0,
}: {
  children: ReactNode;
  minHeight?: number;
  order?: number;
}) {
  const defer = useContext(OpenedByNavigation);
  const [shown, setShown] = useState(!defer);
  useEffect(() => {
    if (shown) return;
    // After the next frame has been drawn; later panels a little later still, one per task.
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      t = setTimeout(() => startTransition(() => setShown(true)), order * 16);
    });
    return () => {
      cancelAnimationFrame(raf);
      if (t) clearTimeout(t);
    };
  }, [order, shown]);
  return shown ? children : <div className="deferred" style={{ minHeight }} aria-busy="true" />;
}
