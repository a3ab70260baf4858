/**
 * Where a label goes beside its line (a tape graph's edge, a step arrow, a tangent): clear of
 * every box it is given, of the other labels and of the drawing's edges, whatever the numbers'
 * lengths. Each label tries a few spots around its line's middle (either side, then slid along
 * it) and takes the first that is clear; a label too long for any spot is split after its
 * product ("−1 × −7.38" over "= 7.38"). Pure: the caller measures text and draws the result.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  key: string;
  /** The edge, from the first box's side to the second's. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}

export interface PlacedLabel {
  key: string;
  /** One or two lines, each drawn centred on `x` from its baseline. */
  lines: { text: string; y: number }[];
  x: number;
  /** The box the lines take, padding included. */
  box: Box;
}

/** Line height and the gap kept between a label and anything else, in pixels. */
export const LABEL_LINE = 15;
const GAP = 3;

export const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, bounds: Box) =>
  a.x >= bounds.x &&
  a.y >= bounds.y &&
  a.x + a.width <= bounds.x + bounds.width &&
  a.y + a.height <= bounds.y + bounds.height;

/**
 * "a × b = c" as its two halves, for a label too long for one line. The first keeps the space
 * between them, so the label's text still reads "a × b = c" (to a screen reader, or a search).
 */
export function splitLabel(text: string): string[] {
  const i = text.lastIndexOf(' = ');
  return i > 0 ? [text.slice(0, i + 1), text.slice(i + 1)] : [text];
}

/**
 * Places every label. `measure` gives a line's drawn width; `nodes` are the boxes labels must
 * not touch; labels stay inside `bounds`. A label with no clear spot takes the one that covers
 * the least (the geometry leaves room for all, so this is a last resort, not the rule).
 */
export function placeLabels(
  requests: LabelRequest[],
  nodes: Box[],
  bounds: Box,
  measure: (text: string) => number,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken = (b: Box) => nodes.some((n) => overlaps(b, n)) || placed.some((p) => overlaps(b, p.box));
  const covered = (b: Box) =>
    [...nodes, ...placed.map((p) => p.box)].reduce((s, n) => {
      const w = Math.min(b.x + b.width, n.x + n.width) - Math.max(b.x, n.x);
      const h = Math.min(b.y + b.height, n.y + n.height) - Math.max(b.y, n.y);
      return s + (w > 0 && h > 0 ? w * h : 0);
    }, 0) + (inside(b, bounds) ? 0 : 1e9);
  for (const r of requests) {
    const layouts = [[r.text], splitLabel(r.text)].filter((l, i) => i === 0 || l.length > 1);
    let best: PlacedLabel | null = null;
    let bestCost = Infinity;
    for (const lines of layouts) {
      const w = Math.max(...lines.map(measure)) + 2 * GAP;
      const h = lines.length * LABEL_LINE + 2 * GAP;
      // Each spot as it is, then moved just inside the bounds (a line near an edge).
      const spots = candidates(r, w, h).flatMap((c) => {
        const x = Math.min(Math.max(c.x, bounds.x + w / 2), bounds.x + bounds.width - w / 2);
        const y = Math.min(Math.max(c.y, bounds.y + h / 2), bounds.y + bounds.height - h / 2);
        return x === c.x && y === c.y ? [c] : [c, { x, y }];
      });
      for (const c of spots) {
        const box = { x: c.x - w / 2, y: c.y - h / 2, width: w, height: h };
        const label: PlacedLabel = {
          key: r.key,
          x: c.x,
          box,
          // Baselines: a line's text sits about 4 px above the bottom of its 15 px slot.
          lines: lines.map((text, i) => ({ text, y: box.y + GAP + (i + 1) * LABEL_LINE - 4 })),
        };
        if (inside(box, bounds) && !taken(box)) {
          best = label;
          bestCost = 0;
          break;
        }
        const cost = covered(box);
        if (cost < bestCost) {
          best = label;
          bestCost = cost;
        }
      }
      if (bestCost === 0) break;
    }
    if (best) placed.push(best);
  }
  return placed;
}

/** Centres to try for a w × h label of edge r, nearest the edge first. */
function candidates(r: LabelRequest, w: number, h: number): { x: number; y: number }[] {
  const mx = (r.x1 + r.x2) / 2;
  const my = (r.y1 + r.y2) / 2;
  const dx = r.x2 - r.x1;
  const dy = r.y2 - r.y1;
  const len = Math.hypot(dx, dy) || 1;
  // The unit normal pointing up the screen (or right, for an edge drawn straight down).
  let [nx, ny] = [dy / len, -dx / len];
  if (ny > 0 || (ny === 0 && nx < 0)) [nx, ny] = [-nx, -ny];
  // How far along the normal a w × h box must sit for its nearest corner to clear the line.
  const clear = (sx: number, sy: number) => (Math.abs(sx) * w) / 2 + (Math.abs(sy) * h) / 2 + GAP + 2;
  const out: { x: number; y: number }[] = [];
  for (const side of [1, -1]) {
    const d = clear(nx, ny);
    out.push({ x: mx + side * nx * d, y: my + side * ny * d });
  }
  // Then slid along the edge, towards either end, on both sides.
  for (const t of [0.25, -0.25]) {
    for (const side of [1, -1]) {
      const d = clear(nx, ny);
      out.push({ x: mx + dx * t + side * nx * d, y: my + dy * t + side * ny * d });
    }
  }
  // Then further out, where a crowd of short lines (steps near a minimum) leaves room.
  for (const far of [2.5, 4]) {
    for (const side of [1, -1]) {
      const d = clear(nx, ny) * far;
      out.push({ x: mx + side * nx * d, y: my + side * ny * d });
    }
  }
  out.push({ x: mx, y: my });
  return out;
}
