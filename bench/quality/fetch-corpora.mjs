#!/usr/bin/env node
/**
 * Brings every corpus of bench/quality/corpora.json onto this machine, checked out at its pinned
 * commit, under $SEAMS_CORPORA (default: ../seams-corpora beside this repository; never inside it).
 *
 *   node bench/quality/fetch-corpora.mjs [--only name,name] [--mirror <dir>]
 *
 * Sources, in order: an existing checkout at the right commit (kept), a local mirror
 * (`--mirror <dir>` or $SEAMS_MIRROR, holding `<owner>+<name>/repo` git directories) of the
 * repository or of one of its `forks` that holds the same commit, else
 * https://github.com/<owner>/<name>.git. Only git runs here, with hooks off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const { corpora } = JSON.parse(readFileSync(path.join(here, 'corpora.json'), 'utf8'));
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const only = option('--only')?.split(',');
const mirror = option('--mirror') ?? process.env.SEAMS_MIRROR;
const into = path.resolve(process.env.SEAMS_CORPORA ?? path.join(repoRoot, '..', 'seams-corpora'));
mkdirSync(into, { recursive: true });

const safe = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'protocol.file.allow=always',
  '-c',
  'advice.detachedHead=false',
];
const git = (cwd, ...rest) =>
  execFileSync('git', [...safe, ...rest], { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim();

for (const corpus of corpora) {
  if (only && !only.includes(corpus.name)) continue;
  const dest = path.join(into, corpus.name);
  if (existsSync(path.join(dest, '.git'))) {
    let head = '';
    try {
      head = git(dest, 'rev-parse', 'HEAD');
    } catch {}
    if (head === corpus.commit) {
      console.log(`${corpus.name}: ${dest} at ${corpus.commit.slice(0, 12)}`);
      continue;
    }
    rmSync(dest, { recursive: true, force: true });
  }
  const local = (
    mirror
      ? [corpus.repo, ...(corpus.forks ?? [])].map((repo) => path.join(mirror, repo.replace('/', '+'), 'repo'))
      : []
  ).find((dir) => existsSync(dir));
  const source = local ?? `https://github.com/${corpus.repo}.git`;
  console.log(`${corpus.name}: cloning ${source} at ${corpus.commit.slice(0, 12)}`);
  git(into, 'clone', '--quiet', '--no-checkout', source, dest);
  git(dest, 'checkout', '--quiet', corpus.commit);
}
console.log(`corpora in ${into}`);
