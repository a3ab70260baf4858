/** The frame of one lesson step: progress, heading, the step's body, previous/next links. */
import { useEffect, type ReactNode } from 'react';
import { lessonStore, useLesson } from '../store/lesson-store.ts';

export interface ShellLink {
  href: string;
  title: string;
}

export interface LessonShellProps {
  /** Route id of this step (recorded as visited). */
  id: string;
  title: string;
  /** All steps of this lesson, in order (for "Step 2 of 4" and the visited count). */
  steps: readonly { id: string; title: string }[];
  prev: ShellLink;
  next: ShellLink;
  /** Which lesson this is, above the step count. */
  eyebrow?: string;
  children: ReactNode;
}

export function LessonShell({ id, title, steps, prev, next, eyebrow, children }: LessonShellProps) {
  const index = steps.findIndex((s) => s.id === id);
  const visited = useLesson((s) => s.visited);
  useEffect(() => lessonStore.getState().markVisited(id), [id]);
  const done = steps.filter((s) => visited.includes(s.id)).length;
  return (
    <article className="page" aria-labelledby="lesson-title">
      <p className="progress">
        {eyebrow && <>{eyebrow} · </>}Step {index + 1} of {steps.length} ·{' '}
        <span>
          {done} of {steps.length} visited
        </span>
      </p>
      <h1 id="lesson-title">{title}</h1>
      {children}
      <nav className="pager" aria-label="Previous and next step">
        <a href={prev.href} rel="prev">
          ← {prev.title}
        </a>
        <a href={next.href} rel="next">
          {next.title} →
        </a>
      </nav>
    </article>
  );
}
