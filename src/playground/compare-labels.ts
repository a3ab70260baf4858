/**
 * Legend names for compared runs: "Run 3: learning rate 0.05, Adam" — naming only the
 * settings that differ between the runs shown, so the legend says what changed.
 */
import type { TrainingConfig } from '../training/config.ts';

export const OPTIMIZER_NAMES: Record<TrainingConfig['optimizer'], string> = {
  sgd: 'SGD',
  momentum: 'momentum',
  adam: 'Adam',
};
export const MODEL_NAMES: Record<TrainingConfig['model'], string> = { w: 'w', 'w+b': 'w + b' };

type Describer = [key: string, read: (c: TrainingConfig) => string];

const DESCRIBERS: Describer[] = [
  ['learningRate', (c) => `learning rate ${c.learningRate}`],
  ['optimizer', (c) => OPTIMIZER_NAMES[c.optimizer]],
  ['model', (c) => `model ${MODEL_NAMES[c.model]}`],
  ['initialWeight', (c) => `initial weight ${c.initialWeight}`],
  ['initialBias', (c) => `initial bias ${c.initialBias}`],
  ['steps', (c) => `${c.steps} steps`],
  ['dtype', (c) => c.dtype],
  ['pairs', (c) => `${c.pairs.length} pair${c.pairs.length === 1 ? '' : 's'} of data`],
];

const pairsKey = (c: TrainingConfig) => JSON.stringify(c.pairs);

/** All the settings of one run, for the run list. */
export function describeRun(c: TrainingConfig): string {
  return [
    `learning rate ${c.learningRate}`,
    OPTIMIZER_NAMES[c.optimizer],
    `model ${MODEL_NAMES[c.model]}`,
    `${c.steps} steps`,
  ].join(', ');
}

/**
 * One legend label per run, in the same order. A setting is named when it is not the same in
 * every run; "data" differs when the pairs differ even if their count does not.
 */
export function compareLabels(runs: { number: number; config: TrainingConfig }[]): string[] {
  const differs = DESCRIBERS.filter(([key, read]) => {
    const values = new Set(runs.map((r) => (key === 'pairs' ? pairsKey(r.config) : read(r.config))));
    return values.size > 1;
  });
  return runs.map((r) => {
    const parts = differs.map(([key, read]) =>
      key === 'pairs' && new Set(runs.map((x) => read(x.config))).size === 1 ? `data set ${r.number}` : read(r.config),
    );
    return parts.length ? `Run ${r.number}: ${parts.join(', ')}` : `Run ${r.number}`;
  });
}
