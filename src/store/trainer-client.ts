/** Where the stores get their trainer: the real worker by default, anything in tests. */
import { createWorkerClient, type TrainerClient } from '../worker-client.ts';

let client: (TrainerClient & { terminate?: () => void }) | null = null;

/** The current trainer client, creating the worker-backed one on first use. */
export function getTrainerClient(): TrainerClient & { terminate?: () => void } {
  return (client ??= createWorkerClient());
}

/** Replaces the trainer client (tests pass the real trainer-api over a MessageChannel). */
export function setTrainerClient(next: TrainerClient | null): void {
  client = next;
}
