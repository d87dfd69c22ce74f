import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { check } from '../../src/check.js';
import { readHistory, sinceForGit } from '../../src/extract/read-history.js';
import { dynamicOverrides, setGitTimeout } from '../../src/extract/run-git.js';
import { tempProject } from '../helpers.js';
import { runCli } from '../run-cli.js';

const cli = runCli;

/** git for building the fixture: none of the user's or the system's config, nothing hostile yet. */
function git(root: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GIT_')) env[name] = value;
  return execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgSign=false', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    },
  );
}

const boundaries = JSON.stringify({
  version: 1,
  services: {
    billing: { modules: ['src/billing/**'], entryPoints: ['src/billing/index.ts'], allow: ['shared'] },
    orders: { modules: ['src/orders/**'], allow: ['billing', 'shared'] },
    shared: { modules: ['src/shared/**'] },
  },
});

/**
 * A repository whose .git/config (and a file it includes) names, for every key that can make git
 * start a program, a script that leaves a marker file named after the key, with .gitattributes
 * putting every source file under those filter and diff drivers. HEAD is a signed commit, the
 * working tree has a touched (stat-dirty), a modified and an untracked file.
 */
function hostileRepository() {
  const root = tempProject({
    'src/shared/log.ts': 'export const log = (message: string) => message;\n',
    'src/billing/index.ts': "export { charge } from './charge';\n",
    'src/billing/charge.ts':
      "import { log } from '../shared/log';\nexport const charge = (amount: number) => log(String(amount));\n",
    'src/orders/order.ts': "import { charge } from '../billing';\nexport const place = () => charge(1);\n",
    'src/orders/cart.ts': "import { place } from './order';\nexport const cart = () => place();\n",
    'seams.boundaries.json': boundaries,
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
  for (let round = 1; round <= 3; round++) {
    // order.ts and cart.ts change together: change coupling.
    writeFileSync(
      path.join(root, 'src/orders/order.ts'),
      `import { charge } from '../billing';\nexport const place = () => charge(${round});\n`,
    );
    writeFileSync(
      path.join(root, 'src/orders/cart.ts'),
      `import { place } from './order';\nexport const cart = () => place() + ${round};\n`,
    );
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', `round ${round}`);
  }
  // HEAD becomes a signed commit (a gpgsig header), so that log.showSignature has something to check.
  const head = git(root, 'cat-file', 'commit', 'HEAD');
  const signature = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n';
  const signed = head.replace(/^(committer .*\n)/m, `$1${signature}`);
  const file = path.join(root, '.git', 'signed-commit');
  writeFileSync(file, signed);
  git(root, 'update-ref', 'HEAD', git(root, 'hash-object', '-t', 'commit', '-w', file).trim());

  const evil = mkdtempSync(path.join(tmpdir(), 'seams-evil-'));
  const markers = path.join(evil, 'markers');
  mkdirSync(markers);
  /** A script that leaves markers/<name> and passes its input through (as a filter would). */
  const script = (name: string) => {
    const file = path.join(evil, `${name}.sh`);
    writeFileSync(file, `#!/bin/sh\necho "$0 $*" > '${path.join(markers, name)}'\ncat\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const hooks = path.join(evil, 'hooks');
  mkdirSync(hooks);
  for (const hook of [
    'post-index-change',
    'reference-transaction',
    'post-checkout',
    'pre-commit',
    'fsmonitor-watchman',
  ]) {
    writeFileSync(path.join(hooks, hook), `#!/bin/sh\ntouch '${path.join(markers, `hook-${hook}`)}'\n`);
    chmodSync(path.join(hooks, hook), 0o755);
  }
  const included = path.join(evil, 'included.gitconfig');
  writeFileSync(
    included,
    [
      '[filter "included"]',
      `\tclean = ${script('included-filter-clean')}`,
      `\tsmudge = ${script('included-filter-smudge')}`,
      '[core]',
      `\tfsmonitor = ${script('included-fsmonitor')}`,
      '',
    ].join('\n'),
  );
  // Files git would read: a FIFO hangs whoever opens it.
  const fifo = path.join(evil, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const config = [
    '[core]',
    `\tfsmonitor = ${script('fsmonitor')}`,
    `\thooksPath = ${hooks}`,
    `\tpager = ${script('pager')}`,
    `\tsshCommand = ${script('ssh')}`,
    `\taskPass = ${script('askpass')}`,
    `\talternateRefsCommand = ${script('alternate-refs')}`,
    '\tuntrackedCache = true',
    `\texcludesFile = ${fifo}`,
    '[mailmap]',
    `\tfile = ${fifo}`,
    '[log]',
    '\tshowSignature = true',
    '[gpg]',
    `\tprogram = ${script('gpg')}`,
    '[gpg "ssh"]',
    `\tprogram = ${script('gpg-ssh')}`,
    '[filter "evil"]',
    `\tclean = ${script('filter-clean')}`,
    `\tsmudge = ${script('filter-smudge')}`,
    '\trequired = true',
    '[filter "eq=uals"]',
    `\tclean = ${script('filter-equals-clean')}`,
    '[filter "proc"]',
    `\tprocess = ${script('filter-process')}`,
    '[diff]',
    `\texternal = ${script('diff-external')}`,
    `\torderFile = ${fifo}`,
    '[diff "evil"]',
    `\tcommand = ${script('diff-command')}`,
    `\ttextconv = ${script('diff-textconv')}`,
    '[pager]',
    `\tlog = ${script('pager-log')}`,
    `\tdiff = ${script('pager-diff')}`,
    '[alias]',
    `\tlog = !${script('alias-log')}`,
    `\tdiff = !${script('alias-diff')}`,
    '[credential]',
    `\thelper = ${script('credential')}`,
    '[uploadpack]',
    `\tpackObjectsHook = ${script('pack-objects-hook')}`,
    '[include]',
    `\tpath = ${included}`,
    '',
  ].join('\n');
  writeFileSync(path.join(root, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n\tbare = false\n${config}`);
  // Not committed: the attributes act from the working tree.
  writeFileSync(
    path.join(root, '.gitattributes'),
    '*.ts filter=evil diff=evil\nsrc/shared/*.ts filter=included\nsrc/orders/cart.ts filter=eq=uals\n*.json filter=proc diff=evil\n',
  );
  // Working tree: charge.ts touched (same content, another mtime: git must read it to compare),
  // order.ts modified, refund.ts new.
  utimesSync(
    path.join(root, 'src/billing/charge.ts'),
    new Date('2001-01-01T00:00:00Z'),
    new Date('2001-01-01T00:00:00Z'),
  );
  utimesSync(path.join(root, 'src/shared/log.ts'), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
  utimesSync(
    path.join(root, 'seams.boundaries.json'),
    new Date('2001-01-01T00:00:00Z'),
    new Date('2001-01-01T00:00:00Z'),
  );
  writeFileSync(
    path.join(root, 'src/orders/order.ts'),
    "import { charge } from '../billing/charge';\nexport const place = () => charge(9);\n",
  );
  writeFileSync(
    path.join(root, 'src/orders/refund.ts'),
    "import { charge } from '../billing/charge';\nexport const refund = () => charge(-1);\n",
  );
  return { root, markers };
}

describe('hostile input: the analysed repository configures git to run programs', () => {
  it('analyze --git reads the history and runs nothing the repository names', async () => {
    const { root, markers } = hostileRepository();
    const analysis = await analyze({ path: root, git: true, cache: false });
    expect(readdirSync(markers)).toEqual([]);
    expect(analysis.clustering.history).toEqual({ commits: 4, skippedCommits: 0, pairs: 1 });
    expect(analysis.clustering.signals.find((signal) => signal.name === 'change')?.pairs).toBeGreaterThan(0);
    const modules = new Set(analysis.graph.modules.map((module) => module.id));
    expect(await readHistory(root, modules, { since: null, maxFilesPerCommit: 30 })).toMatchObject({
      commits: 4,
      pairs: [{ a: 'src/orders/cart.ts', b: 'src/orders/order.ts', count: 3 }],
    });
    const run = await cli(['analyze', '.', '--git', '--format', 'json', '--no-cache'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).clustering.history).toEqual({ commits: 4, skippedCommits: 0, pairs: 1 });
    expect(readdirSync(markers)).toEqual([]);
  });

  it('the analysed repository turning git on itself ("git": {"enabled": true} in its seams.config.json) runs nothing either', async () => {
    const { root, markers } = hostileRepository();
    writeFileSync(path.join(root, 'seams.config.json'), JSON.stringify({ git: { enabled: true } }));
    const run = await cli(['analyze', '.', '--format', 'json', '--no-cache'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).clustering.history).toEqual({ commits: 4, skippedCommits: 0, pairs: 1 });
    expect(readdirSync(markers)).toEqual([]);
  });

  it('check --changed-since lists the changed files and runs nothing the repository names', async () => {
    const { root, markers } = hostileRepository();
    const outcome = await check({ path: root, changedSince: 'HEAD~1' });
    expect(readdirSync(markers)).toEqual([]);
    // Changed since HEAD~1: order.ts and cart.ts (HEAD), order.ts (working tree), refund.ts (new).
    expect(outcome.result.checkedModules).toBe(3);
    expect(outcome.result.newViolations.map((item) => `${item.rule} ${item.file}`)).toEqual([
      'entry-point-bypassed src/orders/order.ts',
      'entry-point-bypassed src/orders/refund.ts',
    ]);
    const run = await cli(['check', '.', '--changed-since', 'HEAD~1'], root);
    expect(run.code).toBe(1);
    expect(readdirSync(markers)).toEqual([]);
  });

  it('a --changed-since that starts with - is a coded error and git does not run', async () => {
    const { root, markers } = hostileRepository();
    for (const ref of ['--output=out.txt', '-p', '--exec=touch out.txt']) {
      const run = await cli(['check', '.', `--changed-since=${ref}`], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error \[OPTION_INVALID\] --changed-since must be a git revision, got '-/);
    }
    expect(existsSync(path.join(root, 'out.txt'))).toBe(false);
    expect(readdirSync(markers)).toEqual([]);
  });

  it('the bin exits 2 on --changed-since=--output=out.txt and no file appears', () => {
    const { root } = hostileRepository();
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.resolve('bin/seams.js'), 'check', '.', '--changed-since=--output=out.txt'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error \[OPTION_INVALID\]/);
    expect(existsSync(path.join(root, 'out.txt'))).toBe(false);
  });

  it('driver names that -c cannot spell are overridden too', () => {
    const listing = [
      'filter.eq=uals.clean\n/evil',
      'filter.a.b.process\n/evil',
      'protocol.ext.allow\nalways',
      'core.fsmonitor\n/evil',
      'filter.flag',
      '',
    ].join('\u0000');
    expect(dynamicOverrides(listing)).toEqual([
      ['filter.a.b.clean', ''],
      ['filter.a.b.smudge', ''],
      ['filter.a.b.process', ''],
      ['filter.a.b.required', 'false'],
      ['filter.eq=uals.clean', ''],
      ['filter.eq=uals.smudge', ''],
      ['filter.eq=uals.process', ''],
      ['filter.eq=uals.required', 'false'],
      ['protocol.ext.allow', 'never'],
    ]);
  });
});

describe('--since', () => {
  it('accepts the documented forms', () => {
    expect(sinceForGit('2024-01-31')).toBe('2024-01-31 00:00:00');
    expect(sinceForGit('2024-01-31 12:30')).toBe('2024-01-31 12:30');
    expect(sinceForGit('2024-01-31T12:30:05Z')).toBe('2024-01-31T12:30:05Z');
    expect(sinceForGit('2024-01-31T12:30:05+02:00')).toBe('2024-01-31T12:30:05+02:00');
    expect(sinceForGit('1 year ago')).toBe('1 year ago');
    expect(sinceForGit('6.months.ago')).toBe('6.months.ago');
    expect(sinceForGit(' 2 Weeks Ago ')).toBe('2 Weeks Ago');
  });

  it('a date git cannot read is OPTION_INVALID, not zero commits', async () => {
    for (const since of [
      'garbage',
      'last tuesday-ish',
      '2024-13-01',
      '2024-02-30',
      '2024-01-01T25:00',
      '2999-01-01',
      '1969-12-31',
      '-1',
      '--output=x',
      '',
    ]) {
      expect(() => sinceForGit(since), since).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
    }
    const { root, markers } = hostileRepository();
    const run = await cli(['analyze', '.', '--git', '--since', 'garbage', '--no-cache'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[OPTION_INVALID\] --since must be a date git reads unambiguously, got 'garbage'/,
    );
    const all = await readHistory(root, new Set(['src/orders/order.ts', 'src/orders/cart.ts']), {
      since: '2000-01-01',
      maxFilesPerCommit: 30,
    });
    expect(all?.commits).toBe(4);
    const none = await readHistory(root, new Set(['src/orders/order.ts', 'src/orders/cart.ts']), {
      since: '2099-01-01',
      maxFilesPerCommit: 30,
    });
    expect(none?.commits).toBe(0);
    expect(readdirSync(markers)).toEqual([]);
  });
});

/**
 * The bin in a child process, asynchronously and killed after `killAfter` ms: a seams that hangs
 * fails the test instead of blocking the test worker (a synchronous git call would block it).
 */
function bin(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  killAfter = 30_000,
): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.resolve('bin/seams.js'), ...args],
      { cwd, encoding: 'utf8', timeout: killAfter, killSignal: 'SIGKILL', env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null,
          stdout,
          stderr,
          killed: failure?.killed === true,
        });
      },
    );
  });
}

/**
 * A plain repository: HEAD~1 and HEAD commits, then in the working tree every tracked file touched
 * (git must read it to know whether it changed, and so its attributes), order.ts modified and
 * refund.ts new. The boundaries make each of these two an entry-point bypass.
 */
function plainRepository() {
  const root = tempProject({
    'src/shared/log.ts': 'export const log = (message: string) => message;\n',
    'src/billing/index.ts': "export { charge } from './charge';\n",
    'src/billing/charge.ts':
      "import { log } from '../shared/log';\nexport const charge = (amount: number) => log(String(amount));\n",
    'src/orders/order.ts': "import { charge } from '../billing';\nexport const place = () => charge(1);\n",
    'seams.boundaries.json': boundaries,
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'start');
  writeFileSync(path.join(root, 'src/shared/log.ts'), 'export const log = (message: string) => String(message);\n');
  git(root, 'commit', '-q', '-a', '-m', 'log');
  for (const file of ['src/shared/log.ts', 'src/billing/index.ts', 'src/billing/charge.ts', 'seams.boundaries.json'])
    utimesSync(path.join(root, file), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'));
  writeFileSync(
    path.join(root, 'src/orders/order.ts'),
    "import { charge } from '../billing/charge';\nexport const place = () => charge(9);\n",
  );
  writeFileSync(
    path.join(root, 'src/orders/refund.ts'),
    "import { charge } from '../billing/charge';\nexport const refund = () => charge(-1);\n",
  );
  return root;
}

describe('hostile input: attribute files git would block on', () => {
  const cases: [string, (root: string) => void][] = [
    ['a FIFO .gitattributes', (root) => execFileSync('mkfifo', [path.join(root, '.gitattributes')])],
    [
      'a FIFO .git/info/attributes',
      (root) => {
        mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
        execFileSync('mkfifo', [path.join(root, '.git', 'info', 'attributes')]);
      },
    ],
    [
      'a FIFO src/billing/.gitattributes',
      (root) => execFileSync('mkfifo', [path.join(root, 'src', 'billing', '.gitattributes')]),
    ],
    ['.gitattributes linked to /dev/zero', (root) => symlinkSync('/dev/zero', path.join(root, '.gitattributes'))],
    [
      '.git/info/attributes linked to /dev/zero',
      (root) => {
        mkdirSync(path.join(root, '.git', 'info'), { recursive: true });
        symlinkSync('/dev/zero', path.join(root, '.git', 'info', 'attributes'));
      },
    ],
    [
      '.gitattributes linked to a FIFO',
      (root) => {
        execFileSync('mkfifo', [path.join(root, 'pipe')]);
        symlinkSync('pipe', path.join(root, '.gitattributes'));
      },
    ],
  ];
  for (const [name, plant] of cases) {
    it(`check --changed-since finishes with the right files under ${name}`, async () => {
      const root = plainRepository();
      plant(root);
      // The git timeout is long here: the run must finish because git never opens the file, not
      // because git was killed (that would be exit 2, GIT_TIMEOUT).
      const run = await bin(
        ['check', '.', '--changed-since', 'HEAD~1', '--format', 'json'],
        root,
        { SEAMS_GIT_TIMEOUT_MS: '60000' },
        20_000,
      );
      expect(run.killed).toBe(false);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const result = JSON.parse(run.stdout) as {
        checkedModules: number;
        newViolations: { rule: string; file: string }[];
      };
      // Changed since HEAD~1: log.ts (committed), order.ts (modified), refund.ts (new); the touched files are not.
      expect(result.checkedModules).toBe(3);
      expect(result.newViolations.map((item) => `${item.rule} ${item.file}`)).toEqual([
        'entry-point-bypassed src/orders/order.ts',
        'entry-point-bypassed src/orders/refund.ts',
      ]);
    }, 30_000);
  }

  it('seams compares the working tree itself: a file whose only change is CRLF line ends is unchanged (as with text attributes), a modified one is changed', async () => {
    const root = plainRepository();
    writeFileSync(
      path.join(root, 'src/billing/charge.ts'),
      "import { log } from '../shared/log';\r\nexport const charge = (amount: number) => log(String(amount));\r\n",
    );
    writeFileSync(
      path.join(root, 'src/billing/index.ts'),
      "export { charge } from './charge';\nexport const extra = 1;\n",
    );
    const outcome = await check({ path: root, changedSince: 'HEAD~1' });
    // log.ts, order.ts, refund.ts and the modified index.ts; not charge.ts.
    expect(outcome.result.checkedModules).toBe(4);
  });
});

describe('hostile input: a .git that blocks git itself', () => {
  it('check --changed-since with a FIFO as .git/index is GIT_TIMEOUT (exit 2), not a hang', async () => {
    const root = plainRepository();
    renameSync(path.join(root, '.git', 'index'), path.join(root, '.git', 'index.saved'));
    execFileSync('mkfifo', [path.join(root, '.git', 'index')]);
    const started = Date.now();
    const run = await bin(['check', '.', '--changed-since', 'HEAD~1'], root, { SEAMS_GIT_TIMEOUT_MS: '1500' }, 20_000);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error \[GIT_TIMEOUT\] --changed-since HEAD~1: git (diff|ls-files) did not finish within 2 s and was killed \(something in the repository blocks git, e\.g\. a FIFO in \.git\)\nhint: /,
    );
    expect(run.stderr.split('\n').filter((line) => line !== '')).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The same repository with its index back is checked normally.
    rmSync(path.join(root, '.git', 'index'));
    renameSync(path.join(root, '.git', 'index.saved'), path.join(root, '.git', 'index'));
    expect(
      (await bin(['check', '.', '--changed-since', 'HEAD~1'], root, { SEAMS_GIT_TIMEOUT_MS: '60000' }, 20_000)).code,
    ).toBe(1);
  }, 40_000);

  it('analyze --git with a FIFO as .git/shallow gives a GIT_TIMEOUT diagnostic and no history, not a hang', async () => {
    const root = plainRepository();
    execFileSync('mkfifo', [path.join(root, '.git', 'shallow')]);
    const restore = setGitTimeout(1000);
    try {
      const run = await cli(['analyze', '.', '--git', '--format', 'json', '--no-cache'], root);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        clustering: { history: unknown };
        diagnostics: { code: string; message: string }[];
      };
      expect(report.clustering.history).toBeNull();
      expect(report.diagnostics.filter((item) => item.code.startsWith('GIT_'))).toEqual([
        {
          code: 'GIT_TIMEOUT',
          message:
            '--git: git log did not finish (silent for 1 s) and was killed, so change coupling is off; something in the repository blocks git (e.g. a FIFO in .git)',
        },
      ]);
      // Without the FIFO the same repository has a history.
      rmSync(path.join(root, '.git', 'shallow'));
      const again = await cli(['analyze', '.', '--git', '--format', 'json', '--no-cache'], root);
      expect(JSON.parse(again.stdout).clustering.history).toEqual({ commits: 2, skippedCommits: 0, pairs: 0 });
    } finally {
      restore();
    }
  }, 30_000);
});
