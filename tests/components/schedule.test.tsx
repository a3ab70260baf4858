// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { Later, OpenedByNavigation, useSwap } from '../../src/components/schedule.tsx';

describe('Later', () => {
  it('on a page opened from the navigation, mounts each panel in a later frame, in document order', async () => {
    const mounted: { name: string; frame: number }[] = [];
    let frame = 0;
    const tick = () => {
      frame++;
      raf = requestAnimationFrame(tick);
    };
    let raf = requestAnimationFrame(tick);
    const Panel = ({ name }: { name: string }) => {
      useEffect(() => void mounted.push({ name, frame }), [name]);
      return <p>{name}</p>;
    };
    render(
      <OpenedByNavigation.Provider value>
        <p>top</p>
        <Later>
          <Panel name="a" />
        </Later>
        <Later>
          <Panel name="b" />
        </Later>
        <Later>
          <Panel name="c" />
        </Later>
      </OpenedByNavigation.Provider>,
    );
    expect(screen.getByText('top')).toBeTruthy();
    expect(screen.queryByText('a')).toBeNull();
    expect(document.querySelectorAll('.later[aria-busy="true"]')).toHaveLength(3);
    await waitFor(() => expect(mounted).toHaveLength(3));
    cancelAnimationFrame(raf);
    expect(mounted.map((m) => m.name)).toEqual(['a', 'b', 'c']);
    // One per frame: no two panels in the same frame.
    expect(new Set(mounted.map((m) => m.frame)).size).toBe(3);
  });

  it('renders at once on the page the app first loaded with', () => {
    render(
      <Later>
        <p>panel</p>
      </Later>,
    );
    expect(screen.getByText('panel')).toBeTruthy();
  });
});

describe('useSwap', () => {
  it('is null for one task when the value changes, so the old content unmounts before the new mounts', async () => {
    const seen: (string | null)[] = [];
    let set: (v: string) => void = () => undefined;
    function Probe() {
      const [v, setV] = useState('a');
      set = setV;
      const shown = useSwap(v);
      seen.push(shown);
      return <p>{shown ?? 'none'}</p>;
    }
    render(<Probe />);
    expect(screen.getByText('a')).toBeTruthy();
    act(() => set('b'));
    expect(screen.getByText('none')).toBeTruthy();
    await screen.findByText('b');
    expect(seen.filter((v, i) => i === 0 || v !== seen[i - 1])).toEqual(['a', null, 'b']);
  });
});
