/**
 * Draws the tape graph: leaves and op nodes with their forward values as they are recorded,
 * edges from inputs to ops, and during the backward pass each edge's arithmetic
 * (local derivative × upstream = gradient). Left to right on wide screens, top to bottom on
 * phones. The drawing is hidden from assistive technology; the table beside it says the same.
 */
import { useRef } from 'react';
import { formatNumber } from '../format.ts';
import { useWidth } from '../plot/use-width.ts';
import { textWidth } from '../plot/text-width.ts';
import { placeLabels, splitLabel, type Box } from '../plot/label-layout.ts';
import { PlacedText } from '../plot/placed-text.tsx';
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
const LABEL_PX = 12;
const measureLabel = (t: string) => textWidth(t, LABEL_PX, true);

interface Geometry {
  vertical: boolean;
  width: number;
  height: number;
  nodeW: number;
  at(n: GraphNode): { x: number; y: number };
}

/** The lines a node box shows, in the fonts it draws them with. */
function nodeTextWidth(n: GraphNode): number {
  const title = n.kind === 'op' ? `${n.name} = ${n.op}` : `${n.name} (${n.kind})`;
  return Math.max(
    textWidth(title, 13, true),
    textWidth(`= ${formatNumber(n.value)}`, 13),
    n.grad === undefined ? 0 : textWidth(`dL/d${n.name} = ${formatNumber(n.grad)}`, 12, true),
  );
}

/**
 * Sizes the drawing from what it has to hold: boxes as wide as their longest line, and (drawn
 * across) columns far enough apart for the widest edge label to sit between two boxes. Every
 * label the walk can show is counted from the start, so nothing moves as they appear. Top to
 * bottom only on narrow screens, and only while the labels and boxes fit there.
 */
function geometry(model: TapeGraphModel, available: number, labels: { text: string; level: boolean }[]): Geometry {
  const textW = Math.max(0, ...model.nodes.map(nodeTextWidth));
  const widthOf = (t: string) => Math.max(...splitLabel(t).map(measureLabel));
  const widest = Math.max(0, ...labels.map((l) => widthOf(l.text)));
  // Drawn across, only a label between two boxes of one row has to fit between them; a slanted
  // edge's label has the lane between two rows.
  const widestLevel = Math.max(0, ...labels.filter((l) => l.level).map((l) => widthOf(l.text)));
  const downCellW = available / model.rows;
  const downNodeW = Math.min(140, downCellW - 8);
  const vertical = available < 560 && textW + 12 <= downNodeW && widest + 20 <= available / 2;
  if (vertical) {
    const cellH = 150;
    return {
      vertical,
      width: available,
      height: model.cols * cellH,
      nodeW: downNodeW,
      at: (n) => ({ x: downCellW * (n.row + 0.5), y: cellH * (n.col + 0.5) }),
    };
  }
  const nodeW = Math.max(120, Math.ceil(textW + 20));
  const cellW = Math.max(available / model.cols, nodeW + widestLevel + 24, widest / 2 + 24);
  const cellH = 120;
  return {
    vertical,
    width: Math.ceil(cellW * model.cols),
    height: model.rows * cellH,
    nodeW,
    at: (n) => ({ x: cellW * (n.col + 0.5), y: cellH * (n.row + 0.5) }),
  };
}

const boxOf = (n: GraphNode, g: Geometry): Box => {
  const { x, y } = g.at(n);
  // The "◆ now" mark sits just above the box's right corner: it belongs to the box.
  return { x: x - g.nodeW / 2, y: y - NODE_H / 2 - 20, width: g.nodeW, height: NODE_H + 20 };
};

/** The edge's line, from the side of one box to the side of the other. */
function edgeEnds(e: GraphEdge, nodes: Map<number, GraphNode>, g: Geometry): [number, number, number, number] {
  const a = g.at(nodes.get(e.from)!);
  const b = g.at(nodes.get(e.to)!);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Leave each box where the line meets its border (the box is nodeW × NODE_H).
  const pad = Math.min(
    len / 3,
    Math.min(
      dx === 0 ? Infinity : g.nodeW / 2 / Math.abs(dx / len),
      dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy / len),
    ) + 4,
  );
  return [a.x + (dx / len) * pad, a.y + (dy / len) * pad, b.x - (dx / len) * pad, b.y - (dy / len) * pad];
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
  ends: [x1, y1, x2, y2],
  shown,
}: {
  e: GraphEdge;
  ends: [number, number, number, number];
  shown: boolean;
}) {
  // Forward, values flow from input to op; once an edge carries a gradient, its arrow points back.
  const back = shown && e.flows;
  return (
    <line
      className={`tg-edge${e.flows ? '' : ' tg-noflow'}${shown ? ' tg-edge-shown' : ''}`}
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      markerEnd={back ? undefined : 'url(#tg-arrow)'}
      markerStart={back ? 'url(#tg-arrow-back)' : undefined}
    />
  );
}

const labelOf = (e: GraphEdge, story: EdgeStory | null | undefined) => (e.flows ? story?.short : 'no gradient');

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
  const available = Math.max(useWidth(box, 640), minWidth);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const allLabels = model.edges.flatMap((e) => {
    const text = labelOf(e, stories.get(edgeKey(e)));
    return text ? [{ text, level: byId.get(e.from)?.row === byId.get(e.to)?.row }] : [];
  });
  const g = geometry(model, available, allLabels);
  const visible = model.nodes.filter((n) => n.kind !== 'op' || (n.entry ?? 0) < view.recorded);
  const ids = new Set(visible.map((n) => n.id));
  const edges = model.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const ends = new Map(edges.map((e) => [edgeKey(e), edgeEnds(e, byId, g)]));
  const requests = edges.flatMap((e) => {
    const text = view.edgesShown.has(edgeKey(e)) ? labelOf(e, stories.get(edgeKey(e))) : undefined;
    const [x1, y1, x2, y2] = ends.get(edgeKey(e))!;
    return text ? [{ key: edgeKey(e), x1, y1, x2, y2, text, noflow: !e.flows }] : [];
  });
  const noflow = new Set(requests.filter((r) => r.noflow).map((r) => r.key));
  const labels = placeLabels(
    requests,
    visible.map((n) => boxOf(n, g)),
    { x: 0, y: 0, width: g.width, height: g.height },
    measureLabel,
  );
  return (
    <div ref={box} className="tape-graph" aria-hidden="true" data-scrolls={g.width > available ? '' : undefined}>
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
        {edges.map((e) => (
          <EdgeLine key={edgeKey(e)} e={e} ends={ends.get(edgeKey(e))!} shown={view.edgesShown.has(edgeKey(e))} />
        ))}
        {visible.map((n) => (
          <NodeBox key={n.id} n={n} g={g} view={view} />
        ))}
        {/* Labels last, over everything, each where placeLabels found it room. */}
        {labels.map((l) => (
          <PlacedText
            key={l.key}
            label={l}
            className={`tg-edge-label${noflow.has(l.key) ? ' tg-edge-label-noflow' : ''}`}
            data-edge={l.key}
          />
        ))}
      </svg>
    </div>
  );
}
