import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer/vite.config';

/**
 * Three bundles for the desktop app. Main is ESM (package.json "type": "module"); the preload is CommonJS
 * because Electron's sandboxed preloads cannot load ES modules, and it bundles everything it imports since
 * a sandboxed preload can require nothing but 'electron'. The renderer reuses renderer/vite.config.ts so the
 * desktop window and `kizuna serve` show the same files.
 */
const root = import.meta.dirname;

export default defineConfig({
  main: {
    // Release builds ship default API clients from the build environment (main/auth/clients/built-in-clients.ts).
    define: { __KIZUNA_BUILT_IN_CLIENTS__: JSON.stringify(process.env.KIZUNA_BUILT_IN_CLIENTS ?? '') },
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules (the default; electron-builder ships production dependencies). The
      // native ones must: their .node files are loaded from the paths in main/hosts/electron/native-bindings.ts.
      rolldownOptions: {
        input: { index: resolve(root, 'main/hosts/electron/main.ts') },
        external: ['electron', 'better-sqlite3', 'keytar'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
