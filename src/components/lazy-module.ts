/**
 * A module loaded on demand. `useModule()` gives it during render once it has arrived (null
 * before: render a placeholder) and re-renders when it does; after the first load every read
 * is synchronous. No Suspense: a page or chart whose code is there renders at once, and one
 * whose code is on its way shows its placeholder without holding up anything else.
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface LazyModule<T> {
  /** Starts (or joins) the download; resolves with the module. */
  load(): Promise<T>;
  /** The module if it has arrived. */
  current(): T | null;
  /** The module during render, or null while it is on its way (a hook). */
  useModule(): T | null;
  /**
   * Why the module could not be loaded, in the learner's words, or null (a hook). A failed load
   * is not remembered here: the next page that wants the module asks again. (A browser keeps a
   * failed module import for the document's life, so for a page's chunk the way back is a reload.)
   */
  useFailure(): string | null;
}

/** Longest wait for a chunk before the page says it is slow; the load goes on meanwhile. */
export const LOAD_TIMEOUT_MS = 15_000;

const OFFLINE =
  "This page's code is not in the offline copy of Perceptron Lab. Reload once you are back online (your work is kept).";
const SLOW = "This page's code is taking long to arrive. It keeps trying; you can also reload.";
const OLDER =
  'This tab runs an older version of Perceptron Lab than the server now has: reload to get the new one (your work is kept).';

/**
 * Whether the server answers at all: a request no cache holds (a fresh query string), so the
 * service worker passes it to the network. navigator.onLine alone is not enough: it can say
 * online with no network (and does under some emulation).
 */
async function serverAnswers(): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  if (typeof fetch !== 'function' || typeof location === 'undefined') return true;
  try {
    await fetch(`${location.pathname}?online-check=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** What a failed chunk load means for the learner: offline and not cached, or gone from the server. */
async function describeFailure(): Promise<string> {
  // Online and the server has no such file: the tab was built before the last update.
  return (await serverAnswers()) ? OLDER : OFFLINE;
}

const registry: LazyModule<unknown>[] = [];

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let p: Promise<T> | null = null;
  let value: T | null = null;
  let failure: string | null = null;
  const listeners = new Set<() => void>();
  const setFailure = (f: string | null) => {
    if (f === failure) return;
    failure = f;
    listeners.forEach((l) => l());
  };
  const load = () =>
    (p ??= importer().then(
      (v) => {
        value = v;
        failure = null;
        listeners.forEach((l) => l());
        return v;
      },
      async (e: unknown) => {
        p = null; // not remembered: the next ask tries again
        setFailure(await describeFailure());
        throw e;
      },
    ));
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const m: LazyModule<T> = {
    load,
    current: () => value,
    useModule() {
      const mod = useSyncExternalStore(
        subscribe,
        () => value,
        () => value,
      );
      useEffect(() => {
        if (value) return;
        let live = true;
        void load().catch(() => undefined);
        const slow = setTimeout(() => {
          if (live && !value && !failure) setFailure(SLOW);
        }, LOAD_TIMEOUT_MS);
        return () => {
          live = false;
          clearTimeout(slow);
        };
      }, []);
      return mod;
    },
    useFailure: () =>
      useSyncExternalStore(
        subscribe,
        () => failure,
        () => null,
      ),
  };
  registry.push(m as LazyModule<unknown>);
  return m;
}

/** Loads every lazy module (all chunks), e.g. at idle after the first paint, or before tests render. */
export function loadAll(): Promise<unknown[]> {
  return Promise.all(registry.map((m) => m.load()));
}
