// The import boundaries are checked by lint on resolved paths. Each case here is a wrong-way
// import that slipped past the old glob-based zones; lint must reject every one, and accept
// the right-way import beside it, so the zones can neither be loosened nor drawn too tight.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids lint reports for `code` as if it were the file `file` (relative to the repo). */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const BOUNDARY = 'import-x/no-restricted-paths';

const wrong: [string, string, string][] = [
  [
    'lesson 1 imports lesson 2',
    'src/lessons/negator/tape/probe.tsx',
    "import { SPECIES_GROUPS } from '../../reduce/shared.ts';\nexport const y = SPECIES_GROUPS;\n",
  ],
  [
    'training imports an engine internal',
    'src/training/probe.ts',
    "import { Tensor } from '../engine/tensor.ts';\nexport const y = Tensor;\n",
  ],
  [
    'the engine imports the router',
    'src/engine/probe.ts',
    "import { NEGATOR_STEPS } from '../router.ts';\nexport const y = NEGATOR_STEPS;\n",
  ],
  [
    'a feature imports another by dynamic import',
    'src/playground/probe.ts',
    "export const load = () => import('../overview/overview-page.tsx');\n",
  ],
  [
    'a store imports the engine by value',
    'src/store/probe.ts',
    "import { variable } from '../engine/index.ts';\nexport const y = variable;\n",
  ],
  [
    'a feature takes the raw trainer client',
    'src/playground/probe.ts',
    "import { getTrainerClient } from '../store/trainer-client.ts';\nexport const y = getTrainerClient;\n",
  ],
  [
    'a feature defines a worker query of its own',
    'src/lessons/reduce/probe.ts',
    "import { defineQuery } from '../../store/query-cache.ts';\nexport const q = defineQuery('mine', (c) => c.stressInfo());\n",
  ],
  [
    'a component imports the worker client',
    'src/components/probe.ts',
    "import { createWorkerClient } from '../worker-client.ts';\nexport const y = createWorkerClient;\n",
  ],
  [
    'the worker imports a store',
    'workers/probe.ts',
    "import { trainingStore } from '../src/store/training-store.ts';\nexport const y = trainingStore;\n",
  ],
];

const right: [string, string, string][] = [
  [
    'lesson 1 imports its own step',
    'src/lessons/negator/tape/probe.tsx',
    "import { NegatorStep } from '../negator-step.tsx';\nexport const y = NegatorStep;\n",
  ],
  [
    'training imports the engine surface',
    'src/training/probe.ts',
    "import { variable } from '../engine/index.ts';\nexport const y = variable;\n",
  ],
  [
    'a feature imports a store and the protocol types',
    'src/playground/probe.ts',
    "import { trainingStore } from '../store/training-store.ts';\nimport type { Head } from '../worker-types.ts';\nexport const y: Head | typeof trainingStore | null = null;\n",
  ],
  [
    'a component reads the route table',
    'src/components/probe.ts',
    "import { NEGATOR_STEPS } from '../router.ts';\nexport const y = NEGATOR_STEPS;\n",
  ],
];

const timing: [string, string, string, string][] = [
  [
    'a feature schedules with its own animation frame',
    'src/lessons/negator/tape/probe.tsx',
    'export const y = () => requestAnimationFrame(() => undefined);\n',
    'no-restricted-globals',
  ],
  [
    'a component defers a value with React directly',
    'src/components/probe.ts',
    "import { useDeferredValue } from 'react';\nexport const y = useDeferredValue;\n",
    'no-restricted-imports',
  ],
];

describe('one scheduler', () => {
  it.each(timing)(
    'fails when %s',
    async (_name, file, code, rule) => {
      expect(await ruleIds(file, code)).toContain(rule);
    },
    30_000,
  );

  it('lets the scheduler itself use them', async () => {
    expect(
      await ruleIds(
        'src/components/schedule.tsx',
        "import { useDeferredValue } from 'react';\nexport const y = () => requestAnimationFrame(() => useDeferredValue);\n",
      ),
    ).toEqual([]);
  });
});

describe('lint boundaries on resolved paths', () => {
  it.each(wrong)(
    'fails when %s',
    async (_name, file, code) => {
      expect(await ruleIds(file, code)).toContain(BOUNDARY);
    },
    30_000,
  );

  it.each(right)(
    'passes when %s',
    async (_name, file, code) => {
      expect(await ruleIds(file, code)).toEqual([]);
    },
    30_000,
  );

  it('keeps the protocol module free of values, so importing it never bundles the worker', () => {
    const statements = readFileSync(resolve(root, 'src/worker-types.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s).toMatch(/^export type /);
  });
});
