/** What the tutorial's loop prints, for the Tape step to show beside the tutorial's code. */
import type { TrainingConfig } from './config.ts';
import { Trainer, type StateRecord } from './trainer.ts';

/** The tutorial's printout of a run: `printed[k − 1]` is the line for step k. */
export interface Printout {
  printed: number[];
  lastStep: number;
  last: StateRecord;
}

/**
 * Step by step, the loss measured inside step k, before its update (state k − 1's loss); and
 * the state the run ends at, with its own loss.
 */
export function tutorialPrintout(config: TrainingConfig): Printout {
  const trainer = new Trainer(config);
  const printed: number[] = [];
  for (let k = 0; k < config.steps; k++) printed.push(trainer.step().before.loss);
  return { printed, last: trainer.at(), lastStep: config.steps };
}
