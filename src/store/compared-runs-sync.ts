/**
 * Keeps the Playground's compared runs in IndexedDB: restores them once at start-up, and
 * saves them (debounced) whenever the list changes or one of them ends. A run still going is
 * saved once it ends; a newer version's saved runs are left untouched.
 */
import { RunHistory } from './history.ts';
import { dismiss, notify } from './notices.ts';
import { MAX_COMPARED_RUNS, RESTORE_WAIT_MS, holdRunsUntil, playgroundStore } from './playground-store.ts';
import { isLive, trainingStore, type RunView } from './training-store.ts';
import {
  COMPARED_RUNS_KEY,
  MAX_SAVED_STEPS,
  available,
  loadSavedRuns,
  storeSavedRuns,
  type SavedRun,
  type SavedRuns,
} from './compared-runs-db.ts';
import { RUN_COLUMNS } from '../training/columns.ts';
import { groupDigits } from '../training/digits.ts';

const SAVE_DELAY_MS = 300;

function toSaved(number: number, hidden: boolean, run: RunView): SavedRun | null {
  if (isLive(run) || run.status === 'error' || run.status === 'running' || run.history.length === 0) return null;
  const n = run.history.length;
  const columns = Object.fromEntries(
    RUN_COLUMNS.map((k) => [k, run.history.column(k).slice(0, n)]),
  ) as SavedRun['columns'];
  return {
    number,
    hidden,
    config: run.config,
    status: run.status as SavedRun['status'],
    message: run.message,
    divergedAt: run.divergedAt,
    state: run.state,
    columns,
  };
}

function snapshot() {
  const { runs, selected, nextRun, cleared } = playgroundStore.getState();
  const all = trainingStore.getState().runs;
  const save = (list: typeof runs) =>
    list
      .map((r) => (all[r.channel] ? toSaved(r.number, r.hidden, all[r.channel]!) : null))
      .filter((x): x is SavedRun => x !== null);
  const sel = runs.find((r) => r.channel === selected)?.number ?? null;
  return { runs: save(runs), selected: sel, nextRun, cleared: cleared ? save(cleared) : null };
}

/** What the saved record depends on: the list, the selection and each ended run's length. */
function savedKey(): string {
  const { runs, selected, nextRun, cleared } = playgroundStore.getState();
  const all = trainingStore.getState().runs;
  return JSON.stringify([
    selected,
    nextRun,
    cleared?.map((r) => r.number) ?? null,
    runs.map((r) => {
      const run = all[r.channel];
      return [
        r.number,
        r.hidden,
        run && !isLive(run) ? run.status : null,
        run && !isLive(run) ? run.history.length : 0,
      ];
    }),
  ]);
}

function notifyNewer(): void {
  notify({
    id: `${COMPARED_RUNS_KEY}:load`,
    kind: 'error',
    text: 'Your compared runs were saved by a newer version of Perceptron Lab. They are left untouched; this version will not save runs until you reload the newer one.',
  });
}

/** Puts a saved run back in the training store, on its own channel. */
function adoptSaved(r: SavedRun): void {
  const history = new RunHistory(r.columns.steps.length);
  history.append(r.columns, r.columns.steps.length);
  trainingStore.getState().adopt(`playground-${r.number}`, {
    config: r.config,
    status: r.status,
    history,
    state: r.state,
    message: r.message,
    divergedAt: r.divergedAt,
  });
}

// Other tabs save runs to the same record. Each tab remembers which runs the record held when
// it last read or wrote it: a run there that it has not seen was added by another tab (it is
// taken in), and one gone since was removed there (it is dropped here too, unless it is still
// training in this tab). Run numbers are unique across tabs (run-numbers.ts).
let synced = new Set<number>();

/** Takes another tab's additions and removals from the stored list into this tab's. */
function mergeFrom(stored: SavedRuns): void {
  const { runs, selected, nextRun } = playgroundStore.getState();
  const here = new Set(runs.map((r) => r.number));
  const added = stored.runs.filter((r) => !synced.has(r.number) && !here.has(r.number));
  const gone = new Set([...synced].filter((n) => !stored.runs.some((r) => r.number === n)));
  const all = trainingStore.getState().runs;
  const dropped = runs.filter((r) => gone.has(r.number) && !(all[r.channel] && isLive(all[r.channel]!)));
  synced = new Set(stored.runs.map((r) => r.number));
  if (!added.length && !dropped.length && stored.nextRun <= nextRun) return;
  added.forEach(adoptSaved);
  dropped.forEach((r) => trainingStore.getState().reset(r.channel));
  const kept = runs.filter((r) => !dropped.includes(r));
  const next = [
    ...kept,
    ...added.map((r) => ({ channel: `playground-${r.number}`, number: r.number, hidden: r.hidden })),
  ]
    .sort((a, b) => a.number - b.number)
    .slice(-MAX_COMPARED_RUNS);
  playgroundStore.setState({
    runs: next,
    selected: next.some((r) => r.channel === selected) ? selected : (next.at(-1)?.channel ?? null),
    nextRun: Math.max(nextRun, stored.nextRun),
  });
}

const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'function' ? new BroadcastChannel(COMPARED_RUNS_KEY) : null;

async function restore(): Promise<boolean> {
  const { saved, lost, newer } = await loadSavedRuns();
  if (newer) {
    notifyNewer();
    return false;
  }
  if (lost)
    notify({
      id: `${COMPARED_RUNS_KEY}:load`,
      kind: 'info',
      text: `${lost === 1 ? 'One saved compared run' : `${lost} saved compared runs`} could not be read and ${lost === 1 ? 'was' : 'were'} left out; the others are back. A copy of what was stored is kept in this browser, untouched.`,
    });
  // The learner started runs before storage answered: keep theirs, do not mix numbering.
  if (playgroundStore.getState().runs.length || (!saved.runs.length && !saved.cleared)) return true;
  synced = new Set(saved.runs.map((r) => r.number));
  for (const r of [...saved.runs, ...(saved.cleared ?? [])]) adoptSaved(r);
  playgroundStore.setState({
    runs: saved.runs.map((r) => ({ channel: `playground-${r.number}`, number: r.number, hidden: r.hidden })),
    selected: saved.selected === null ? null : `playground-${saved.selected}`,
    nextRun: saved.nextRun,
    cleared:
      saved.cleared?.map((r) => ({ channel: `playground-${r.number}`, number: r.number, hidden: r.hidden })) ?? null,
  });
  return true;
}

/** Restores the saved runs, then saves them on every change. Call once at start-up. */
export async function startComparedRunsSync(): Promise<void> {
  const started = Date.now();
  const restoring = restore().catch(() => true);
  holdRunsUntil(restoring);
  if (!(await restoring)) return;
  if (Date.now() - started > RESTORE_WAIT_MS && playgroundStore.getState().runs.length) {
    // New runs began before the saved ones were read: never write over a list that was not read.
    notify({
      id: `${COMPARED_RUNS_KEY}:load`,
      kind: 'info',
      text: 'Your saved compared runs took too long to load, so runs from this visit are not saved over them. Reload to see them.',
    });
    return;
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = savedKey();
  const save = () => {
    timer = null;
    // Cheap to compare; the histories are copied only when something worth saving changed.
    const key = savedKey();
    if (key === last) return;
    last = key;
    // Re-read first: another tab may have added or removed runs since this one last looked.
    loadSavedRuns()
      .then(({ saved, newer }) => {
        // Another tab runs a newer version and has saved in its format: leave it untouched.
        if (newer) {
          notifyNewer();
          return [];
        }
        // Without storage there is nothing shared to merge: the tab's own list is all there is.
        if (available()) mergeFrom(saved);
        const next = snapshot();
        return storeSavedRuns(next).then((dropped) => {
          if (!available()) return dropped;
          synced = new Set(next.runs.map((r) => r.number).filter((n) => !dropped.includes(n)));
          channel?.postMessage('saved');
          return dropped;
        });
      })
      .then(
        (dropped) => {
          dismiss(`${COMPARED_RUNS_KEY}:save`);
          if (!dropped.length) return dismiss(`${COMPARED_RUNS_KEY}:cap`);
          const names = dropped.map((n) => `Run ${n}`);
          const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
          notify({
            id: `${COMPARED_RUNS_KEY}:cap`,
            kind: 'info',
            text: `${list} ${names.length === 1 ? 'is' : 'are'} not kept for the next visit: saved runs hold at most ${groupDigits(MAX_SAVED_STEPS)} steps in all, and the newest are kept. ${names.length === 1 ? 'It stays' : 'They stay'} on this page until you reload.`,
          });
        },
        () =>
          notify({
            id: `${COMPARED_RUNS_KEY}:save`,
            kind: 'error',
            text: `Couldn't save: this browser's storage is full or unavailable. Not saved: your compared runs (they stay on this page until you reload). At most ${groupDigits(MAX_SAVED_STEPS)} steps of runs are kept.`,
          }),
      );
  };
  const schedule = () => {
    timer ??= setTimeout(save, SAVE_DELAY_MS);
  };
  playgroundStore.subscribe(schedule);
  trainingStore.subscribe(schedule);
  // Another tab saved: take its changes in now, not only at this tab's next save.
  channel?.addEventListener('message', () => {
    void loadSavedRuns().then(({ saved, newer }) => {
      if (!newer) mergeFrom(saved);
    }, ignore);
  });
}

const ignore = () => undefined;
