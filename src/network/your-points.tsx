/** "Your points": the class a click on the Decision map adds, Clear points (with Undo), the count, CSV in and out. */
import { useRef, useState } from 'react';
import { plural } from '../components/format.ts';
import { networkSettings, useNetworkSettings } from '../store/network-settings.ts';
import { parsePointsCsv, pointsToCsv } from '../training/network/points-csv.ts';

export function YourPoints({ classes }: { classes: number }) {
  const brush = useNetworkSettings((s) => s.brush);
  const points = useNetworkSettings((s) => s.points);
  const undo = useNetworkSettings((s) => s.undo);
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const st = networkSettings.getState();
  const download = () => {
    const url = URL.createObjectURL(new Blob([pointsToCsv(points)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'network-points.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <fieldset className="net-group net-points">
      <legend>Your points</legend>
      <div className="choice-row" role="radiogroup" aria-label="Class a click adds">
        {(['A', 'B', 'C'] as const).slice(0, classes).map((c, k) => (
          <label key={c} className="pg-check">
            <input type="radio" name="net-brush" checked={brush === k} onChange={() => st.setBrush(k as 0 | 1 | 2)} />{' '}
            Class {c}
          </label>
        ))}
      </div>
      <p data-testid="points-count">
        {plural(points.labels.length, 'point')}: click the Decision map to add one of the class picked.
      </p>
      <div className="toolbar">
        <button type="button" disabled={points.labels.length === 0} onClick={() => st.clearPoints()}>
          Clear points
        </button>
        {undo && (
          <button type="button" onClick={() => st.undoPoints()}>
            Undo ({plural(undo.labels.length, 'point')} back)
          </button>
        )}
        <button type="button" onClick={() => file.current?.click()}>
          Import CSV
        </button>
        <button type="button" disabled={points.labels.length === 0} onClick={download}>
          Export CSV
        </button>
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv,text/plain"
          hidden
          aria-label="CSV file of points"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            if (f.size > 1_000_000)
              return setProblem('That file is over 1 MB: 2,000 points take far less. Nothing was imported.');
            const r = parsePointsCsv(await f.text());
            if (!r.ok) return setProblem(r.message);
            setProblem(null);
            st.replacePoints(r.points);
            if (r.classes === 3) st.set({ classes: '3', loss: 'cross-entropy' });
          }}
        />
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
