import { defineConfig } from 'vitest/config';
import { sharedDir, sharedSpecsAvailable } from './test/support/shared-dir';

// The OpenAPI contract tests need the real specs in the shared folder, which is not committed (MAL's spec has
// no licence, Trakt's is 5 MB). Where that folder is missing they are left out, with a message saying so.
const specContractTests = ['test/contract/mal*.test.ts', 'test/contract/trakt*.test.ts', 'test/contract/plex*.test.ts'];
const skipSpecContracts = !sharedSpecsAvailable();
if (skipSpecContracts) {
  process.stderr.write(`[kizuna tests] no API specs at ${sharedDir()}/specs: the MAL, Trakt and Plex contract tests are skipped. Set KIZUNA_SHARED_DIR to the folder holding specs/ to run them.\n`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['node_modules/**', 'test/fixtures/**', ...(skipSpecContracts ? specContractTests : [])],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Type tests pin the contract's derived types; they run through tsc, not at run time.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
  },
});
