/**
 * Reading and writing `input,target` text. Reading is forgiving: it keeps every value as
 * the text it was (the table validates each cell), and explains whatever it had to guess.
 */
import type { Pair } from './config.ts';

/** One table row as text, exactly as it will appear in the editor. */
export interface TextPair {
  input: string;
  target: string;
}

export interface CsvResult {
  rows: TextPair[];
  /** Learner-facing notes: header skipped, extra values dropped, missing targets, … */
  notes: string[];
  /** Set when the text held more rows than `maxRows`: how many (then `rows` is empty). */
  overLimit?: number;
}

/** The most rows the Playground's table takes in (training itself uses at most 10,000). */
export const MAX_TABLE_ROWS = 100_000;

const NUMBERISH = /^[-+\u2212]?(\d+[.,]?\d*|[.,]\d+)(e[-+\u2212]?\d+)?$/i;

/** Splits one line on tab, semicolon, comma or runs of spaces (in that order of preference). */
function splitLine(line: string): { cells: string[]; decimalComma: boolean } {
  if (line.includes('\t')) return { cells: line.split('\t'), decimalComma: false };
  if (line.includes(';')) return { cells: line.split(';'), decimalComma: true };
  if (line.includes(',')) return { cells: line.split(','), decimalComma: false };
  return { cells: line.trim().split(/\s+/), decimalComma: false };
}

/** Trims spaces and one pair of surrounding quotes; "1,5" becomes "1.5" after a semicolon split. */
function cleanCell(cell: string, decimalComma: boolean): string {
  let c = cell.trim();
  if (c.length >= 2 && /^["'].*["']$/.test(c)) c = c.slice(1, -1).trim();
  if (decimalComma && /^[-+\u2212]?\d*,\d+$/.test(c)) c = c.replace(',', '.');
  return c;
}

const looksNumeric = (c: string) => NUMBERISH.test(c.trim());

/** True for a first line such as "input,target" or "x;y": words where numbers would be. */
function isHeader(cells: string[]): boolean {
  return cells.length >= 1 && cells.slice(0, 2).every((c) => c !== '' && !looksNumeric(c));
}

/** Notes of one kind are listed this many times; the rest are counted in one line. */
export const NOTES_PER_KIND = 5;

/** Notes by kind: the first few said in full, the others counted (a million one-value lines make one note, not a million). */
class NoteBook {
  readonly notes: string[] = [];
  private readonly more = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  add(kind: string, text: string): void {
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    if (n <= NOTES_PER_KIND) this.notes.push(text);
    else this.more.set(kind, (this.more.get(kind) ?? 0) + 1);
  }
  done(): string[] {
    for (const [kind, n] of this.more)
      this.notes.push(`…and ${n.toLocaleString('en-US')} more line${n === 1 ? '' : 's'} like this (${kind}).`);
    return this.notes;
  }
}

function readLine(cells: string[], lineNo: number, notes: NoteBook): TextPair {
  const nonEmpty = cells.length;
  if (nonEmpty > 2) notes.add('more than two values', `Line ${lineNo} has ${nonEmpty} values; used the first two.`);
  if (nonEmpty < 2)
    notes.add('only one value', `Line ${lineNo} has only one value; its target is left empty for you to fill in.`);
  return { input: cells[0] ?? '', target: cells[1] ?? '' };
}

/**
 * Parses pasted or imported text, one `input,target` pair per line. Accepts an optional
 * header, blank lines, `#` comments, tabs/semicolons/spaces as separators, quotes, Windows
 * line endings and a byte-order mark. Never throws; bad numbers are kept as text.
 */
export function parseCsv(text: string, maxRows = Infinity): CsvResult {
  const steps = parseCsvInSlices(text, maxRows);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Lines parsed between two yields of {@link parseCsvInSlices}. */
export const CSV_SLICE = 50_000;

/**
 * The same parse, yielding after every {@link CSV_SLICE} lines, so a caller can let other
 * work in between (the worker answers its heartbeat while it reads a 20 MB file).
 */
export function* parseCsvInSlices(text: string, maxRows = Infinity): Generator<void, CsvResult> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows: TextPair[] = [];
  const book = new NoteBook();
  const notes = book.notes;
  let blank = 0;
  let seenData = false;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % CSV_SLICE === 0) yield;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) {
      if (line === '' && i < lines.length - 1) blank += 1;
      continue;
    }
    const { cells, decimalComma } = splitLine(line);
    const cleaned = cells.map((c) => cleanCell(c, decimalComma));
    while (cleaned.length > 1 && cleaned[cleaned.length - 1] === '') cleaned.pop();
    if (!seenData && isHeader(cleaned)) {
      notes.push(`Line ${i + 1} ("${line.slice(0, 40)}") was read as a header and skipped.`);
      seenData = true;
      continue;
    }
    seenData = true;
    rows.push(readLine(cleaned, i + 1, book));
  }
  book.done();
  if (blank) notes.push(`Skipped ${blank} blank line${blank === 1 ? '' : 's'}.`);
  if (rows.length > maxRows) return { rows: [], notes: [tooManyRows(rows.length, maxRows)], overLimit: rows.length };
  if (rows.length === 0) notes.push('No pairs found: put one "input,target" pair on each line.');
  return { rows, notes };
}

/** The note for text with more rows than the table takes: nothing is changed. */
export function tooManyRows(found: number, max: number): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const room =
    max >= MAX_TABLE_ROWS
      ? `more than the table holds (${n(MAX_TABLE_ROWS)} rows; training uses at most 10,000)`
      : `more than the table has room for (${n(max)} more rows; it holds at most ${n(MAX_TABLE_ROWS)})`;
  return `This text has ${n(found)} rows, ${room}. Nothing was changed: split the text, or keep its first ${n(max)} lines.`;
}

/** True when pasted text holds more than one value (so a cell paste should become rows). */
export function looksLikeCsv(text: string): boolean {
  const t = text.trim();
  return /[\r\n,;\t]/.test(t) || /\S\s+\S/.test(t);
}

/** Pairs as CSV text with an `input,target` header, one pair per line. */
export function pairsToCsv(pairs: Pair[]): string {
  return ['input,target', ...pairs.map((p) => `${p.input},${p.target}`)].join('\n') + '\n';
}

/** Columns as CSV: a header of the column names, then one line per index. */
export function columnsToCsv(columns: Record<string, ArrayLike<number>>, length: number): string {
  const names = Object.keys(columns);
  const lines = [names.join(',')];
  for (let i = 0; i < length; i++) lines.push(names.map((n) => String(columns[n][i])).join(','));
  return lines.join('\n') + '\n';
}
