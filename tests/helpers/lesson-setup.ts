/**
 * Shared set-up for lesson component tests: the real trainer-api behind a MessageChannel,
 * fresh stores and storage before each test, and `open(hash)` to render the app at a route.
 */
import { createElement } from 'react';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { render } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { lessonStore } from '../../src/store/lesson-store.ts';
import { reduceStore } from '../../src/store/reduce-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { createChannelClient } from './channel-client.ts';

export function setUpLessonTests(): { open: (hash: string) => ReturnType<typeof render> } {
  const client = createChannelClient();
  beforeAll(() => setTrainerClient(client));
  afterAll(() => { setTrainerClient(null); client.close(); });
  beforeEach(() => {
    localStorage.clear();
    lessonStore.setState(lessonStore.getInitialState());
    trainingStore.setState({ runs: {} });
    reduceStore.setState({ runs: {} });
  });
  return {
    open(hash: string) {
      window.location.hash = hash;
      return render(createElement(App));
    },
  };
}
