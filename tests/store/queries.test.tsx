// @vitest-environment jsdom
/** Named queries and their shared cache, against a fake trainer whose answers the test releases. */
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { queries, useQuery } from '../../src/store/queries.ts';
import {
  QUERY_CACHE_SIZE,
  parseStableJson,
  queryCacheSize,
  queryKey,
  stableJson,
} from '../../src/store/query-cache.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import type { Evaluation, TrainerClient } from '../../src/worker-client.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';

interface Call {
  weight: number;
  resolve: (e: Evaluation) => void;
  reject: (e: Error) => void;
}

/** A trainer whose `evaluate` waits until the test answers it (or answers at once with `auto`). */
function fakeTrainer(auto = false) {
  const calls: Call[] = [];
  const client = {
    evaluate: (_config: unknown, weight: number) =>
      new Promise<Evaluation>((resolve, reject) => {
        calls.push({ weight, resolve, reject });
        if (auto) resolve(answer(weight));
      }),
  } as unknown as TrainerClient;
  return { client, calls };
}

const answer = (weight: number): Evaluation => ({ predictions: [3 * weight], losses: [0], loss: 0 });
const args = (weight: number) => ({
  pairs: [{ input: 3, target: -3 }],
  model: 'w' as const,
  dtype: 'float64' as const,
  weight,
  bias: 0,
});

function Probe({ id, weight }: { id: string; weight: number | null }) {
  const q = useQuery(queries.evaluate, weight === null ? null : args(weight));
  const text = q.error ? `error: ${q.error}` : q.data ? `prediction ${q.data.predictions[0]}` : 'none';
  return createElement('p', { 'data-testid': id }, `${text}${q.pending ? ' (pending)' : ''}`);
}

const shown = (id: string) => screen.getByTestId(id).textContent;

let fake: ReturnType<typeof fakeTrainer>;
beforeEach(() => {
  fake = fakeTrainer();
  setTrainerClient(fake.client);
});
afterEach(() => setTrainerClient(null));

describe('named queries', () => {
  it('makes one worker call for two components asking the same key, and a third gets the answer at once', async () => {
    render(
      createElement(
        'div',
        null,
        createElement(Probe, { id: 'a', weight: 2 }),
        createElement(Probe, { id: 'b', weight: 2 }),
      ),
    );
    expect(shown('a')).toBe('none (pending)');
    expect(fake.calls).toHaveLength(1);
    await act(async () => fake.calls[0].resolve(answer(2)));
    await waitFor(() => expect(shown('a')).toBe('prediction 6'));
    expect(shown('b')).toBe('prediction 6');
    render(createElement(Probe, { id: 'c', weight: 2 }));
    expect(shown('c')).toBe('prediction 6');
    expect(fake.calls).toHaveLength(1);
  });

  it('supersedes: a slow answer for the old arguments never replaces the new one', async () => {
    const view = render(createElement(Probe, { id: 'a', weight: 1 }));
    view.rerender(createElement(Probe, { id: 'a', weight: 2 }));
    expect(fake.calls.map((c) => c.weight)).toEqual([1, 2]);
    await act(async () => fake.calls[1].resolve(answer(2)));
    await waitFor(() => expect(shown('a')).toBe('prediction 6'));
    await act(async () => fake.calls[0].resolve(answer(1)));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(shown('a')).toBe('prediction 6');
  });

  it('supersedes even when the new arguments fail: the old answer arriving later is ignored', async () => {
    const view = render(createElement(Probe, { id: 'a', weight: 1 }));
    view.rerender(createElement(Probe, { id: 'a', weight: 2 }));
    await act(async () => fake.calls[1].reject(new Error('No answer for 2.')));
    await waitFor(() => expect(shown('a')).toBe('error: No answer for 2.'));
    await act(async () => fake.calls[0].resolve(answer(1)));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(shown('a')).toBe('error: No answer for 2.');
  });

  it('keeps the last answer visible while the next one is pending', async () => {
    const view = render(createElement(Probe, { id: 'a', weight: 1 }));
    await act(async () => fake.calls[0].resolve(answer(1)));
    await waitFor(() => expect(shown('a')).toBe('prediction 3'));
    view.rerender(createElement(Probe, { id: 'a', weight: 2 }));
    expect(shown('a')).toBe('prediction 3 (pending)');
  });

  it('makes no call for null arguments', async () => {
    render(createElement(Probe, { id: 'a', weight: null }));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(fake.calls).toHaveLength(0);
    expect(shown('a')).toBe('none');
  });

  it('shows an error, does not keep it, and calls again when asked again', async () => {
    const view = render(createElement(Probe, { id: 'a', weight: 5 }));
    await act(async () => fake.calls[0].reject(new Error('Weight must be finite.')));
    await waitFor(() => expect(shown('a')).toBe('error: Weight must be finite.'));
    view.unmount();
    render(createElement(Probe, { id: 'a', weight: 5 }));
    expect(fake.calls).toHaveLength(2);
    await act(async () => fake.calls[1].resolve(answer(5)));
    await waitFor(() => expect(shown('a')).toBe('prediction 15'));
  });

  it('forgets every answer when the trainer client is replaced', async () => {
    const first = render(createElement(Probe, { id: 'a', weight: 2 }));
    await act(async () => fake.calls[0].resolve(answer(2)));
    await waitFor(() => expect(shown('a')).toBe('prediction 6'));
    first.unmount();
    expect(queryCacheSize()).toBe(1);
    const next = fakeTrainer(true);
    setTrainerClient(next.client);
    expect(queryCacheSize()).toBe(0);
    render(createElement(Probe, { id: 'a', weight: 2 }));
    expect(next.calls).toHaveLength(1);
    await waitFor(() => expect(shown('a')).toBe('prediction 6'));
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps at most QUERY_CACHE_SIZE answers, the least recently asked going first', async () => {
    setTrainerClient(fakeTrainer(true).client);
    const view = render(createElement(Probe, { id: 'a', weight: 0 }));
    for (let w = 1; w <= QUERY_CACHE_SIZE + 5; w++) view.rerender(createElement(Probe, { id: 'a', weight: w }));
    await waitFor(() => expect(shown('a')).toBe(`prediction ${3 * (QUERY_CACHE_SIZE + 5)}`));
    expect(queryCacheSize()).toBe(QUERY_CACHE_SIZE);
  });
});

describe('query keys', () => {
  it('are the same for the same arguments in any key order, and differ when an argument does', () => {
    expect(queryKey(queries.evaluate, args(1))).toBe(
      queryKey(queries.evaluate, {
        bias: 0,
        weight: 1,
        dtype: 'float64',
        model: 'w',
        pairs: [{ target: -3, input: 3 }],
      }),
    );
    expect(queryKey(queries.evaluate, args(1))).not.toBe(queryKey(queries.evaluate, args(2)));
    expect(queryKey(queries.evaluate, args(1))).not.toBe(queryKey(queries.measure, args(1)));
    expect(queryKey(queries.firstStep, NEGATOR_CONFIG)).toBe(queryKey(queries.firstStep, { ...NEGATOR_CONFIG }));
  });

  it('carry every number exactly, typed arrays as arrays', () => {
    const a = { w: [-0, NaN, Infinity, -Infinity, 1.5e-300], t: Float64Array.of(1, -0) };
    const back = parseStableJson<{ w: number[]; t: number[] }>(stableJson(a));
    expect(back.w.map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual([
      '-0',
      'NaN',
      'Infinity',
      '-Infinity',
      '1.5e-300',
    ]);
    expect(Object.is(back.t[1], -0)).toBe(true);
    expect(stableJson({ a: 0 })).not.toBe(stableJson({ a: -0 }));
  });
});
