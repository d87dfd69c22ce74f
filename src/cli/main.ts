/**
 * The seams command line: declares the program and its commands, runs one, and turns errors into
 * a coded message and exit code 2. Each command lives in commands/ and loads the heavy modules
 * (the pipeline, the reporters) only when it runs, so `seams --help` is instant.
 */
import { Command, CommanderError } from 'commander';
import { SeamsError } from '../base/errors.js';
import { VERSION } from '../base/version.js';
import type { CommandContext } from './command-context.js';
import { analyzeCommand } from './commands/analyze.js';
import { checkCommand } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { formatError } from './print-error.js';

export { EXIT_ERROR, EXIT_GATE_FAILED, EXIT_OK } from './exit-codes.js';

/** Runs the CLI on user arguments (without `node seams`) and returns the exit code. */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const debug = args.includes('--debug');
  let exitCode = EXIT_OK;
  const program = buildProgram({
    io,
    setExit: (code) => {
      exitCode = code;
    },
  });
  if (args.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT_OK;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK;
      io.stderr(
        formatError(
          new SeamsError(
            'USAGE',
            error.message.replace(/^error: /, ''),
            'run `seams --help` for the commands and options',
          ),
          debug,
        ),
      );
      return EXIT_ERROR;
    }
    io.stderr(formatError(error, debug));
    return EXIT_ERROR;
  }
}

/** The program with every command, in the order `seams --help` lists them. */
function buildProgram(context: CommandContext): Command {
  const program = new Command('seams')
    .description(
      'Find the seams in a TypeScript monolith: module graph, candidate services, coupling metrics and an extraction plan.',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);
  for (const declare of [analyzeCommand, checkCommand, initCommand, reportCommand, exportCommand])
    declare(program, context);
  return program;
}
