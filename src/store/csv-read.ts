/**
 * Reads CSV text into pairs: short text at once (the table changes in the same event, as a
 * learner expects of a paste), long text in the trainer worker, so a multi-megabyte paste or
 * file never freezes the page (a million lines take over a second to parse). The worker runs
 * the same parser (training/csv.ts).
 */
import { MAX_TABLE_ROWS, parseCsv, type CsvResult } from '../training/csv.ts';
import { getTrainerClient } from './trainer-client.ts';

/** From this many characters (~10,000 lines) the text is parsed off the main thread. */
export const OFF_THREAD_FROM = 200_000;

/**
 * Parses `text` and hands the result to `done` — synchronously when it is short; more than
 * `maxRows` rows come back as none, with a note (`overLimit`). `failed` gets
 * the worker's message when a long text could not be parsed there. Returns whether it went
 * off the main thread (the caller may show that it is reading).
 */
export function readCsv(
  text: string,
  done: (r: CsvResult) => void,
  failed: (message: string) => void,
  maxRows = MAX_TABLE_ROWS,
): boolean {
  if (text.length < OFF_THREAD_FROM) {
    done(parseCsv(text, maxRows));
    return false;
  }
  // Over the limit the worker sends back no rows: a million of them would take the page as
  // long to receive as to parse.
  getTrainerClient()
    .parseCsv(text, maxRows)
    .then(done, (e: unknown) => failed(e instanceof Error ? e.message : String(e)));
  return true;
}
