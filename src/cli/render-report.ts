import path from 'node:path';
import type { Analysis } from '../analysis.js';
import { SeamsError } from '../base/errors.js';
import type { GraphLevel } from '../report/graph-view.js';

/** Formats of `analyze` and `report`: people (text, html, markdown), tools (json, dot, mermaid), or the whole analysis (for `report --from`). */
export const REPORT_FORMATS = ['text', 'json', 'analysis', 'html', 'markdown', 'dot', 'mermaid'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Graph levels of `--format dot|mermaid`. */
export const GRAPH_LEVELS = ['service', 'module'] as const;

/** The format a file name asks for, by extension, or undefined. */
export function formatOfFile(file: string): ReportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  const byExtension: Record<string, ReportFormat> = {
    '.html': 'html',
    '.htm': 'html',
    '.md': 'markdown',
    '.markdown': 'markdown',
    '.json': 'json',
    '.dot': 'dot',
    '.gv': 'dot',
    '.mmd': 'mermaid',
    '.txt': 'text',
  };
  return byExtension[extension];
}

/** The format to write: the one asked for, else the one the output file's extension names, else text. */
export function chooseFormat(format: ReportFormat | undefined, output: string | undefined): ReportFormat {
  return format ?? (output === undefined ? undefined : formatOfFile(output)) ?? 'text';
}

/** Picks the reporter for a format; the JSON report comes in pieces (large projects). Reporters load on demand. */
export async function renderReport(
  analysis: Analysis,
  format: ReportFormat,
  level: GraphLevel = 'service',
): Promise<Iterable<string>> {
  if (level === 'module' && format !== 'dot' && format !== 'mermaid') {
    throw new SeamsError(
      'OPTION_INVALID',
      `--level module applies to --format dot or mermaid, not ${format}`,
      'for example `seams analyze --format dot --level module`',
    );
  }
  switch (format) {
    case 'analysis':
      return [`${JSON.stringify(analysis)}\n`];
    case 'json':
      return (await import('../report/json.js')).renderJsonChunks(analysis);
    case 'html':
      return [(await import('../report/html/render-html.js')).renderHtml(analysis)];
    case 'markdown':
      return [(await import('../report/markdown.js')).renderMarkdown(analysis)];
    case 'dot':
      return [(await import('../report/dot.js')).renderDot(analysis, level)];
    case 'mermaid':
      return [(await import('../report/mermaid.js')).renderMermaid(analysis, level)];
    default:
      return [(await import('../report/text.js')).renderText(analysis)];
  }
}
