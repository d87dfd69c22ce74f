import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { SeamsError } from '../base/errors.js';

/**
 * The one way seams runs git. The analysed repository is not trusted: its `.git/config` (and the
 * files it includes) and its `.gitattributes` can name programs for git to run (fsmonitor hooks,
 * signature checkers, clean/smudge filters, diff drivers, pagers, hooks, transports). Every call
 * here:
 * - runs `git` itself with an argument list, never through a shell;
 * - starts from an environment without any inherited `GIT_*` variable (no `GIT_DIR`,
 *   `GIT_CONFIG_PARAMETERS`, `GIT_EXTERNAL_DIFF`, `GIT_TRACE*`, ...), ignores the system and
 *   global git config and attributes, never prompts, never pages, takes no optional locks (so the
 *   index is never rewritten, and no index hook can fire) and ignores replace refs;
 * - overrides on the command line every key that makes the subcommands seams runs (`log`, `diff`,
 *   `ls-files`, `rev-parse`, `config`, `cat-file blob`) start a program: the fixed ones in `OVERRIDES`, and, read
 *   from the repository's own config with includes, every `filter.<driver>` (its clean, smudge and
 *   process commands emptied, not required) and every `protocol.<name>.allow` (never);
 * - callers add `--no-ext-diff --no-textconv --no-color` (and `--no-show-signature` to `log`),
 *   reject revisions that start with `-` (`checkRevision`) and put `--end-of-options` before them.
 * Aliases need nothing: git never lets an alias replace a built-in command, and only built-ins run.
 */

/** `-c` overrides on every call. An empty value resets a key; none of these names a program. */
export const OVERRIDES: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'core.attributesFile=/dev/null',
  'log.showSignature=false',
  // Files git would read (a FIFO there hangs it): the mailmap, the diff order, the excludes file.
  'log.mailmap=false',
  'mailmap.file=/dev/null',
  'mailmap.blob=',
  'diff.orderFile=/dev/null',
  'core.excludesFile=/dev/null',
  // Not executable: should anything still ask for a signature check, it fails instead of running.
  'gpg.program=/dev/null',
  'gpg.openpgp.program=/dev/null',
  'gpg.x509.program=/dev/null',
  'gpg.ssh.program=/dev/null',
  'gpg.ssh.defaultKeyCommand=',
  'credential.helper=',
  'color.ui=false',
  'submodule.recurse=false',
  'diff.ignoreSubmodules=all',
  // No transport at all (a partial clone would otherwise fetch missing objects through
  // `core.sshCommand`, a proxy command or an `ext::` remote); per-protocol keys the repository
  // sets are overridden too (see dynamicOverrides).
  'protocol.allow=never',
  ...['file', 'git', 'ssh', 'http', 'https', 'ext', 'fd'].map((name) => `protocol.${name}.allow=never`),
];

/** Revisions the user gives (`--changed-since`) must not be read as options by git. */
export function checkRevision(ref: string, option: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
  if (ref === '' || ref.startsWith('-') || /[\u0000-\u001f\u007f]/.test(ref)) {
    throw new SeamsError(
      'OPTION_INVALID',
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
      `${option} must be a git revision, got '${ref.replace(/[\u0000-\u001f\u007f]/g, '?')}'`,
      `a branch, tag or commit such as origin/main; a revision cannot start with '-'`,
    );
  }
}

export interface GitResult {
  /** Exit status, or null when git could not be started or was killed. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** git did not finish within the timeout and was killed (status is then null). */
  timedOut: boolean;
}

/** A streaming git process: its standard output, and how it ended. */
export interface GitProcess {
  stdout: Readable;
  /** Resolves once git has exited (or could not start, or was killed for being silent too long). */
  exit: Promise<GitResult>;
}

export interface Git {
  /** Runs git to completion, killing it after the timeout (see setGitTimeout). */
  run(args: readonly string[]): GitResult;
  /**
   * Starts git with standard output piped, for streaming large outputs. git is killed when it
   * writes nothing for the timeout (a long history keeps writing; a blocked git writes nothing).
   */
  spawn(args: readonly string[]): GitProcess;
}

const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * How long one git call may run (or, streaming, stay silent) before it is killed. Something in a
 * hostile `.git` (a FIFO as `.git/index`, `.git/shallow` or `.git/packed-refs`, which git opens
 * and blocks on) would otherwise hang seams forever; killed, it is a GIT_TIMEOUT error
 * (`check --changed-since`) or a diagnostic (`--git`).
 */
export const DEFAULT_GIT_TIMEOUT_MS = 120_000;
let gitTimeoutMs = initialTimeout(process.env.SEAMS_GIT_TIMEOUT_MS);

/** `SEAMS_GIT_TIMEOUT_MS` (internal: tests run the bin with a short timeout), else the default. */
function initialTimeout(value: string | undefined): number {
  const milliseconds = Number(value);
  return value !== undefined && /^\d{1,9}$/.test(value) && milliseconds > 0 ? milliseconds : DEFAULT_GIT_TIMEOUT_MS;
}

/** Sets the git timeout (internal: tests use a short one); returns a function restoring the previous one. */
export function setGitTimeout(milliseconds: number): () => void {
  const previous = gitTimeoutMs;
  gitTimeoutMs = milliseconds;
  return () => {
    gitTimeoutMs = previous;
  };
}

/** The git timeout in force, in milliseconds. */
export function gitTimeout(): number {
  return gitTimeoutMs;
}

/** The git timeout in force, for messages ("120 s"). */
export function gitTimeoutText(): string {
  return gitTimeoutMs >= 1000 ? `${Math.round(gitTimeoutMs / 1000)} s` : `${gitTimeoutMs} ms`;
}

/**
 * A git runner for a folder: reads the repository's config once (itself under the safe
 * environment, which runs nothing) to find the filter drivers and protocols to neutralise.
 * Throws GIT_FAILED when that config cannot be read (git would then run with it unneutralised).
 */
export function gitIn(cwd: string): Git {
  const base = baseEnvironment();
  const listing = runWith(cwd, ['config', '--list', '-z', '--includes'], base);
  if (listing.timedOut) throw timeoutError('git config --list');
  // Outside a repository `git config --list` lists nothing and exits 0 (system and global config
  // are off); a failure means a config git cannot parse, and every other command would fail too.
  if (listing.status === null)
    throw new SeamsError(
      'GIT_FAILED',
      `git could not be started (${firstLine(listing.stderr)})`,
      'install git and put it on PATH, or run without --git / --changed-since',
    );
  if (listing.status !== 0) {
    throw new SeamsError(
      'GIT_FAILED',
      `git cannot read the repository's config in ${cwd} (${firstLine(listing.stderr)})`,
      'fix or remove the broken .git/config, or run without --git / --changed-since',
    );
  }
  const env = withOverrides(base, dynamicOverrides(listing.stdout));
  return {
    run: (args) => runWith(cwd, args, env),
    spawn: (args) => spawnWith(cwd, args, env),
  };
}

/** GIT_TIMEOUT for a git call that was killed. */
export function timeoutError(what: string): SeamsError {
  return new SeamsError(
    'GIT_TIMEOUT',
    `${what} did not finish within ${gitTimeoutText()} and was killed (something in the repository blocks git, e.g. a FIFO in .git)`,
    'check the repository (git status in that folder should finish), or run without --git / --changed-since',
  );
}

/** First line of git's standard error, for messages. */
export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function prefix(): string[] {
  return [
    ...safeDirectories().flatMap((value) => ['-c', `safe.directory=${value}`]),
    ...OVERRIDES.flatMap((item) => ['-c', item]),
    '--no-pager',
  ];
}

function runWith(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): GitResult {
  const result = spawnSync('git', [...prefix(), ...args], {
    cwd,
    env,
    shell: false,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: MAX_BUFFER,
    timeout: gitTimeoutMs,
    killSignal: 'SIGKILL',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    status: result.error === undefined ? result.status : null,
    stdout: result.stdout ?? '',
    stderr: result.error !== undefined ? result.error.message : (result.stderr ?? ''),
    timedOut,
  };
}

function spawnWith(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): GitProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn('git', [...prefix(), ...args], {
    cwd,
    env,
    shell: false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timeout = gitTimeoutMs;
  let timedOut = false;
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
  };
  arm();
  child.stdout.on('data', arm);
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exit = new Promise<GitResult>((resolve) => {
    const done = (status: number | null, message?: string) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ status: timedOut ? null : status, stdout: '', stderr: message ?? stderr, timedOut });
    };
    child.on('error', (error) => done(null, error.message));
    child.on('close', (code) => done(code));
  });
  return { stdout: child.stdout, exit };
}

/** The inherited environment without any GIT_* variable, plus the fixed safe settings. */
function baseEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.toUpperCase().startsWith('GIT_') && name !== 'SSH_ASKPASS') env[name] = value;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_SYSTEM: '/dev/null',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1',
    GIT_PROTOCOL_FROM_USER: '0',
  };
}

/**
 * Overrides for keys whose names the repository chooses, from `git config --list -z` output
 * (`key\nvalue\0` entries; the section and variable names are lower-cased, the subsection is kept).
 * Passed as GIT_CONFIG_KEY_<n>/GIT_CONFIG_VALUE_<n> (command-line scope, like `-c`) because a
 * driver name may contain `=`, which `-c` cannot express.
 */
export function dynamicOverrides(listing: string): [string, string][] {
  const filters = new Set<string>();
  const protocols = new Set<string>();
  for (const entry of listing.split('\u0000')) {
    const key = entry.split('\n', 1)[0] ?? '';
    const first = key.indexOf('.');
    const last = key.lastIndexOf('.');
    if (first < 0 || last <= first) continue;
    const section = key.slice(0, first);
    const subsection = key.slice(first + 1, last);
    if (section === 'filter') filters.add(subsection);
    else if (section === 'protocol') protocols.add(subsection);
  }
  const overrides: [string, string][] = [];
  for (const driver of [...filters].sort()) {
    for (const variable of ['clean', 'smudge', 'process']) overrides.push([`filter.${driver}.${variable}`, '']);
    overrides.push([`filter.${driver}.required`, 'false']);
  }
  for (const name of [...protocols].sort()) overrides.push([`protocol.${name}.allow`, 'never']);
  return overrides;
}

function withOverrides(env: NodeJS.ProcessEnv, overrides: readonly [string, string][]): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env, GIT_CONFIG_COUNT: String(overrides.length) };
  overrides.forEach(([key, value], index) => {
    result[`GIT_CONFIG_KEY_${index}`] = key;
    result[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return result;
}

let trustedDirectories: string[] | undefined;

/**
 * `safe.directory` entries from the user's own system and global config (which seams otherwise
 * ignores), passed on so that a checkout owned by another user (a CI container) still works.
 * Read outside any repository; reading config runs nothing.
 */
function safeDirectories(): string[] {
  if (trustedDirectories !== undefined) return trustedDirectories;
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      !name.toUpperCase().startsWith('GIT_') ||
      name === 'GIT_CONFIG_GLOBAL' ||
      name === 'GIT_CONFIG_SYSTEM' ||
      name === 'GIT_CONFIG_NOSYSTEM'
    )
      env[name] = value;
  }
  trustedDirectories = ['--system', '--global'].flatMap((scope) => {
    const result = spawnSync('git', ['config', scope, '--includes', '-z', '--get-all', 'safe.directory'], {
      cwd: '/',
      env,
      shell: false,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return result.status === 0 ? (result.stdout ?? '').split('\u0000').filter((value) => value !== '') : [];
  });
  return trustedDirectories;
}
