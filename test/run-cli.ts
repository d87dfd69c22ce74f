import { main } from '../src/cli/main.js';

/** Runs the CLI in process, as `seams <args>` in `cwd`, and collects what it prints and its exit code. */
export async function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}
