/**
 * Child processes for the Electron scripts (start.mjs, native-electron.mjs): every one has a time limit,
 * so a stalled download or a hung compiler ends with a message instead of a terminal that never returns.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * Runs a command with its output appended to `logFile` (compilers are noisy; the user sees one line and
 * the log on failure). Resolves with { code, timedOut }; never rejects.
 */
export function runLogged(command, args, { cwd, env, logFile, timeoutMs }) {
  const fd = openSync(logFile, 'a');
  return runChild(command, args, { cwd, env, timeoutMs, stdio: ['ignore', fd, fd] }).finally(() => closeSync(fd));
}

/** Runs a command and collects what it printed. Resolves with { code, timedOut, stdout, stderr }. */
export function runCaptured(command, args, { cwd, env, timeoutMs }) {
  return runChild(command, args, { cwd, env, timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}

function runChild(command, args, { cwd, env, timeoutMs, stdio }) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      // Same process group as ours, so Ctrl+C in the terminal also stops a compiler the child started.
      child = spawn(command, args, { cwd, env, stdio, windowsHide: true });
    } catch (error) {
      resolve({ code: -1, timedOut: false, stdout, stderr: String(error?.message ?? error) });
      return;
    }
    child.stdout?.on('data', (data) => (stdout += data));
    child.stderr?.on('data', (data) => (stderr += data));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, timedOut, stdout, stderr: stderr + String(error.message) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), timedOut, stdout, stderr });
    });
  });
}

export function tailOf(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
