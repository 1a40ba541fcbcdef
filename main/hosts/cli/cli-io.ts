/** Where the CLI writes; injected so commands can be tested without a terminal. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (Ctrl+C, SIGTERM). */
  untilInterrupted(): Promise<void>;
  /** Redraws one status line in place (a progress bar) where stderr is a terminal; ignored elsewhere. */
  status?(line: string): void;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    status: (line) => {
      if (!process.stderr.isTTY) return;
      // Carriage return and erase-to-end keep the bar on one line; an empty line clears it.
      process.stderr.write(`\r${line.slice(0, Math.max(10, (process.stderr.columns ?? 80) - 1))}\x1b[K`);
    },
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

/** Thrown by commands for failures the user can act on; main.ts prints the message and exits 1. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}
