/** Lesson 2, Reduce: one route per step under #/reduce, each in the shared lesson frame. */
import type { ComponentType } from 'react';
import { LessonShell } from '../../components/lesson-shell.tsx';
import { REDUCE_STEPS, hrefFor, type ReduceStepId } from '../../router.ts';
import { PointsStep } from './points-step.tsx';
import { IrisStep } from './iris-step.tsx';
import { ExperimentsStep } from './experiments-step.tsx';

const BODIES: Record<ReduceStepId, ComponentType> = {
  reduce: PointsStep,
  'reduce/iris': IrisStep,
  'reduce/experiments': ExperimentsStep,
};

export function ReduceStep({ id }: { id: ReduceStepId }) {
  const index = REDUCE_STEPS.findIndex((s) => s.id === id);
  const prev = REDUCE_STEPS[index - 1];
  const next = REDUCE_STEPS[index + 1];
  const Body = BODIES[id];
  return (
    <LessonShell id={id} title={REDUCE_STEPS[index].title} steps={REDUCE_STEPS} eyebrow="Lesson 2: dimensionality reduction"
      prev={prev ? { href: hrefFor(prev.id), title: `Previous: ${prev.title}` } : { href: hrefFor('playground'), title: 'Previous: Playground' }}
      next={next ? { href: hrefFor(next.id), title: `Next: ${next.title}` } : { href: hrefFor(''), title: 'Back to the overview' }}>
      <Body />
    </LessonShell>
  );
}
