import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports flow one way: engine → training → workers/trainer-api → worker-client → store → UI.
// Each zone lists what it may not import, so a wrong-way import fails lint.
// Each feature is a folder; features import no other feature.
const FEATURES = ['lessons/negator', 'lessons/reduce', 'playground', 'overview'];
const uiLibs = ['react', 'react-dom', 'react-dom/*', 'comlink', 'zustand', 'zustand/*', 'recharts'];
const zone = (files, patterns, message, allowTypeImports = false) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports }] }] },
});

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
  zone(['src/engine/**'], [...uiLibs, '**/training/**', '**/store/**', '**/workers/**', '**/components/**', '**/lessons/**', '**/playground/**', '**/overview/**', '**/worker-client*'],
    'The engine is pure TS: no UI, worker or store imports.'),
  {
    // The engine runs in the worker, in node and in tests: no browser globals either.
    files: ['src/engine/**'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'self', 'postMessage', 'fetch'] },
  },
  zone(['src/training/**'], [...uiLibs, '**/store/**', '**/workers/**', '**/components/**', '**/lessons/**', '**/playground/**', '**/overview/**', '**/worker-client*', '**/engine/*/**', '!**/engine/index*'],
    'training/ may import only the engine public surface (src/engine/index.ts).'),
  zone(['workers/**'], ['react', 'react-dom', 'zustand', 'recharts', '**/store/**', '**/components/**', '**/lessons/**', '**/playground/**', '**/overview/**', '**/worker-client*'],
    'The worker knows nothing of the UI.'),
  zone(['src/store/**'], ['**/components/**', ...FEATURES.map((f) => `**/${f}/**`), '**/app.tsx', '**/main.tsx', '**/pwa.ts', 'recharts'],
    'Stores hold state; they do not import UI.'),
  zone(['src/components/**'], ['**/worker-client*', '**/workers/**', '**/engine/**', ...FEATURES.map((f) => `**/${f}/**`), '**/app.tsx', '**/main.tsx', '**/pwa.ts'],
    'Components are generic widgets: no features, no worker, no engine (the store is their way to the worker).', true),
  // A feature uses the store and components, never another feature, the worker or the engine.
  ...FEATURES.map((f) => zone([`src/${f}/**`], ['**/worker-client*', '**/workers/**', '**/engine/**', '**/app.tsx', '**/main.tsx', '**/pwa.ts', ...FEATURES.filter((o) => o !== f && !o.startsWith(`${f}/`) && !f.startsWith(`${o}/`)).map((o) => `**/${o}/**`)],
    `A feature (src/${f}) imports no other feature, and reaches the worker only through the store.`, true)),
);
