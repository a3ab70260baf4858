// Each Playground data set against its definition (NETWORK-NOTES.md), seeded.
import { describe, expect, it } from 'vitest';
import { classifyPoints, type ClassifyDataset } from '../../../src/training/network/datasets.ts';

const pts = (p: { x: Float64Array }, i: number): [number, number] => [p.x[2 * i], p.x[2 * i + 1]];
const n = 400;

describe('plane data sets', () => {
  it.each(['circle', 'xor', 'gaussian', 'spiral'] as ClassifyDataset[])(
    '%s repeats with its seed, differs with another, half of each label',
    (ds) => {
      const a = classifyPoints(ds, n, 0, 3);
      expect(Array.from(classifyPoints(ds, n, 0, 3).x)).toEqual(Array.from(a.x));
      expect(Array.from(classifyPoints(ds, n, 0, 4).x)).not.toEqual(Array.from(a.x));
      const positive = a.label.filter((l) => l === 1).length;
      expect(a.label.every((l) => l === 1 || l === -1)).toBe(true);
      if (ds !== 'xor') expect(positive).toBe(n / 2);
      else expect(Math.abs(positive - n / 2)).toBeLessThan(n / 8);
    },
  );

  it('circle: inside radius 2.5 is +1, the ring from 3.5 to 5 is −1 (no noise)', () => {
    const c = classifyPoints('circle', n, 0, 1);
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(...pts(c, i));
      if (c.label[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    }
  });

  it('circle with noise flips labels near the edge but does not move points', () => {
    const c = classifyPoints('circle', n, 0.5, 1);
    let flipped = 0;
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(...pts(c, i));
      expect(r).toBeLessThanOrEqual(5);
      if (r < 2.5 !== (c.label[i] === 1)) flipped++;
    }
    expect(flipped).toBeGreaterThan(0);
  });

  it('xor: every coordinate at least 0.3 from zero, the label is the sign of x₁·x₂', () => {
    const c = classifyPoints('xor', n, 0, 2);
    for (let i = 0; i < n; i++) {
      const [a, b] = pts(c, i);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.3);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(5.3);
      expect(c.label[i]).toBe(a * b >= 0 ? 1 : -1);
    }
  });

  it('gaussian: the +1 cloud is centred near (2, 2), the −1 cloud near (−2, −2)', () => {
    const c = classifyPoints('gaussian', 2000, 0, 5);
    for (const label of [1, -1]) {
      let sx = 0,
        sy = 0,
        k = 0;
      for (let i = 0; i < 2000; i++)
        if (c.label[i] === label) [sx, sy, k] = [sx + c.x[2 * i], sy + c.x[2 * i + 1], k + 1];
      expect(sx / k).toBeCloseTo(2 * label, 0);
      expect(sy / k).toBeCloseTo(2 * label, 0);
    }
  });

  it('spiral: each point lies on its arm, r = 5i/n at angle 1.75·2π·i/n (+π for −1)', () => {
    const c = classifyPoints('spiral', n, 0, 6);
    for (let i = 0; i < n; i++) {
      const [a, b] = pts(c, i);
      const r = Math.hypot(a, b);
      const k = Math.round((r / 5) * (n / 2));
      const t = (1.75 * 2 * Math.PI * k) / (n / 2) + (c.label[i] === 1 ? 0 : Math.PI);
      expect(a).toBeCloseTo(r * Math.sin(t), 6);
      expect(b).toBeCloseTo(r * Math.cos(t), 6);
    }
  });
});
