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
  /**
   * The lesson's steps as links under the heading (lessons 2 and 3, whose steps are one link in
   * the site navigation): named by this, e.g. "Steps of lesson 3".
   */
  stepsLabel?: string;
  children: ReactNode;
}

export function LessonShell({ id, title, steps, prev, next, eyebrow, stepsLabel, children }: LessonShellProps) {
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
      {stepsLabel && (
        <nav className="step-nav" aria-label={stepsLabel}>
          <ol>
            {steps.map((s, i) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} aria-current={s.id === id ? 'step' : undefined}>
                  {i + 1}. {s.title}
                  {visited.includes(s.id) && s.id !== id && (
                    <span className="done-mark" aria-hidden="true">
                      ✓
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
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
