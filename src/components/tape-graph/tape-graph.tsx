/**
 * Draws the tape graph: leaves and op nodes with their forward values as they are recorded,
 * edges from inputs to ops, and during the backward pass each edge's arithmetic
 * (local derivative × upstream = gradient). Left to right on wide screens, top to bottom on
 * phones. The drawing is hidden from assistive technology; the table beside it says the same.
 */
import { useRef } from 'react';
import { formatNumber } from '../format.ts';
import { useWidth } from '../plot/use-width.ts';
import type { EdgeStory, GraphEdge, GraphNode, TapeGraphModel } from './model.ts';

export interface TapeGraphView {
  /** How many ops have been recorded so far (forward progress). */
  recorded: number;
  /** Ids of the nodes whose gradient dL/d(node) is shown. */
  gradsShown: ReadonlySet<number>;
  /** Keys `${entry}:${input}` of the edges whose arithmetic is shown. */
  edgesShown: ReadonlySet<string>;
  /** The node the walk is at. */
  active: number | null;
}

export const edgeKey = (e: Pick<GraphEdge, 'entry' | 'input'>) => `${e.entry}:${e.input}`;

const NODE_H = 64;

interface Geometry {
  vertical: boolean;
  width: number;
  height: number;
  nodeW: number;
  at(n: GraphNode): { x: number; y: number };
}

function geometry(model: TapeGraphModel, width: number): Geometry {
  const vertical = width < 560;
  const along = vertical ? model.rows : model.cols; // across the width
  const down = vertical ? model.cols : model.rows;
  const cellW = width / along;
  const cellH = vertical ? 150 : 120;
  return {
    vertical,
    width,
    height: down * cellH,
    nodeW: Math.min(140, cellW - 14),
    at: (n) =>
      vertical
        ? { x: cellW * (n.row + 0.5), y: cellH * (n.col + 0.5) }
        : { x: cellW * (n.col + 0.5), y: cellH * (n.row + 0.5) },
  };
}

function NodeBox({ n, g, view }: { n: GraphNode; g: Geometry; view: TapeGraphView }) {
  const { x, y } = g.at(n);
  const active = view.active === n.id;
  const showGrad = view.gradsShown.has(n.id) && n.grad !== undefined;
  const title = n.kind === 'op' ? `${n.name} = ${n.op}` : `${n.name} (${n.kind})`;
  return (
    <g className={`tg-node tg-${n.kind}${active ? ' tg-active' : ''}`} data-node={n.name}>
      <rect x={x - g.nodeW / 2} y={y - NODE_H / 2} width={g.nodeW} height={NODE_H} rx={10} />
      <text x={x} y={y - 14} textAnchor="middle" className="tg-title">
        {title}
      </text>
      <text x={x} y={y + 4} textAnchor="middle" className="tg-value">
        = {formatNumber(n.value)}
      </text>
      {showGrad && (
        <text x={x} y={y + 22} textAnchor="middle" className="tg-grad">
          dL/d{n.name} = {formatNumber(n.grad)}
        </text>
      )}
      {active && (
        <text x={x + g.nodeW / 2 - 6} y={y - NODE_H / 2 - 6} textAnchor="end" className="tg-now">
          ◆ now
        </text>
      )}
    </g>
  );
}

function EdgeLine({
  e,
  nodes,
  g,
  story,
  shown,
}: {
  e: GraphEdge;
  nodes: Map<number, GraphNode>;
  g: Geometry;
  story: EdgeStory | null | undefined;
  shown: boolean;
}) {
  const a = g.at(nodes.get(e.from)!);
  const b = g.at(nodes.get(e.to)!);
  // From the edge of one box to the edge of the other.
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const pad = Math.min(len / 3, g.vertical ? NODE_H / 2 + 4 : g.nodeW / 2 + 4);
  const [x1, y1, x2, y2] = [
    a.x + (dx / len) * pad,
    a.y + (dy / len) * pad,
    b.x - (dx / len) * pad,
    b.y - (dy / len) * pad,
  ];
  const label = shown ? (e.flows ? story?.short : 'no gradient') : undefined;
  // Forward, values flow from input to op; once an edge carries a gradient, its arrow points back.
  const back = shown && e.flows;
  return (
    <g className={`tg-edge${e.flows ? '' : ' tg-noflow'}${shown ? ' tg-edge-shown' : ''}`}>
      <line
        x1={x1}
        y1={y1}
        x2={x2}
        y2={y2}
        markerEnd={back ? undefined : 'url(#tg-arrow)'}
        markerStart={back ? 'url(#tg-arrow-back)' : undefined}
      />
      {label && <EdgeLabel x1={x1} y1={y1} x2={x2} y2={y2} vertical={g.vertical} text={label} />}
    </g>
  );
}

/** Beside the edge's middle, on the side away from the other edges: above when drawn across, to the side when drawn down. */
function EdgeLabel({
  x1,
  y1,
  x2,
  y2,
  vertical,
  text,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  vertical: boolean;
  text: string;
}) {
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  if (!vertical) {
    const dx = x2 - x1;
    const dy = y2 - y1;
    if (Math.abs(dy) < 4)
      return (
        <text x={mx} y={my - 6} textAnchor="middle" className="tg-edge-label">
          {text}
        </text>
      );
    // A slanted edge would cross a label centred on it: the label starts (or ends) just off the
    // edge's middle, on its upper side, and runs away from the edge.
    const len = Math.hypot(dx, dy);
    const [nx, ny] = dx > 0 ? [dy / len, -dx / len] : [-dy / len, dx / len]; // the normal pointing up
    return (
      <text x={mx + nx * 6} y={my + ny * 6} textAnchor={nx < 0 ? 'end' : 'start'} className="tg-edge-label">
        {text}
      </text>
    );
  }
  const dx = x2 - x1;
  const anchor = Math.abs(dx) < 4 || dx < 0 ? 'start' : 'end';
  return (
    <text x={anchor === 'start' ? mx + 8 : mx - 6} y={my + 4} textAnchor={anchor} className="tg-edge-label">
      {text}
    </text>
  );
}

export function TapeGraph({
  model,
  view,
  stories,
  minWidth = 0,
}: {
  model: TapeGraphModel;
  view: TapeGraphView;
  stories: ReadonlyMap<string, EdgeStory | null>;
  /**
   * Draw at least this wide, left to right, whatever the screen (a graph with many nodes side by
   * side is unreadable squeezed onto a phone): the page puts it in a box that scrolls sideways.
   */
  minWidth?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const g = geometry(model, Math.max(useWidth(box, 640), minWidth));
  const visible = model.nodes.filter((n) => n.kind !== 'op' || (n.entry ?? 0) < view.recorded);
  const ids = new Set(visible.map((n) => n.id));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return (
    <div ref={box} className="tape-graph" aria-hidden="true">
      <svg width={g.width} height={g.height}>
        <defs>
          <marker
            id="tg-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="tg-arrowhead" />
          </marker>
          <marker
            id="tg-arrow-back"
            viewBox="0 0 10 10"
            refX="1"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="tg-arrowhead-back" />
          </marker>
        </defs>
        {model.edges
          .filter((e) => ids.has(e.from) && ids.has(e.to))
          .map((e) => (
            <EdgeLine
              key={edgeKey(e)}
              e={e}
              nodes={byId}
              g={g}
              story={stories.get(edgeKey(e))}
              shown={view.edgesShown.has(edgeKey(e))}
            />
          ))}
        {visible.map((n) => (
          <NodeBox key={n.id} n={n} g={g} view={view} />
        ))}
      </svg>
    </div>
  );
}
