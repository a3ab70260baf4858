/**
 * The Playground's state: the pairs table and settings exactly as the learner typed them
 * (persisted and validated: playground-persist.ts), and the runs kept for comparison (their
 * histories live in the training store under one channel per run).
 */
import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import { sameConfig, type TrainingConfig } from '../training/config.ts';
import { continues } from './run-slice.ts';
import { claimRunNumber, resetRunNumbers } from './run-numbers.ts';
import type { TextPair } from '../training/csv.ts';
import { isLive, trainingStore } from './training-store.ts';
import { followOtherTabs, sliceOptions } from './persist/local-slice.ts';
import {
  DEFAULT_PAIRS,
  DEFAULT_SETTINGS,
  MAX_SAVED_DRAFT,
  PLAYGROUND_STORAGE_KEY,
  PLAYGROUND_VERSION,
  SETTING_LABELS,
  playgroundDefaults,
  playgroundSlice,
  LINK_WHAT,
  showsUneditedLink,
  tableFingerprint,
  type PersistedPlayground,
  type PlaygroundSettings,
  type SavedUndo,
  type TextSetting,
} from './playground-persist.ts';

export {
  DEFAULT_PAIRS,
  DEFAULT_SETTINGS,
  MAX_SAVED_DRAFT,
  PLAYGROUND_STORAGE_KEY,
  PLAYGROUND_VERSION,
  SETTING_LABELS,
  type PersistedPlayground,
  type PlaygroundSettings,
  type SavedUndo,
  type TextSetting,
};

export interface PairRow extends TextPair {
  /** Stable key for React and focus; not persisted. */
  id: number;
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
export interface PlaygroundState extends PersistedPlayground {
  rows: PairRow[];
  nextRowId: number;
  runs: ComparedRun[];
  /** Channel of the run the readout, landscape, predict and export follow. */
  selected: string | null;
  nextRun: number;
  /** The runs "Clear all" took away, for Undo (kept across reloads until dismissed); null: no offer. */
  cleared: ComparedRun[] | null;
  setCell(id: number, key: keyof TextPair, text: string): void;
  /** Adds an empty row after `afterId` (or at the end); returns its id. */
  addRow(afterId?: number): number;
  deleteRow(id: number): void;
  /** Inserts rows after `afterId`, replacing that row if it is empty; returns the new ids. */
  insertRows(afterId: number, rows: TextPair[]): number[];
  /** Replaces the whole table, keeping the old table and settings for {@link PlaygroundState.undoReplace}. */
  replaceRows(rows: TextPair[], what: string): void;
  /** Puts back the table and every setting the last replacement changed. */
  undoReplace(): void;
  /** Withdraws the Undo offer (it is otherwise kept across reloads). */
  dismissUndo(): void;
  setSettings(p: Partial<PlaygroundSettings>): void;
  resetSettings(): void;
  /** Loads a whole (valid) config, e.g. a share link, into the table and settings; Undo puts back everything it replaced. */
  loadConfig(config: TrainingConfig, what: string): void;
  setLogScale(on: boolean): void;
  setCsvDraft(text: string): void;
  /** Forgets the saved table, settings and compared runs (the error page's "Reset this page's saved data"). */
  resetSaved(): void;
  /** Registers a new run channel, dropping (and clearing) the oldest beyond the limit. */
  addRun(): ComparedRun;
  toggleRun(channel: string): void;
  selectRun(channel: string): void;
  removeRun(channel: string): void;
  /** Takes every compared run off the list, offering Undo (their histories are kept until it is dismissed). */
  clearRuns(): void;
  /** Puts the cleared runs back, before any run started since. */
  undoClear(): void;
  /** Withdraws the Undo offer and forgets the cleared runs' histories. */
  dismissCleared(): void;
  /** Train: a new compared run of `config` at the Speed setting (stopping any Playground run still going); resolves when it ends. */
  train(config: TrainingConfig): Promise<void>;
  /** Stops every Playground run still going. */
  stop(): Promise<void>;
  /** Holds the Playground run that is going. */
  pause(): Promise<void>;
  /** Continues the paused Playground run. */
  resume(): Promise<void>;
  /** Changes the Speed setting, and the pace of the run that is going. */
  setSpeed(speed: PlaygroundSettings['speed']): Promise<void>;
  /** Step: continues the selected run when its config is `config` (optimizer state included), else starts a new compared run. */
  step(config: TrainingConfig): Promise<void>;
  /** Reset: stops training and discards the selected run, so w and b return to their initial values. */
  reset(): Promise<void>;
}

const withIds = (rows: TextPair[], first: number): PairRow[] =>
  rows.map((r, i) => ({ id: first + i, input: r.input, target: r.target }));
const texts = (rows: PairRow[]): TextPair[] => rows.map((r) => ({ input: r.input, target: r.target }));

/** A valid config's settings as the form's text. */
const settingsOf = (c: TrainingConfig, speed: PlaygroundSettings['speed']): PlaygroundSettings => ({
  model: c.model,
  optimizer: c.optimizer,
  dtype: c.dtype,
  learningRate: String(c.learningRate),
  steps: String(c.steps),
  initialWeight: String(c.initialWeight),
  initialBias: String(c.initialBias),
  seed: String(c.seed),
  speed,
});

const pick = (s: PlaygroundState): PersistedPlayground => ({
  rows: texts(s.rows),
  settings: s.settings,
  logScale: s.logScale,
  // A draft too long to keep is not saved: it must never fill storage and block the table.
  csvDraft: s.csvDraft.length > MAX_SAVED_DRAFT ? '' : s.csvDraft,
  undo: s.undo,
});

/**
 * The restore of the saved compared runs, while it is going (set by compared-runs-sync.ts): a
 * new run waits for it, so its number comes after theirs and the saved list is never written
 * over unread. It waits at most RESTORE_WAIT_MS; the sync then leaves the stored runs alone.
 */
let restoring: Promise<unknown> = Promise.resolve();
export const RESTORE_WAIT_MS = 3000;
export function holdRunsUntil(restore: Promise<unknown>): void {
  restoring = restore;
}
const restored = () => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise((r) => (timer = setTimeout(r, RESTORE_WAIT_MS)));
  // The timer is cleared once either comes: each Train would otherwise leave a 3 s timer behind.
  return Promise.race([restoring.catch(() => undefined), limit]).finally(() => clearTimeout(timer));
};

export const playgroundStore = createStore<PlaygroundState>()(
  persist(
    (set, get) => {
      const clearChannel = (channel: string) => trainingStore.getState().reset(channel);
      const liveChannels = () =>
        get()
          .runs.map((r) => r.channel)
          .filter((c) => isLive(trainingStore.getState().runs[c]));
      return {
        ...playgroundDefaults(),
        rows: withIds(DEFAULT_PAIRS, 1),
        nextRowId: DEFAULT_PAIRS.length + 1,
        runs: [],
        selected: null,
        nextRun: 1,
        cleared: null,
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
          set({
            undo: { rows: texts(get().rows), settings: get().settings, what },
            rows: withIds(rows, get().nextRowId),
            nextRowId: get().nextRowId + rows.length,
          });
        },
        undoReplace() {
          const undo = get().undo;
          if (undo)
            set({
              rows: withIds(undo.rows, get().nextRowId),
              nextRowId: get().nextRowId + undo.rows.length,
              settings: undo.settings,
              undo: null,
            });
        },
        dismissUndo: () => set({ undo: null }),
        setSettings: (p) => set({ settings: { ...get().settings, ...p } }),
        resetSettings: () => set({ settings: { ...DEFAULT_SETTINGS, speed: get().settings.speed } }),
        loadConfig(c, what) {
          const rows = c.pairs.map((p) => ({ input: String(p.input), target: String(p.target) }));
          const settings = settingsOf(c, get().settings.speed);
          // A link over an unedited link keeps the first Undo: the learner's own table is a
          // restore point no link replaces.
          const keep = what === LINK_WHAT && showsUneditedLink({ ...get(), rows: texts(get().rows) });
          const own = keep ? get().undo! : { rows: texts(get().rows), settings: get().settings, what };
          set({
            undo: what === LINK_WHAT ? { ...own, what, linked: tableFingerprint(rows, settings) } : own,
            rows: withIds(rows, get().nextRowId),
            nextRowId: get().nextRowId + rows.length,
            settings,
          });
        },
        setCsvDraft: (csvDraft) => set({ csvDraft }),
        resetSaved() {
          resetRunNumbers();
          get().clearRuns();
          get().dismissCleared();
          playgroundStore.persist.clearStorage();
          set({
            ...playgroundDefaults(),
            rows: withIds(DEFAULT_PAIRS, get().nextRowId),
            nextRowId: get().nextRowId + DEFAULT_PAIRS.length,
          });
        },
        setLogScale: (logScale) => set({ logScale }),
        addRun() {
          const number = claimRunNumber(get().nextRun);
          const run: ComparedRun = { channel: `playground-${number}`, number, hidden: false };
          const runs = [...get().runs, run];
          while (runs.length > MAX_COMPARED_RUNS) clearChannel(runs.shift()!.channel);
          set({ runs, selected: run.channel, nextRun: run.number + 1 });
          return run;
        },
        toggleRun: (channel) =>
          set({ runs: get().runs.map((r) => (r.channel === channel ? { ...r, hidden: !r.hidden } : r)) }),
        selectRun: (channel) => set({ selected: channel }),
        removeRun(channel) {
          clearChannel(channel);
          const runs = get().runs.filter((r) => r.channel !== channel);
          set({
            runs,
            selected: get().selected === channel ? (runs[runs.length - 1]?.channel ?? null) : get().selected,
          });
        },
        clearRuns() {
          const { runs, cleared } = get();
          if (!runs.length) return;
          // Stopped, not forgotten: Undo puts them back as they ended.
          void Promise.all(liveChannels().map((c) => trainingStore.getState().stop(c)));
          set({ runs: [], selected: null, cleared: [...(cleared ?? []), ...runs] });
        },
        undoClear() {
          const { cleared, runs } = get();
          if (!cleared) return;
          const back = [...cleared, ...runs].sort((a, b) => a.number - b.number);
          while (back.length > MAX_COMPARED_RUNS) clearChannel(back.shift()!.channel);
          set({ runs: back, cleared: null, selected: get().selected ?? back.at(-1)?.channel ?? null });
        },
        dismissCleared() {
          get().cleared?.forEach((r) => clearChannel(r.channel));
          set({ cleared: null });
        },
        async train(config) {
          await restored();
          await get().stop();
          const run = get().addRun();
          await trainingStore.getState().train(run.channel, config, get().settings.speed);
        },
        async stop() {
          await Promise.all(liveChannels().map((c) => trainingStore.getState().stop(c)));
        },
        async pause() {
          await Promise.all(liveChannels().map((c) => trainingStore.getState().pause(c)));
        },
        async resume() {
          await Promise.all(liveChannels().map((c) => trainingStore.getState().resume(c)));
        },
        async setSpeed(speed) {
          set({ settings: { ...get().settings, speed } });
          await Promise.all(liveChannels().map((c) => trainingStore.getState().setSpeed(c, speed)));
        },
        async step(config) {
          await restored();
          const { selected } = get();
          const run = selected ? trainingStore.getState().runs[selected] : undefined;
          // A paused run steps in place; an ended one continues when its settings are these.
          const goOn = run?.status === 'paused' || continues(run, config, sameConfig);
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
    sliceOptions<PlaygroundState, PersistedPlayground>(playgroundSlice, pick, (saved, current) => ({
      ...current,
      ...saved,
      rows: withIds(saved.rows, current.nextRowId),
      nextRowId: current.nextRowId + saved.rows.length,
    })),
  ),
);

// A share link opened in another tab stays in that tab: this one keeps showing its own table
// (once the other tab edits the link's table, it is the learner's and both follow it again).
followOtherTabs(playgroundStore, PLAYGROUND_STORAGE_KEY, (state) => {
  const s = state as Partial<PersistedPlayground> | undefined;
  return !!s && Array.isArray(s.rows) && !!s.settings && showsUneditedLink(s as PersistedPlayground);
});

/** React binding: select a slice of the Playground store. */
export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector);
}
