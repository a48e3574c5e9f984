import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './eslint-rules/import-direction.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'coverage', 'test-results', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // imports between the folders of src run one way (see the rule's header)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { layers },
    rules: { 'layers/import-direction': 'error' },
  },
  {
    // readers and the CLI loader handle row-sized arrays: a spread into call arguments overflows the call stack past ~100,000 items
    files: ['src/io/**/*.ts', 'scripts/lib/user-data.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement", message: 'push(...items) overflows the call stack on large arrays: use pushAll (src/io/errors.ts) or a loop.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement", message: 'Math.max(...items) overflows the call stack on large arrays: use a loop.' },
      ],
    },
  },
  {
    // core and i18n stay pure: no DOM, no map, no React, no store
    files: ['src/core/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'maplibre-gl', 'zustand', 'comlink'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
);
