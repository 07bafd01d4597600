// Flat config, type-aware. Package boundaries are enforced here, not by convention (style guide §7).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({
        name,
        message: 'This package may not import this module (see CODE_STYLE / style guide §6).',
      })),
      patterns: [
        { group: ['@signet/*/src/*', '@signet/*/src'], message: 'No deep imports into another package.' },
        ...patterns,
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tools/**',
      '.data/**',
      'spfx/**',
      'coverage/**',
      'test/replay/histories/**',
      'test/artifacts/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'func-style': ['error', 'declaration', { allowArrowFunctions: true }],
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThrowStatement > NewExpression[callee.name=/^(Error|TypeError|RangeError)$/]',
          message: 'Throw an AppError with a catalogue code (shared/src/errors/app-error.ts).',
        },
      ],
    },
  },
  {
    // Tests may use bare errors, non-null assertions and loose typing of fixtures.
    files: ['**/*.test.ts', 'test/**/*.ts', '**/test-fixtures.ts', '**/testing/**/*.ts', '**/test-support/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node, no I/O, no implementations.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.test.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        '@signet/shared/node',
        '@signet/worker',
        '@signet/api',
        '@signet/cli',
        '@signet/teams-bot',
        '@temporalio/activity',
        '@temporalio/client',
        '@temporalio/worker',
        'pdf-lib',
        'nodemailer',
        '@microsoft/microsoft-graph-client',
      ],
      [{ group: ['@microsoft/agents-*', '@signpdf/*', '@pnp/*'], message: 'No SDKs in workflow code.' }],
    ),
  },
  {
    // The root of shared runs in the browser and the workflow sandbox.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/node/**', 'shared/src/**/*.test.ts'],
    rules: restrict([
      ...nodeBuiltins,
      '@temporalio/common',
      '@temporalio/workflow',
      '@temporalio/client',
      '@temporalio/worker',
    ]),
  },
  {
    files: ['worker/src/**/*.ts'],
    rules: restrict(
      ['@signet/api', '@signet/cli', '@signet/teams-bot'],
      [{ group: ['@microsoft/agents-*'], message: 'The worker never talks to the bot directly.' }],
    ),
  },
  {
    files: ['api/src/**/*.ts', 'cli/src/**/*.ts'],
    rules: restrict(['@signet/worker', '@signet/test', '@temporalio/worker']),
  },
  {
    // Browser code (the signing page, the sender UI): browser globals, no Node, no server-side packages;
    // only @signet/shared's root entry. innerHTML and friends are banned: data goes in as text.
    files: ['api/web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict([
        ...nodeBuiltins,
        '@signet/shared/node',
        '@signet/api',
        '@signet/worker',
        '@signet/workflows',
        '@signet/evidence',
        '@temporalio/client',
        '@temporalio/common',
      ]),
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with textContent/createElement (api/web/common/dom.ts).' },
        { property: 'outerHTML', message: 'Build DOM with textContent/createElement (api/web/common/dom.ts).' },
        {
          property: 'insertAdjacentHTML',
          message: 'Build DOM with textContent/createElement (api/web/common/dom.ts).',
        },
      ],
    },
  },
  {
    // Evidence pages are pure rendering: no Temporal, no worker, no API, no keys.
    files: ['evidence/src/**/*.ts'],
    rules: restrict([
      '@signet/worker',
      '@signet/api',
      '@signet/test',
      '@temporalio/worker',
      '@temporalio/client',
      '@temporalio/workflow',
      'pkijs',
    ]),
  },
);
