import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Shared with electron.vite.config.ts so the desktop build and `npm run build:renderer` (used by the headless
 * server) produce the same files. `import.meta.dirname` keeps this free of node:* imports; Vite's config
 * loader rewrites it, and Node >= 20.11 provides it natively.
 */
export const rendererRoot = import.meta.dirname;
export const rendererOutDir = '../out/renderer';

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  // Relative asset URLs work both from file:// in Electron and from / over HTTP.
  base: './',
  plugins: [react()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    // Electron 45 ships Chromium 142; browsers using the headless server are evergreen.
    target: 'es2022',
    // Browsers with native light-dark(); older targets make the CSS minifier rewrite it into a polyfill.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    sourcemap: true,
  },
};

export default defineConfig(rendererConfig);
