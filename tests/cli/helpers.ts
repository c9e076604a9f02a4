// Running the CLI in tests: in-process with captured streams (fast), or as a real child process (for crash rules in
// FOLIO_TEST_FAULTS, another user id, or to prove what reaches stdout).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../electron/cli.js';
import { ROOT } from '../helpers/tree.js';
import '../helpers/local-state.js';

/** The search index cache goes to a scratch folder, not the user's real cache folder (removed by the caller). */
export const CACHE_DIR = path.join(os.tmpdir(), `folio-cli-test-cache-${process.pid}`);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function folio(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => stdin,
    env: { FOLIO_CACHE_DIR: CACHE_DIR },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

export interface SpawnOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (needs root). */
  as?: { uid: number; gid: number };
}

/** `tsx electron/cli.ts …` in a child process; `code` is -1 when it was killed (e.g. by a crash rule). */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<Run & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, FOLIO_LIBRARY: '', FOLIO_CACHE_DIR: CACHE_DIR, ...options.env },
      ...(options.as ?? {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** stderr as lines (without the trailing empty one). */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}
