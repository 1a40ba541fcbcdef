import { it } from 'vitest';

/**
 * Tests that need a piece of the machine (the OS keychain, a browser) fail under CI=true when it is missing
 * and are skipped elsewhere with a note saying how to get it.
 */
export function requirement(name: string, missingReason: string | null, howToInstall: string): { available: boolean; skipNote: string } {
  if (missingReason === null) return { available: true, skipNote: '' };
  if (process.env.CI === 'true') {
    throw new Error(`${name} is required under CI=true but is missing: ${missingReason}. ${howToInstall}`);
  }
  const skipNote = `${name} missing (${missingReason}); skipped. ${howToInstall}`;
  process.stderr.write(`[kizuna tests] ${skipNote}\n`);
  return { available: false, skipNote };
}

/** `it` when available, else a skipped test whose title carries the reason. */
export function itWhen(available: boolean, skipNote: string): typeof it {
  if (available) return it;
  return ((title: string, ...rest: unknown[]) => it.skip(`${title} — ${skipNote}`, ...(rest as []))) as unknown as typeof it;
}
