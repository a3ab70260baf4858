// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { lazyModule } from '../../src/components/lazy-module.ts';

describe('lazyModule', () => {
  it('says why a chunk could not be loaded instead of loading forever, and a retry loads it', async () => {
    let calls = 0;
    const m = lazyModule(async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module: /assets/page-old.js');
      return { name: 'the page' };
    });
    function Probe() {
      const mod = m.useModule();
      const failure = m.useFailure();
      return <p>{mod ? mod.name : (failure ?? 'loading')}</p>;
    }
    render(<Probe />);
    await screen.findByText(/This tab runs an older version of Perceptron Lab than the server now has: reload/);
    expect(calls).toBe(1);
    // Not remembered: a retry asks again, and the page renders.
    await act(async () => m.retry());
    await screen.findByText('the page');
    expect(calls).toBe(2);
  });

  it('offline, it says the page is not in the offline copy, and loads once back online', async () => {
    let online = false;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    const m = lazyModule(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return { name: 'loaded' };
    });
    function Probe() {
      const mod = m.useModule();
      const failure = m.useFailure();
      return <p>{mod?.name ?? failure ?? 'loading'}</p>;
    }
    render(<Probe />);
    await screen.findByText(/not in the offline copy of Perceptron Lab\. It will load when you are back online\./);
    online = true;
    await act(async () => void window.dispatchEvent(new Event('online')));
    await screen.findByText('loaded');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
  });
});
