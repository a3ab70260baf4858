/** "Save PNG" / "Save SVG" for the chart these buttons sit under. */
import { useState, type MouseEvent } from 'react';
import { exportFigure, type LegendEntry } from '../components/export.ts';

export function ChartExportButtons({ title, legend = [] }: { title: string; legend?: LegendEntry[] }) {
  const [error, setError] = useState<string | null>(null);
  const save = (format: 'png' | 'svg') => (e: MouseEvent<HTMLButtonElement>) => {
    // Inside a figure's actions, or beside one in a [data-export-scope] wrapper.
    const figure =
      e.currentTarget.closest('figure') ?? e.currentTarget.closest('[data-export-scope]')?.querySelector('figure');
    setError(null);
    if (!figure) return;
    exportFigure(figure, title, format, legend).catch((err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <>
      <button type="button" className="link-button" onClick={save('png')}>
        Save PNG
      </button>
      <button type="button" className="link-button" onClick={save('svg')}>
        Save SVG
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
