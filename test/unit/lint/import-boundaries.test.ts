import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: projectRoot });

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

// Each case is a deliberate import placed (virtually) in a file of the project; lint must say yes or no.
const violations: Array<[file: string, code: string, because: RegExp]> = [
  ['renderer/screens/Bad.tsx', "import { createCore } from '../../main/app/core';\nexport const x = createCore;", /imports only shared/],
  ['renderer/Bad.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", /no Node built-ins/],
  ['renderer/Bad.tsx', "import Database from 'better-sqlite3';\nexport const x = Database;", /browser sandbox/],
  ['renderer/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;", /Only main\/hosts\/electron/],
  ['renderer/Bad.tsx', "import { api } from '../preload/index';\nexport const x = api;", /imports only shared/],
  ['main/app/bad.ts', "import { app } from 'electron';\nexport const x = app;", /Only main\/hosts\/electron/],
  ['main/sync/bad.ts', "import { startServer } from '../hosts/server';\nexport const x = startServer;", /Nothing imports a host/],
  ['main/db/bad.ts', "import { x as y } from '../hosts/electron/tray-menu';\nexport const x = y;", /Nothing imports a host/],
  ['main/hosts/server/bad.ts', "import { x as y } from '../electron/tray-menu';\nexport const x = y;", /Nothing imports a host/],
  ['main/hosts/cli/bad.ts', "import { x as y } from '../electron/tray-menu';\nexport const x = y;", /never the Electron host/],
  ['main/hosts/server/bad.ts', "import { app } from 'electron';\nexport const x = app;", /Only main\/hosts\/electron/],
  ['shared/contract/bad.ts', "import { join } from 'node:path';\nexport const x = join;", /no Node built-ins/],
  ['shared/bad.ts', "import { createCore } from '../main/app/core';\nexport const x = createCore;", /imports nothing but shared/],
  ['test/unit/bad.test.ts', "import { app } from 'electron';\nexport const x = app;", /Only main\/hosts\/electron/],
];

const allowed: Array<[file: string, code: string]> = [
  ['renderer/screens/Good.tsx', "import { methods } from '../../shared/contract';\nexport const x = methods;"],
  ['renderer/Good.tsx', "import { create } from 'zustand';\nexport const x = create;"],
  ['main/hosts/electron/good.ts', "import { app } from 'electron';\nexport const x = app;"],
  ['preload/good.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;"],
  ['main/app/good.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
  ['main/hosts/cli/good.ts', "import { startServer } from '../server';\nexport const x = startServer;"],
  ['test/unit/good.test.ts', "import { x as y } from '../../main/hosts/electron/tray-menu';\nexport const x = y;"],
];

describe('import boundaries (DESIGN.md §2)', () => {
  it.each(violations)('reports %s importing across a boundary', async (file, code, because) => {
    const messages = await boundaryMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(because);
  });

  it.each(allowed)('allows %s', async (file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
});
