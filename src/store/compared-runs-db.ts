/**
 * The Playground's compared runs, kept across reloads in IndexedDB (through idb-keyval):
 * their configs, how they ended and their whole histories as typed arrays. Only ended runs
 * are saved; at most MAX_COMPARED_RUNS runs and MAX_SAVED_STEPS rows in all, the oldest
 * dropped first. Read back like any stored data: validated, bad runs left out and reported.
 */
import { get, set } from 'idb-keyval';
import { validateConfig, type TrainingConfig } from '../training/config.ts';
import { RUN_COLUMNS, type RunColumn } from '../training/columns.ts';
import type { TrainerState } from '../training/trainer.ts';
import type { Head } from '../worker-client.ts';
import { asRecord } from './persist/read.ts';
import type { RunStatus } from './training-store.ts';

export const COMPARED_RUNS_KEY = 'perceptron-lab:compared-runs';
export const COMPARED_RUNS_VERSION = 1;
/** Rows kept across reloads, over all saved runs (a million-step run fits, alone). */
export const MAX_SAVED_STEPS = 1_000_000;

export interface SavedRun {
  number: number;
  hidden: boolean;
  config: TrainingConfig;
  status: Extract<RunStatus, 'done' | 'stopped' | 'diverged' | 'overflowed' | 'stepped'>;
  message?: string;
  divergedAt?: number;
  head: Head | null;
  state: TrainerState | null;
  columns: Record<RunColumn, Float64Array>;
}

export interface SavedRuns {
  runs: SavedRun[];
  selected: number | null;
  nextRun: number;
}

const ENDED = ['done', 'stopped', 'diverged', 'overflowed', 'stepped'] as const;

/** The newest runs that fit the cap, oldest dropped first. */
export function capRuns(runs: SavedRun[], maxSteps = MAX_SAVED_STEPS): SavedRun[] {
  const kept: SavedRun[] = [];
  let total = 0;
  for (let i = runs.length - 1; i >= 0; i--) {
    const n = runs[i].columns.steps.length;
    if (total + n > maxSteps) break;
    total += n;
    kept.unshift(runs[i]);
  }
  return kept;
}

function readColumns(v: unknown): Record<RunColumn, Float64Array> | undefined {
  const r = asRecord(v);
  if (!r) return undefined;
  const cols = RUN_COLUMNS.map((k) => r[k]);
  if (!cols.every((c): c is Float64Array => c instanceof Float64Array)) return undefined;
  const n = cols[0].length;
  if (n === 0 || cols.some((c) => c.length !== n || !c.every(Number.isFinite))) return undefined;
  return Object.fromEntries(RUN_COLUMNS.map((k, i) => [k, cols[i]])) as Record<RunColumn, Float64Array>;
}

const finiteNumbers = (v: unknown, keys: string[]) => {
  const r = asRecord(v);
  return !!r && keys.every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
};

/** One stored run if every part of it reads back, else undefined. */
export function readRun(v: unknown): SavedRun | undefined {
  const r = asRecord(v);
  if (!r || !Number.isInteger(r.number) || typeof r.hidden !== 'boolean') return undefined;
  const config = validateConfig(r.config);
  const columns = readColumns(r.columns);
  const status = (ENDED as readonly unknown[]).includes(r.status) ? (r.status as SavedRun['status']) : undefined;
  if (!config.ok || !columns || !status) return undefined;
  const head =
    r.head === null || finiteNumbers(r.head, ['loss', 'grad', 'gradBias']) ? (r.head as Head | null) : undefined;
  const state =
    r.state === null || (finiteNumbers(r.state, ['step', 'weight', 'bias']) && Array.isArray(asRecord(r.state)!.m))
      ? (r.state as TrainerState | null)
      : undefined;
  if (head === undefined || state === undefined) return undefined;
  return {
    number: r.number as number,
    hidden: r.hidden,
    config: config.config,
    status,
    head,
    state,
    columns,
    message: typeof r.message === 'string' ? r.message : undefined,
    divergedAt: typeof r.divergedAt === 'number' ? r.divergedAt : undefined,
  };
}

/** What storage holds: the runs that read back, and how many did not. */
export function readSavedRuns(v: unknown): { saved: SavedRuns; lost: number; newer: boolean } {
  const box = asRecord(v);
  const empty = { runs: [], selected: null, nextRun: 1 };
  if (!box) return { saved: empty, lost: v === undefined ? 0 : 1, newer: false };
  if (typeof box.version === 'number' && box.version > COMPARED_RUNS_VERSION)
    return { saved: empty, lost: 0, newer: true };
  const raw = Array.isArray(box.runs) ? box.runs : [];
  const runs = raw.map(readRun).filter((x): x is SavedRun => x !== undefined);
  const selected =
    typeof box.selected === 'number' && runs.some((x) => x.number === box.selected)
      ? box.selected
      : (runs.at(-1)?.number ?? null);
  const nextRun = Math.max(typeof box.nextRun === 'number' ? box.nextRun : 1, ...runs.map((x) => x.number + 1));
  return {
    saved: { runs, selected, nextRun },
    lost: raw.length - runs.length + (Array.isArray(box.runs) ? 0 : 1),
    newer: false,
  };
}

const available = () => typeof indexedDB !== 'undefined';

export async function loadSavedRuns(): Promise<{ saved: SavedRuns; lost: number; newer: boolean }> {
  if (!available()) return readSavedRuns(undefined);
  return readSavedRuns(await get(COMPARED_RUNS_KEY));
}

export async function storeSavedRuns(saved: SavedRuns): Promise<void> {
  if (!available()) return;
  await set(COMPARED_RUNS_KEY, { version: COMPARED_RUNS_VERSION, ...saved, runs: capRuns(saved.runs) });
}
