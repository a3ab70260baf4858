/** Lesson 1, the number negator: one route per step, each in the shared lesson frame. */
import type { ComponentType } from 'react';
import { LessonShell } from '../../components/lesson-shell.tsx';
import { NEGATOR_STEPS, hrefFor, lessonPage, type NegatorStepId } from '../../router.ts';
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
  const { title, prev, next } = lessonPage(
    NEGATOR_STEPS,
    id,
    { href: hrefFor(''), title: 'Overview' },
    { href: hrefFor('playground'), title: 'Next: Playground' },
  );
  const Body = BODIES[id];
  return (
    <LessonShell id={id} title={title} steps={NEGATOR_STEPS} prev={prev} next={next}>
      <Body />
    </LessonShell>
  );
}
