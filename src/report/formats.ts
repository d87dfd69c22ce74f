/**
 * The names of the report formats and what identifies them (file extensions, a description),
 * without the reporters themselves: the CLI reads this to declare `--format` and to pick a format
 * from an output file's extension, and only loads a reporter when it renders.
 */
import path from 'node:path';
import type { GraphLevel } from './graph-view.js';

/** Formats of `analyze` and `report`: people (text, html, markdown), tools (json, dot, mermaid), or the whole analysis (for `report --from`). */
export const REPORT_FORMATS = ['text', 'json', 'analysis', 'html', 'markdown', 'dot', 'mermaid'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Graph levels of the formats that draw a graph (dot, mermaid). */
export const GRAPH_LEVELS = ['service', 'module'] as const satisfies readonly GraphLevel[];

/** Output formats of `seams check`. */
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** What identifies a report format. */
export interface FormatInfo {
  /** File extensions that name it, lower case with the dot, the usual one first; none for `analysis`. */
  extensions: readonly string[];
  /** One line for people choosing a format. */
  description: string;
  /** True when it draws a graph and takes a level (services, or modules grouped by service). */
  levels: boolean;
}

/** Every report format, in the order of REPORT_FORMATS. */
export const FORMAT_INFO: Readonly<Record<ReportFormat, FormatInfo>> = {
  text: { extensions: ['.txt'], description: 'plain text for a terminal', levels: false },
  json: { extensions: ['.json'], description: 'the JSON report (schema/report.schema.json)', levels: false },
  analysis: {
    extensions: [],
    description: 'the whole analysis, to re-render with `seams report --from`',
    levels: false,
  },
  html: { extensions: ['.html', '.htm'], description: 'self-contained HTML migration report', levels: false },
  markdown: {
    extensions: ['.md', '.markdown'],
    description: 'GitHub-flavoured Markdown migration report',
    levels: false,
  },
  dot: { extensions: ['.dot', '.gv'], description: 'Graphviz DOT graph', levels: true },
  mermaid: { extensions: ['.mmd'], description: 'Mermaid flowchart', levels: true },
};

/** The format a file name asks for, by extension, or undefined. */
export function formatOfFile(file: string): ReportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return REPORT_FORMATS.find((format) => FORMAT_INFO[format].extensions.includes(extension));
}
