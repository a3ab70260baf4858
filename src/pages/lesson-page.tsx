import { useEffect, type ReactNode } from 'react';
import { LESSON_STEPS, hrefFor, type LessonId } from '../router.ts';
import { lessonStore, useLesson } from '../store/lesson-store.ts';
import { PerceptronStep } from '../lessons/perceptron/perceptron-step.tsx';
import { LossStep } from '../lessons/loss/loss-step.tsx';
import { TapeStep } from '../lessons/tape/tape-step.tsx';
import { DescentStep } from '../lessons/descent/descent-step.tsx';

const BODIES: Record<LessonId, () => ReactNode> = {
  perceptron: () => <PerceptronStep />,
  loss: () => <LossStep />,
  tape: () => <TapeStep />,
  descent: () => <DescentStep />,
};

/** One lesson step with its heading, progress and previous/next links. */
export function LessonPage({ id }: { id: LessonId }) {
  const index = LESSON_STEPS.findIndex((s) => s.id === id);
  const step = LESSON_STEPS[index];
  const prev = LESSON_STEPS[index - 1];
  const next = LESSON_STEPS[index + 1];
  const visited = useLesson((s) => s.visited);
  useEffect(() => lessonStore.getState().markVisited(id), [id]);
  const done = LESSON_STEPS.filter((s) => visited.includes(s.id)).length;
  return (
    <article className="page" aria-labelledby="lesson-title">
      <p className="progress">
        Step {index + 1} of {LESSON_STEPS.length} · <span>{done} of {LESSON_STEPS.length} visited</span>
      </p>
      <h1 id="lesson-title">{step.title}</h1>
      {BODIES[id]()}
      <nav className="pager" aria-label="Previous and next step">
        {prev ? <a href={hrefFor(prev.id)} rel="prev">← Previous: {prev.title}</a> : <a href={hrefFor('')}>← Overview</a>}
        {next ? <a href={hrefFor(next.id)} rel="next">Next: {next.title} →</a> : <a href={hrefFor('playground')}>Next: Playground →</a>}
      </nav>
    </article>
  );
}
