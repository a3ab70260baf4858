// The engine is pure TypeScript: no UI, worker or store imports, and no eval / new Function
// (the app ships a strict Content-Security-Policy). ESLint enforces the same; this test
// keeps it true even where lint is not run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src/engine');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const sources = files(root)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('src/engine purity', () => {
  it('has source files to check', () => expect(sources.length).toBeGreaterThan(5));

  it.each(['react', 'react-dom', 'comlink', 'zustand', 'recharts'])('does not import %s', (lib) => {
    for (const { f, text } of sources) expect(text, f).not.toMatch(new RegExp(`from ['"]${lib}(/|['"])`));
  });

  it('imports only relative engine modules', () => {
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/from ['"]([^'"]+)['"]/g)) expect(m[1], f).toMatch(/^\.\.?\//);
    }
  });

  it('uses no eval or new Function, and touches no DOM', () => {
    for (const { f, text } of sources) {
      expect(text, f).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(/);
      expect(text, f).not.toMatch(/\b(document|window)\./);
    }
  });
});
