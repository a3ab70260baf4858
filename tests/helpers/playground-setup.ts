/**
 * Shared set-up for Playground component tests: the real trainer-api behind a MessageChannel,
 * and empty stores and storage before each test.
 */
import { beforeEach, vi } from 'vitest';
import { playgroundStore } from '../../src/store/playground-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { setUpChannelTrainer } from './channel-client.ts';

export function setUpPlaygroundTests(): void {
  // Real worker round trips on a machine shared with other test runs: allow time.
  vi.setConfig({ testTimeout: 30_000 });
  setUpChannelTrainer();
  beforeEach(() => {
    localStorage.clear();
    playgroundStore.setState(playgroundStore.getInitialState(), true);
    // Runs at Max, so each test trains quickly; pacing has tests of its own.
    playgroundStore.getState().setSettings({ speed: 'max' });
    trainingStore.setState({ runs: {} });
  });
}
