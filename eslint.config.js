// ESLint flat config: typescript-eslint's recommended rules everywhere, plus the type-checked rules that
// catch real bugs in this code (promises nobody awaits, awaits of non-promises, switches that miss a case,
// assertions that do nothing). Prettier owns the layout; eslint-config-prettier turns off the rules that
// would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Type-checked rules that pay here; the rest of recommendedTypeChecked flags `any` from JSON.parse and the like. */
const typeChecked = {
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/no-unnecessary-type-assertion': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': [
    'error',
    { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
  ],
  '@typescript-eslint/require-await': 'error',
  '@typescript-eslint/return-await': ['error', 'in-try-catch'],
  '@typescript-eslint/only-throw-error': 'error',
  '@typescript-eslint/prefer-promise-reject-errors': 'error',
  '@typescript-eslint/no-base-to-string': 'error',
  '@typescript-eslint/restrict-template-expressions': [
    'error',
    { allowNumber: true, allowBoolean: true, allowNullish: true, allowArray: true, allowRegExp: false },
  ],
  '@typescript-eslint/no-redundant-type-constituents': 'error',
  '@typescript-eslint/no-duplicate-type-constituents': 'error',
  '@typescript-eslint/no-for-in-array': 'error',
  '@typescript-eslint/no-implied-eval': 'error',
  '@typescript-eslint/unbound-method': 'error',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-sea/**',
      'fixtures/**',
      'node_modules/**',
      'coverage/**',
      '.ci/out/**',
      'bench/data/**',
      '.shipaudit/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberate: a parameter a callback signature requires, a skipped tuple slot.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // This code matches control characters on purpose: ANSI colour codes, NUL bytes in damaged files,
      // spreadsheet-formula injection.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  // TypeScript: type information from tsconfig.lint.json (src, test, scripts).
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.lint.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...typeChecked,
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  // The program: rules and reporters never print; only the CLI does (see README "Development").
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  // Tests: fakes implement async interfaces without awaiting anything; JSON read back from the CLI is
  // checked by the assertions (and test/helpers/schema.ts), not by declared types.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Plain JavaScript (bin, bench, config files): no type information, Node globals.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, sourceType: 'module' },
  },
  prettier,
);
