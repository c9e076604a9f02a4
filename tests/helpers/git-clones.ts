// Git as a sync engine, on this machine only: a bare repository and clones of it, each clone's working tree a
// library folder. `sync` is what a user syncing by hand runs: commit everything, pull (a merge, never a rebase),
// push. Git runs with no global or system config (the machine's user settings cannot change what it does).
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SyncResult {
  /** Whether there was anything to commit. */
  committed: boolean;
  /** Whether the pull merged commits from another clone (a merge commit or a fast-forward). */
  pulled: boolean;
}

/** A pull that stopped on conflicting files: what git says, with the paths it could not merge. */
export class GitConflictError extends Error {
  constructor(
    readonly clone: string,
    readonly paths: string[],
    detail: string,
  ) {
    super(`git could not merge in ${clone}: ${paths.join(', ')}\n${detail}`);
  }
}

export class GitClones {
  private constructor(
    readonly origin: string,
    readonly clones: string[],
    private readonly home: string,
  ) {}

  /** A bare repository under `root` with one empty commit on main, and `count` clones of it named by `names`. */
  static async create(root: string, names: readonly string[]): Promise<GitClones> {
    const origin = path.join(root, 'origin.git');
    const home = path.join(root, 'git-home');
    await mkdir(home, { recursive: true });
    const clones = names.map((name) => path.join(root, name));
    const repos = new GitClones(origin, clones, home);
    await repos.git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    // One call per clone (git is slow to start on a loaded machine): the local settings go in with the clone.
    for (const [i, clone] of clones.entries()) {
      const settings = [`user.name=Folio test ${names[i]}`, `user.email=${names[i]}@folio.invalid`, 'pull.rebase=false', 'commit.gpgsign=false', 'core.autocrlf=false'];
      await repos.git(root, 'clone', '--quiet', ...settings.flatMap((setting) => ['-c', setting]), origin, clone);
      if (i === 0) {
        await repos.git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'An empty library');
        await repos.git(clone, 'push', '--quiet', '-u', 'origin', 'main');
      }
    }
    return repos;
  }

  async git(cwd: string, ...args: string[]): Promise<string> {
    const env = { PATH: process.env.PATH, HOME: this.home, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C', LC_ALL: 'C' };
    const { stdout } = await run('git', args, { cwd, env, maxBuffer: 64 << 20 });
    return stdout;
  }

  /** Commit everything, pull with a merge, push. Throws GitConflictError (leaving the merge as git left it) on a conflict. */
  async sync(clone: string, message: string): Promise<SyncResult> {
    await this.git(clone, 'add', '--all');
    const committed = (await this.git(clone, 'status', '--porcelain')).trim() !== '';
    if (committed) await this.git(clone, 'commit', '--quiet', '-m', message);
    const before = (await this.git(clone, 'rev-parse', 'HEAD')).trim();
    try {
      await this.git(clone, 'pull', '--quiet', '--no-rebase', '--no-edit');
    } catch (error) {
      const conflicted = (await this.git(clone, 'diff', '--name-only', '--diff-filter=U')).split('\n').filter(Boolean);
      if (conflicted.length > 0) throw new GitConflictError(path.basename(clone), conflicted, String((error as { stderr?: string }).stderr ?? error));
      throw error;
    }
    const pulled = (await this.git(clone, 'rev-parse', 'HEAD')).trim() !== before;
    await this.git(clone, 'push', '--quiet');
    return { committed, pulled };
  }

  /** Only the pull (merge) of `sync`, with whatever the working tree holds uncommitted left as it is. */
  async pull(clone: string): Promise<void> {
    await this.git(clone, 'pull', '--quiet', '--no-rebase', '--no-edit');
  }

  /** Files git tracks in a clone (what travels). */
  async trackedFiles(clone: string): Promise<string[]> {
    return (await this.git(clone, 'ls-files')).split('\n').filter(Boolean).sort();
  }
}
