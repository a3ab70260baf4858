/**
 * Named worker queries and the cache they share. A query is defined once (`defineQuery`, see
 * `queries.ts`): a name and the call it makes on the trainer client. Its key is the name and the
 * stable JSON of its arguments, built here and nowhere else. Every component asking the same key
 * while it is in flight or already answered shares one worker call; errors are not kept, so the
 * next ask calls again. The cache is cleared when the trainer client is replaced.
 */
import { startTransition, useEffect, useState } from 'react';
import type { TrainerClient } from '../worker-client.ts';
import { getTrainerClient, onTrainerReplaced } from './trainer-client.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: string | undefined;
  pending: boolean;
}

/**
 * One worker question. `A` must be plain data (numbers, strings, booleans, arrays, objects,
 * typed arrays): the key is made from it and `run` receives an equal copy decoded from the key,
 * so the answer always belongs to exactly the key it is stored under.
 */
export interface Query<A, T> {
  readonly name: string;
  readonly run: (client: TrainerClient, args: A) => Promise<T>;
}

export function defineQuery<A, T>(name: string, run: (client: TrainerClient, args: A) => Promise<T>): Query<A, T> {
  return { name, run };
}

// Numbers JSON cannot hold (−0, NaN, ±Infinity: a diverged run's weights) travel as { $num }.
const NUM = '$num';

function encode(v: unknown): unknown {
  if (typeof v === 'number')
    return Number.isFinite(v) && !Object.is(v, -0) ? v : { [NUM]: Object.is(v, -0) ? '-0' : String(v) };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, encode);
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && typeof x !== 'function') out[k] = encode(x);
    }
    return out;
  }
  return v;
}

/** The arguments as canonical JSON: object keys sorted, typed arrays as arrays, every number exact. */
export function stableJson(args: unknown): string {
  return JSON.stringify(encode(args)) ?? 'null';
}

/** The inverse of `stableJson`. */
export function parseStableJson<A>(json: string): A {
  return JSON.parse(json, (_, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === NUM) return Number((v as Record<string, string>)[NUM]);
    }
    return v;
  }) as A;
}

/** The cache key of `query` asked with `args`. */
export function queryKey<A>(query: Query<A, unknown>, args: A): string {
  return keyOf(query.name, stableJson(args));
}

const keyOf = (name: string, json: string): string => `${name} ${json}`;

interface Entry {
  promise: Promise<unknown>;
  settled: boolean;
  data?: unknown;
}

/** How many answers (and calls in flight) are kept; the least recently asked go first. */
export const QUERY_CACHE_SIZE = 64;

const entries = new Map<string, Entry>();

/** The answer stored for `key`, if there is one (and marks it recently used). */
function peek(key: string): Entry | undefined {
  const e = entries.get(key);
  if (e) {
    entries.delete(key);
    entries.set(key, e);
  }
  return e;
}

/** The entry for `key`: the one in flight or answered, or a new call made by `load`. */
function request(key: string, load: () => Promise<unknown>): Entry {
  const known = peek(key);
  if (known) return known;
  const entry: Entry = { promise: Promise.resolve(), settled: false };
  entry.promise = load().then(
    (data) => {
      entry.settled = true;
      entry.data = data;
      return data;
    },
    (e: unknown) => {
      // Errors are not kept: the next ask of this key calls the worker again.
      if (entries.get(key) === entry) entries.delete(key);
      throw e;
    },
  );
  entries.set(key, entry);
  while (entries.size > QUERY_CACHE_SIZE) entries.delete(entries.keys().next().value!);
  return entry;
}

/** Forgets every answer and call in flight (the trainer client was replaced; tests between each other). */
export function clearQueryCache(): void {
  entries.clear();
}

onTrainerReplaced(clearQueryCache);

/** How many keys the cache holds (for tests). */
export function queryCacheSize(): number {
  return entries.size;
}

/**
 * Asks `query` with `args` and re-asks when their key changes; `null` skips the call (invalid
 * input). The last answer stays visible while a new one is on its way, so numbers do not
 * flicker; an answer for a key this component no longer asks for is ignored (superseded).
 */
export function useQuery<A, T>(query: Query<A, T>, args: A | null): QueryState<T> {
  const json = args === null ? null : stableJson(args);
  const key = json === null ? null : keyOf(query.name, json);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: string }>({ key: null });
  useEffect(() => {
    if (key === null || json === null) return;
    let live = true;
    const entry = request(key, () => query.run(getTrainerClient(), parseStableJson<A>(json)));
    // Answers render in a transition: React draws what they change in slices, and typing or a
    // click meanwhile goes first.
    entry.promise.then(
      (data) => {
        if (live) startTransition(() => setState({ key, data: data as T }));
      },
      (e: unknown) => {
        if (live) startTransition(() => setState({ key, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [query, key, json]);
  // An answer another component already has is shown at once.
  const hit = key !== null && state.key !== key ? entries.get(key) : undefined;
  if (hit?.settled) return { data: hit.data as T, error: undefined, pending: false };
  return { data: state.data, error: state.error, pending: key !== null && state.key !== key };
}
