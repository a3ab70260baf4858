/**
 * What the Playground saves in localStorage: the pairs table and settings as typed, the log
 * scale, the CSV text not yet added, and the Undo of the last wholesale replacement. Every
 * stored version has a migration here; every field and row is validated on load.
 */
import { NEGATOR_CONFIG, type DTypeName, type ModelKind, type OptimizerKind } from '../training/config.ts';
import type { TextPair } from '../training/csv.ts';
import { readSpeed, type Speed } from '../training/pace.ts';
import { asBoolean, asRecord, asText, FieldReader, oneOf, readDraft } from './persist/read.ts';
import type { SliceSpec } from './persist/local-slice.ts';

export interface PlaygroundSettings {
  model: ModelKind;
  optimizer: OptimizerKind;
  learningRate: string;
  steps: string;
  initialWeight: string;
  initialBias: string;
  dtype: DTypeName;
  seed: string;
  speed: Speed;
}

export type TextSetting = 'learningRate' | 'steps' | 'initialWeight' | 'initialBias' | 'seed';

export const SETTING_LABELS: Record<TextSetting, string> = {
  learningRate: 'Learning rate',
  steps: 'Steps',
  initialWeight: 'Initial weight',
  initialBias: 'Initial bias',
  seed: 'Seed',
};

export const DEFAULT_SETTINGS: PlaygroundSettings = Object.freeze({
  model: NEGATOR_CONFIG.model,
  optimizer: NEGATOR_CONFIG.optimizer,
  learningRate: String(NEGATOR_CONFIG.learningRate),
  steps: String(NEGATOR_CONFIG.steps),
  initialWeight: String(NEGATOR_CONFIG.initialWeight),
  initialBias: String(NEGATOR_CONFIG.initialBias),
  dtype: NEGATOR_CONFIG.dtype,
  seed: String(NEGATOR_CONFIG.seed),
  speed: 'auto',
});

export const DEFAULT_PAIRS: TextPair[] = NEGATOR_CONFIG.pairs.map((p) => ({
  input: String(p.input),
  target: String(p.target),
}));

/** What a wholesale replacement (preset, import, clear, share link) replaced, for Undo. */
export interface SavedUndo {
  rows: TextPair[];
  settings: PlaygroundSettings;
  /** "loading the preset “Doubler”", "opening the shared link", … */
  what: string;
  /**
   * After a share link: the fingerprint of the table and settings the link put in. While the
   * table is still exactly that, it is the link's, not the learner's: a second link keeps this
   * Undo (the learner's own table) instead of replacing it, and other tabs do not follow it.
   */
  linked?: string;
}

export const LINK_WHAT = 'opening the shared link';

/** A short fingerprint of a table and its settings (speed aside): FNV-1a over their JSON. */
export function tableFingerprint(rows: readonly TextPair[], settings: PlaygroundSettings): string {
  const { speed: _speed, ...rest } = settings;
  const text = JSON.stringify([rows.map((r) => [r.input, r.target]), rest]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** Whether a stored state shows a share link's table, unedited since it was opened. */
export const showsUneditedLink = (s: Pick<PersistedPlayground, 'rows' | 'settings' | 'undo'>): boolean =>
  s.undo?.what === LINK_WHAT && s.undo.linked !== undefined && s.undo.linked === tableFingerprint(s.rows, s.settings);

/** What is written to localStorage (version 3). */
export interface PersistedPlayground {
  rows: TextPair[];
  settings: PlaygroundSettings;
  logScale: boolean;
  /** Text typed into the Paste CSV box and not yet added. */
  csvDraft: string;
  undo: SavedUndo | null;
}

/**
 * The longest unsent CSV text kept across reloads. A longer one stays on the page but is not
 * saved (the page says so), so it can never fill the storage and block saving the table.
 */
export const MAX_SAVED_DRAFT = 100_000;

export const PLAYGROUND_STORAGE_KEY = 'perceptron-lab:playground';
/**
 * 0: numeric pairs and settings; 1: rows and settings as text; 2: adds speed, the CSV draft and
 * Undo; 3: a share link's Undo records the link's table (`linked`), so a second link keeps it.
 */
export const PLAYGROUND_VERSION = 3;

export const playgroundDefaults = (): PersistedPlayground => ({
  rows: DEFAULT_PAIRS.map((p) => ({ ...p })),
  settings: { ...DEFAULT_SETTINGS },
  logScale: false,
  csvDraft: '',
  undo: null,
});

const TEXT_KEYS = Object.keys(SETTING_LABELS) as TextSetting[];

/** Rows that can be read; the others are left out and counted. */
function readRows(reader: FieldReader, name: string, label: string): TextPair[] | undefined {
  const raw = reader.field(name, label, (v) => (Array.isArray(v) ? v : undefined), undefined);
  if (!raw) return undefined;
  const rows: TextPair[] = [];
  for (const item of raw) {
    const r = asRecord(item);
    const input = r && asText(r.input);
    const target = r && asText(r.target);
    if (input !== undefined && target !== undefined) rows.push({ input, target });
  }
  const lost = raw.length - rows.length;
  if (lost) reader.add([`${lost} row${lost === 1 ? '' : 's'} of the ${label} (left out)`]);
  return rows;
}

function readSettings(reader: FieldReader, name: string, label: string): PlaygroundSettings {
  // The text fields, one by one (each reset is named in `reader`); then the choices.
  const texts = readDraft(reader, name, label, pickText(DEFAULT_SETTINGS), SETTING_LABELS);
  const inner = new FieldReader(asRecord(reader.raw[name]) ?? {});
  const settings: PlaygroundSettings = {
    ...texts,
    model: inner.field('model', `${label}: Model`, oneOf(['w', 'w+b'] as const), DEFAULT_SETTINGS.model),
    optimizer: inner.field(
      'optimizer',
      `${label}: Optimizer`,
      oneOf(['sgd', 'momentum', 'adam'] as const),
      DEFAULT_SETTINGS.optimizer,
    ),
    dtype: inner.field('dtype', `${label}: Precision`, oneOf(['float32', 'float64'] as const), DEFAULT_SETTINGS.dtype),
    speed: inner.field('speed', `${label}: Speed`, readSpeed, DEFAULT_SETTINGS.speed),
  };
  reader.add(inner.reset);
  return settings;
}

const pickText = (s: PlaygroundSettings) =>
  Object.fromEntries(TEXT_KEYS.map((k) => [k, s[k]])) as Record<TextSetting, string>;

function readUndo(v: unknown): SavedUndo | null | undefined {
  if (v === null) return null;
  const r = asRecord(v);
  if (!r || typeof r.what !== 'string') return undefined;
  const inner = new FieldReader(r);
  const rows = readRows(inner, 'rows', 'saved Undo');
  if (!rows) return undefined;
  const undo: SavedUndo = { rows, settings: readSettings(inner, 'settings', 'the Undo’s settings'), what: r.what };
  if (typeof r.linked === 'string' && /^[0-9a-f]{1,8}$/.test(r.linked)) undo.linked = r.linked;
  return undo;
}

/** Validates stored Playground data field by field and row by row. */
export function readPlayground(raw: unknown): { value: PersistedPlayground; reset: string[] } {
  const d = playgroundDefaults();
  const r = new FieldReader(asRecord(raw) ?? {});
  const value: PersistedPlayground = {
    rows: readRows(r, 'rows', 'pairs table') ?? d.rows,
    settings: readSettings(r, 'settings', 'the training settings'),
    logScale: r.field('logScale', 'the log-scale switch', asBoolean, d.logScale),
    csvDraft: r.field('csvDraft', 'the unsent CSV text', (v) => (typeof v === 'string' ? v : undefined), d.csvDraft),
    undo: r.field('undo', 'the Undo offer', readUndo, d.undo),
  };
  return { value, reset: r.reset };
}

/** Version 0 kept numeric `pairs` and numeric settings. */
function fromVersion0(s: unknown): unknown {
  const old = asRecord(s) ?? {};
  const rows = Array.isArray(old.pairs)
    ? old.pairs.map((p) => ({ input: asText(asRecord(p)?.input) ?? '', target: asText(asRecord(p)?.target) ?? '' }))
    : undefined;
  const settings = Object.fromEntries(
    Object.entries(asRecord(old.settings) ?? {}).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
  );
  return { rows, settings, logScale: old.logScale };
}

export const playgroundSlice: SliceSpec<PersistedPlayground> = {
  key: PLAYGROUND_STORAGE_KEY,
  version: PLAYGROUND_VERSION,
  label: 'your Playground pairs and settings',
  defaults: playgroundDefaults,
  read: readPlayground,
  migrations: {
    0: fromVersion0,
    // Version 2 only adds fields; their defaults are filled in by readPlayground.
    1: (s) => ({ ...(asRecord(s) ?? {}), csvDraft: '', undo: null }),
    // Version 3 only adds `linked` to a link's Undo; a version-2 Undo has none (so a second
    // link replaces it, as version 2 did).
    2: (s) => s,
  },
};
