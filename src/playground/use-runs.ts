/** Hooks joining the Playground's compared-run list with the runs in the training store. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground, type ComparedRun } from '../store/playground-store.ts';
import { useTraining, type RunView } from '../store/training-store.ts';
import { compareLabels } from './compare-labels.ts';

/** Line colours for compared runs, by run number; hex so exported charts keep them. */
export const RUN_COLORS = ['#dc2626', '#1d4ed8', '#059669', '#7c3aed', '#d97706', '#db2777', '#0891b2'];
export const runColor = (n: number) => RUN_COLORS[(n - 1) % RUN_COLORS.length];

export interface ComparedView extends ComparedRun {
  run: RunView;
  label: string;
  color: string;
}

/** Compared runs (oldest first) that have a run in the training store, with legend labels. */
export function useComparedRuns(): ComparedView[] {
  const meta = usePlayground((s) => s.runs);
  const runs = useTraining(useShallow((s) => meta.map((m) => s.runs[m.channel])));
  // Stable identity until a run or the list changes, so deferred and memoised charts can skip work.
  return useMemo(() => {
    const live = meta
      .map((m, i) => ({ ...m, run: runs[i] }))
      .filter((x): x is ComparedRun & { run: RunView } => !!x.run);
    const labels = compareLabels(live.map((x) => ({ number: x.number, config: x.run.config })));
    return live.map((x, i) => ({ ...x, label: labels[i], color: runColor(x.number) }));
  }, [meta, runs]);
}

/** The selected run (what readout, landscape, predict and export follow), if any. */
export function useSelectedRun(): RunView | undefined {
  const selected = usePlayground((s) => s.selected);
  return useTraining((s) => (selected ? s.runs[selected] : undefined));
}
