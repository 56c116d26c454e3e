import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's own modules ('net', 'fs/promises', 'node:test'), bare or with the `node:` scheme. */
const NODE_BUILTIN = `^(node:|(${[...new Set(builtinModules.map((m) => m.split('/')[0]))]
  .filter((m) => !m.startsWith('node:'))
  .join('|')})(/|$))`;
const ELECTRON = '^electron(/|$)';

/**
 * Where a module path may come from besides a static import: `import('…')` and `require('…')`
 * (also TypeScript's `import x = require('…')`). esquery reads a regex up to its first slash, so
 * slashes are written as \x2F here.
 */
function loaderSelectors(regex, message) {
  const source = regex.replaceAll('/', '\\x2F');
  return [
    `ImportExpression[source.value=/${source}/]`,
    `CallExpression[callee.name="require"][arguments.0.value=/${source}/]`,
    `TSExternalModuleReference[expression.value=/${source}/]`,
  ].map((selector) => ({ selector, message }));
}

/** The module paths one layer must not load: each is a regex on the path as written. */
function forbiddenPaths({ forbid, packages, alsoForbid = [] }) {
  // A relative path that climbs (however it is spelled: ../, ./../, .././) to a forbidden
  // top-level folder of src/.
  const paths = [`^(\\./)*(\\.\\./)+(\\.\\.?/)*(${forbid.join('|')})(/|$)`, ...alsoForbid];
  if (packages === 'only-zod') paths.push('^(?!zod(/|$))[^.]');
  if (packages === 'no-electron') paths.push(ELECTRON);
  if (packages === 'browser') paths.push(ELECTRON, NODE_BUILTIN);
  return paths;
}

/** The import and loader rules of one layer (see the list in the config below). */
function layers(list) {
  return list.map((layer) => {
    const { name, files, why, globals: banned } = layer;
    const paths = forbiddenPaths(layer);
    return {
      name: `layer: ${name}`,
      files,
      rules: {
        'no-restricted-imports': ['error', { patterns: paths.map((regex) => ({ regex, message: why })) }],
        'no-restricted-syntax': ['error', ...paths.flatMap((regex) => loaderSelectors(regex, why))],
        ...(banned ? { 'no-restricted-globals': ['error', ...banned] } : {}),
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['out/**', 'build/**', 'dist/**', 'node_modules/**', 'test-results/**', 'screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/web/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // One-way layers: core ← shared ← backend ← shells (main, web, cli); the renderer and preload
  // see only shared and core. Each file matches exactly one layer below (ESLint replaces, not
  // merges, a rule set twice), and each layer names the top-level folders it must not reach.
  ...layers([
    {
      name: 'core',
      files: ['src/core/**/*.ts'],
      forbid: ['shared', 'backend', 'main', 'web', 'cli', 'renderer', 'preload'],
      packages: 'only-zod',
      why: 'src/core is pure domain logic: it imports only zod and itself.',
      globals: ['window', 'document', 'process', 'require', 'Buffer'],
    },
    {
      name: 'shared',
      files: ['src/shared/**/*.ts'],
      forbid: ['backend', 'main', 'web', 'cli', 'renderer', 'preload'],
      packages: 'only-zod',
      why: 'src/shared is the typed contract: it imports only zod, core and itself.',
    },
    {
      name: 'backend',
      files: ['src/backend/**/*.ts'],
      forbid: ['main', 'web', 'cli', 'renderer', 'preload'],
      packages: 'no-electron',
      why: 'The back end is shell-neutral: no Electron, and no shell, renderer or preload code.',
    },
    {
      name: 'electron shell',
      files: ['src/main/**/*.ts'],
      forbid: ['web', 'cli', 'renderer'],
      why: 'The Electron shell wires the back end into Electron; it does not reach the other shells.',
    },
    {
      name: 'web shell',
      files: ['src/web/*.ts'],
      forbid: ['main', 'cli', 'renderer', 'preload'],
      packages: 'no-electron',
      why: 'The web shell serves the back end over loopback HTTP; it never loads Electron code.',
    },
    {
      name: 'web client',
      files: ['src/web/client/**/*.ts'],
      forbid: ['core', 'backend', 'main', 'cli', 'renderer', 'preload'],
      // Of the web shell, only the dependency-free launch-fragment.ts, which the server shares.
      alsoForbid: ['^\\.\\./(?!launch-fragment$)[^.]'],
      packages: 'browser',
      why: 'The web client runs in the page: it speaks the contract (shared) and reads its launch fragment, nothing else.',
    },
    {
      name: 'cli',
      files: ['src/cli/**/*.ts'],
      forbid: ['main', 'web', 'renderer', 'preload'],
      packages: 'no-electron',
      why: 'The CLI is a shell over the back end; it never loads Electron or page code.',
    },
    {
      name: 'renderer',
      files: ['src/renderer/**/*.{ts,tsx}'],
      forbid: ['backend', 'main', 'web', 'cli', 'preload'],
      packages: 'browser',
      why: 'The renderer talks only to window.coach: it imports shared and core, never the back end.',
    },
    {
      name: 'preload',
      files: ['src/preload/**/*.ts'],
      forbid: ['backend', 'main', 'web', 'cli', 'renderer'],
      why: 'The preload exposes the contract as window.coach and nothing else.',
    },
  ]),
  {
    // Playwright reads fixture dependencies from the first argument's destructuring pattern, so
    // fixtures without dependencies must write `{}`.
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
