import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports flow one way: engine → training → workers/trainer-api → worker-client → store → UI.
// Each zone lists what it may not import, so a wrong-way import fails lint.
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
  zone(['src/engine/**'], [...uiLibs, '**/training/**', '**/store/**', '**/workers/**', '**/components/**', '**/lessons/**', '**/worker-client*'],
    'The engine is pure TS: no UI, worker or store imports.'),
  {
    // The engine runs in the worker, in node and in tests: no browser globals either.
    files: ['src/engine/**'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'self', 'postMessage', 'fetch'] },
  },
  zone(['src/training/**'], [...uiLibs, '**/store/**', '**/workers/**', '**/components/**', '**/lessons/**', '**/worker-client*', '**/engine/*/**', '!**/engine/index*'],
    'training/ may import only the engine public surface (src/engine/index.ts).'),
  zone(['workers/**'], ['react', 'react-dom', 'zustand', 'recharts', '**/store/**', '**/components/**', '**/lessons/**', '**/worker-client*'],
    'The worker knows nothing of the UI.'),
  zone(['src/store/**'], ['**/components/**', '**/lessons/**', 'recharts'],
    'Stores hold state; they do not import UI.'),
  zone(['src/components/**', 'src/lessons/**'], ['**/worker-client*', '**/workers/**', '**/engine/**'],
    'UI goes through the store; it never computes gradients or talks to the worker.', true),
);
