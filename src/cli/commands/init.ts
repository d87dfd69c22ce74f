import type { Command } from 'commander';
import { SeamsError } from '../../base/errors.js';
import type { CommandContext } from '../command-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { type ProjectFlags, projectSettings, tableOptions } from '../options.js';

/** `seams init [path]`: write seams.boundaries.json and seams.baseline.json from the current analysis. */
export function initCommand(program: Command, { io, setExit }: CommandContext): void {
  tableOptions(
    program
      .command('init')
      .description(
        'write seams.boundaries.json (and seams.baseline.json) into the project from the current analysis, ready to edit',
      )
      .argument('[path]', 'folder of the project', '.'),
    'init',
  ).action(async (path: string, flags: ProjectFlags & { force?: boolean; output?: string; quiet?: boolean }) => {
    const [
      { analyze },
      { initBoundaries },
      { writeOutput },
      { existsSync },
      nodePath,
      { gatePaths },
      { progressDisplay, drawsProgress },
    ] = await Promise.all([
      import('../../analyze.js'),
      import('../../gate/init-boundaries.js'),
      import('../write-output.js'),
      import('node:fs'),
      import('node:path'),
      import('../../config/gate-paths.js'),
      import('../progress.js'),
    ]);
    // The analysis behind init shows the same progress as analyze, on a terminal, unless --quiet.
    const progress = progressDisplay(io.stderr, drawsProgress(io, flags.quiet));
    const analysis = await analyze({ ...projectSettings(path, flags, io), onProgress: progress.listen }).finally(
      progress.done,
    );
    const root = nodePath.resolve(io.cwd, path);
    if (flags.output === '-')
      throw new SeamsError(
        'OPTION_INVALID',
        '`seams init -o -`: init writes two files and cannot write them to standard output',
        'pass a file for the boundaries (-o config/boundaries.json), or leave -o out for <path>/seams.boundaries.json',
      );
    // -o names the boundaries file; the baseline goes to its default place, where check looks for it.
    const located = gatePaths(root, { boundaries: flags.output, cwd: io.cwd });
    const files = { boundaries: located.boundaries.path, baseline: located.baseline.path };
    if (!flags.force && existsSync(files.boundaries)) {
      throw new SeamsError(
        'OUTPUT_EXISTS',
        `${located.boundaries.display} already exists`,
        'edit it, or run `seams init --force` to overwrite it',
      );
    }
    const written = initBoundaries(analysis);
    writeOutput(files.boundaries, written.boundariesText, io.cwd);
    writeOutput(files.baseline, written.baselineText, io.cwd);
    io.stdout(
      `wrote ${nodePath.relative(io.cwd, files.boundaries)} (${Object.keys(written.boundaries.services).length} services) and ${nodePath.relative(io.cwd, files.baseline)} (${written.baselineEntries} accepted violations)\n`,
    );
    setExit(EXIT_OK);
  });
}
