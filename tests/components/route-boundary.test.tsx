// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { RouteBoundary } from '../../src/components/route-boundary.tsx';

let broken = true;
function Fragile() {
  if (broken) throw new TypeError("Cannot read properties of null (reading 'input')");
  return <p>The page works.</p>;
}

describe('RouteBoundary', () => {
  it('shows what went wrong instead of a blank page, and resets the saved data on request', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onReset = vi.fn(() => {
      broken = false;
    });
    render(
      <RouteBoundary page="Loss" onReset={onReset}>
        <Fragile />
      </RouteBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/The Loss page could not be shown.*reading 'input'/);
    fireEvent.click(screen.getByRole('button', { name: "Reset this page's saved data" }));
    expect(onReset).toHaveBeenCalledOnce();
    expect(screen.getByText('The page works.')).toBeTruthy();
  });

  it('Try again renders the page once more without resetting', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    broken = true;
    function Outer() {
      const [n, setN] = useState(0);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              broken = false;
              setN(n + 1);
            }}
          >
            fix
          </button>
          <RouteBoundary page="Tape" onReset={() => undefined}>
            <Fragile />
          </RouteBoundary>
        </>
      );
    }
    render(<Outer />);
    fireEvent.click(screen.getByRole('button', { name: 'fix' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('The page works.')).toBeTruthy();
  });
});
