import { Later } from '../../../components/schedule.tsx';
import { DescentRunner } from './descent-runner.tsx';
import { LearningRateExperiment } from './lr-explorer.tsx';
import { PrecisionExperiment } from './precision.tsx';

export { DESCENT_CHANNEL } from './descent-runner.tsx';

/** Lesson step 4: the update rule, one step at a time and then the whole run. */
export function DescentStep() {
  return (
    <>
      <p className="lede">
        The gradient says which way the loss rises and how steeply. To go downhill we move the weight a small amount the
        other way: multiply the gradient by minus the learning rate and add it on.
      </p>
      <p className="math">
        <math display="block">
          <mrow>
            <mi>w</mi>
            <mo>←</mo>
            <mi>w</mi>
            <mo>+</mo>
            <mfrac>
              <mrow>
                <mi>d</mi>
                <mi>L</mi>
              </mrow>
              <mrow>
                <mi>d</mi>
                <mi>w</mi>
              </mrow>
            </mfrac>
            <mo>·</mo>
            <mo>(</mo>
            <mo>−</mo>
            <mi>η</mi>
            <mo>)</mo>
          </mrow>
        </math>
      </p>
      <DescentRunner />
      <Later>
        <LearningRateExperiment />
      </Later>
      <Later>
        <PrecisionExperiment />
      </Later>
      <div className="card">
        <h2>Your turn</h2>
        <p>
          You have seen the whole loop: predict, measure the loss, let the tape find the gradient, and step against it.
          Now try it on numbers of your own — several pairs, a bias, other optimizers.
        </p>
        <p>
          <a className="primary-link" href="#/playground">
            Open the Playground
          </a>
        </p>
      </div>
    </>
  );
}
