import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { tableOwnershipConfigs } from './scripts/lint/table-ownership.js';

/** A module imports another only through its index.ts. */
const moduleIndexPattern = { regex: '^\\.\\./[^./]+/(?!index\\.ts$)[^/]+$', message: 'Import another module only through its index.ts.' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'server/src/db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    // platform/ is infrastructure: it never reaches into feature modules (house style).
    files: ['server/src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'platform/ must not import modules/.' }] }] },
  },
  {
    // A module imports another only through its index.ts.
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [moduleIndexPattern] }],
    },
  },
  // A module reads another module's tables only through that module's port (scripts/lint/table-ownership.js).
  ...tableOwnershipConfigs([moduleIndexPattern]),
);
