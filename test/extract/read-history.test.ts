import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeEdges } from '../../src/cluster/change-edges.js';
import { readHistory } from '../../src/extract/read-history.js';
import { tempProject } from '../helpers.js';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'ignore' });
}

function commit(root: string, files: string[], message: string): void {
  for (const file of files) writeFileSync(path.join(root, file), `// ${message}\n`);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
}

describe('readHistory', () => {
  it('counts co-changes in one pass, skips bulk commits and pairs seen once', async () => {
    const root = tempProject({ 'a.ts': '', 'b.ts': '', 'c.ts': '', 'd.ts': '', 'notes.md': '' });
    git(root, 'init', '-q');
    commit(root, ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'notes.md'], 'initial bulk');
    commit(root, ['a.ts', 'b.ts'], 'one');
    commit(root, ['a.ts', 'b.ts', 'notes.md'], 'two');
    commit(root, ['a.ts', 'c.ts'], 'three');
    commit(root, ['c.ts'], 'four');
    const modules = new Set(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
    const history = await readHistory(root, modules, { since: null, maxFilesPerCommit: 3 });
    expect(history).toEqual({
      commits: 5,
      skippedCommits: 1,
      changes: { 'a.ts': 3, 'b.ts': 2, 'c.ts': 2 },
      pairs: [{ a: 'a.ts', b: 'b.ts', count: 2 }],
    });
    // cosine: 2 / sqrt(3 * 2)
    expect(changeEdges(history as NonNullable<typeof history>)).toEqual([
      { source: 'a.ts', target: 'b.ts', weight: 2 / Math.sqrt(6) },
    ]);
  });

  it('resolves to null outside a git repository', async () => {
    expect(
      await readHistory(tempProject({ 'a.ts': '' }), new Set(['a.ts']), { since: null, maxFilesPerCommit: 30 }),
    ).toBeNull();
  });
});
