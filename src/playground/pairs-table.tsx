/**
 * The editable input/target table: edit in place, Enter and the arrow keys move between
 * rows, pasting several lines into a cell adds them as rows, and each bad cell says why.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { playgroundStore, usePlayground, type PairRow } from '../store/playground-store.ts';
import { MAX_TABLE_ROWS, looksLikeCsv, type CsvResult, type TextPair } from '../training/csv.ts';
import { readCsv } from '../store/csv-read.ts';
import type { CellErrors } from './playground-form.ts';
import { groupDigits } from '../training/digits.ts';

export const PAGE_SIZE = 100;

interface Focus {
  id: number;
  key: keyof TextPair;
}

const LABEL: Record<keyof TextPair, 'Input' | 'Target'> = { input: 'Input', target: 'Target' };

function Cell({
  row,
  index,
  field,
  error,
  onKey,
  onPaste,
}: {
  row: PairRow;
  index: number;
  field: keyof TextPair;
  error?: string;
  onKey(e: KeyboardEvent<HTMLInputElement>, row: PairRow, field: keyof TextPair): void;
  onPaste(e: ClipboardEvent<HTMLInputElement>, row: PairRow): void;
}) {
  const errId = `pg-${field}-${row.id}-err`;
  return (
    <td className={error ? 'pg-cell invalid' : 'pg-cell'}>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        size={8}
        aria-label={`${LABEL[field]}, row ${index + 1}`}
        data-cell={`${row.id}-${field}`}
        value={row[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errId : undefined}
        onChange={(e) => playgroundStore.getState().setCell(row.id, field, e.target.value)}
        onKeyDown={(e) => onKey(e, row, field)}
        onPaste={(e) => onPaste(e, row)}
      />
      {error && (
        <span className="field-error" id={errId}>
          {error}
        </span>
      )}
    </td>
  );
}

/** Moves focus with Enter/arrows; Enter on the last row adds a row. Returns the cell to focus. */
function keyTarget(
  e: KeyboardEvent<HTMLInputElement>,
  rows: PairRow[],
  row: PairRow,
  field: keyof TextPair,
): Focus | null {
  const i = rows.findIndex((r) => r.id === row.id);
  if (e.key === 'ArrowUp' && i > 0) return { id: rows[i - 1].id, key: field };
  if ((e.key === 'ArrowDown' || e.key === 'Enter') && i < rows.length - 1) return { id: rows[i + 1].id, key: field };
  if (e.key === 'Enter') return { id: playgroundStore.getState().addRow(row.id), key: field };
  return null;
}

function Pager({
  page,
  pages,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  onPage(p: number): void;
}) {
  if (pages <= 1) return null;
  const from = page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <div className="toolbar" role="group" aria-label="Table pages">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous rows
      </button>
      <span>
        Rows {groupDigits(from)}–{groupDigits(to)} of {groupDigits(total)}
      </span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next rows
      </button>
    </div>
  );
}

export interface PairsTableProps {
  cells: Map<number, CellErrors>;
  tableError?: string;
  /** Notes from a paste into a cell (header skipped, values dropped…). */
  onNotes(notes: string[]): void;
}

/** The pairs editor. Reads and writes the Playground store; never drops what was typed. */
export function PairsTable({ cells, tableError, onNotes }: PairsTableProps) {
  const rows = usePlayground((s) => s.rows);
  const [page, setPage] = useState(0);
  const focus = useRef<Focus | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const moveTo = (f: Focus | null) => {
    if (!f) return;
    const now = box.current?.querySelector<HTMLElement>(`[data-cell="${f.id}-${f.key}"]`);
    if (now) return now.focus();
    // Not drawn yet (a new row, or on another page): focus it after the next render.
    focus.current = f;
    const i = playgroundStore.getState().rows.findIndex((r) => r.id === f.id);
    setPage(Math.floor(Math.max(0, i) / PAGE_SIZE));
  };
  useEffect(() => {
    const f = focus.current;
    if (!f) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-cell="${f.id}-${f.key}"], [data-delete="${f.id}"]`);
    if (el) {
      el.focus();
      focus.current = null;
    }
  });
  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: PairRow, field: keyof TextPair) => {
    if (!['Enter', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    moveTo(keyTarget(e, playgroundStore.getState().rows, row, field));
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: PairRow) => {
    const text = e.clipboardData.getData('text');
    if (!looksLikeCsv(text)) return;
    e.preventDefault();
    readCsv(
      text,
      (parsed) => inserted(row, parsed),
      (message) => onNotes([`Couldn't read the pasted text: ${message} The table is unchanged.`]),
      Math.max(0, MAX_TABLE_ROWS - playgroundStore.getState().rows.length),
    );
  };
  const inserted = (row: PairRow, parsed: CsvResult) => {
    const ids = playgroundStore.getState().insertRows(row.id, parsed.rows);
    onNotes([
      `Added ${parsed.rows.length} row${parsed.rows.length === 1 ? '' : 's'} from the pasted text.`,
      ...parsed.notes,
    ]);
    if (ids.length) moveTo({ id: ids[ids.length - 1], key: 'input' });
  };
  const remove = (row: PairRow) => {
    const all = playgroundStore.getState().rows;
    const i = all.findIndex((r) => r.id === row.id);
    const next = all[i + 1] ?? all[i - 1];
    playgroundStore.getState().deleteRow(row.id);
    if (next) moveTo({ id: next.id, key: 'input' });
    else box.current?.querySelector<HTMLElement>('[data-add-row]')?.focus();
  };
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  return (
    <div ref={box} className="pg-table">
      <div className="table-scroll" role="region" aria-label="Pairs table" tabIndex={-1}>
        <table aria-describedby={tableError ? 'pg-table-err' : undefined}>
          <caption>
            Input/target pairs ({groupDigits(rows.length)} row{rows.length === 1 ? '' : 's'})
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Input</th>
              <th scope="col">Target</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, j) => {
              const index = current * PAGE_SIZE + j;
              const err = cells.get(row.id);
              return (
                <tr key={row.id}>
                  <th scope="row">{index + 1}</th>
                  <Cell row={row} index={index} field="input" error={err?.input} onKey={onKey} onPaste={onPaste} />
                  <Cell row={row} index={index} field="target" error={err?.target} onKey={onKey} onPaste={onPaste} />
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      data-delete={row.id}
                      aria-label={`Delete row ${index + 1}`}
                      onClick={() => remove(row)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={current} pages={pages} total={rows.length} onPage={setPage} />
      {tableError && (
        <p className="field-error pg-table-error" id="pg-table-err" role="alert">
          {tableError}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          data-add-row
          onClick={() => moveTo({ id: playgroundStore.getState().addRow(), key: 'input' })}
        >
          Add row
        </button>
      </div>
    </div>
  );
}
