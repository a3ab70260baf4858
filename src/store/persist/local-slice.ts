/**
 * One persisted slice in localStorage, for zustand's `persist`: stored data is validated on
 * load like a form (bad fields reset and named, good ones kept), older versions are migrated
 * step by step, a newer version's data is never overwritten, a failed write is reported, and
 * another tab's change is picked up through the storage event.
 */
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import type { StoreApi } from 'zustand/vanilla';
import { dismiss, notify } from '../notices.ts';

export interface SliceSpec<T> {
  /** localStorage key. */
  key: string;
  version: number;
  /** What the learner calls this data, e.g. "your lesson progress". */
  label: string;
  defaults(): T;
  /** Validates stored data field by field; `reset` names what could not be kept. */
  read(raw: unknown): { value: T; reset: string[] };
  /** `migrations[v]` turns a stored state of version v into version v + 1. */
  migrations: Record<number, (state: unknown) => unknown>;
}

export type LoadOutcome =
  | { kind: 'empty' | 'ok' }
  | { kind: 'reset'; fields: string[] }
  | { kind: 'unreadable' }
  | { kind: 'newer'; version: number };

/** What a stored string holds, migrated and validated; never throws. */
export function loadSlice<T>(spec: SliceSpec<T>, text: string | null): { value: T; outcome: LoadOutcome } {
  if (text === null) return { value: spec.defaults(), outcome: { kind: 'empty' } };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return { value: spec.defaults(), outcome: { kind: 'unreadable' } };
  }
  const box = typeof stored === 'object' && stored !== null ? (stored as { version?: unknown; state?: unknown }) : {};
  const version =
    typeof box.version === 'number' && Number.isInteger(box.version) && box.version >= 0 ? box.version : null;
  if (version === null || box.state === undefined) return { value: spec.defaults(), outcome: { kind: 'unreadable' } };
  if (version > spec.version) return { value: spec.defaults(), outcome: { kind: 'newer', version } };
  let state: unknown = box.state;
  try {
    for (let v = version; v < spec.version; v++) state = spec.migrations[v] ? spec.migrations[v](state) : state;
  } catch {
    return { value: spec.defaults(), outcome: { kind: 'unreadable' } };
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state))
    return { value: spec.defaults(), outcome: { kind: 'unreadable' } };
  const { value, reset } = spec.read(state);
  return { value, outcome: reset.length ? { kind: 'reset', fields: reset } : { kind: 'ok' } };
}

const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The notice for a load that could not keep everything, or null. */
function loadNotice(spec: SliceSpec<unknown>, outcome: LoadOutcome): string | null {
  switch (outcome.kind) {
    case 'reset':
      return `Some of ${spec.label} could not be read, so ${outcome.fields.length === 1 ? 'this was' : 'these were'} reset to defaults: ${list(outcome.fields)}. Everything else was kept.`;
    case 'unreadable':
      return `${capital(spec.label)} could not be read and ${spec.label.startsWith('your') ? 'was' : 'were'} reset to defaults.`;
    case 'newer':
      return `${capital(spec.label)} ${spec.label.endsWith('s') ? 'were' : 'was'} saved by a newer version of Perceptron Lab (format ${outcome.version}). It is left untouched; this version runs on defaults and saves nothing until you reload the newer version.`;
    default:
      return null;
  }
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The notice shown when the browser lets the app neither read nor write its storage. */
export const BLOCKED_NOTICE =
  "This browser's settings do not let Perceptron Lab store anything: nothing you do here can be saved, and nothing saved before can be read. Allow site data for this site to keep your progress.";

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Said at start-up, once for all slices: defaults then are not lost progress.
    notify({ id: 'storage:blocked', kind: 'error', text: BLOCKED_NOTICE });
    return null;
  }
}

/** Where a stored text that could not all be read is kept, as it was, before anything is saved over it. */
export const backupKey = (key: string) => `${key}:backup`;

/** Copies `text` to the slice's backup key; false when it could not be kept. */
function keepBackup(key: string, text: string): boolean {
  try {
    if (localStorage.getItem(backupKey(key)) !== text) localStorage.setItem(backupKey(key), text);
    return true;
  } catch {
    return false;
  }
}

/**
 * zustand `persist` options for `spec`: storage, version and a merge that takes the validated
 * state as it is. `partialize` picks what is saved.
 */
export function sliceOptions<S, T>(
  spec: SliceSpec<T>,
  partialize: (s: S) => T,
  merge: (saved: T, current: S) => S,
): PersistOptions<S, T> {
  let blocked = false; // set while storage holds a newer version's data
  const storage: PersistStorage<T> = {
    getItem(name): StorageValue<T> | null {
      const raw = readStorage(name);
      const { value, outcome } = loadSlice(spec, raw);
      blocked = outcome.kind === 'newer';
      let text = loadNotice(spec as SliceSpec<unknown>, outcome);
      // What could not be read is kept as it was, before the first save writes over it.
      if (raw !== null && (outcome.kind === 'reset' || outcome.kind === 'unreadable') && keepBackup(name, raw))
        text = `${text} A copy of what was stored is kept in this browser's storage under "${backupKey(name)}".`;
      if (text) notify({ id: `${spec.key}:load`, kind: outcome.kind === 'newer' ? 'error' : 'info', text });
      else dismiss(`${spec.key}:load`);
      return outcome.kind === 'empty' ? null : { state: value, version: spec.version };
    },
    setItem(name, value) {
      if (blocked) return;
      try {
        localStorage.setItem(name, JSON.stringify(value));
        dismiss(`${spec.key}:save`);
      } catch (e) {
        const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
        notify({
          id: `${spec.key}:save`,
          kind: 'error',
          text: `Couldn't save: ${full ? "this browser's storage is full" : 'this browser refused to store data'}. Not saved: ${spec.label}. The app keeps working; free some space (or allow storage) and your next change will be saved.`,
        });
      }
    },
    removeItem(name) {
      if (blocked) return;
      try {
        localStorage.removeItem(name);
      } catch {
        /* nothing to remove */
      }
    },
  };
  return {
    name: spec.key,
    version: spec.version,
    storage,
    partialize,
    merge: (saved, current) => (saved ? merge(saved as T, current) : current),
  };
}

/**
 * Rehydrates `store` when another tab writes its key, so both tabs show the same data —
 * unless `ignore` says the other tab's stored state is not one to follow (given its parsed
 * `state`; unreadable text is followed, and the usual checks then apply).
 */
export function followOtherTabs(
  store: StoreApi<unknown> & { persist: { rehydrate(): Promise<void> | void } },
  key: string,
  ignore?: (state: unknown) => boolean,
): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('storage', (e) => {
    if (e.key !== key && e.key !== null) return;
    if (ignore && e.newValue !== null && ignore(parsedState(e.newValue))) return;
    void store.persist.rehydrate();
  });
}

function parsedState(text: string): unknown {
  try {
    return (JSON.parse(text) as { state?: unknown } | null)?.state;
  } catch {
    return undefined;
  }
}
