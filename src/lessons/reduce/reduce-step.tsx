/** Lesson 2, Reduce: one route per step under #/reduce, each in the shared lesson frame. */
import type { ComponentType } from 'react';
import { LessonShell } from '../../components/lesson-shell.tsx';
import { REDUCE_STEPS, hrefFor, lessonPage, type ReduceStepId } from '../../router.ts';
import { PointsStep } from './points-step.tsx';
import { IrisStep } from './iris-step.tsx';
import { ExperimentsStep } from './experiments-step.tsx';

const BODIES: Record<ReduceStepId, ComponentType> = {
  reduce: PointsStep,
  'reduce/iris': IrisStep,
  'reduce/experiments': ExperimentsStep,
};

export function ReduceStep({ id }: { id: ReduceStepId }) {
  const { title, prev, next } = lessonPage(
    REDUCE_STEPS,
    id,
    { href: hrefFor('playground'), title: 'Previous: Playground' },
    { href: hrefFor('layers'), title: 'Next: Lesson 3, Stack two lines' },
  );
  const Body = BODIES[id];
  return (
    <LessonShell
      id={id}
      title={title}
      steps={REDUCE_STEPS}
      eyebrow="Lesson 2: dimensionality reduction"
      stepsLabel="Steps of lesson 2"
      prev={prev}
      next={next}
    >
      <Body />
    </LessonShell>
  );
}
