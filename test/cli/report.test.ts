import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progressDisplay } from '../../src/cli/progress.js';
import { chooseFormat } from '../../src/cli/options.js';
import { REPO, fixture, tempProject } from '../helpers.js';

async function run(args: string[], options: { cwd?: string; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd ?? process.cwd(),
    stderrIsTTY: options.tty,
  });
  return { code, stdout, stderr };
}

describe('seams report and the report formats', () => {
  it('writes the format the --output extension names, and text without one', () => {
    expect(chooseFormat(undefined, 'out/report.html')).toBe('html');
    expect(chooseFormat(undefined, 'REPORT.MD')).toBe('markdown');
    expect(chooseFormat(undefined, 'graph.dot')).toBe('dot');
    expect(chooseFormat(undefined, 'graph.mmd')).toBe('mermaid');
    expect(chooseFormat(undefined, 'report.json')).toBe('json');
    expect(chooseFormat(undefined, 'report.out')).toBe('text');
    expect(chooseFormat(undefined, undefined)).toBe('text');
    expect(chooseFormat('markdown', 'report.html')).toBe('markdown');
  });

  it('analyses a path and writes one self-contained HTML file, the same as analyze --format html', async () => {
    const folder = tempProject({});
    const result = await run(['report', fixture('plan-shop'), '--output', 'report.html', '--no-cache'], {
      cwd: folder,
    });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(path.join(folder, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
    const direct = await run(['analyze', fixture('plan-shop'), '--format', 'html', '--no-cache']);
    expect(direct.stdout).toBe(html);
  });

  it('re-renders a saved analysis in every format, byte-identical to analysing again', async () => {
    const folder = tempProject({});
    expect(
      (
        await run(['analyze', fixture('plan-shop'), '--format', 'analysis', '-o', 'analysis.json', '--no-cache'], {
          cwd: folder,
        })
      ).code,
    ).toBe(0);
    for (const format of ['text', 'json', 'html', 'markdown', 'dot', 'mermaid']) {
      const saved = await run(['report', '--from', 'analysis.json', '--format', format], { cwd: folder });
      const fresh = await run(['analyze', fixture('plan-shop'), '--format', format, '--no-cache']);
      expect(saved.code, format).toBe(0);
      expect(saved.stdout, format).toBe(fresh.stdout);
    }
    const modules = await run(['report', '--from', 'analysis.json', '--format', 'mermaid', '--level', 'module'], {
      cwd: folder,
    });
    expect(modules.stdout).toContain('subgraph');
  });

  it('rejects --level module outside dot and mermaid, and a path together with --from, with exit 2', async () => {
    const level = await run(['analyze', fixture('plan-shop'), '--format', 'json', '--level', 'module', '--no-cache']);
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(
      /^error \[OPTION_INVALID\] --level module applies to --format dot or mermaid, not json\n/,
    );
    const both = await run(['report', fixture('plan-shop'), '--from', 'analysis.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error \[USAGE\] give a project path or --from <analysis.json>, not both\n/);
  });
});

describe('progress display', () => {
  it('draws the stage and files parsed on a terminal, erases itself, and never writes to standard output', async () => {
    const shown = await run(['analyze', fixture('plan-shop'), '--format', 'json', '--no-cache'], { tty: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('seams: loading the project…');
    expect(shown.stderr).toMatch(/seams: parsing \[#{20}\] 18\/18 files/);
    expect(shown.stderr).toMatch(/seams: resolving imports of \[#{20}\] 18\/18 files/);
    expect(shown.stderr).toContain('seams: planning the extraction…');
    expect(shown.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(shown.stdout).not.toContain('seams:');
    JSON.parse(shown.stdout);
  });

  it('is drawn by seams check too, and leaves its verdict alone on standard output', async () => {
    const shown = await run(['check', REPO, '--no-cache'], { tty: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/seams: parsing \[#{20}\] \d+\/\d+ files/);
    expect(shown.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(shown.stdout).toMatch(/^seams check: \+0 new/);
    expect((await run(['check', REPO, '--no-cache', '--quiet'], { tty: true })).stderr).toBe('');
  });

  it('is drawn by seams init too, and init takes --quiet', async () => {
    const drawn = tempProject({
      'src/a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
      'src/b/y.ts': 'export const y = 1;\n',
    });
    const shown = await run(['init', drawn, '--no-cache'], { tty: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/seams: parsing \[#{20}\] \d+\/\d+ files/);
    expect(shown.stdout).toMatch(/^wrote /);
    const quiet = tempProject({
      'src/a/x.ts': "import { y } from '../b/y';\nexport const x = y;\n",
      'src/b/y.ts': 'export const y = 1;\n',
    });
    const silent = await run(['init', quiet, '--no-cache', '--quiet'], { tty: true });
    expect(silent).toMatchObject({ code: 0, stderr: '' });
  });

  it('stays silent when standard error is not a terminal, and with --quiet', async () => {
    expect((await run(['analyze', fixture('plan-shop'), '--no-cache'], { tty: false })).stderr).toBe('');
    expect((await run(['analyze', fixture('plan-shop'), '--no-cache', '--quiet'], { tty: true })).stderr).toBe('');
  });

  it('redraws the parse line at most every 80 ms, and always the last file', () => {
    let clock = 0;
    const lines: string[] = [];
    const display = progressDisplay(
      (text) => lines.push(text),
      true,
      () => clock,
    );
    display.listen({ stage: 'parse', done: 1, total: 4 });
    clock = 50;
    display.listen({ stage: 'parse', done: 2, total: 4 });
    clock = 100;
    display.listen({ stage: 'parse', done: 3, total: 4 });
    clock = 101;
    display.listen({ stage: 'parse', done: 4, total: 4 });
    display.done();
    expect(lines).toEqual([
      '\r\u001b[2Kseams: parsing [#####---------------] 1/4 files',
      '\r\u001b[2Kseams: parsing [###############-----] 3/4 files',
      '\r\u001b[2Kseams: parsing [####################] 4/4 files',
      '\r\u001b[2K',
    ]);
  });
});

describe('seams report --from rejects what it cannot re-render faithfully', () => {
  it('refuses an analysis saved by another seams version', async () => {
    const folder = tempProject({});
    expect(
      (
        await run(['analyze', fixture('plan-shop'), '--format', 'analysis', '-o', 'analysis.json', '--no-cache'], {
          cwd: folder,
        })
      ).code,
    ).toBe(0);
    const file = path.join(folder, 'analysis.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, tool: { name: 'seams', version: '0.0.1' } }));
    const result = await run(['report', '--from', 'analysis.json'], { cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error \[REPORT_INVALID\] analysis\.json: saved by seams 0\.0\.1, this is seams \d+\.\d+\.\d+\nhint: /,
    );
  });

  it('says which options would be ignored, with exit 2', async () => {
    const result = await run(['report', '--from', 'analysis.json', '--seed', '7', '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error \[USAGE\] --seed, --no-cache apply to analysing a project, not to re-rendering one with --from\nhint: /,
    );
  });

  it('refuses every analysis flag, in the order of the help, and accepts the re-rendering ones', async () => {
    // In the order of the help, which is the order of the option table (src/config/options.ts).
    const analysisFlags = [
      ['--tsconfig', 'tsconfig.json'],
      ['--include', 'src/**'],
      ['--exclude', 'x'],
      ['--include-tests'],
      ['--seed', '7'],
      ['--resolution', '1'],
      ['--granularity', 'folder'],
      ['--kernel', 'none'],
      ['--semantic', '0'],
      ['--stem', '0'],
      ['--git'],
      ['--since', '2024-01-01'],
      ['--config', 'seams.config.json'],
      ['--expected', 'expected.json'],
      ['--max-file-size', '1MB'],
      ['--cache-dir', 'cache'],
      ['--timings'],
      ['--no-refine'],
      ['--no-cache'],
    ];
    const result = await run(['report', '--from', 'analysis.json', '--quiet', ...analysisFlags.flat()]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `error [USAGE] ${analysisFlags.map(([flag]) => flag).join(', ')} apply to analysing a project, not to re-rendering one with --from`,
    );
  });
});
