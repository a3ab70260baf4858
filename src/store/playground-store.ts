/**
 * The Playground's state: the pairs table and settings exactly as the learner typed them
 * (persisted, versioned), and the runs kept for comparison (in memory: their histories live
 * in the training store under one channel per run).
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { useStore } from 'zustand';
import { NEGATOR_CONFIG, sameConfig, type DTypeName, type ModelKind, type OptimizerKind, type TrainingConfig } from '../training/config.ts';
import type { TextPair } from '../training/csv.ts';
import type { Speed } from '../training/pace.ts';
import { isLive, trainingStore } from './training-store.ts';

export interface PairRow extends TextPair {
  /** Stable key for React and focus; not persisted. */
  id: number;
}

export interface PlaygroundSettings {
  model: ModelKind;
  optimizer: OptimizerKind;
  learningRate: string;
  steps: string;
  initialWeight: string;
  initialBias: string;
  dtype: DTypeName;
  seed: string;
}

/** A run kept for comparison; its history is `trainingStore.runs[channel]`. */
export interface ComparedRun {
  channel: string;
  /** 1, 2, 3… in the order runs were started. */
  number: number;
  hidden: boolean;
}

/** At least five runs stay overlaid; the oldest is dropped when a seventh starts. */
export const MAX_COMPARED_RUNS = 6;
export const PLAYGROUND_STORAGE_KEY = 'perceptron-lab:playground';
export const PLAYGROUND_VERSION = 1;

export const DEFAULT_SETTINGS: PlaygroundSettings = Object.freeze({
  model: NEGATOR_CONFIG.model,
  optimizer: NEGATOR_CONFIG.optimizer,
  learningRate: String(NEGATOR_CONFIG.learningRate),
  steps: String(NEGATOR_CONFIG.steps),
  initialWeight: String(NEGATOR_CONFIG.initialWeight),
  initialBias: String(NEGATOR_CONFIG.initialBias),
  dtype: NEGATOR_CONFIG.dtype,
  seed: String(NEGATOR_CONFIG.seed),
});

export const DEFAULT_PAIRS: TextPair[] = NEGATOR_CONFIG.pairs.map((p) => ({ input: String(p.input), target: String(p.target) }));

/** What is written to localStorage (version 1). */
export interface PersistedPlayground {
  rows: TextPair[];
  settings: PlaygroundSettings;
  logScale: boolean;
}

export interface PlaygroundState extends PersistedPlayground {
  rows: PairRow[];
  nextRowId: number;
  runs: ComparedRun[];
  /** Channel of the run the readout, landscape, predict and export follow. */
  selected: string | null;
  nextRun: number;
  /** The table before the last wholesale replacement (preset, import, clear), for Undo. */
  undo: { rows: PairRow[]; what: string } | null;
  setCell(id: number, key: keyof TextPair, text: string): void;
  /** Adds an empty row after `afterId` (or at the end); returns its id. */
  addRow(afterId?: number): number;
  deleteRow(id: number): void;
  /** Inserts rows after `afterId`, replacing that row if it is empty; returns the new ids. */
  insertRows(afterId: number, rows: TextPair[]): number[];
  /** Replaces the whole table, keeping the old one for {@link PlaygroundState.undoReplace}. */
  replaceRows(rows: TextPair[], what: string): void;
  undoReplace(): void;
  setSettings(p: Partial<PlaygroundSettings>): void;
  resetSettings(): void;
  /** Loads a whole config (a share link, or the defaults) into the table and settings. */
  loadConfig(config: TrainingConfig): void;
  setLogScale(on: boolean): void;
  /** Registers a new run channel, dropping (and clearing) the oldest beyond the limit. */
  addRun(): ComparedRun;
  toggleRun(channel: string): void;
  selectRun(channel: string): void;
  removeRun(channel: string): void;
  /** Forgets every compared run and clears their histories. */
  clearRuns(): void;
  /** Train: a new compared run of `config` (stopping any Playground run still going); resolves when it ends. */
  train(config: TrainingConfig, speed?: Speed): Promise<void>;
  /** Stops every Playground run still going. */
  stop(): Promise<void>;
  /** Step: continues the selected run when its config is `config` (optimizer state included), else starts a new compared run. */
  step(config: TrainingConfig): Promise<void>;
  /** Reset: stops training and discards the selected run, so w and b return to their initial values. */
  reset(): Promise<void>;
}

const withIds = (rows: TextPair[], first: number): PairRow[] => rows.map((r, i) => ({ id: first + i, input: r.input, target: r.target }));
const isText = (v: unknown): v is string => typeof v === 'string';
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** Keeps whatever persisted values have the right type; fills the rest with defaults. */
export function sanitizePersisted(raw: unknown): PersistedPlayground {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const s = (typeof r.settings === 'object' && r.settings !== null ? r.settings : {}) as Record<string, unknown>;
  const text = (k: 'learningRate' | 'steps' | 'initialWeight' | 'initialBias' | 'seed') => (isText(s[k]) ? s[k] : DEFAULT_SETTINGS[k]);
  const rows = Array.isArray(r.rows)
    ? r.rows.filter((x): x is TextPair => typeof x === 'object' && x !== null && isText((x as TextPair).input) && isText((x as TextPair).target)).map((x) => ({ input: x.input, target: x.target }))
    : DEFAULT_PAIRS;
  return {
    rows,
    logScale: r.logScale === true,
    settings: {
      model: oneOf(s.model, ['w', 'w+b'], DEFAULT_SETTINGS.model),
      optimizer: oneOf(s.optimizer, ['sgd', 'momentum', 'adam'], DEFAULT_SETTINGS.optimizer),
      dtype: oneOf(s.dtype, ['float32', 'float64'], DEFAULT_SETTINGS.dtype),
      learningRate: text('learningRate'), steps: text('steps'), initialWeight: text('initialWeight'), initialBias: text('initialBias'), seed: text('seed'),
    },
  };
}

/**
 * Upgrades persisted state from an older version. Version 0 (the first Playground draft)
 * kept numeric `pairs: {input, target}[]` and numeric settings; version 1 keeps text.
 */
export function migratePlayground(persisted: unknown, version: number): PersistedPlayground {
  if (version === 0 && typeof persisted === 'object' && persisted !== null) {
    const old = persisted as { pairs?: unknown; settings?: Record<string, unknown> };
    const rows = Array.isArray(old.pairs)
      ? old.pairs.map((p: { input?: unknown; target?: unknown }) => ({ input: String(p?.input ?? ''), target: String(p?.target ?? '') }))
      : undefined;
    const settings = Object.fromEntries(Object.entries(old.settings ?? {}).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
    return sanitizePersisted({ rows, settings });
  }
  return sanitizePersisted(persisted);
}

/** localStorage that never throws (quota full, storage disabled): the page keeps working. */
const safeStorage: StateStorage = {
  getItem: (name) => { try { return localStorage.getItem(name); } catch { return null; } },
  setItem: (name, value) => { try { localStorage.setItem(name, value); } catch { /* quota or privacy mode: keep going in memory */ } },
  removeItem: (name) => { try { localStorage.removeItem(name); } catch { /* ignore */ } },
};

const initialPersisted = (): PersistedPlayground => ({ rows: DEFAULT_PAIRS, settings: { ...DEFAULT_SETTINGS }, logScale: false });

export const playgroundStore = createStore<PlaygroundState>()(
  persist(
    (set, get) => {
      const clearChannel = (channel: string) => trainingStore.getState().reset(channel);
      const liveChannels = () => get().runs.map((r) => r.channel).filter((c) => isLive(trainingStore.getState().runs[c]));
      return {
        ...initialPersisted(),
        rows: withIds(DEFAULT_PAIRS, 1),
        nextRowId: DEFAULT_PAIRS.length + 1,
        runs: [],
        selected: null,
        nextRun: 1,
        undo: null,
        setCell: (id, key, text) => set({ rows: get().rows.map((r) => (r.id === id ? { ...r, [key]: text } : r)) }),
        addRow(afterId) {
          const id = get().nextRowId;
          const rows = [...get().rows];
          const at = afterId === undefined ? rows.length : rows.findIndex((r) => r.id === afterId) + 1;
          rows.splice(at > 0 ? at : rows.length, 0, { id, input: '', target: '' });
          set({ rows, nextRowId: id + 1 });
          return id;
        },
        deleteRow: (id) => set({ rows: get().rows.filter((r) => r.id !== id) }),
        insertRows(afterId, added) {
          const rows = [...get().rows];
          const i = rows.findIndex((r) => r.id === afterId);
          const fresh = withIds(added, get().nextRowId);
          const replaceSelf = i >= 0 && rows[i].input.trim() === '' && rows[i].target.trim() === '';
          rows.splice(i < 0 ? rows.length : replaceSelf ? i : i + 1, replaceSelf ? 1 : 0, ...fresh);
          set({ rows, nextRowId: get().nextRowId + added.length });
          return fresh.map((r) => r.id);
        },
        replaceRows(rows, what) {
          set({ undo: { rows: get().rows, what }, rows: withIds(rows, get().nextRowId), nextRowId: get().nextRowId + rows.length });
        },
        undoReplace() {
          const undo = get().undo;
          if (undo) set({ rows: undo.rows, undo: null });
        },
        setSettings: (p) => set({ settings: { ...get().settings, ...p } }),
        resetSettings: () => set({ settings: { ...DEFAULT_SETTINGS } }),
        loadConfig(c) {
          const rows = c.pairs.map((p) => ({ input: String(p.input), target: String(p.target) }));
          get().replaceRows(rows, 'loading the link');
          set({
            settings: {
              model: c.model, optimizer: c.optimizer, dtype: c.dtype, learningRate: String(c.learningRate), steps: String(c.steps),
              initialWeight: String(c.initialWeight), initialBias: String(c.initialBias), seed: String(c.seed),
            },
          });
        },
        setLogScale: (logScale) => set({ logScale }),
        addRun() {
          const run: ComparedRun = { channel: `playground-${get().nextRun}`, number: get().nextRun, hidden: false };
          const runs = [...get().runs, run];
          while (runs.length > MAX_COMPARED_RUNS) clearChannel(runs.shift()!.channel);
          set({ runs, selected: run.channel, nextRun: run.number + 1 });
          return run;
        },
        toggleRun: (channel) => set({ runs: get().runs.map((r) => (r.channel === channel ? { ...r, hidden: !r.hidden } : r)) }),
        selectRun: (channel) => set({ selected: channel }),
        removeRun(channel) {
          clearChannel(channel);
          const runs = get().runs.filter((r) => r.channel !== channel);
          set({ runs, selected: get().selected === channel ? runs[runs.length - 1]?.channel ?? null : get().selected });
        },
        clearRuns() {
          get().runs.forEach((r) => clearChannel(r.channel));
          set({ runs: [], selected: null });
        },
        async train(config, speed) {
          await get().stop();
          const run = get().addRun();
          await trainingStore.getState().train(run.channel, config, speed);
        },
        async stop() {
          await Promise.all(liveChannels().map((c) => trainingStore.getState().stop(c)));
        },
        async step(config) {
          const { selected } = get();
          const run = selected ? trainingStore.getState().runs[selected] : undefined;
          // A paused run steps in place; an ended one continues when its settings are these.
          const goOn = run && (run.status === 'paused' || (run.state !== null && sameConfig(run.config, config) && run.status !== 'overflowed' && run.status !== 'error'));
          const channel = goOn ? selected! : get().addRun().channel;
          await trainingStore.getState().step(channel, config);
        },
        async reset() {
          await get().stop();
          const { selected } = get();
          if (selected) get().removeRun(selected);
        },
      };
    },
    {
      name: PLAYGROUND_STORAGE_KEY,
      version: PLAYGROUND_VERSION,
      storage: createJSONStorage(() => safeStorage),
      partialize: (s): PersistedPlayground => ({ rows: s.rows.map((r) => ({ input: r.input, target: r.target })), settings: s.settings, logScale: s.logScale }),
      migrate: (persisted, version) => migratePlayground(persisted, version) as unknown as PlaygroundState,
      merge: (persisted, current) => {
        const p = sanitizePersisted(persisted);
        return { ...current, ...p, rows: withIds(p.rows, 1), nextRowId: p.rows.length + 1 };
      },
    },
  ),
);

/** React binding: select a slice of the Playground store. */
export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector);
}
