/**
 * Shared set-up for lesson component tests: the real trainer-api behind a MessageChannel,
 * fresh stores and storage before each test, and `open(hash)` to render the app at a route.
 */
import { createElement } from 'react';
import { beforeEach } from 'vitest';
import { render } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { lessonStore } from '../../src/store/lesson-store.ts';
import { reduceStore } from '../../src/store/reduce-store.ts';
import { networkStore } from '../../src/store/network-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { setUpChannelTrainer } from './channel-client.ts';

export function setUpLessonTests(): { open: (hash: string) => ReturnType<typeof render> } {
  setUpChannelTrainer();
  beforeEach(() => {
    localStorage.clear();
    lessonStore.setState(lessonStore.getInitialState());
    trainingStore.setState({ runs: {} });
    reduceStore.setState({ runs: {} });
    networkStore.setState({ runs: {} });
  });
  return {
    open(hash: string) {
      window.location.hash = hash;
      return render(createElement(App));
    },
  };
}
