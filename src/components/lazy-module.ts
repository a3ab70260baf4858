/**
 * A module loaded on demand. `useModule()` gives it during render once it has arrived (null
 * before: render a placeholder) and re-renders when it does; after the first load every read
 * is synchronous. No Suspense: a page or chart whose code is there renders at once, and one
 * whose code is on its way shows its placeholder without holding up anything else.
 */
import { useEffect, useState } from 'react';

export interface LazyModule<T> {
  /** Starts (or joins) the download; resolves with the module. */
  load(): Promise<T>;
  /** The module if it has arrived. */
  current(): T | null;
  /** The module during render, or null while it is on its way (a hook). */
  useModule(): T | null;
}

const registry: LazyModule<unknown>[] = [];

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let p: Promise<T> | null = null;
  let value: T | null = null;
  const load = () => (p ??= importer().then((v) => (value = v)));
  const m: LazyModule<T> = {
    load,
    current: () => value,
    useModule() {
      const [mod, setMod] = useState<T | null>(value);
      useEffect(() => {
        if (mod) return;
        let live = true;
        void load().then((v) => {
          if (live) setMod(() => v);
        });
        return () => {
          live = false;
        };
      }, [mod]);
      return mod ?? value;
    },
  };
  registry.push(m as LazyModule<unknown>);
  return m;
}

/** Loads every lazy module (all chunks), e.g. at idle after the first paint, or before tests render. */
export function loadAll(): Promise<unknown[]> {
  return Promise.all(registry.map((m) => m.load()));
}
