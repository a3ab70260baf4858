/**
 * Compare runs: the last few runs with what differs between them; show or hide each on the
 * loss chart, pick the one the other panels follow, clear all. Also exports the selected run.
 */
import { runOutcome } from '../components/run-status.tsx';
import { downloadText, historyToCsv, historyToJson } from '../components/export.ts';
import { MAX_COMPARED_RUNS, playgroundStore, usePlayground } from '../store/playground-store.ts';
import { MAX_SAVED_STEPS } from '../store/compared-runs-db.ts';
import { describeRun } from './compare-labels.ts';
import { useComparedRuns, useSelectedRun, type ComparedView } from './use-runs.ts';
import { groupDigits } from '../training/digits.ts';

function RunItem({ r, selected }: { r: ComparedView; selected: boolean }) {
  const store = playgroundStore.getState();
  const nameId = `pg-run-name-${r.number}`;
  // The run is named once, in its label; the two controls say what they do and point at it.
  return (
    <li className={selected ? 'pg-run selected' : 'pg-run'}>
      <span className="pg-swatch" style={{ background: r.color }} aria-hidden="true" />
      <span className="pg-run-name" id={nameId}>
        {r.label}
      </span>
      <label className="pg-check">
        <input
          type="checkbox"
          checked={!r.hidden}
          onChange={() => store.toggleRun(r.channel)}
          aria-label={`Show run ${r.number}`}
        />{' '}
        Show
      </label>
      <label className="pg-check">
        <input
          type="radio"
          name="pg-selected-run"
          checked={selected}
          onChange={() => store.selectRun(r.channel)}
          aria-label={`Select run ${r.number}`}
        />{' '}
        Select
      </label>
      <span className="pg-run-detail">
        {describeRun(r.run.config)} — {runOutcome(r.run)}
      </span>
    </li>
  );
}

function ExportRun() {
  const run = useSelectedRun();
  const ok = !!run && run.history.length > 0;
  const save = (format: 'csv' | 'json') => {
    if (!run) return;
    const h = run.history;
    const withBias = run.config.model === 'w+b';
    const view = {
      steps: h.steps,
      weight: h.weight,
      loss: h.loss,
      grad: h.grad,
      bias: withBias ? h.bias : undefined,
      gradBias: withBias ? h.gradBias : undefined,
      length: h.length,
    };
    const name = `playground-run-${run.channel.replace(/\D+/g, '')}`;
    if (format === 'csv') downloadText(`${name}.csv`, historyToCsv(view), 'text/csv');
    else
      downloadText(
        `${name}.json`,
        historyToJson(run.config, view, { status: run.status, message: run.message ?? null }),
        'application/json',
      );
  };
  return (
    <div className="toolbar" role="group" aria-label="Export the selected run">
      <span>Selected run’s history:</span>
      <button type="button" disabled={!ok} onClick={() => save('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={!ok} onClick={() => save('json')}>
        Export JSON
      </button>
    </div>
  );
}

/** The Compare card. */
export function ComparePanel() {
  const runs = useComparedRuns();
  const selected = usePlayground((s) => s.selected);
  const cleared = usePlayground((s) => s.cleared);
  return (
    <section className="card" aria-labelledby="pg-compare">
      <h2 id="pg-compare">Compare runs</h2>
      <p>
        Each Train keeps its run: the last {MAX_COMPARED_RUNS} are overlaid on the loss chart, named by what differs
        between them. Change one setting at a time to see its effect.
      </p>
      <p className="muted">
        Finished runs are kept across reloads too: the last {MAX_COMPARED_RUNS}, up to {groupDigits(MAX_SAVED_STEPS)}{' '}
        steps in all; the oldest are dropped first.
      </p>
      {cleared && (
        <div className="notice" role="status">
          {cleared.length === 1 ? 'Run' : 'Runs'} {cleared.map((r) => r.number).join(', ')} cleared. Undo is kept (also
          after a reload) until you dismiss it.{' '}
          <button type="button" onClick={() => playgroundStore.getState().undoClear()}>
            Undo
          </button>{' '}
          <button type="button" className="link-button" onClick={() => playgroundStore.getState().dismissCleared()}>
            Dismiss
          </button>
        </div>
      )}
      {runs.length === 0 ? (
        !cleared && (
          <p className="muted" role="status">
            No runs yet.
          </p>
        )
      ) : (
        <ul className="pg-runs" aria-label="Compared runs">
          {[...runs].reverse().map((r) => (
            <RunItem key={r.channel} r={r} selected={r.channel === selected} />
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" disabled={runs.length === 0} onClick={() => playgroundStore.getState().clearRuns()}>
          Clear all
        </button>
      </div>
      <ExportRun />
    </section>
  );
}
