// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries from DESIGN.md section 2. A file's folder says where it runs:
 * only main/hosts/electron and preload may import electron; the renderer imports only shared/ (and
 * browser packages); nothing imports a host, except the CLI, which launches the server host for
 * `kizuna serve`.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'module', 'stream', 'util', 'worker_threads'];
const electronBan = { regex: '^electron(/.*)?$', message: 'Only main/hosts/electron and preload may import electron (DESIGN.md §2).' };
const hostBan = { group: ['**/hosts/*', '**/hosts/**', '../electron/*', '../server/*', '../cli/*', '../../electron/*', '../../server/*', '../../cli/*'], message: 'Nothing imports a host (DESIGN.md §2).' };
const nativeBan = { group: ['better-sqlite3', 'keytar', 'electron-store', 'conf'], message: 'The renderer runs in a browser sandbox: it cannot use Node or native modules.' };

export const boundaryRules = [
  {
    files: ['main/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['main/hosts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, hostBan] }] },
  },
  {
    // Tests may reach into hosts to test them, but never load Electron: it cannot run here.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan] }] },
  },
  {
    files: ['main/hosts/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, { group: ['../electron/*', '../cli/*', '../electron', '../cli'], message: 'Nothing imports a host (DESIGN.md §2).' }] }] },
  },
  {
    files: ['main/hosts/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, { group: ['**/hosts/electron/*', '../electron/*', '../../electron/*', '../electron', '../../electron'], message: 'The CLI may launch the server host, never the Electron host.' }] }] },
  },
  {
    files: ['main/hosts/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../server/*', '../cli/*', '../server', '../cli'], message: 'Nothing imports a host (DESIGN.md §2).' }] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronBan,
            nativeBan,
            { group: nodeBuiltins, message: 'The renderer runs in a browser sandbox: no Node built-ins.' },
            { group: ['**/main/*', '**/main/**', '**/preload/*', '**/preload/**', '**/main', '**/preload'], message: 'The renderer imports only shared/ (DESIGN.md §2).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronBan, nativeBan, { group: nodeBuiltins, message: 'shared/ runs on both sides: no Node built-ins.' }, { group: ['**/main/*', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ imports nothing but shared/.' }] },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', '.native-electron/', 'test/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['preload/**/*.ts'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  ...boundaryRules,
);
