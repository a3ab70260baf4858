// The page's code must not reach the engine (or the training code built on it) through a
// value import: the engine runs in the worker, and pulling it into the page's bundle costs
// every learner ~20 KB of JavaScript before the first lesson shows.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Relative value imports of a file (type-only imports and re-exports are left out). */
function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re =
    /^\s*(?:import|export)\s+(?!type\b)([^'"]*?)\s*from\s*'(\.[^']+)'|^\s*import\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const spec = m[2] ?? m[3] ?? m[4];
    const what = m[1] ?? '';
    // `import { type A, type B } from` brings in nothing either.
    if (
      m[2] &&
      /^\{[^}]*\}$/.test(what.trim()) &&
      what
        .replace(/[{}\s]/g, '')
        .split(',')
        .filter(Boolean)
        .every((n) => n.startsWith('type'))
    )
      continue;
    out.push(resolve(dirname(file), spec));
  }
  return out;
}

/** Every file reachable from `entry`, with the path that first reached it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift()!;
    for (const g of valueImports(f)) {
      if (seen.has(g) || !/\.(ts|tsx)$/.test(g)) continue;
      seen.set(g, [...seen.get(f)!, g]);
      queue.push(g);
    }
  }
  return seen;
}

describe('what the page loads', () => {
  it('never imports the engine: it stays in the worker', () => {
    const files = reachable(resolve('src/main.tsx'));
    const engine = [...files.entries()].filter(([f]) => f.includes('/src/engine/') || f.includes('/workers/'));
    expect(engine.map(([, path]) => path.map((p) => p.replace(`${process.cwd()}/`, '')).join(' → '))).toEqual([]);
    expect(files.size).toBeGreaterThan(50); // the walk really followed the app's imports
  });
});
