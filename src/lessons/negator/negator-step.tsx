/** Lesson 1, the number negator: one route per step, each in the shared lesson frame. */
import type { ComponentType } from 'react';
import { LessonShell } from '../../components/lesson-shell.tsx';
import { NEGATOR_STEPS, hrefFor, type NegatorStepId } from '../../router.ts';
import { PerceptronStep } from './perceptron/perceptron-step.tsx';
import { LossStep } from './loss/loss-step.tsx';
import { TapeStep } from './tape/tape-step.tsx';
import { DescentStep } from './descent/descent-step.tsx';

const BODIES: Record<NegatorStepId, ComponentType> = {
  perceptron: PerceptronStep,
  loss: LossStep,
  tape: TapeStep,
  descent: DescentStep,
};

export function NegatorStep({ id }: { id: NegatorStepId }) {
  const index = NEGATOR_STEPS.findIndex((s) => s.id === id);
  const prev = NEGATOR_STEPS[index - 1];
  const next = NEGATOR_STEPS[index + 1];
  const Body = BODIES[id];
  return (
    <LessonShell id={id} title={NEGATOR_STEPS[index].title} steps={NEGATOR_STEPS}
      prev={prev ? { href: hrefFor(prev.id), title: `Previous: ${prev.title}` } : { href: hrefFor(''), title: 'Overview' }}
      next={next ? { href: hrefFor(next.id), title: `Next: ${next.title}` } : { href: hrefFor('playground'), title: 'Next: Playground' }}>
      <Body />
    </LessonShell>
  );
}
