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
import { asRecord } from './persist/read.ts';
import { explainDivergence, explainOverflow, type FirstRise } from '../training/divergence.ts';
import type { RunStatus } from './training-store.ts';

export const COMPARED_RUNS_KEY = 'perceptron-lab:compared-runs';
/** Where a stored record that did not all read back is copied, as it was, before it is saved over. */
export const COMPARED_RUNS_BACKUP_KEY = 'perceptron-lab:compared-runs:backup';
/**
 * Version 1: runs, selected, nextRun. Version 2 adds `cleared` (the runs "Clear all" took, for
 * Undo). Version 3's rows are states (step k's weight with the loss and slope there); versions
 * 1–2 paired the loss measured before a step's update with the weight after it, and kept the
 * latest state's loss apart, as `head`.
 */
export const COMPARED_RUNS_VERSION = 3;
/** Rows kept across reloads, over all saved runs (a million-step run fits, alone). */
export const MAX_SAVED_STEPS = 1_000_000;

export interface SavedRun {
  number: number;
  hidden: boolean;
  config: TrainingConfig;
  status: Extract<RunStatus, 'done' | 'stopped' | 'diverged' | 'overflowed' | 'stepped'>;
  message?: string;
  divergedAt?: number;
  state: TrainerState | null;
  columns: Record<RunColumn, Float64Array>;
}

export interface SavedRuns {
  runs: SavedRun[];
  selected: number | null;
  nextRun: number;
  /** The runs "Clear all" took away, for Undo; null when there is no offer. */
  cleared: SavedRun[] | null;
}

const ENDED = ['done', 'stopped', 'diverged', 'overflowed', 'stepped'] as const;

/** A run's steps as the page states them: its rows less the starting row. */
const stepsOf = (r: SavedRun) => Math.max(0, r.columns.steps.length - 1);

/**
 * The runs kept across reloads: the newest that fit `maxSteps` steps in all, the oldest dropped
 * first; the newest run is always kept (one run can have at most as many steps as the cap)
 * unless `keepNewest` is false. `dropped` names the runs left out, so the page can say so.
 */
export function capRuns(
  runs: SavedRun[],
  maxSteps = MAX_SAVED_STEPS,
  keepNewest = true,
): { kept: SavedRun[]; dropped: number[] } {
  let total = 0;
  let first = runs.length;
  while (first > 0) {
    const n = stepsOf(runs[first - 1]);
    if ((first < runs.length || !keepNewest) && total + n > maxSteps) break;
    total += n;
    first--;
  }
  return { kept: runs.slice(first), dropped: runs.slice(0, first).map((r) => r.number) };
}

/** The most steps a run can have (the Steps field's maximum), so the most rows it can store. */
const MAX_RUN_STEPS = 1_000_000;

function readColumns(v: unknown, config: TrainingConfig): Record<RunColumn, Float64Array> | undefined {
  const r = asRecord(v);
  if (!r) return undefined;
  const cols = RUN_COLUMNS.map((k) => r[k]);
  if (!cols.every((c): c is Float64Array => c instanceof Float64Array)) return undefined;
  const n = cols[0].length;
  if (n === 0 || n > MAX_RUN_STEPS + 1 || cols.some((c) => c.length !== n || !c.every(Number.isFinite)))
    return undefined;
  // Steps are whole, start at 0 or more and go up by one, and end within the run's own length
  // (a run continued by Step may go past it, but never past the field's maximum).
  const steps = r.steps as Float64Array;
  for (let i = 0; i < n; i++)
    if (!Number.isInteger(steps[i]) || steps[i] < 0 || (i > 0 && steps[i] !== steps[i - 1] + 1)) return undefined;
  if (steps[n - 1] > Math.max(config.steps, MAX_RUN_STEPS)) return undefined;
  return Object.fromEntries(RUN_COLUMNS.map((k, i) => [k, cols[i]])) as Record<RunColumn, Float64Array>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const finiteNumbers = (v: unknown, keys: string[]) => {
  const r = asRecord(v);
  return !!r && keys.every((k) => finite(r[k]));
};
const pairOfNumbers = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every(finite);

/** A run's optimizer state, every field of it: what Step continues from. */
function readState(v: unknown): TrainerState | null | undefined {
  if (v === null) return null;
  const r = asRecord(v);
  if (!r || !finiteNumbers(r, ['weight', 'bias']) || !Number.isInteger(r.step) || (r.step as number) < 0)
    return undefined;
  if (!pairOfNumbers(r.m) || !pairOfNumbers(r.v)) return undefined;
  const [m, vv] = [r.m as number[], r.v as number[]];
  return {
    step: r.step as number,
    weight: r.weight as number,
    bias: r.bias as number,
    m: [m[0], m[1]],
    v: [vv[0], vv[1]],
  };
}

/** A run number as the page shows it ("Run 3"): a whole number from 1, of a sensible size. */
const runNumber = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) < 1e9;

/** A loss and slopes as version 2 kept them apart (`head`): null when they had overflowed. */
interface OldHead {
  loss: number;
  grad: number;
  gradBias: number;
}

/**
 * Version 2's columns as states: row i's loss and slopes were measured at row i − 1's weight,
 * so state i's are row i + 1's, and the last state's were the head (without one, its loss had
 * overflowed, and the state is left out).
 */
function statesOfV2(c: Record<RunColumn, Float64Array>, head: OldHead | null): Record<RunColumn, Float64Array> {
  const n = c.steps.length;
  const keep = head || n === 1 ? n : n - 1;
  const shifted = (k: 'loss' | 'grad' | 'gradBias', last: number | undefined) =>
    Float64Array.from({ length: keep }, (_, i) => (i + 1 < n ? c[k][i + 1] : (last ?? c[k][i])));
  return {
    steps: c.steps.slice(0, keep),
    weight: c.weight.slice(0, keep),
    bias: c.bias.slice(0, keep),
    loss: shifted('loss', head?.loss),
    grad: shifted('grad', head?.grad),
    gradBias: shifted('gradBias', head?.gradBias),
  };
}

/** One stored run if every part of it reads back, else undefined; `version` is the record's. */
export function readRun(v: unknown, version = COMPARED_RUNS_VERSION): SavedRun | undefined {
  const r = asRecord(v);
  if (!r || !runNumber(r.number) || typeof r.hidden !== 'boolean') return undefined;
  const config = validateConfig(r.config);
  if (!config.ok) return undefined;
  const read = readColumns(r.columns, config.config);
  const status = (ENDED as readonly unknown[]).includes(r.status) ? (r.status as SavedRun['status']) : undefined;
  if (!read || !status) return undefined;
  const state = readState(r.state);
  if (state === undefined) return undefined;
  if (r.message !== undefined && typeof r.message !== 'string') return undefined;
  if (r.divergedAt !== undefined && !(Number.isInteger(r.divergedAt) && (r.divergedAt as number) >= 0))
    return undefined;
  const run: SavedRun = {
    number: r.number as number,
    hidden: r.hidden,
    config: config.config,
    status,
    state,
    columns: read,
    message: typeof r.message === 'string' ? r.message : undefined,
    divergedAt: typeof r.divergedAt === 'number' ? r.divergedAt : undefined,
  };
  if (version >= 3) return run;
  const head =
    r.head === null || finiteNumbers(r.head, ['loss', 'grad', 'gradBias']) ? (r.head as OldHead | null) : undefined;
  return head === undefined ? undefined : asStates(run, head);
}

/**
 * A run as version 2 stored it, as states: its columns shifted by one (statesOfV2), its step
 * numbers with them (v2's step k measured the loss of state k − 1), and its explanation said
 * again in the new numbers. A last state whose loss had overflowed (no head) is left out, and
 * the run then reads as stopped by that overflow, with nothing to continue from.
 */
function asStates(run: SavedRun, head: OldHead | null): SavedRun {
  const columns = statesOfV2(run.columns, head);
  const dropped = columns.steps.length < run.columns.steps.length;
  const last = columns.steps[columns.steps.length - 1];
  const divergedAt = run.divergedAt === undefined ? undefined : Math.max(0, Math.min(last, run.divergedAt - 1));
  const status = dropped ? 'overflowed' : run.status;
  const { config } = run;
  const message =
    status === 'overflowed'
      ? explainOverflow(config, last + 1)
      : status === 'diverged' && divergedAt !== undefined
        ? explainDivergence(config, divergedAt, firstRiseOf(columns))
        : run.message;
  return { ...run, columns, status, divergedAt, message, state: dropped ? null : run.state };
}

/** Where a loss column first went up, as the worker reports it. */
function firstRiseOf({ steps, loss }: Record<RunColumn, Float64Array>): FirstRise | undefined {
  for (let k = 1; k < loss.length; k++)
    if (loss[k] > loss[k - 1]) return { step: steps[k], from: loss[k - 1], to: loss[k] };
  return undefined;
}

/** What storage holds: the runs that read back, and how many did not. */
export function readSavedRuns(v: unknown): { saved: SavedRuns; lost: number; newer: boolean } {
  const box = asRecord(v);
  const empty = { runs: [], selected: null, nextRun: 1, cleared: null };
  if (!box) return { saved: empty, lost: v === undefined ? 0 : 1, newer: false };
  if (typeof box.version === 'number' && box.version > COMPARED_RUNS_VERSION)
    return { saved: empty, lost: 0, newer: true };
  const raw = Array.isArray(box.runs) ? box.runs : [];
  const version = typeof box.version === 'number' ? box.version : 1;
  const runs = raw.map((x) => readRun(x, version)).filter((x): x is SavedRun => x !== undefined);
  // Version 1 had no `cleared`: no Undo offer.
  const rawCleared = Array.isArray(box.cleared) ? box.cleared : [];
  const cleared = rawCleared.map((x) => readRun(x, version)).filter((x): x is SavedRun => x !== undefined);
  const selected =
    typeof box.selected === 'number' && runs.some((x) => x.number === box.selected)
      ? box.selected
      : (runs.at(-1)?.number ?? null);
  const nextRun = Math.max(
    runNumber(box.nextRun) ? box.nextRun : 1,
    ...runs.map((x) => x.number + 1),
    ...cleared.map((x) => x.number + 1),
  );
  return {
    saved: { runs, selected, nextRun, cleared: cleared.length ? cleared : null },
    lost: raw.length - runs.length + rawCleared.length - cleared.length + (Array.isArray(box.runs) ? 0 : 1),
    newer: false,
  };
}

/** Whether this browser has IndexedDB to keep runs in (without it nothing is read or written). */
export const available = (): boolean => typeof indexedDB !== 'undefined';

/**
 * Reads the saved runs. When some could not be read, the stored record is first copied as it
 * was to COMPARED_RUNS_BACKUP_KEY: the next save writes over it, and what was unreadable is kept.
 */
export async function loadSavedRuns(): Promise<{ saved: SavedRuns; lost: number; newer: boolean }> {
  if (!available()) return readSavedRuns(undefined);
  const raw: unknown = await get(COMPARED_RUNS_KEY);
  const read = readSavedRuns(raw);
  if (read.lost) await set(COMPARED_RUNS_BACKUP_KEY, raw).catch(() => undefined);
  return read;
}

/** Saves the runs that fit the cap; resolves with the numbers of those left out. */
export async function storeSavedRuns(saved: SavedRuns): Promise<number[]> {
  const { kept, dropped } = capRuns(saved.runs);
  // The Undo offer's runs are kept too while they fit in what the list leaves of the cap.
  const room = MAX_SAVED_STEPS - kept.reduce((n, r) => n + stepsOf(r), 0);
  const cleared = capRuns(saved.cleared ?? [], room, false).kept;
  if (!available()) return dropped;
  await set(COMPARED_RUNS_KEY, {
    version: COMPARED_RUNS_VERSION,
    ...saved,
    runs: kept,
    cleared: cleared.length ? cleared : null,
  });
  return dropped;
}
