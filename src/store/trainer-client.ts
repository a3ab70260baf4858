/** Where the stores get their trainer: the real worker by default, anything in tests. */
import { createWorkerClient, type TrainerClient } from '../worker-client.ts';

let client: (TrainerClient & { terminate?: () => void }) | null = null;
const replacedListeners = new Set<() => void>();
const announceReplaced = () => replacedListeners.forEach((l) => l());

/** The current trainer client, creating the worker-backed one on first use. */
export function getTrainerClient(): TrainerClient & { terminate?: () => void } {
  // A restarted worker is a new trainer too: what the old one answered is forgotten.
  return (client ??= createWorkerClient(announceReplaced));
}

/** Replaces the trainer client (tests pass the real trainer-api over a MessageChannel). */
export function setTrainerClient(next: TrainerClient | null): void {
  client = next;
  announceReplaced();
}

/** Calls `listener` whenever the trainer is replaced (setTrainerClient, or the worker restarted). */
export function onTrainerReplaced(listener: () => void): () => void {
  replacedListeners.add(listener);
  return () => replacedListeners.delete(listener);
}
