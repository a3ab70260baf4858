/** Lesson 3, Layers: one route per step under #/layers, each in the shared lesson frame. */
import type { ComponentType } from 'react';
import { LessonShell } from '../../components/lesson-shell.tsx';
import { LAYERS_STEPS, hrefFor, lessonPage, type LayersStepId } from '../../router.ts';
import { StackStep } from './stack-step.tsx';
import { BendStep } from './bend-step.tsx';
import { BackpropStep } from './backprop-step.tsx';
import { IrisStep } from './iris-step.tsx';

const BODIES: Record<LayersStepId, ComponentType> = {
  layers: StackStep,
  'layers/bend': BendStep,
  'layers/backprop': BackpropStep,
  'layers/iris': IrisStep,
};

export function LayersStep({ id }: { id: LayersStepId }) {
  const { title, prev, next } = lessonPage(
    LAYERS_STEPS,
    id,
    { href: hrefFor('reduce/experiments'), title: 'Previous: Reduce: experiments' },
    { href: hrefFor(''), title: 'Back to the overview' },
  );
  const Body = BODIES[id];
  return (
    <LessonShell
      id={id}
      title={title}
      steps={LAYERS_STEPS}
      eyebrow="Lesson 3: multi-layer perceptrons"
      stepsLabel="Steps of lesson 3"
      prev={prev}
      next={next}
    >
      <Body />
    </LessonShell>
  );
}
