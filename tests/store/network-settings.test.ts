// @vitest-environment jsdom
// The Network page's settings: stored (version 1, read field by field), shared by link, and the
// learner's points with Undo.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  NETWORK_STORAGE_KEY,
  networkSettings,
  networkShareHash,
  readNetworkLink,
} from '../../src/store/network-settings.ts';
import { noticeStore } from '../../src/store/notices.ts';
import { toBase64Url } from '../../src/training/share.ts';
import { NETWORK_DRAFT_DEFAULTS, configOfDraft } from '../../src/training/network/draft.ts';

const fixture = readFileSync('tests/fixtures/storage/network-v1.json', 'utf8');
const noticeText = () => noticeStore.getState().notices.find((n) => n.id === `${NETWORK_STORAGE_KEY}:load`)?.text;

beforeEach(async () => {
  localStorage.clear();
  await networkSettings.persist.rehydrate();
  noticeStore.setState({ notices: [] });
  networkSettings.setState(networkSettings.getInitialState(), true);
});

describe('Network settings in storage', () => {
  it('version 1 loads whole: every field and the three points', async () => {
    localStorage.setItem(NETWORK_STORAGE_KEY, fixture);
    await networkSettings.persist.rehydrate();
    const s = networkSettings.getState();
    expect(s.draft).toMatchObject({ dataset: 'points', hidden: '3', activation: 'relu', classes: '3', showTest: true });
    expect(s.points.labels).toEqual([0, 1, 2]);
    expect(noticeText()).toBeUndefined();
    expect(configOfDraft(s.draft, s.points).config?.data).toMatchObject({ kind: 'points', classes: 3 });
  });

  it('a field that cannot be read is reset and named; the rest is kept', async () => {
    const bad = JSON.parse(fixture);
    bad.state.draft.activation = 'swish';
    bad.state.points.xy[0] = 99;
    localStorage.setItem(NETWORK_STORAGE_KEY, JSON.stringify(bad));
    await networkSettings.persist.rehydrate();
    const s = networkSettings.getState();
    expect(s.draft.activation).toBe(NETWORK_DRAFT_DEFAULTS.activation);
    expect(s.draft.hidden).toBe('3');
    expect(s.points.labels).toEqual([]);
    expect(noticeText()).toMatch(/Activation and Your points/);
  });

  it('each change is saved', () => {
    networkSettings.getState().set({ learningRate: '0.3' });
    expect(JSON.parse(localStorage.getItem(NETWORK_STORAGE_KEY)!).state.draft.learningRate).toBe('0.3');
  });
});

describe('Network share links', () => {
  it('carry every setting and the points, and Undo puts the learner’s own back', () => {
    const st = networkSettings.getState();
    st.set({ dataset: 'spiral', hidden: '8, 8', features: ['x1', 'x2', 'sinX1', 'sinX2'] });
    const hash = networkShareHash({ draft: networkSettings.getState().draft, points: { xy: [1, 2], labels: [1] } });
    st.set({ dataset: 'xor', hidden: '' });
    const link = readNetworkLink(hash);
    expect(link.kind).toBe('link');
    if (link.kind !== 'link') return;
    st.apply(link.value);
    expect(networkSettings.getState().draft).toMatchObject({ dataset: 'spiral', hidden: '8, 8' });
    expect(networkSettings.getState().points).toEqual({ xy: [1, 2], labels: [1] });
    networkSettings.getState().undoLink();
    expect(networkSettings.getState().draft).toMatchObject({ dataset: 'xor', hidden: '' });
  });

  it('a broken link says why and changes nothing', () => {
    expect(readNetworkLink('#/network?s=%%%')).toEqual({
      kind: 'bad',
      message: 'it is not valid base64url text (was it cut short when copied?)',
    });
    expect(readNetworkLink('#/network')).toEqual({ kind: 'none' });
    const bad = readNetworkLink(
      `#/network?s=${toBase64Url(JSON.stringify({ v: 1, draft: { noise: 5, dataset: 'nope' } }))}`,
    );
    expect(bad.kind === 'link' && bad.reset).toEqual(['Dataset', 'Noise']);
  });
});

describe('your points', () => {
  it('are added at the class picked, cleared with Undo, and never off the plane or NaN', () => {
    const st = networkSettings.getState();
    st.setBrush(2);
    st.addPoint(1, 2);
    st.addPoint(9, -9);
    st.addPoint(Number.NaN, 0);
    expect(networkSettings.getState().points).toEqual({ xy: [1, 2, 6, -6], labels: [2, 2] });
    st.clearPoints();
    expect(networkSettings.getState().points.labels).toEqual([]);
    networkSettings.getState().undoPoints();
    expect(networkSettings.getState().points.labels).toEqual([2, 2]);
  });
});
