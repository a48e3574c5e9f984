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
    // core and i18n stay pure: no DOM, no map, no React, no store
    files: ['src/core/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'maplibre-gl', 'zustand', 'comlink'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
);
