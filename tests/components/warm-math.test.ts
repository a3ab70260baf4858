// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { warmMathFont } from '../../src/components/warm-math.ts';

describe('warmMathFont', () => {
  it('lays a formula out off the page and leaves the page as it was', () => {
    const before = document.body.innerHTML;
    const measured = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    warmMathFont();
    expect(measured).toHaveBeenCalledTimes(1);
    expect(measured.mock.contexts[0]).toBeInstanceOf(HTMLDivElement);
    expect((measured.mock.contexts[0] as HTMLElement).querySelector('math')).not.toBeNull();
    expect(document.body.innerHTML).toBe(before);
    measured.mockRestore();
  });
});
