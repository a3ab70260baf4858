/**
 * The Network page's settings and the learner's own points, persisted (versioned, read field by
 * field) and shared by link: `#/network?s=<base64url JSON>` carries every setting and the points.
 * Clearing or replacing the points can be undone.
 */
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import {
  NETWORK_DRAFT_DEFAULTS,
  readNetworkDraft,
  readOwnPoints,
  type NetworkDraft,
  type OwnPoints,
} from '../training/network/draft.ts';
import { NETWORK_LIMITS } from '../training/network/config.ts';
import { fromBase64Url, toBase64Url } from '../training/share.ts';
import type { SliceSpec } from './persist/local-slice.ts';
import { followOtherTabs, sliceOptions } from './persist/local-slice.ts';
import { notify } from './notices.ts';

export const NETWORK_STORAGE_KEY = 'perceptron-lab:network';
/** Version 1: the first stored shape (draft, points). */
export const NETWORK_SETTINGS_VERSION = 1;

export interface NetworkSettingsData {
  draft: NetworkDraft;
  points: OwnPoints;
}

export interface NetworkSettingsState extends NetworkSettingsData {
  /** The class a click on the map adds (0 = A, 1 = B, 2 = C). */
  brush: 0 | 1 | 2;
  /** The points before the last Clear or import, for Undo. */
  undo: OwnPoints | null;
  set(fields: Partial<NetworkDraft>): void;
  setBrush(b: 0 | 1 | 2): void;
  addPoint(x: number, y: number): void;
  clearPoints(): void;
  /** Replaces the points (a CSV import), keeping the old ones for Undo. */
  replacePoints(p: OwnPoints): void;
  undoPoints(): void;
  /** Every setting and the points from a link (already read); what they replaced is kept for `undoLink`. */
  apply(d: NetworkSettingsData): void;
  /** What a link replaced, until it is put back or the page is left. */
  beforeLink: NetworkSettingsData | null;
  undoLink(): void;
  resetSaved(): void;
}

const defaults = (): NetworkSettingsData => ({
  draft: { ...NETWORK_DRAFT_DEFAULTS, features: [...NETWORK_DRAFT_DEFAULTS.features] },
  points: { xy: [], labels: [] },
});

function readSettings(raw: unknown): { value: NetworkSettingsData; reset: string[] } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const draft = readNetworkDraft(r.draft);
  const points = readOwnPoints(r.points);
  return { value: { draft: draft.value, points: points.value }, reset: [...draft.reset, ...points.reset] };
}

export const networkSettingsSlice: SliceSpec<NetworkSettingsData> = {
  key: NETWORK_STORAGE_KEY,
  version: NETWORK_SETTINGS_VERSION,
  label: 'your Network page settings',
  defaults,
  read: readSettings,
  // Version 0 was never released; a stored 0 is read as version 1.
  migrations: { 0: (s) => s },
};

const clamp6 = (v: number) => Math.max(-6, Math.min(6, v));

export const networkSettings = createStore<NetworkSettingsState>()(
  persist(
    (set, get) => ({
      ...defaults(),
      brush: 0,
      undo: null,
      set: (fields) => set({ draft: { ...get().draft, ...fields } }),
      setBrush: (brush) => set({ brush }),
      addPoint(x, y) {
        if (!Number.isFinite(x) || !Number.isFinite(y)) return;
        const p = get().points;
        if (p.labels.length >= NETWORK_LIMITS.maxPoints) {
          notify({
            id: 'network:points-full',
            kind: 'error',
            text: `Your points are full: at most ${NETWORK_LIMITS.maxPoints.toLocaleString('en')}. Clear some to add more.`,
          });
          return;
        }
        set({ points: { xy: [...p.xy, clamp6(x), clamp6(y)], labels: [...p.labels, get().brush] } });
      },
      clearPoints: () => set({ undo: get().points, points: { xy: [], labels: [] } }),
      replacePoints: (points) => set({ undo: get().points, points }),
      undoPoints() {
        const u = get().undo;
        if (u) set({ points: u, undo: null });
      },
      beforeLink: null,
      apply: (d) => set({ beforeLink: { draft: get().draft, points: get().points }, draft: d.draft, points: d.points }),
      undoLink() {
        const b = get().beforeLink;
        if (b) set({ draft: b.draft, points: b.points, beforeLink: null });
      },
      resetSaved() {
        networkSettings.persist.clearStorage();
        set({ ...defaults(), undo: null });
      },
    }),
    sliceOptions<NetworkSettingsState, NetworkSettingsData>(
      networkSettingsSlice,
      (s) => ({ draft: s.draft, points: s.points }),
      (saved, current) => ({ ...current, ...saved }),
    ),
  ),
);

followOtherTabs(networkSettings, NETWORK_STORAGE_KEY);

export function useNetworkSettings<T>(selector: (s: NetworkSettingsState) => T): T {
  return useStore(networkSettings, selector);
}

/** `#/network?s=…`: every setting and the points. */
export function networkShareHash(d: NetworkSettingsData): string {
  return `#/network?s=${toBase64Url(JSON.stringify({ v: 1, draft: d.draft, points: d.points }))}`;
}

export type NetworkLink =
  { kind: 'none' } | { kind: 'bad'; message: string } | { kind: 'link'; value: NetworkSettingsData; reset: string[] };

/** Reads a location hash's `s` parameter; never throws. */
export function readNetworkLink(hash: string): NetworkLink {
  const q = hash.indexOf('?');
  if (q < 0) return { kind: 'none' };
  let s: string | null;
  try {
    s = new URLSearchParams(hash.slice(q + 1)).get('s');
  } catch {
    s = '';
  }
  if (s === null) return { kind: 'none' };
  if (s.length > 2_000_000) return { kind: 'bad', message: 'it is too long' };
  const json = fromBase64Url(s);
  if (json === null) return { kind: 'bad', message: 'it is not valid base64url text (was it cut short when copied?)' };
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return { kind: 'bad', message: 'its settings are not valid JSON (was it cut short when copied?)' };
  }
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  if (!b || b.v !== 1)
    return { kind: 'bad', message: 'it was made by a version of Perceptron Lab this one cannot read' };
  const { value, reset } = readSettings(b);
  return { kind: 'link', value, reset };
}
