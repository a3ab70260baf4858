/**
 * The learner's own points as CSV: one point per line, "x1,x2,label", a header line allowed.
 * A label is a class's letter (A, B, C), its number (0, 1, 2) or, for two classes, −1 / +1.
 * Reading never throws: it returns the points or the lines that could not be read.
 */
import { NETWORK_LIMITS } from './config.ts';
import type { OwnPoints } from './draft.ts';

export type PointsCsv = { ok: true; points: OwnPoints; classes: 2 | 3 } | { ok: false; message: string };

const LABELS: Record<string, number> = { a: 0, b: 1, c: 2, '0': 0, '1': 1, '2': 2, '-1': 0, '+1': 1, '−1': 0 };

export function parsePointsCsv(text: string): PointsCsv {
  const lines = text.split(/\r?\n/);
  const xy: number[] = [];
  const labels: number[] = [];
  const bad: number[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (i === 0 && cells.length >= 3 && Number.isNaN(Number(cells[0].replace('−', '-')))) return; // a header
    const [a, b] = cells.map((c) => Number(c.replace('−', '-')));
    const label = LABELS[(cells[2] ?? '').toLowerCase()];
    if (
      cells.length !== 3 ||
      !Number.isFinite(a) ||
      !Number.isFinite(b) ||
      Math.abs(a) > 6 ||
      Math.abs(b) > 6 ||
      label === undefined
    )
      bad.push(i + 1);
    else {
      xy.push(a, b);
      labels.push(label);
    }
  });
  if (bad.length)
    return {
      ok: false,
      message: `Line${bad.length > 1 ? 's' : ''} ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''} ${bad.length > 1 ? 'are' : 'is'} not "x1,x2,label" with x1 and x2 from −6 to 6 and a label A, B or C. Nothing was imported.`,
    };
  if (labels.length === 0) return { ok: false, message: 'The file has no points. Nothing was imported.' };
  if (labels.length > NETWORK_LIMITS.maxPoints)
    return {
      ok: false,
      message: `The file has ${labels.length.toLocaleString('en')} points; at most ${NETWORK_LIMITS.maxPoints.toLocaleString('en')} fit. Nothing was imported.`,
    };
  return { ok: true, points: { xy, labels }, classes: labels.some((l) => l === 2) ? 3 : 2 };
}

/** The points as CSV, with a header and class letters. */
export function pointsToCsv(p: OwnPoints): string {
  const rows = p.labels.map((l, i) => `${p.xy[2 * i]},${p.xy[2 * i + 1]},${'ABC'[l]}`);
  return ['x1,x2,label', ...rows].join('\n') + '\n';
}
