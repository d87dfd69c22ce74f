import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeStamp } from '../../src/extract/tree-stamp.js';
import { tempProject } from '../helpers.js';

describe('treeStamp: what can change an unchanged file resolution', () => {
  it('changes with entries, kinds, links, manifests and installs; not with source edits or the cache folder', () => {
    const root = tempProject({
      'package.json': '{"name":"a"}',
      'src/a.ts': 'export const a = 1;\n',
      'node_modules/.package-lock.json': '{}',
    });
    const cache = path.join(root, '.seams-cache');
    const stamp = () => treeStamp(root, cache);
    const seen = new Set<string>([stamp()]);
    const changes = (step: string, change: () => void) => {
      change();
      const next = stamp();
      expect(seen.has(next), step).toBe(false);
      seen.add(next);
    };
    const same = (step: string, change: () => void) => {
      const before = stamp();
      change();
      expect(stamp(), step).toBe(before);
    };
    same('a source file edited', () => writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 2;\n'));
    same('the cache folder created and written', () => {
      mkdirSync(cache);
      writeFileSync(path.join(cache, 'extract.json'), '{}');
    });
    changes('a file added', () => writeFileSync(path.join(root, 'src/b.ts'), ''));
    changes('an asset added', () => writeFileSync(path.join(root, 'src/logo.svg'), '<svg/>'));
    changes('a folder added', () => mkdirSync(path.join(root, 'src/c')));
    changes('a link added', () => symlinkSync('a.ts', path.join(root, 'src/d.ts')));
    changes('the link pointed elsewhere', () => {
      rmSync(path.join(root, 'src/d.ts'));
      symlinkSync('b.ts', path.join(root, 'src/d.ts'));
    });
    changes('a file replaced by a FIFO', () => {
      rmSync(path.join(root, 'src/b.ts'));
      execFileSync('mkfifo', [path.join(root, 'src/b.ts')]);
    });
    changes('package.json edited', () =>
      writeFileSync(path.join(root, 'package.json'), '{"name":"a","dependencies":{"x":"1"}}'),
    );
    changes('a package installed', () => mkdirSync(path.join(root, 'node_modules/x')));
    changes('the install record rewritten', () =>
      writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{"packages":{}}'),
    );
    changes('a file removed', () => rmSync(path.join(root, 'src/logo.svg')));
  });
});
