import type { Command } from 'commander';
import { SeamsError } from '../../base/errors.js';
import type { CommandContext } from '../command-context.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { tableOptions } from '../options.js';

/** `seams export <target> [path]`: the accepted boundaries (and the baseline) as the files of another tool. */
export function exportCommand(program: Command, { io, setExit }: CommandContext): void {
  const command = program
    .command('export')
    .description(
      'write the accepted boundaries as rules for dependency-cruiser or eslint-plugin-boundaries, and the baseline as their known violations or suppressions',
    )
    .argument(
      '<target>',
      'dependency-cruiser, dependency-cruiser-known-violations, eslint-boundaries or eslint-suppressions',
    )
    .argument('[path]', 'folder of the project', '.');
  tableOptions(command, 'export').action(
    async (target: string, path: string, flags: { boundaries?: string; baseline?: string; output?: string }) => {
      const [
        { readBoundaries },
        { readBaseline },
        { EXPORT_TARGETS, exportRules },
        nodePath,
        { existsSync },
        { gatePaths },
      ] = await Promise.all([
        import('../../gate/boundaries.js'),
        import('../../gate/baseline.js'),
        import('../../gate/export-rules.js'),
        import('node:path'),
        import('node:fs'),
        import('../../config/gate-paths.js'),
      ]);
      const known = EXPORT_TARGETS.find((name) => name === target);
      if (known === undefined) {
        throw new SeamsError(
          'USAGE',
          `export target must be ${EXPORT_TARGETS.join(', ')}, got '${target}'`,
          'for example `seams export dependency-cruiser -o .dependency-cruiser.json`',
        );
      }
      const root = nodePath.resolve(io.cwd, path);
      const files = gatePaths(root, { boundaries: flags.boundaries, baseline: flags.baseline, cwd: io.cwd });
      const boundaries = readBoundaries(files.boundaries.path, files.boundaries.display, files.boundaries.root);
      const needsBaseline = known === 'dependency-cruiser-known-violations' || known === 'eslint-suppressions';
      const baseline = needsBaseline
        ? (readBaseline(files.baseline.path, files.baseline.display, files.baseline.root) ?? [])
        : [];
      const tsconfig = existsSync(nodePath.join(root, 'tsconfig.json')) ? 'tsconfig.json' : null;
      await emit(exportRules(boundaries, known, { tsconfig, baseline }), flags.output, io);
      setExit(EXIT_OK);
    },
  );
}
