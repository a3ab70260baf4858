/**
 * The Data card: presets, the pairs table, and CSV paste/import. Replacing the table (preset,
 * import, clear) can be undone, so nothing typed is lost by one click.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { MAX_SAVED_DRAFT, playgroundStore, usePlayground } from '../store/playground-store.ts';
import { groupDigits } from '../training/digits.ts';
import { PRESETS, type Preset } from '../training/datasets.ts';
import { MAX_TABLE_ROWS, type CsvResult } from '../training/csv.ts';
import { readCsv } from '../store/csv-read.ts';
import { parseNumberField } from '../training/config.ts';
import { PairsTable } from './pairs-table.tsx';
import type { PlaygroundForm } from './playground-form.ts';

function applyPreset(p: Preset): string[] {
  const { settings } = playgroundStore.getState();
  const seed = parseNumberField(settings.seed, 'Seed');
  const s = seed.ok && Number.isInteger(seed.value) ? seed.value : 1;
  const pairs = p.pairs(s).map((x) => ({ input: String(x.input), target: String(x.target) }));
  playgroundStore.getState().replaceRows(pairs, `loading the preset “${p.name}”`);
  playgroundStore.getState().setSettings({ model: p.model });
  const model = p.model === 'w+b' ? ' Model set to w + b: this line needs a bias.' : '';
  return [`Loaded “${p.name}”: ${pairs.length} pair${pairs.length === 1 ? '' : 's'}.${model}`];
}

function Presets({ onNotes }: { onNotes(n: string[]): void }) {
  return (
    <div className="toolbar" role="group" aria-label="Presets">
      <span className="pg-group-label" aria-hidden="true">
        Presets:
      </span>
      {PRESETS.map((p) => (
        <button type="button" key={p.id} title={p.description} onClick={() => onNotes(applyPreset(p))}>
          {p.name}
        </button>
      ))}
    </div>
  );
}

function CsvImport({ onNotes }: { onNotes(n: string[]): void }) {
  // Kept in the store (and saved), so a reload or an update does not lose text not yet added.
  const text = usePlayground((s) => s.csvDraft);
  const setText = (t: string) => playgroundStore.getState().setCsvDraft(t);
  const id = useId();
  const [startOpen] = useState(() => text !== '');
  const [reading, setReading] = useState<string | null>(null);
  const load = (source: string, how: 'add' | 'replace', from: string) => {
    const room = MAX_TABLE_ROWS - (how === 'add' ? playgroundStore.getState().rows.length : 0);
    const offThread = readCsv(
      source,
      (parsed) => {
        setReading(null);
        apply(parsed, how, from);
      },
      (message) => {
        setReading(null);
        onNotes([`Couldn't read ${from}: ${message} The table is unchanged.`]);
      },
      Math.max(0, room),
    );
    if (offThread) setReading(from);
  };
  const apply = (parsed: CsvResult, how: 'add' | 'replace', from: string) => {
    if (parsed.rows.length === 0) return onNotes(parsed.notes);
    const store = playgroundStore.getState();
    if (how === 'replace') store.replaceRows(parsed.rows, `importing ${from}`);
    else store.insertRows(store.rows[store.rows.length - 1]?.id ?? -1, parsed.rows);
    onNotes([
      `${how === 'replace' ? 'Replaced the table with' : 'Added'} ${parsed.rows.length} row${parsed.rows.length === 1 ? '' : 's'} from ${from}.`,
      ...parsed.notes,
    ]);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 20_000_000)
      return onNotes([`${file.name} is ${Math.round(file.size / 1e6)} MB; the limit is 20 MB.`]);
    load(await file.text(), 'replace', file.name);
  };
  return (
    <details className="pg-csv" open={startOpen || undefined}>
      <summary>Paste or import CSV</summary>
      <div className="field pg-csv-field">
        <label htmlFor={`${id}-csv`}>Paste CSV</label>
        <textarea
          id={`${id}-csv`}
          rows={5}
          value={text}
          placeholder={'input,target\n3,-3\n1,-1'}
          aria-describedby={`${id}-csv-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="field-hint" id={`${id}-csv-hint`}>
          One “input,target” pair per line; a header line is optional. Tabs, semicolons or spaces also work.
        </span>
        {text.length > MAX_SAVED_DRAFT && (
          <span className="field-hint" role="status" data-testid="draft-not-saved">
            This text is longer than {groupDigits(MAX_SAVED_DRAFT)} characters, so it is not kept across a reload: add
            it to the table to keep it. The table and settings are still saved.
          </span>
        )}
      </div>
      <div className="toolbar">
        <button
          type="button"
          disabled={!text.trim() || reading !== null}
          onClick={() => load(text, 'add', 'the pasted text')}
        >
          Add pasted rows
        </button>
        <button
          type="button"
          disabled={!text.trim() || reading !== null}
          onClick={() => load(text, 'replace', 'the pasted text')}
        >
          Replace table with pasted rows
        </button>
      </div>
      {reading !== null && (
        <p className="field-hint" role="status">
          Reading {reading}…
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>Import CSV file</label>
        <input id={`${id}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void onFile(e)} />
      </div>
    </details>
  );
}

function Notes({ notes, onDismiss }: { notes: string[]; onDismiss(): void }) {
  const undo = usePlayground((s) => s.undo);
  if (!notes.length && !undo) return null;
  return (
    <div className="notice pg-notes" role="status">
      {notes.length > 0 && (
        <ul>
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        {undo && (
          <button
            type="button"
            onClick={() => {
              playgroundStore.getState().undoReplace();
              onDismiss();
            }}
          >
            Undo {undo.what}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            playgroundStore.getState().dismissUndo();
            onDismiss();
          }}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** The whole Data card. */
export function DataPanel({ form }: { form: PlaygroundForm }) {
  const [notes, setNotes] = useState<string[]>([]);
  const clear = () => {
    playgroundStore.getState().replaceRows([{ input: '', target: '' }], 'clearing the table');
    setNotes(['Cleared the table. Type your own pairs, or paste them into a cell.']);
  };
  return (
    <section className="card" aria-labelledby="pg-data">
      <h2 id="pg-data">Data</h2>
      <p>
        Each row is one example: the input the perceptron sees and the target it should output. Press Enter to move
        down; Enter on the last row adds one.
      </p>
      <Presets onNotes={setNotes} />
      <Notes notes={notes} onDismiss={() => setNotes([])} />
      <PairsTable cells={form.cells} tableError={form.table} onNotes={setNotes} />
      <div className="toolbar">
        <button type="button" onClick={clear}>
          Clear table
        </button>
      </div>
      <CsvImport onNotes={setNotes} />
    </section>
  );
}
