/**
 * Asks the trainer worker for a value and re-asks when `key` changes. The lesson widgets use
 * it so that every number they show is computed by the engine, not by the UI.
 */
import { startTransition, useEffect, useState } from 'react';
import { getTrainerClient } from './trainer-client.ts';
import type { TrainerClient } from '../worker-client.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: string | undefined;
  pending: boolean;
}

/** `key` must change whenever the arguments of `ask` do; `null` skips the call (invalid input). */
export function useWorkerQuery<T>(key: string | null, ask: (client: TrainerClient) => Promise<T>): QueryState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: string }>({ key: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    // Answers render in a transition: React draws what they change in slices, and typing or a
    // click meanwhile goes first.
    ask(getTrainerClient()).then(
      (data) => { if (live) startTransition(() => setState({ key, data })); },
      (e: unknown) => { if (live) startTransition(() => setState({ key, error: e instanceof Error ? e.message : String(e) })); },
    );
    return () => { live = false; };
    // `ask` is re-created every render; `key` names its arguments.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // Keep showing the last answer while a new one is on its way, so numbers do not flicker.
  return { data: state.data, error: state.error, pending: key !== null && state.key !== key };
}
