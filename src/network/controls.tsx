/**
 * The Network page's controls, TensorFlow Playground's table of them and ours besides: data,
 * features, hidden layers (a text field and +/− per layer, kept in step), activation,
 * regularization, rates, batch size, epochs and loss. Each says in one line what it does, with
 * its formula and the current numbers on demand. Every change is kept (network-settings.ts).
 */
import type { ReactNode } from 'react';
import { NumberField } from '../components/number-field.tsx';
import { networkSettings } from '../store/network-settings.ts';
import { FEATURES, NETWORK_LIMITS } from '../training/network/config.ts';
import {
  ACTIVATIONS,
  CLASSIFY_SETS,
  DATASET_NAMES,
  DRAFT_LABELS,
  FEATURE_NAMES,
  REGRESS_SETS,
  hiddenText,
  readHidden,
  type DraftField,
  type NetworkDraft,
  type ReadDraft,
} from '../training/network/draft.ts';

const set = (f: Partial<NetworkDraft>) => networkSettings.getState().set(f);

/** A control's one line of what it does, and its formula with the current numbers behind a toggle. */
export function Explain({ children, formula }: { children: ReactNode; formula?: ReactNode }) {
  return (
    <div className="net-explain">
      <p className="muted">{children}</p>
      {formula && (
        <details>
          <summary>Formula</summary>
          <p className="equation-line">{formula}</p>
        </details>
      )}
    </div>
  );
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Text({
  field,
  draft,
  errors,
  step = 1,
}: {
  field: DraftField;
  draft: NetworkDraft;
  errors: ReadDraft['errors'];
  step?: number;
}) {
  return (
    <NumberField
      label={DRAFT_LABELS[field]}
      value={draft[field]}
      error={errors[field]}
      step={step}
      onChange={(v) => set({ [field]: v })}
    />
  );
}

export function DataControls({ draft, errors }: { draft: NetworkDraft; errors: ReadDraft['errors'] }) {
  const sets = draft.problem === 'regression' ? REGRESS_SETS : CLASSIFY_SETS;
  return (
    <fieldset className="net-group">
      <legend>Data</legend>
      <Select
        label="Problem"
        value={draft.problem}
        options={[
          { value: 'classification', label: 'Classification' },
          { value: 'regression', label: 'Regression' },
        ]}
        onChange={(problem) =>
          set(
            problem === 'regression'
              ? { problem, dataset: 'plane', loss: 'squared' }
              : { problem, dataset: 'circle', loss: 'squared' },
          )
        }
      />
      <Select
        label="Dataset"
        value={draft.dataset}
        options={sets.map((d) => ({ value: d, label: DATASET_NAMES[d] }))}
        onChange={(dataset) => set(dataset === 'blobs' ? { dataset, loss: 'cross-entropy' } : { dataset })}
      />
      {draft.dataset === 'points' && (
        <Select
          label="Classes"
          value={draft.classes}
          options={[
            { value: '2', label: '2' },
            { value: '3', label: '3' },
          ]}
          onChange={(classes) => set(classes === '3' ? { classes, loss: 'cross-entropy' } : { classes })}
        />
      )}
      {draft.dataset !== 'points' && <Text field="noise" draft={draft} errors={errors} step={5} />}
      <Text field="trainPercent" draft={draft} errors={errors} step={10} />
      <Text field="seed" draft={draft} errors={errors} />
      {draft.dataset !== 'points' && (
        <button
          type="button"
          onClick={() => {
            const s = Number(draft.seed);
            set({ seed: String(Number.isInteger(s) && s >= 0 ? s + 1 : 1) });
          }}
        >
          New data
        </button>
      )}
      <Explain>
        {draft.problem === 'regression'
          ? 'Points whose number the network learns to give back; Noise moves the points the number is read at.'
          : 'Points of two classes (three for Three blobs, or your own). Noise flips or scatters points near the edges.'}{' '}
        Training data is the share the network learns from; the rest test it. Seed draws the points and the starting
        weights.
      </Explain>
    </fieldset>
  );
}

export function FeatureControls({ draft, errors }: { draft: NetworkDraft; errors: ReadDraft['errors'] }) {
  return (
    <fieldset className="net-group" aria-describedby={errors.features ? 'net-features-err' : undefined}>
      <legend>Features</legend>
      <div className="net-checks">
        {FEATURES.map((f) => (
          <label key={f} className="pg-check">
            <input
              type="checkbox"
              checked={draft.features.includes(f)}
              onChange={(e) =>
                set({
                  features: FEATURES.filter((x) => (x === f ? e.target.checked : draft.features.includes(x))),
                })
              }
            />{' '}
            {FEATURE_NAMES[f]}
          </label>
        ))}
      </div>
      {errors.features && (
        <p className="field-error" id="net-features-err" role="alert">
          {errors.features}
        </p>
      )}
      <Explain>
        What the network is given of each point (x₁, x₂): the coordinates, their squares, product or sines.
      </Explain>
    </fieldset>
  );
}

/** The Hidden layers field and a +/− pair per layer, both writing the same text. */
export function LayerControls({ draft, errors }: { draft: NetworkDraft; errors: ReadDraft['errors'] }) {
  const sizes = readHidden(draft.hidden);
  const layers = typeof sizes === 'string' ? null : sizes;
  const put = (next: number[]) => set({ hidden: hiddenText(next) });
  return (
    <fieldset className="net-group">
      <legend>Network</legend>
      <NumberField
        label={DRAFT_LABELS.hidden}
        value={draft.hidden}
        error={errors.hidden}
        hint='Units per layer, e.g. "4, 2"; empty for none'
        inputMode="numeric"
        onChange={(v) => set({ hidden: v })}
      />
      {layers && (
        <div className="net-layer-buttons">
          <button
            type="button"
            disabled={layers.length >= NETWORK_LIMITS.maxLayers}
            onClick={() => put([...layers, 2])}
          >
            Add a layer
          </button>
          <button type="button" disabled={layers.length === 0} onClick={() => put(layers.slice(0, -1))}>
            Remove a layer
          </button>
          {layers.map((n, l) => (
            <span key={l} className="net-layer" role="group" aria-label={`Layer ${l + 1}: ${n} units`}>
              Layer {l + 1}: {n}
              <button
                type="button"
                aria-label={`More units in layer ${l + 1}`}
                disabled={n >= NETWORK_LIMITS.maxUnits}
                onClick={() => put(layers.map((m, k) => (k === l ? m + 1 : m)))}
              >
                +
              </button>
              <button
                type="button"
                aria-label={`Fewer units in layer ${l + 1}`}
                disabled={n <= 1}
                onClick={() => put(layers.map((m, k) => (k === l ? m - 1 : m)))}
              >
                −
              </button>
            </span>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function TrainingControls({ draft, errors }: { draft: NetworkDraft; errors: ReadDraft['errors'] }) {
  const lr = draft.learningRate;
  const n = draft.batchSize;
  const rate = draft.regularizationRate;
  return (
    <fieldset className="net-group net-training">
      <legend>Training</legend>
      <Select
        label="Activation"
        value={draft.activation}
        options={ACTIVATIONS.map((a) => ({
          value: a,
          label: { relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear' }[a],
        }))}
        onChange={(activation) => set({ activation })}
      />
      <Explain formula={<>relu(z) = max(0, z) · tanh(z) · sigmoid(z) = 1 / (1 + e^−z) · linear(z) = z</>}>
        The bend each hidden unit puts on its weighted sum z.
      </Explain>
      <Select
        label="Loss"
        value={draft.loss}
        options={[
          { value: 'squared', label: 'Squared error' },
          { value: 'cross-entropy', label: 'Cross-entropy' },
        ]}
        onChange={(loss) => set({ loss })}
      />
      {errors.loss && (
        <p className="field-error" role="alert">
          {errors.loss}
        </p>
      )}
      <Explain
        formula={
          draft.loss === 'squared' ? (
            <>L = mean of ½(output − label)² (label ±1, or the number to fit)</>
          ) : (
            <>L = mean of −log softmax(scores)[true class]</>
          )
        }
      >
        What training makes small: squared error on one output, as TensorFlow Playground does, or cross-entropy on one
        score per class.
      </Explain>
      <Text field="learningRate" draft={draft} errors={errors} step={0.01} />
      <Text field="batchSize" draft={draft} errors={errors} />
      <Explain
        formula={
          <>
            w ← w − {lr} · (mean over the batch of dL/dw
            {draft.regularization === 'none' ? '' : ' + penalty′(w) · rate / n'}), a batch being {n} points
          </>
        }
      >
        How far each update moves the weights, and how many training points each update averages over.
      </Explain>
      <Select
        label="Regularization"
        value={draft.regularization}
        options={[
          { value: 'none', label: 'None' },
          { value: 'l1', label: 'L1' },
          { value: 'l2', label: 'L2' },
        ]}
        onChange={(regularization) => set({ regularization })}
      />
      <Text field="regularizationRate" draft={draft} errors={errors} step={0.001} />
      <Explain
        formula={
          draft.regularization === 'l1' ? (
            <>L + {rate} · Σ|w| / n (n training points)</>
          ) : draft.regularization === 'l2' ? (
            <>L + {rate} · Σ½w² / n (n training points)</>
          ) : (
            <>No term is added to the loss.</>
          )
        }
      >
        A cost on large weights, added to the loss: L1 pushes small weights to 0, L2 shrinks all of them.
      </Explain>
      {!draft.untilPaused && <Text field="epochs" draft={draft} errors={errors} step={100} />}
      <label className="pg-check">
        <input type="checkbox" checked={draft.untilPaused} onChange={(e) => set({ untilPaused: e.target.checked })} />{' '}
        Go on until paused
      </label>
      <Explain>
        A run stops after this many passes over the training points, or, going on until paused, after{' '}
        {NETWORK_LIMITS.maxEpochs.toLocaleString('en')}. Pause or Stop it any time.
      </Explain>
    </fieldset>
  );
}
