/**
 * Shared set-up for Playground component tests: the real trainer-api behind a MessageChannel,
 * and empty stores and storage before each test.
 */
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { playgroundStore } from '../../src/store/playground-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { createChannelClient } from './channel-client.ts';

export function setUpPlaygroundTests(): void {
  // Real worker round trips on a machine shared with other test runs: allow time.
  vi.setConfig({ testTimeout: 30_000 });
  const client = createChannelClient();
  beforeAll(() => setTrainerClient(client));
  afterAll(() => { setTrainerClient(null); client.close(); });
  beforeEach(() => {
    localStorage.clear();
    playgroundStore.setState(playgroundStore.getInitialState(), true);
    // Runs at Max, so each test trains quickly; pacing has tests of its own.
    playgroundStore.getState().setSettings({ speed: 'max' });
    trainingStore.setState({ runs: {} });
  });
}
