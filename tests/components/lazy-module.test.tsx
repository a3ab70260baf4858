// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { lazyModule } from '../../src/components/lazy-module.ts';

describe('lazyModule', () => {
  it('says why a chunk could not be loaded instead of loading forever, and a retry loads it', async () => {
    // The server answers (the probe that tells an old tab from an offline one).
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 404 })),
    );
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
    const first = render(<Probe />);
    await screen.findByText(/This tab runs an older version of Perceptron Lab than the server now has: reload/);
    expect(calls).toBe(1);
    // Not remembered: the next page that wants it asks again.
    first.unmount();
    render(<Probe />);
    await screen.findByText('the page');
    expect(calls).toBe(2);
    vi.unstubAllGlobals();
  });

  it('offline, it says the page is not in the offline copy and to reload once back online', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const m = lazyModule(async () => {
      throw new TypeError('Failed to fetch');
    });
    function Probe() {
      const mod = m.useModule();
      const failure = m.useFailure();
      return <p>{mod ? 'loaded' : (failure ?? 'loading')}</p>;
    }
    render(<Probe />);
    await screen.findByText(/not in the offline copy of Perceptron Lab\. Reload once you are back online/);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
  });
});
