/** tests/ mirrors src/ folder for folder (CONTRIBUTING.md), so a module's tests are where a reader looks for them. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const folders = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [join(root, e.name), ...folders(join(root, e.name))]);
const testFiles = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.test\.tsx?$/.test(e.name))
    .map((e) => e.name);

describe('the tests folder', () => {
  it('has, for every folder of src/, the same folder with tests in it', () => {
    const missing = folders('src')
      .map((f) => relative('src', f))
      .filter((f) => {
        try {
          return testFiles(join('tests', f)).length === 0;
        } catch {
          return true;
        }
      });
    expect(missing).toEqual([]);
  });
});
