/**
 * The accessible frame every chart sits in: a caption naming it, a one-line summary as its
 * text alternative, and a "Show data table" toggle that reveals the same data as a table.
 */
import { useId, useState, type HTMLAttributes, type ReactNode, type Ref } from 'react';

export interface ChartFigureProps {
  title: string;
  summary: string;
  hasData: boolean;
  emptyText: string;
  /** The drawing: a history chart (recharts) or one of the SVG pictures. */
  children: ReactNode;
  /** Renders the data table; called only while it is shown. */
  table: () => ReactNode;
  /** Extra controls under the chart (export, log scale, …). */
  actions?: ReactNode;
  /**
   * Makes the plot itself a control (e.g. a slider whose thumb is the point on the curve): these
   * attributes go on the plot's box, which then stays visible to assistive technology while the
   * drawing inside it is still hidden.
   */
  plotProps?: HTMLAttributes<HTMLDivElement> & { ref?: Ref<HTMLDivElement> };
  /**
   * The drawing is itself focusable and named (a history chart: the arrow keys move its
   * tooltip from step to step), so it is not hidden from assistive technology.
   */
  interactive?: boolean;
}

export function ChartFigure({
  title,
  summary,
  hasData,
  emptyText,
  children,
  table,
  actions,
  plotProps,
  interactive = false,
}: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    // Named by its caption (and `title`, for tools that do not read figcaption) rather than by
    // aria-labelledby, so looking up the "Steps" field by label does not also find the
    // "Loss over steps" chart. The drawing is hidden from assistive technology, which gets
    // the summary and the data table instead.
    <figure className="chart" title={title} aria-describedby={`${id}-sum`}>
      <figcaption>{title}</figcaption>
      <p className="chart-summary" id={`${id}-sum`}>
        {summary}
      </p>
      {plotProps ? (
        <div className="chart-plot" {...plotProps}>
          <div aria-hidden="true">{children}</div>
          {!hasData && (
            <div className="chart-empty" aria-hidden="true">
              {emptyText}
            </div>
          )}
        </div>
      ) : (
        <div className="chart-plot" aria-hidden={interactive ? undefined : true}>
          {/* The chart is mounted even while empty, so its one-off set-up cost is paid before a run starts. */}
          {children}
          {!hasData && (
            <div className="chart-empty" aria-hidden="true">
              {emptyText}
            </div>
          )}
        </div>
      )}
      <div className="toolbar chart-actions">
        <button
          type="button"
          className="link-button"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
        {actions}
      </div>
      <div id={`${id}-table`} hidden={!showTable}>
        {showTable && (
          <div className="table-scroll" tabIndex={0}>
            {table()}
          </div>
        )}
      </div>
    </figure>
  );
}
