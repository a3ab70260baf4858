// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LESSON_STORAGE_KEY, lessonStore } from '../../src/store/lesson-store.ts';
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_DRAFT,
  PLAYGROUND_STORAGE_KEY,
  playgroundStore,
} from '../../src/store/playground-store.ts';
import { DESCENT_DEFAULTS, PERCEPTRON_DEFAULTS, TAPE_DEFAULTS, formOf } from '../../src/store/lesson-persist.ts';
import { noticeStore } from '../../src/store/notices.ts';
import { BLOCKED_NOTICE } from '../../src/store/persist/local-slice.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/storage/${name}.json`, 'utf8');
const notices = () => noticeStore.getState().notices;
const noticeText = (id: string) => notices().find((n) => n.id === id)?.text;
const rows = () => playgroundStore.getState().rows.map((r) => [r.input, r.target]);

async function load(key: string, text: string) {
  localStorage.setItem(key, text);
  await (key === LESSON_STORAGE_KEY ? lessonStore : playgroundStore).persist.rehydrate();
}

beforeEach(async () => {
  localStorage.clear();
  // Reading empty storage also lifts the write block a newer version's data sets.
  await lessonStore.persist.rehydrate();
  await playgroundStore.persist.rehydrate();
  noticeStore.setState({ notices: [] });
  lessonStore.setState(lessonStore.getInitialState(), true);
  playgroundStore.setState(playgroundStore.getInitialState(), true);
});

describe('migrations, from stored fixtures of every past version', () => {
  it('lesson progress version 1 → 3 keeps everything and adds the new fields', async () => {
    await load(LESSON_STORAGE_KEY, fixture('lesson-v1'));
    const s = lessonStore.getState();
    expect(s.visited).toEqual(['perceptron', 'loss', 'tape']);
    expect(formOf(s.forms, 'perceptron', PERCEPTRON_DEFAULTS)).toEqual({ input: '7', weight: '-1' });
    expect(s.forms.descent.steps).toBe('abc'); // kept as typed, even invalid
    expect(s.speeds).toEqual({});
    expect(formOf(s.forms, 'tape', TAPE_DEFAULTS)).toEqual(TAPE_DEFAULTS);
    expect(notices()).toEqual([]);
  });

  it('lesson progress version 2 → 3: every form kept one way, under forms', async () => {
    await load(LESSON_STORAGE_KEY, fixture('lesson-v2'));
    const s = lessonStore.getState();
    expect(s.visited).toEqual(['perceptron', 'loss', 'tape', 'descent', 'reduce']);
    expect(s.forms).toEqual({
      perceptron: { input: '7', weight: '-1' },
      loss: { weight: '-0.25' },
      descent: { input: '3', target: '-3', initialWeight: '0.5', learningRate: '0.05', steps: 'abc' },
      tape: { input: '2', target: '-2', weight: '0.5', h: '1e-3' },
      explore: { lr: '0.08' },
      'reduce.points': { lr: '0.2' },
      'reduce.iris': { seed: '7' },
      'reduce.flower': { 0: '6.1' },
    });
    expect(s.speeds).toEqual({ descent: 'max', reduce: 20 });
    expect(s.predictions['perceptron-weight']).toEqual({ answer: '-1', result: 'right' });
    expect(notices()).toEqual([]);
    // Saved back in the new shape, at the new version.
    lessonStore.getState().markVisited('playground');
    const saved = JSON.parse(localStorage.getItem(LESSON_STORAGE_KEY)!);
    expect(saved.version).toBe(3);
    expect(saved.state.fields).toBeUndefined();
    expect(saved.state.forms['reduce.iris']).toEqual({ seed: '7' });
  });

  it('Playground version 0 (numeric pairs) → 3', async () => {
    await load(PLAYGROUND_STORAGE_KEY, fixture('playground-v0'));
    expect(rows()).toEqual([
      ['2', '-2'],
      ['5', '-5'],
    ]);
    expect(playgroundStore.getState().settings).toMatchObject({
      learningRate: '0.05',
      steps: '100',
      optimizer: 'momentum',
      speed: 'auto',
    });
  });

  it('Playground version 1 → 3 keeps rows as typed and every setting', async () => {
    await load(PLAYGROUND_STORAGE_KEY, fixture('playground-v1'));
    expect(rows()).toEqual([
      ['1', '-1'],
      ['2', '-2'],
      ['x', ''],
    ]);
    expect(playgroundStore.getState().settings).toEqual({
      ...DEFAULT_SETTINGS,
      model: 'w+b',
      optimizer: 'adam',
      learningRate: '0.1',
      steps: '400',
      dtype: 'float64',
      seed: '7',
    });
    expect(playgroundStore.getState().logScale).toBe(true);
    expect(playgroundStore.getState().undo).toBeNull();
    expect(notices()).toEqual([]);
  });
});

describe('Playground version 2 → 3', () => {
  it('keeps the table, the draft and a link’s Undo (which has no record of the link’s table yet)', async () => {
    await load(PLAYGROUND_STORAGE_KEY, fixture('playground-v2'));
    expect(rows()).toEqual([
      ['4', '-4'],
      ['5', '-5'],
    ]);
    const s = playgroundStore.getState();
    expect(s.csvDraft).toBe('1,-1');
    expect(s.undo).toMatchObject({ what: 'opening the shared link', rows: [{ input: '7', target: '-7' }] });
    expect(s.undo!.linked).toBeUndefined();
    expect(notices()).toEqual([]);
    s.undoReplace();
    expect(rows()).toEqual([['7', '-7']]);
    const saved = JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!);
    expect(saved.version).toBe(3);
  });
});

describe('stored data is input: validated on load, field by field', () => {
  it('lesson progress with wrong types: each bad field reset and named, the rest kept', async () => {
    await load(
      LESSON_STORAGE_KEY,
      JSON.stringify({
        version: 3,
        state: { visited: 'x', forms: { descent: 5, perceptron: null, loss: { weight: '-2' } } },
      }),
    );
    const s = lessonStore.getState();
    expect(s.visited).toEqual([]);
    expect(formOf(s.forms, 'descent', DESCENT_DEFAULTS)).toEqual(DESCENT_DEFAULTS);
    expect(formOf(s.forms, 'perceptron', PERCEPTRON_DEFAULTS)).toEqual(PERCEPTRON_DEFAULTS);
    expect(s.forms.loss.weight).toBe('-2');
    expect(noticeText(`${LESSON_STORAGE_KEY}:load`)).toBe(
      'Some of your lesson progress could not be read, so these were reset to defaults: which steps you have visited, the Descent step and the Perceptron step. Everything else was kept. A copy of what was stored is kept in this browser\'s storage under "perceptron-lab:lesson:backup".',
    );
  });

  it('one bad field inside a draft costs only that field', async () => {
    await load(
      LESSON_STORAGE_KEY,
      JSON.stringify({
        version: 3,
        state: { forms: { descent: { input: '4', target: ['no'], learningRate: '0.2' } } },
      }),
    );
    expect(formOf(lessonStore.getState().forms, 'descent', DESCENT_DEFAULTS)).toEqual({
      ...DESCENT_DEFAULTS,
      input: '4',
      learningRate: '0.2',
    });
    expect(noticeText(`${LESSON_STORAGE_KEY}:load`)).toMatch(/reset to defaults: the Descent step: Target\./);
  });

  it.each([
    ['not JSON', '{"state":'],
    ['JSON but no version', JSON.stringify({ state: {} })],
    ['a string', JSON.stringify('hello')],
    ['a state that is an array', JSON.stringify({ version: 2, state: [] })],
    ['a version-3 state that is an array', JSON.stringify({ version: 3, state: [] })],
  ])('unreadable lesson storage (%s): defaults and a notice', async (_, text) => {
    await load(LESSON_STORAGE_KEY, text);
    expect(lessonStore.getState().visited).toEqual([]);
    expect(noticeText(`${LESSON_STORAGE_KEY}:load`)).toBe(
      'Your lesson progress could not be read and was reset to defaults. A copy of what was stored is kept in this browser\'s storage under "perceptron-lab:lesson:backup".',
    );
    // The first change saves over the key, but what was there is kept, word for word.
    lessonStore.getState().markVisited('loss');
    expect(localStorage.getItem(`${LESSON_STORAGE_KEY}:backup`)).toBe(text);
  });

  it('a very long unsent CSV draft is not saved, so it cannot block saving the table', () => {
    const stored = () => JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!).state;
    playgroundStore.getState().setCsvDraft('1,-1\n2,');
    expect(stored().csvDraft).toBe('1,-1\n2,');
    playgroundStore.getState().setCsvDraft('7,-7\n'.repeat(MAX_SAVED_DRAFT));
    const first = playgroundStore.getState().rows[0].id;
    playgroundStore.getState().setCell(first, 'input', '9');
    expect(stored().csvDraft).toBe('');
    expect(stored().rows[0].input).toBe('9');
    // Still on the page until added or reloaded.
    expect(playgroundStore.getState().csvDraft.length).toBeGreaterThan(MAX_SAVED_DRAFT);
  });

  it('storage the browser blocks is said at start: nothing can be saved, not "progress lost"', async () => {
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      await lessonStore.persist.rehydrate();
      expect(noticeText('storage:blocked')).toBe(BLOCKED_NOTICE);
    } finally {
      spy.mockRestore();
    }
  });

  it('a version that is a string ("2") is unreadable: progress is kept in the backup key, not lost to the first page open', async () => {
    const text = JSON.stringify({ version: '2', state: { visited: ['loss', 'tape'], predictions: {} } });
    await load(LESSON_STORAGE_KEY, text);
    lessonStore.getState().markVisited('descent');
    expect(localStorage.getItem(`${LESSON_STORAGE_KEY}:backup`)).toBe(text);
    expect(noticeText(`${LESSON_STORAGE_KEY}:load`)).toMatch(
      /kept in this browser's storage under "perceptron-lab:lesson:backup"/,
    );
  });

  const good = { input: '1', target: '2' };
  it.each([
    ['rows not a list', { rows: 'nope' }, [['3', '-3']], /pairs table/],
    ['a row of numbers (kept as text)', { rows: [{ input: 1, target: 2 }] }, [['1', '2']], null],
    [
      'one broken row among good ones',
      { rows: [good, null, { input: 'a' }, good] },
      [
        ['1', '2'],
        ['1', '2'],
      ],
      /2 rows of the pairs table \(left out\)/,
    ],
    ['rows of the wrong kind', { rows: [1, 'x', []] }, [], /3 rows of the pairs table/],
    ['settings not an object', { rows: [good], settings: 3 }, [['1', '2']], /the training settings/],
    ['an unknown model', { rows: [good], settings: { model: 'w+b+c' } }, [['1', '2']], /the training settings: Model/],
    ['an unknown optimizer', { rows: [good], settings: { optimizer: 'rmsprop' } }, [['1', '2']], /Optimizer/],
    ['an unknown precision', { rows: [good], settings: { dtype: 'int8' } }, [['1', '2']], /Precision/],
    ['a speed not offered', { rows: [good], settings: { speed: 7 } }, [['1', '2']], /Speed/],
    [
      'a learning rate that is an object',
      { rows: [good], settings: { learningRate: {} } },
      [['1', '2']],
      /Learning rate/,
    ],
    ['steps as null', { rows: [good], settings: { steps: null } }, [['1', '2']], /Steps/],
    ['log scale as text', { rows: [good], logScale: 'yes' }, [['1', '2']], /log-scale/],
    ['CSV draft as a number', { rows: [good], csvDraft: 5 }, [['1', '2']], /unsent CSV text/],
    ['an Undo without rows', { rows: [good], undo: { what: 'x' } }, [['1', '2']], /the Undo offer/],
    ['an Undo of the wrong kind', { rows: [good], undo: 'x' }, [['1', '2']], /the Undo offer/],
  ])(
    'Playground storage with %s: what is valid is kept and the notice names the rest',
    async (_, state, expected, named) => {
      await load(PLAYGROUND_STORAGE_KEY, JSON.stringify({ version: 2, state }));
      expect(rows()).toEqual(expected);
      const text = noticeText(`${PLAYGROUND_STORAGE_KEY}:load`);
      if (named) expect(text).toMatch(named);
      else expect(text).toBeUndefined();
    },
  );

  it('wrong-typed settings keep the readable ones', async () => {
    await load(
      PLAYGROUND_STORAGE_KEY,
      JSON.stringify({ version: 2, state: { rows: [good], settings: { model: 'x', steps: 12, learningRate: '0.3' } } }),
    );
    expect(playgroundStore.getState().settings).toEqual({ ...DEFAULT_SETTINGS, learningRate: '0.3', steps: '12' });
  });
});

describe('a newer version’s data is never overwritten', () => {
  it.each([LESSON_STORAGE_KEY, PLAYGROUND_STORAGE_KEY])(
    '%s from format 999: defaults in memory, storage untouched even after edits',
    async (key) => {
      const future = JSON.stringify({ version: 999, state: { something: 'new' } });
      await load(key, future);
      expect(noticeText(`${key}:load`)).toMatch(
        /saved by a newer version of Perceptron Lab \(format 999\)\. It is left untouched/,
      );
      lessonStore.getState().markVisited('loss');
      playgroundStore.getState().setSettings({ learningRate: '0.5' });
      expect(localStorage.getItem(key)).toBe(future);
      lessonStore.getState().resetSaved();
      playgroundStore.getState().resetSaved();
      expect(localStorage.getItem(key)).toBe(future);
    },
  );
});

describe('full storage is reported, not fatal', () => {
  it('a failed write says what was not saved; the app state still changes; the next good write withdraws it', () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => lessonStore.getState().markVisited('tape')).not.toThrow();
    expect(lessonStore.getState().visited).toContain('tape');
    expect(noticeText(`${LESSON_STORAGE_KEY}:save`)).toBe(
      "Couldn't save: this browser's storage is full. Not saved: your lesson progress. The app keeps working; free some space (or allow storage) and your next change will be saved.",
    );
    playgroundStore.getState().setSettings({ steps: '50' });
    expect(noticeText(`${PLAYGROUND_STORAGE_KEY}:save`)).toMatch(/Not saved: your Playground pairs and settings\./);
    spy.mockRestore();
    lessonStore.getState().markVisited('descent');
    expect(noticeText(`${LESSON_STORAGE_KEY}:save`)).toBeUndefined();
    expect(JSON.parse(localStorage.getItem(LESSON_STORAGE_KEY)!).state.visited).toEqual(['tape', 'descent']);
  });
});

describe('two tabs agree', () => {
  it("another tab's write (a storage event) is taken in", async () => {
    playgroundStore.getState().setSettings({ learningRate: '0.02' });
    const other = JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!);
    other.state.rows = [{ input: '9', target: '-9' }];
    localStorage.setItem(PLAYGROUND_STORAGE_KEY, JSON.stringify(other));
    window.dispatchEvent(new StorageEvent('storage', { key: PLAYGROUND_STORAGE_KEY }));
    await vi.waitFor(() => expect(rows()).toEqual([['9', '-9']]));
    expect(playgroundStore.getState().settings.learningRate).toBe('0.02');
    // This tab's next edit writes on top of the other tab's rows, not over them.
    playgroundStore.getState().setSettings({ steps: '7' });
    expect(JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!).state.rows).toEqual([
      { input: '9', target: '-9' },
    ]);
  });
});
