// @vitest-environment jsdom
/** Lesson 1 as a whole: its navigation and the progress it keeps. */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { lessonStore } from '../../../src/store/lesson-store.ts';
import { setUpLessonTests } from '../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

describe('lesson navigation', () => {
  it('has a nav with lesson 1’s five named links, lesson 2 (Reduce) as its own group, and marks the current one', () => {
    open('#/loss');
    const nav = screen.getByRole('navigation', { name: 'Lesson' });
    const group = (name: RegExp) =>
      within(within(nav).getByRole('list', { name }))
        .getAllByRole('link')
        .map((a) => a.textContent?.replace('✓', ''));
    expect(group(/^Lesson 1/)).toEqual(['Perceptron', 'Loss', 'Tape', 'Descent', 'Playground']);
    expect(group(/^Lesson 2/)).toEqual(['Reduce']);
    expect(within(nav).getByRole('link', { name: 'Loss' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Loss' })).toBeTruthy();
  });

  it('remembers visited steps in persisted state', () => {
    open('#/tape');
    expect(lessonStore.getState().visited).toContain('tape');
    expect(JSON.parse(localStorage.getItem('perceptron-lab:lesson')!).state.visited).toContain('tape');
  });
});
