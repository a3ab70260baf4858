import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, splitLabel, type Box } from '../../src/components/plot/label-layout.ts';

const measure = (t: string) => t.length * 8;
const bounds: Box = { x: 0, y: 0, width: 600, height: 360 };
// Two boxes side by side with a 200 px gap, the edge between them at y = 180.
const nodes: Box[] = [
  { x: 20, y: 140, width: 140, height: 80 },
  { x: 360, y: 140, width: 140, height: 80 },
];
const edge = { x1: 164, y1: 180, x2: 356, y2: 180 };

describe('edge labels on the tape graph', () => {
  it('sits above its edge, between the boxes, when it fits there', () => {
    const [l] = placeLabels([{ key: 'a', ...edge, text: '-1 × -7.38 = 7.38' }], nodes, bounds, measure);
    expect(l.lines.map((x) => x.text)).toEqual(['-1 × -7.38 = 7.38']);
    expect(l.box.y + l.box.height).toBeLessThanOrEqual(180);
    expect(nodes.some((n) => overlaps(l.box, n))).toBe(false);
  });

  it('a label wider than the gap leaves the boxes alone: split in two or moved off the boxes, inside the drawing', () => {
    const text = '-2.47e-12 × -1.23e12 = 3.0380e0';
    const [l] = placeLabels([{ key: 'a', ...edge, text }], nodes, bounds, measure);
    expect(nodes.some((n) => overlaps(l.box, n))).toBe(false);
    expect(l.box.x).toBeGreaterThanOrEqual(0);
    expect(l.box.x + l.box.width).toBeLessThanOrEqual(600);
    expect(l.lines.map((x) => x.text).join('')).toBe(text);
  });

  it('two labels of edges that meet never cover each other', () => {
    const ls = placeLabels(
      [
        { key: 'a', ...edge, text: '3 × 9 = 27' },
        { key: 'b', x1: 164, y1: 60, x2: 356, y2: 180, text: '-1 × 9 = -9' },
        { key: 'c', x1: 164, y1: 300, x2: 356, y2: 180, text: '1 × 9 = 9' },
      ],
      nodes,
      bounds,
      measure,
    );
    expect(ls).toHaveLength(3);
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(overlaps(ls[i].box, ls[j].box)).toBe(false);
  });

  it('splits "a × b = c" after the product', () => {
    expect(splitLabel('-1 × -7.38 = 7.38')).toEqual(['-1 × -7.38 ', '= 7.38']);
    expect(splitLabel('no gradient')).toEqual(['no gradient']);
  });
});
