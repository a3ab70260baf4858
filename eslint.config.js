import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

// Imports flow one way: engine → training → workers/trainer-api → worker-client → store → UI.
// Two rules keep it so. Paths are checked as resolved files (import-x/no-restricted-paths), so
// `../../reduce/shared.ts`, `./../engine/tensor.ts` and a dynamic `import('../overview/…')` are
// caught however they are spelt; packages (react, comlink, …) are checked by name. Each zone says
// what its files may not import. `tests/app/lint-boundaries.test.ts` injects a wrong import of each
// kind and sees lint fail.
const root = import.meta.dirname;
const FEATURES = ['src/lessons/negator', 'src/lessons/reduce', 'src/playground', 'src/overview'];
// The shell (app.tsx, router.ts, …): every file at the top of src/ except the worker's contract.
const SHELL = readdirSync(`${root}/src`, { withFileTypes: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !['worker-client.ts', 'worker-types.ts'].includes(e.name))
  .map((e) => `src/${e.name}`);
const UI = ['src/store', 'src/components', ...FEATURES, ...SHELL];
const uiLibs = ['react', 'react-dom', 'react-dom/*', 'comlink', 'zustand', 'zustand/*', 'recharts'];
const packages = (files, names, message) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: names, message }] }] },
});
const paths = (zones) => ({
  files: ['src/**', 'workers/**'],
  plugins: { 'import-x': importX },
  settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
  rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones }] },
});
// Store internals the UI must not reach: the raw trainer client, and defining a worker query
// (a feature asks the named queries of store/queries.ts).
const STORE_INTERNALS = ['src/store/trainer-client.ts', 'src/store/query-cache.ts'];
// The route table (router.ts) is plain data every part of the UI reads; the rest of the shell
// composes features and is imported by none.
const COMPOSERS = SHELL.filter((f) => f !== 'src/router.ts');

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'dev-dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  packages(
    ['src/engine/**', 'src/training/**'],
    uiLibs,
    'The engine and training/ are pure TS: no UI or worker libraries.',
  ),
  packages(['workers/**'], ['react', 'react-dom', 'zustand', 'recharts'], 'The worker knows nothing of the UI.'),
  packages(['src/store/**'], ['recharts'], 'Stores hold state; they do not draw.'),
  {
    // The engine runs in the worker, in node and in tests: no browser globals either.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'self',
        'postMessage',
        'fetch',
      ],
    },
  },
  {
    // One scheduler (CONTRIBUTING.md, "Charts and scheduling"): mounting and redraw timing in the
    // UI is decided in components/schedule.tsx, not with frames, timers or deferred values here
    // and there.
    files: [
      'src/components/**',
      'src/lessons/**',
      'src/playground/**',
      'src/overview/**',
      'src/app.tsx',
      'src/loaders.ts',
    ],
    ignores: ['src/components/schedule.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'requestAnimationFrame', message: 'Use afterFrame from components/schedule.tsx.' },
        { name: 'requestIdleCallback', message: 'Use whenIdle from components/schedule.tsx.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              importNames: ['useDeferredValue'],
              message: 'Use useRedrawLater from components/schedule.tsx.',
            },
          ],
        },
      ],
    },
  },
  paths([
    {
      target: 'src/engine',
      from: ['src/training', 'src/worker-client.ts', 'src/worker-types.ts', 'workers', ...UI],
      message: 'The engine is pure TS: it imports nothing of the app.',
    },
    {
      target: 'src/training',
      from: ['src/worker-client.ts', 'src/worker-types.ts', 'workers', ...UI],
      message: 'training/ imports the engine only.',
    },
    {
      target: 'src/training',
      from: 'src/engine',
      except: ['./index.ts'],
      message: 'training/ may import only the engine public surface (src/engine/index.ts).',
    },
    {
      target: 'workers',
      from: ['src/worker-client.ts', 'src/worker-types.ts', ...UI],
      message: 'The worker knows nothing of the UI.',
    },
    {
      target: 'src/store',
      from: ['src/engine', 'src/components', ...FEATURES, ...COMPOSERS],
      message: 'Stores hold state: no UI, and the engine only in the worker (types come from worker-types.ts).',
    },
    {
      target: 'src/components',
      from: ['src/engine', 'workers', 'src/worker-client.ts', ...STORE_INTERNALS, ...FEATURES, ...COMPOSERS],
      message:
        'Components are generic widgets: no features, no worker, no engine (the store is their way to the worker).',
    },
    ...FEATURES.map((f) => ({
      target: f,
      from: [
        'src/engine',
        'workers',
        'src/worker-client.ts',
        ...STORE_INTERNALS,
        ...COMPOSERS,
        ...FEATURES.filter((o) => o !== f),
      ],
      message: `A feature (${f}) imports no other feature, and reaches the worker only through the store's actions and queries.`,
    })),
  ]),
);
