import type { Analysis } from '../analysis.js';
import type { AnalysisFlags } from './options.js';
import { chooseFormat } from './options.js';
import type { CliIo } from './io.js';

/** Writes text to standard output (in batches) or, with --output, to a file. */
export async function emit(text: string | Iterable<string>, output: string | undefined, io: CliIo): Promise<void> {
  if (output === undefined) {
    const { batchChunks } = await import('../base/batch-chunks.js');
    // Each piece waits for the pipe to take the last (a pipe's writes are queued in memory otherwise).
    // Pieces of 32K characters stay in V8's young generation, collected as they go; megabyte strings
    // would pile up in its large-object space until a full collection (peak RSS at 20,000 files).
    for (const chunk of typeof text === 'string' ? [text] : batchChunks(text, 1 << 15)) await io.stdout(chunk);
    return;
  }
  const { writeOutput } = await import('./write-output.js');
  writeOutput(output, text, io.cwd);
}

/** Renders an analysis in the format the flags ask for (or the --output extension names) and emits it. */
export async function emitReport(
  analysis: Analysis,
  flags: Pick<AnalysisFlags, 'format' | 'output' | 'level'>,
  io: CliIo,
): Promise<void> {
  const { renderChunks } = await import('../report/render.js');
  const format = chooseFormat(flags.format, flags.output);
  await emit(renderChunks(analysis, format, { level: flags.level ?? 'service' }), flags.output, io);
}
