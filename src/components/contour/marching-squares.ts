/** Marching squares: where a scalar field on a grid crosses a level, as line segments. Pure. */

/** One edge crossing per marching-squares case, as pairs of edges (0 top, 1 right, 2 bottom, 3 left). */
const SEGMENTS: number[][] = [
  [],
  [3, 2],
  [2, 1],
  [3, 1],
  [0, 1],
  [3, 0, 2, 1],
  [0, 2],
  [3, 0],
  [3, 0],
  [0, 2],
  [3, 2, 0, 1],
  [0, 1],
  [3, 1],
  [2, 1],
  [3, 2],
  [],
];

/** Line segments (grid coordinates) where the scaled loss crosses `level`. */
export function contourSegments(v: number[][], level: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const lerp = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let j = 0; j < v.length - 1; j++) {
    for (let i = 0; i < v[j].length - 1; i++) {
      const [a, b, c, d] = [v[j][i], v[j][i + 1], v[j + 1][i + 1], v[j + 1][i]];
      const code = (a > level ? 8 : 0) | (b > level ? 4 : 0) | (c > level ? 2 : 0) | (d > level ? 1 : 0);
      const edge = (e: number): [number, number] =>
        e === 0
          ? [i + lerp(a, b), j]
          : e === 1
            ? [i + 1, j + lerp(b, c)]
            : e === 2
              ? [i + lerp(d, c), j + 1]
              : [i, j + lerp(a, d)];
      const s = SEGMENTS[code];
      for (let k = 0; k < s.length; k += 2) out.push([...edge(s[k]), ...edge(s[k + 1])]);
    }
  }
  return out;
}
