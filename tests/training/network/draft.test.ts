// The Network page's settings read into a run's config, and points as CSV.
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_DEFAULTS, networkIssues } from '../../../src/training/network/config.ts';
import { NETWORK_DRAFT_DEFAULTS, configOfDraft, readHidden } from '../../../src/training/network/draft.ts';
import { parsePointsCsv, pointsToCsv } from '../../../src/training/network/points-csv.ts';

const none = { xy: [], labels: [] };

describe('the Network draft', () => {
  it('defaults to TensorFlow Playground’s network, a valid config', () => {
    const { config, errors } = configOfDraft(NETWORK_DRAFT_DEFAULTS, none);
    expect(errors).toEqual({});
    expect(config).toMatchObject({
      hidden: [4, 2],
      activation: 'tanh',
      learningRate: 0.03,
      batchSize: 10,
      data: PLAYGROUND_DEFAULTS.data,
    });
    expect(networkIssues(config)).toEqual([]);
  });

  it('names each field that cannot be used', () => {
    const { config, errors } = configOfDraft(
      { ...NETWORK_DRAFT_DEFAULTS, noise: '60', learningRate: '0', hidden: '4, 9', features: [], dataset: 'blobs' },
      none,
    );
    expect(config).toBeNull();
    expect(errors).toEqual({
      noise: 'Noise must be from 0 to 50.',
      learningRate: 'Learning rate must be greater than 0.',
      hidden: expect.stringMatching(/whole numbers from 1 to 8/),
      features: 'Pick at least one input feature.',
      loss: expect.stringMatching(/Three classes need cross-entropy/),
    });
  });

  it('reads hidden layers as typed: "4, 2", "8 8", empty for none, at most 6', () => {
    expect(readHidden('4, 2')).toEqual([4, 2]);
    expect(readHidden(' 8 8 ')).toEqual([8, 8]);
    expect(readHidden('')).toEqual([]);
    expect(readHidden('1,1,1,1,1,1,1')).toMatch(/at most 6/);
  });

  it('your points need two and a class each within the classes chosen', () => {
    const own = { ...NETWORK_DRAFT_DEFAULTS, dataset: 'points' as const };
    expect(configOfDraft(own, { xy: [1, 1], labels: [0] }).errors.points).toMatch(/at least 2 points/);
    expect(configOfDraft(own, { xy: [1, 1, 2, 2], labels: [0, 2] }).errors.points).toMatch(/class C/);
    expect(configOfDraft(own, { xy: [1, 1, 2, 2], labels: [0, 1] }).config?.data).toMatchObject({
      kind: 'points',
      classes: 2,
    });
  });
});

describe('points as CSV', () => {
  it('round-trips, with a header and class letters', () => {
    const p = { xy: [1, -2.5, 3, 4], labels: [0, 2] };
    const r = parsePointsCsv(pointsToCsv(p));
    expect(r).toEqual({ ok: true, points: p, classes: 3 });
  });

  it('takes numbers and ±1 as labels, and refuses a bad line naming it', () => {
    expect(parsePointsCsv('1,1,-1\n2,2,+1\n')).toEqual({
      ok: true,
      points: { xy: [1, 1, 2, 2], labels: [0, 1] },
      classes: 2,
    });
    const bad = parsePointsCsv('x1,x2,label\n1,1,A\n9,1,B\n1,1,Q\n');
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/^Lines 3, 4 are not "x1,x2,label"/) });
  });
});
