// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MAX_COMPARED_RUNS,
  PLAYGROUND_STORAGE_KEY,
  PLAYGROUND_VERSION,
  playgroundStore,
} from '../../src/store/playground-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { trainerApi } from '../../workers/trainer-api.ts';

const texts = () => playgroundStore.getState().rows.map((r) => [r.input, r.target]);

beforeEach(() => {
  // The worker API itself, called in this thread: the store's client needs nothing more.
  setTrainerClient(trainerApi);
  localStorage.clear();
  playgroundStore.setState(playgroundStore.getInitialState(), true);
  trainingStore.setState({ runs: {} });
});

describe('playground store', () => {
  it('starts with the negator pair and settings as text', () => {
    expect(texts()).toEqual([['3', '-3']]);
    expect(playgroundStore.getState().settings).toEqual({ ...DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS.learningRate).toBe('0.01');
  });

  it('persists rows exactly as typed (even invalid) and settings, under a version', () => {
    const s = playgroundStore.getState();
    s.setCell(s.rows[0].id, 'input', 'abc');
    s.addRow();
    s.setSettings({ learningRate: '0.0x', model: 'w+b' });
    const saved = JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!);
    expect(saved.version).toBe(PLAYGROUND_VERSION);
    expect(saved.state.rows).toEqual([
      { input: 'abc', target: '-3' },
      { input: '', target: '' },
    ]);
    expect(saved.state.settings.learningRate).toBe('0.0x');
    expect(saved.state.runs).toBeUndefined();
  });

  it('rehydrates what was saved', async () => {
    localStorage.setItem(
      PLAYGROUND_STORAGE_KEY,
      JSON.stringify({
        version: 2,
        state: {
          rows: [{ input: '7', target: '-7' }],
          settings: { ...DEFAULT_SETTINGS, optimizer: 'adam', speed: 5 },
          logScale: true,
          csvDraft: '1,2',
          undo: null,
        },
      }),
    );
    await playgroundStore.persist.rehydrate();
    expect(texts()).toEqual([['7', '-7']]);
    expect(playgroundStore.getState().settings).toMatchObject({ optimizer: 'adam', speed: 5 });
    expect(playgroundStore.getState().logScale).toBe(true);
    expect(playgroundStore.getState().csvDraft).toBe('1,2');
  });

  it('insertRows replaces an empty row and otherwise inserts after it; replaceRows can be undone', () => {
    const s = playgroundStore.getState();
    const first = s.rows[0].id;
    s.insertRows(first, [{ input: '1', target: '2' }]);
    expect(texts()).toEqual([
      ['3', '-3'],
      ['1', '2'],
    ]);
    const empty = playgroundStore.getState().addRow(first);
    playgroundStore.getState().insertRows(empty, [{ input: '9', target: '9' }]);
    expect(texts()).toEqual([
      ['3', '-3'],
      ['9', '9'],
      ['1', '2'],
    ]);
    playgroundStore.getState().replaceRows([{ input: '0', target: '0' }], 'a test');
    expect(texts()).toEqual([['0', '0']]);
    playgroundStore.getState().undoReplace();
    expect(texts()).toEqual([
      ['3', '-3'],
      ['9', '9'],
      ['1', '2'],
    ]);
  });

  it('loadConfig puts a whole config into rows and settings; Undo puts back the table and every setting', () => {
    playgroundStore.getState().setSettings({ learningRate: '0.07', dtype: 'float64', seed: '9' });
    playgroundStore
      .getState()
      .loadConfig(
        { ...NEGATOR_CONFIG, pairs: [{ input: 1.5, target: -2 }], learningRate: 0.2, optimizer: 'momentum' },
        'opening the shared link',
      );
    expect(texts()).toEqual([['1.5', '-2']]);
    expect(playgroundStore.getState().settings).toMatchObject({
      learningRate: '0.2',
      optimizer: 'momentum',
      steps: '40',
      dtype: 'float32',
    });
    // The offer is saved with the table, so it survives a reload until dismissed.
    expect(JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!).state.undo).toMatchObject({
      what: 'opening the shared link',
      rows: [{ input: '3', target: '-3' }],
    });
    playgroundStore.getState().undoReplace();
    expect(texts()).toEqual([['3', '-3']]);
    expect(playgroundStore.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      learningRate: '0.07',
      dtype: 'float64',
      seed: '9',
    });
    expect(playgroundStore.getState().undo).toBeNull();
  });

  it('two share links in a row: Undo still goes back to the learner’s own table, not to the first link', () => {
    const link = (input: number) => ({ ...NEGATOR_CONFIG, pairs: [{ input, target: -input }] });
    const s = () => playgroundStore.getState();
    s().setCell(s().rows[0].id, 'input', '7');
    s().setCell(s().rows[0].id, 'target', '-7');
    s().loadConfig(link(1), 'opening the shared link');
    s().loadConfig(link(2), 'opening the shared link');
    expect(texts()).toEqual([['2', '-2']]);
    s().undoReplace();
    expect(texts()).toEqual([['7', '-7']]);
  });

  it('a link’s table the learner edited is theirs: the next link’s Undo brings the edited table back', () => {
    const link = (input: number) => ({ ...NEGATOR_CONFIG, pairs: [{ input, target: -input }] });
    const s = () => playgroundStore.getState();
    s().loadConfig(link(1), 'opening the shared link');
    s().setCell(s().rows[0].id, 'target', '-1.5');
    s().loadConfig(link(2), 'opening the shared link');
    s().undoReplace();
    expect(texts()).toEqual([['1', '-1.5']]);
  });

  it('another tab’s unedited share link is not followed; its edits are', async () => {
    const s = () => playgroundStore.getState();
    s().setCell(s().rows[0].id, 'input', '7');
    s().setCell(s().rows[0].id, 'target', '-7');
    const own = localStorage.getItem(PLAYGROUND_STORAGE_KEY)!;
    // What the other tab writes after opening a link: its table, and an Undo recording it.
    s().loadConfig({ ...NEGATOR_CONFIG, pairs: [{ input: 2, target: -2 }] }, 'opening the shared link');
    const linked = localStorage.getItem(PLAYGROUND_STORAGE_KEY)!;
    s().setCell(s().rows[0].id, 'target', '-2.5');
    const edited = localStorage.getItem(PLAYGROUND_STORAGE_KEY)!;
    // This tab, back at its own table, hears the other tab's writes.
    localStorage.setItem(PLAYGROUND_STORAGE_KEY, own);
    await playgroundStore.persist.rehydrate();
    expect(texts()).toEqual([['7', '-7']]);
    const hear = async (text: string) => {
      localStorage.setItem(PLAYGROUND_STORAGE_KEY, text);
      window.dispatchEvent(new StorageEvent('storage', { key: PLAYGROUND_STORAGE_KEY, newValue: text }));
      await new Promise((r) => setTimeout(r, 0));
    };
    await hear(linked);
    expect(texts()).toEqual([['7', '-7']]);
    await hear(edited);
    expect(texts()).toEqual([['2', '-2.5']]);
  });

  it('keeps the last MAX_COMPARED_RUNS runs and clears the dropped ones from the training store', async () => {
    const channels: string[] = [];
    for (let i = 0; i < MAX_COMPARED_RUNS + 2; i++) {
      const run = playgroundStore.getState().addRun();
      channels.push(run.channel);
      await trainingStore.getState().step(run.channel, NEGATOR_CONFIG);
    }
    expect(MAX_COMPARED_RUNS).toBeGreaterThanOrEqual(5);
    const kept = playgroundStore.getState().runs.map((r) => r.channel);
    expect(kept).toEqual(channels.slice(2));
    expect(trainingStore.getState().runs[channels[0]]).toBeUndefined();
    expect(trainingStore.getState().runs[channels[2]]).toBeDefined();
    expect(playgroundStore.getState().selected).toBe(channels[channels.length - 1]);
    playgroundStore.getState().toggleRun(channels[3]);
    expect(playgroundStore.getState().runs.find((r) => r.channel === channels[3])!.hidden).toBe(true);
    playgroundStore.getState().clearRuns();
    expect(playgroundStore.getState().runs).toEqual([]);
    // Cleared with an Undo offer: the histories stay until it is dismissed.
    expect(playgroundStore.getState().cleared!.map((r) => r.channel)).toEqual(channels.slice(2));
    expect(trainingStore.getState().runs[channels[2]]).toBeDefined();
    playgroundStore.getState().undoClear();
    expect(playgroundStore.getState().runs.map((r) => r.channel)).toEqual(channels.slice(2));
    playgroundStore.getState().clearRuns();
    playgroundStore.getState().dismissCleared();
    expect(playgroundStore.getState().cleared).toBeNull();
    expect(channels.every((c) => !trainingStore.getState().runs[c])).toBe(true);
  });
});
