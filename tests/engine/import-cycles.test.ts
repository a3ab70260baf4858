// The engine's import graph has no cycle, and the core does not import its accelerations:
// accel/ plugs into the core through seam.ts (only the public index loads it, through
// accel/boot.ts). Type-only imports count too, so the layering holds for types as well as values.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../src/engine');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

// `import … from '…'`, `import type … from '…'`, `export … from '…'` and `import '…'`, over several lines.
const IMPORT = /^\s*(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?['"]([^'"]+)['"]/gm;

/** Module → the engine modules it imports (paths relative to src/engine). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(IMPORT)]
      .map((m) => m[1])
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(dir, resolve(dirname(file), s)));
    graph.set(relative(dir, file), deps);
  }
  return graph;
}

/** The first cycle found, as the modules along it (first = last), or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (m: string): string[] | null => {
    if (state.get(m) === 'done') return null;
    if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
    state.set(m, 'open');
    path.push(m);
    for (const d of graph.get(m) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(m, 'done');
    return null;
  };
  for (const m of graph.keys()) {
    const cycle = visit(m);
    if (cycle) return cycle;
  }
  return null;
}

describe('engine imports', () => {
  const graph = importGraph(root);

  it('reads the whole engine, including every import form', () => {
    expect(graph.size).toBeGreaterThan(20);
    expect(graph.get('accel/boot.ts')).toContain('accel/index.ts'); // a dynamic import
    expect(graph.get('tape.ts')).toContain('trace.ts'); // an `export type … from`
    expect(graph.get('seam.ts')).toContain('op.ts'); // an `import type`
  });

  it('have no cycle', () => {
    const cycle = findCycle(graph);
    expect(cycle, cycle ? `import cycle: ${cycle.join(' → ')}` : '').toBeNull();
  });

  it('keep the core free of accel/ (only the public index loads them, through accel/boot.ts)', () => {
    for (const [m, deps] of graph) {
      if (m.startsWith('accel/') || m === 'index.ts') continue;
      expect(
        deps.filter((d) => d.startsWith('accel/')),
        m,
      ).toEqual([]);
    }
  });

  it('the cycle finder reports a cycle it is given, and none in a chain', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(findCycle(cyclic)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toBeNull();
  });
});
