// The Network page's data sets beyond TensorFlow Playground's four classification ones, each
// against its definition (seeded), and what networks learn on them.
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_DEFAULTS, networkIssues, type NetworkConfig } from '../../../src/training/network/config.ts';
import { classifyPoints } from '../../../src/training/network/datasets.ts';
import { NetworkTrainer } from '../../../src/training/network/trainer.ts';

const plane = (dataset: string, extra: Partial<NetworkConfig> = {}): NetworkConfig =>
  ({
    ...PLAYGROUND_DEFAULTS,
    data: { kind: 'plane', dataset, points: 300, noise: 0, trainPercent: 50, seed: 3, features: ['x1', 'x2'] },
    ...extra,
  }) as NetworkConfig;

const fit = (c: NetworkConfig, epochs: number) => {
  const t = new NetworkTrainer(c);
  let last = t.step();
  for (let e = 1; e < epochs; e++) last = t.step();
  return last;
};

describe('more data sets', () => {
  it('moons: two half rings of radius 4 about (−2, −1) (+1) and (2, 1) (−1) at no noise', () => {
    const p = classifyPoints('moons', 200, 0, 1);
    for (let i = 0; i < 200; i++) {
      const [x, y] = [p.x[2 * i], p.x[2 * i + 1]];
      const [cx, cy] = p.label[i] > 0 ? [-2, -1] : [2, 1];
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(4, 9);
      expect(p.label[i] > 0 ? y >= cy - 1e-9 : y <= cy + 1e-9).toBe(true);
    }
  });

  it('three blobs: a third of the points per class, each cloud centred at radius 3.5', () => {
    const p = classifyPoints('blobs', 600, 0, 2);
    const sums = [0, 1, 2].map(() => ({ n: 0, x: 0, y: 0 }));
    for (let i = 0; i < 600; i++) {
      const s = sums[p.label[i]];
      s.n++;
      s.x += p.x[2 * i];
      s.y += p.x[2 * i + 1];
    }
    sums.forEach((s, k) => {
      expect(s.n).toBe(200);
      const a = Math.PI / 2 + (2 * Math.PI * k) / 3;
      expect(s.x / s.n).toBeCloseTo(3.5 * Math.cos(a), 0);
      expect(s.y / s.n).toBeCloseTo(3.5 * Math.sin(a), 0);
    });
  });

  it('plane: the number to fit is (x₁ + x₂)/10 at no noise; multi-Gaussian: 1 at a + bump’s centre, 0 far from all', () => {
    const p = classifyPoints('plane', 100, 0, 4);
    for (let i = 0; i < 100; i++) expect(p.label[i]).toBeCloseTo((p.x[2 * i] + p.x[2 * i + 1]) / 10, 12);
    const g = classifyPoints('multigauss', 2000, 0, 5);
    for (let i = 0; i < 2000; i++) expect(Math.abs(g.label[i])).toBeLessThanOrEqual(1);
    expect(Math.max(...g.label)).toBeGreaterThan(0.9);
    expect(Math.min(...g.label)).toBeLessThan(-0.9);
  });

  it('three blobs with cross-entropy reach ≥ 90 % on held-out points; squared error is refused for three classes', () => {
    const c = plane('blobs', { loss: 'cross-entropy', hidden: [4], learningRate: 0.1 });
    expect(fit(c, 50).testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(networkIssues(plane('blobs'))[0].message).toMatch(/Three classes need cross-entropy/);
  });

  it('regression on the plane fits (x₁ + x₂)/10 with a linear network to a tiny loss', () => {
    const c = plane('plane', { hidden: [], learningRate: 0.01 });
    expect(fit(c, 100).testLoss).toBeLessThan(1e-4);
    expect(networkIssues({ ...c, loss: 'cross-entropy' })[0].field).toBe('loss');
  });

  it('the spiral reaches ≥ 90 % test accuracy with two layers of 8 and the sin features within 500 epochs', () => {
    const c: NetworkConfig = {
      ...plane('spiral'),
      data: {
        kind: 'plane',
        dataset: 'spiral',
        points: 500,
        noise: 0,
        trainPercent: 50,
        seed: 1,
        features: ['x1', 'x2', 'sinX1', 'sinX2'],
      },
      hidden: [8, 8],
    };
    const t = new NetworkTrainer(c);
    let best = 0;
    for (let e = 0; e < 500 && best < 0.9; e++) best = Math.max(best, t.step().testAccuracy);
    expect(best).toBeGreaterThanOrEqual(0.9);
  });

  it('your own points: shuffled and split by the seed, two or three classes, checked', () => {
    const xy = [-3, -3, -2, -3, 3, 3, 2, 3, -3, 3, 3, -3];
    const c: NetworkConfig = {
      ...PLAYGROUND_DEFAULTS,
      data: {
        kind: 'points',
        xy,
        labels: [0, 0, 1, 1, 2, 2],
        classes: 3,
        trainPercent: 50,
        seed: 1,
        features: ['x1', 'x2'],
      },
      loss: 'cross-entropy',
    };
    const t = new NetworkTrainer(c);
    expect(t.problem.train.n + t.problem.test.n).toBe(6);
    expect(t.problem.classes).toBe(3);
    expect(t.maps(10)?.outputs).toBe(3);
    expect(networkIssues({ ...c, data: { ...c.data, labels: [0, 0, 1, 1, 2, 3] } })[0].field).toBe('data.labels');
    expect(networkIssues({ ...c, data: { ...c.data, xy: [...xy.slice(0, 11), 7] } })[0].field).toBe('data.xy');
  });
});
