// Flat config: typescript-eslint for all code, React hooks rules for the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a union of string literals instead of enum.',
        },
      ],
    },
  },
  {
    // One code path: the engine and the routes see only Kubernetes objects. The BFF starts the
    // embedded cluster in one place, and tests may stand it up as the cluster they talk to.
    files: ['apps/bff/src/**/*.ts'],
    ignores: [
      'apps/bff/src/kube/connection.ts',
      'apps/bff/src/**/*.test.ts',
      'apps/bff/src/test-support/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forklift-console/embedded-cluster', '@forklift-console/embedded-cluster/*'],
              message:
                'The engine and the routes reach Kubernetes only through the Kubernetes client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/console-plugin/**/*.{ts,tsx}', 'apps/console-shell/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
