// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'coverage/', 'src/**/*.generated.ts', 'schemas/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Small functions that say what they do: a limit on branching, not on lines.
      complexity: ['error', { max: 15 }],
      'max-depth': ['error', 4],
      'max-params': ['error', 5],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // Matching control characters is deliberate (those XML 1.0 cannot hold are stripped).
      'no-control-regex': 'off',
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // Entry points of scripts, the OpenStack harness and its tests may print.
    files: ['src/**/main.ts', 'src/bench/**', 'src/mutants/**', 'src/docs/**', 'src/openstack/**', '**/*.itest.ts'],
    rules: { 'no-console': 'off' },
  },
);
