// Type-aware lint, part of `npm test`. The type checker alone does not catch a forgotten `await`
// in a transaction or a sync step, which is a data-loss bug; these rules do.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', '.cache/**', 'test-results/**', 'playwright-report/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/require-await': 'off',
      // No crash reporter: a minidump is the process's memory (keys, patients' data), written
      // unencrypted and meant for upload. Session safety, issue 15.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['crashReporter'], message: 'The desk never starts a crash reporter (minidumps hold personal data).' }] }],
    },
  },
);
